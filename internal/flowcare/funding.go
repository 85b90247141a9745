package flowcare

import (
	"context"
	"time"
)

// Fen is an amount of money in fen (分), the smallest unit of the yuan.
// Money is never a float.
type Fen int64

// FundingSource is where a budget line's money comes from.
type FundingSource string

const (
	SourceCity            FundingSource = "CITY"
	SourceDistrict        FundingSource = "DISTRICT"
	SourceCentralTransfer FundingSource = "CENTRAL_TRANSFER"
)

// Valid reports whether s is a known source.
func (s FundingSource) Valid() bool {
	return s == SourceCity || s == SourceDistrict || s == SourceCentralTransfer
}

// BudgetLine is money a civil-affairs bureau sets aside in a fiscal year
// for purchasing services in some categories.
type BudgetLine struct {
	ID         string        `db:"id"`
	Name       string        `db:"name"`
	FunderID   string        `db:"funder_area_id"`
	FiscalYear int           `db:"fiscal_year"`
	Source     FundingSource `db:"source"`
	Amount     Fen           `db:"amount"`
	Purpose    []Category    `db:"-"`
	CreatedAt  time.Time     `db:"created_at"`
	// FunderPath is the funder's area path, for scope checks.
	FunderPath string `db:"funder_path"`
}

// ContractUnit is what a contract pays for.
type ContractUnit string

const (
	UnitSession     ContractUnit = "SESSION"
	UnitServiceHour ContractUnit = "SERVICE_HOUR"
	UnitChildServed ContractUnit = "CHILD_SERVED"
)

// Valid reports whether u is a known unit.
func (u ContractUnit) Valid() bool {
	return u == UnitSession || u == UnitServiceHour || u == UnitChildServed
}

// ContractStatus is the life of a purchase.
type ContractStatus string

const (
	ContractDraft      ContractStatus = "DRAFT"
	ContractSigned     ContractStatus = "SIGNED"
	ContractActive     ContractStatus = "ACTIVE"
	ContractClosed     ContractStatus = "CLOSED"
	ContractTerminated ContractStatus = "TERMINATED"
)

// Contract is a purchase of units of service from an organisation, paid
// from one budget line.
type Contract struct {
	ID             string         `db:"id"`
	BudgetLineID   string         `db:"budget_line_id"`
	OrganisationID string         `db:"organisation_id"`
	Title          string         `db:"title"`
	Categories     []Category     `db:"-"`
	Unit           ContractUnit   `db:"unit"`
	UnitPrice      Fen            `db:"unit_price"`
	Quantity       int64          `db:"quantity"`
	StartsOn       time.Time      `db:"starts_on"`
	EndsOn         time.Time      `db:"ends_on"`
	AreaIDs        []string       `db:"-"`
	Targets        string         `db:"targets"`
	Status         ContractStatus `db:"status"`
	SignedAt       *time.Time     `db:"signed_at"`
	CreatedAt      time.Time      `db:"created_at"`
	// FunderPath is the budget line's funder's area path, for scope checks.
	FunderPath string `db:"funder_path"`
}

// Value is what the contract is worth in full.
func (c *Contract) Value() Fen { return c.UnitPrice * Fen(c.Quantity) }

// Worth is what a verified session is worth under the contract, in units
// and fen. Hours are paid by the minute, rounded to the nearest fen; a
// child is paid for once per contract.
func (c *Contract) Worth(minutes int, firstForChild bool) (int64, Fen) {
	switch c.Unit {
	case UnitSession:
		return 1, c.UnitPrice
	case UnitServiceHour:
		return int64(minutes), (c.UnitPrice*Fen(minutes) + 30) / 60
	case UnitChildServed:
		if firstForChild {
			return 1, c.UnitPrice
		}
	}
	return 0, 0
}

// AuthorisedUnits is an authorisation's units in the unit deliveries count:
// minutes for service hours.
func (c *Contract) AuthorisedUnits(z *Authorisation) int64 {
	if c.Unit == UnitServiceHour {
		return z.Units * 60
	}
	return z.Units
}

// Authorisation allows some of a contract's units to be spent on one match.
type Authorisation struct {
	ID         string    `db:"id"`
	ContractID string    `db:"contract_id"`
	MatchID    string    `db:"match_id"`
	Units      int64     `db:"units"`
	StartsOn   time.Time `db:"starts_on"`
	EndsOn     time.Time `db:"ends_on"`
	CreatedAt  time.Time `db:"created_at"`
	// UsedUnits counts verified deliveries against it.
	UsedUnits int64 `db:"used_units"`
}

// DeliveryStatus is where a delivered session stands with civil-affairs staff.
type DeliveryStatus string

const (
	DeliveryVerified DeliveryStatus = "VERIFIED"
	DeliveryReturned DeliveryStatus = "RETURNED"
)

// Delivery is a session checked by civil-affairs staff against an
// authorisation, with what it is worth under the contract.
type Delivery struct {
	ID              string         `db:"id"`
	SessionID       string         `db:"session_id"`
	AuthorisationID string         `db:"authorisation_id"`
	ContractID      string         `db:"contract_id"`
	Status          DeliveryStatus `db:"status"`
	Reason          *string        `db:"reason"`
	Units           int64          `db:"units"`
	Amount          Fen            `db:"amount"`
	Minutes         int            `db:"minutes"`
	ChildID         string         `db:"child_id"`
	DeliveredAt     time.Time      `db:"delivered_at"`
	InvoiceID       *string        `db:"invoice_id"`
	VerifiedBy      *string        `db:"verified_by_username"`
	VerifiedAt      time.Time      `db:"verified_at"`
	Title           string         `db:"title"`
}

// PendingDelivery is a session of an authorised match not yet verified.
type PendingDelivery struct {
	SessionID       string    `db:"session_id"`
	AuthorisationID string    `db:"authorisation_id"`
	ContractID      string    `db:"contract_id"`
	ContractTitle   string    `db:"contract_title"`
	OrganisationID  string    `db:"organisation_id"`
	StartsAt        time.Time `db:"starts_at"`
	EndsAt          time.Time `db:"ends_at"`
	Title           string    `db:"title"`
	FunderPath      string    `db:"funder_path"`
}

// InvoiceStatus is where an invoice stands.
type InvoiceStatus string

const (
	InvoiceSubmitted InvoiceStatus = "SUBMITTED"
	InvoiceAccepted  InvoiceStatus = "ACCEPTED"
	InvoiceRejected  InvoiceStatus = "REJECTED"
	InvoiceDisputed  InvoiceStatus = "DISPUTED"
	InvoicePaid      InvoiceStatus = "PAID"
)

// Invoice is an organisation's claim for verified deliveries of a period.
type Invoice struct {
	ID          string        `db:"id"`
	ContractID  string        `db:"contract_id"`
	PeriodFrom  time.Time     `db:"period_from"`
	PeriodTo    time.Time     `db:"period_to"`
	Amount      Fen           `db:"amount"`
	Paid        Fen           `db:"paid"`
	Status      InvoiceStatus `db:"status"`
	Reason      *string       `db:"reason"`
	SubmittedAt time.Time     `db:"submitted_at"`
	DecidedAt   *time.Time    `db:"decided_at"`
	// FunderPath and OrganisationID are the contract's, for scope checks.
	FunderPath     string `db:"funder_path"`
	OrganisationID string `db:"organisation_id"`
}

// Payment is money paid against an accepted invoice.
type Payment struct {
	ID             string    `db:"id"`
	InvoiceID      string    `db:"invoice_id"`
	Amount         Fen       `db:"amount"`
	IdempotencyKey string    `db:"idempotency_key"`
	Reference      string    `db:"reference"`
	PaidOn         time.Time `db:"paid_on"`
	CreatedAt      time.Time `db:"created_at"`
}

// Ledger accounts. Money moves between them in balanced transactions; a
// balance is what has come in less what has gone out.
const (
	// AccountAppropriation is where a budget line's money comes from.
	AccountAppropriation = "appropriation"
	// AccountAvailable is a budget line's money not yet committed.
	AccountAvailable = "available"
	// AccountCommitted is a contract's value not yet invoiced and accepted.
	AccountCommitted = "committed"
	// AccountPayable is accepted invoices not yet paid.
	AccountPayable = "payable"
	// AccountPaid is what has been paid out.
	AccountPaid = "paid"
)

// Posting moves an amount from one account to another: one debit line and
// one credit line of the same amount.
type Posting struct {
	From, To string
	Amount   Fen
}

// LedgerTxn is one balanced movement of money.
type LedgerTxn struct {
	ID       int64
	Kind     string
	Ref      string
	Postings []Posting
	At       time.Time
}

// FundingStore keeps budgets, contracts, deliveries, invoices, payments and
// the ledger.
type FundingStore interface {
	CreateBudgetLine(ctx context.Context, b *BudgetLine, by string) error
	BudgetLine(ctx context.Context, id string, lock bool) (*BudgetLine, error)
	BudgetLines(ctx context.Context, funderPaths []string, year int) ([]*BudgetLine, error)

	CreateContract(ctx context.Context, c *Contract, by string) error
	Contract(ctx context.Context, id string, lock bool) (*Contract, error)
	// Contracts lists newest first: one page (and the total) when the
	// filter has a page, else all of them.
	Contracts(ctx context.Context, f ContractFilter) ([]*Contract, int, error)
	SetContractStatus(ctx context.Context, id string, st ContractStatus, at time.Time) error

	CreateAuthorisation(ctx context.Context, a *Authorisation, by string) error
	Authorisations(ctx context.Context, contractID string) ([]*Authorisation, error)
	AuthorisationForSession(ctx context.Context, sessionID string) (*Authorisation, *ServiceSession, error)

	PendingDeliveries(ctx context.Context, funderPaths []string, limit int) ([]*PendingDelivery, error)
	CreateDelivery(ctx context.Context, d *Delivery, by string) error
	Deliveries(ctx context.Context, contractID string, status DeliveryStatus, uninvoicedOnly bool) ([]*Delivery, error)
	// ChildServedBefore reports whether a contract already has a verified
	// delivery for the child.
	ChildServedBefore(ctx context.Context, contractID, childID string) (bool, error)

	CreateInvoice(ctx context.Context, inv *Invoice, deliveryIDs []string, by string) error
	Invoice(ctx context.Context, id string, lock bool) (*Invoice, error)
	// Invoices lists newest first, paged like Contracts.
	Invoices(ctx context.Context, f InvoiceFilter) ([]*Invoice, int, error)
	SetInvoiceStatus(ctx context.Context, id string, st InvoiceStatus, reason *string, at time.Time) error
	// ReleaseInvoiceDeliveries frees a rejected invoice's deliveries.
	ReleaseInvoiceDeliveries(ctx context.Context, invoiceID string) error

	PaymentByKey(ctx context.Context, key string) (*Payment, error)
	CreatePayment(ctx context.Context, p *Payment, by string) error

	Post(ctx context.Context, t *LedgerTxn, by string) error
	// Balance sums an account's lines.
	Balance(ctx context.Context, account string) (Fen, error)
	// Invoiced is the total of a contract's invoices that are not rejected.
	Invoiced(ctx context.Context, contractID string) (Fen, error)
	Figures(ctx context.Context, contractIDs []string) (map[string]ContractFigures, error)
	// ChildrenServed lists the children each contract's verified deliveries served.
	ChildrenServed(ctx context.Context, contractIDs []string) (map[string][]string, error)
	Payments(ctx context.Context, invoiceIDs []string) (map[string][]Payment, error)
	// DistrictSpend lists, per district within the paths (all when empty),
	// delivered spend and unmet needs by category.
	// Spend counts deliveries of the year only (all years when 0); unmet
	// needs are those open now.
	DistrictSpend(ctx context.Context, paths []string, year int) ([]DistrictSpend, error)
}

// ContractFilter narrows a contract list.
type ContractFilter struct {
	FunderPaths     []string
	OrganisationIDs []string
	BudgetLineID    string
	Any             bool
	Page            *Page
}

// InvoiceFilter narrows an invoice list.
type InvoiceFilter struct {
	FunderPaths     []string
	OrganisationIDs []string
	ContractID      string
	Statuses        []InvoiceStatus
	Any             bool
	Page            *Page
}

// Account names a ledger account of a budget line or contract.
func Account(kind, id string) string { return kind + ":" + id }

// ContractFigures are a contract's money and delivery, derived from the
// ledger, deliveries and invoices.
type ContractFigures struct {
	ContractID string `db:"contract_id"`
	// Delivered is what verified deliveries are worth.
	Delivered Fen `db:"delivered"`
	// Invoiced counts invoices not rejected; Accepted those accepted or paid.
	Invoiced Fen   `db:"invoiced"`
	Accepted Fen   `db:"accepted"`
	Paid     Fen   `db:"paid"`
	Children int   `db:"children"`
	Minutes  int64 `db:"minutes"`
	Units    int64 `db:"units"`
	Sessions int64 `db:"sessions"`
}

// DistrictSpend is what a district's children received in one category
// against the needs of that category still unmet there.
type DistrictSpend struct {
	DistrictID string   `db:"district_id"`
	Category   Category `db:"category"`
	Spent      Fen      `db:"spent"`
	Unmet      int      `db:"unmet"`
}
