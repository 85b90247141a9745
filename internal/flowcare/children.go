package flowcare

import (
	"context"
	"strings"
	"time"
)

// Gender of a child as recorded.
type Gender string

const (
	GenderFemale Gender = "FEMALE"
	GenderMale   Gender = "MALE"
)

// MovedWith says with whom a child left their hukou county.
type MovedWith string

const (
	MovedWithOneGuardian   MovedWith = "ONE_GUARDIAN"
	MovedWithBothGuardians MovedWith = "BOTH_GUARDIANS"
	MovedWithOtherCarer    MovedWith = "OTHER_CARER"
	// MovedAlone is recorded honestly but does not make a flow child: the
	// policy counts children who moved with guardians or carers.
	MovedAlone MovedWith = "ALONE"
)

// HukouOrigin is where a child's household registration is.
type HukouOrigin struct {
	Province string `json:"province"`
	City     string `json:"city"`
	County   string `json:"county"`
}

// Guardian is a parent or carer; name and phone are personal data.
type Guardian struct {
	ID       string `db:"id"`
	ChildID  string `db:"child_id"`
	Name     string `db:"-"`
	Relation string `db:"relation"`
	Phone    string `db:"-"`
	Primary  bool   `db:"is_primary"`
}

// ChildStatus says whether a record is on the active lists.
type ChildStatus string

const (
	ChildActive ChildStatus = "ACTIVE"
	// ChildInactive records are kept but leave the active lists: the child
	// turned 16, moved away or is otherwise no longer a flow child here.
	ChildInactive ChildStatus = "INACTIVE"
)

// Child is a registered flow child. Name, ID number and address are personal
// data: they are encrypted at rest and never leave PostgreSQL for search.
type Child struct {
	ID             string
	Name           string
	Gender         Gender
	BirthDate      time.Time
	IDNumber       string
	NoIDReason     string
	Hukou          HukouOrigin
	MovedWith      MovedWith
	CommunityID    string
	Address        string
	ArrivedOn      time.Time
	School         string
	Languages      []string
	Disability     string
	Guardians      []Guardian
	Status         ChildStatus
	LastReviewedOn *time.Time
	RegisteredBy   string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	// AreaPath is the community's path, for scope checks.
	AreaPath string
	// Eligibility is computed for the day the record is read; never stored.
	Eligibility *Eligibility
	// FileRead is set when the record was read as a whole file, with an
	// audit entry; the parts beyond a list's are shown only then.
	FileRead bool
}

// Eligibility is whether a child counts as a flow child under the policy, and why.
type Eligibility struct {
	Eligible bool
	// Reasons lists every rule the child fails, each a code from the list below.
	Reasons []string
	// TurnsSixteenOn is when the child leaves the programme by age.
	TurnsSixteenOn time.Time
}

// Reasons a record is not (or no longer) eligible.
const (
	IneligibleAge16         = "AGE_16_OR_OVER"
	IneligibleShortStay     = "LIVED_HERE_UNDER_6_MONTHS"
	IneligibleCentralMove   = "MOVED_ONLY_AMONG_CENTRAL_DISTRICTS"
	IneligibleNotMoved      = "HUKOU_IN_RESIDENCE_COUNTY"
	IneligibleMovedAlone    = "NOT_MOVED_WITH_GUARDIAN_OR_CARER"
	IneligibleNotYetArrived = "ARRIVAL_IN_FUTURE"
)

// CentralDistricts are the six central districts of Beijing; moving only among
// them does not make a child a flow child (policy, part I).
var CentralDistricts = map[string]string{
	"110101": "东城区", "110102": "西城区", "110105": "朝阳区", "110108": "海淀区", "110106": "丰台区", "110107": "石景山区",
}

// AgeOn is a person's age in whole years on day.
func AgeOn(birth, day time.Time) int {
	age := day.Year() - birth.Year()
	if day.Month() < birth.Month() || (day.Month() == birth.Month() && day.Day() < birth.Day()) {
		age--
	}
	return age
}

// IsBeijingHukou reports whether the hukou origin is in Beijing.
func (h HukouOrigin) IsBeijingHukou() bool {
	return strings.HasPrefix(strings.TrimSpace(h.Province), "北京")
}

// centralCounty reports whether the county names one of the six central districts.
func centralCounty(county string) bool {
	county = strings.TrimSpace(county)
	for _, name := range CentralDistricts {
		if county == name || county+"区" == name {
			return true
		}
	}
	return false
}

// ComputeEligibility applies the policy's definition: under 16, left the
// hukou county with one or both guardians or other carers, living here six
// months or more; moves only among the six central districts do not count.
// residenceDistrict is the code of the district the child lives in.
func ComputeEligibility(c *Child, residenceDistrict, residenceDistrictName string, today time.Time) Eligibility {
	e := Eligibility{TurnsSixteenOn: c.BirthDate.AddDate(16, 0, 0)}
	if AgeOn(c.BirthDate, today) >= 16 {
		e.Reasons = append(e.Reasons, IneligibleAge16)
	}
	if c.MovedWith == MovedAlone {
		e.Reasons = append(e.Reasons, IneligibleMovedAlone)
	}
	if c.ArrivedOn.After(today) {
		e.Reasons = append(e.Reasons, IneligibleNotYetArrived)
	} else if c.ArrivedOn.AddDate(0, 6, 0).After(today) {
		e.Reasons = append(e.Reasons, IneligibleShortStay)
	}
	if c.Hukou.IsBeijingHukou() {
		county := strings.TrimSpace(c.Hukou.County)
		switch {
		case county == residenceDistrictName || county+"区" == residenceDistrictName:
			e.Reasons = append(e.Reasons, IneligibleNotMoved)
		case centralCounty(county) && CentralDistricts[residenceDistrict] != "":
			e.Reasons = append(e.Reasons, IneligibleCentralMove)
		}
	}
	e.Eligible = len(e.Reasons) == 0
	return e
}

// IDCheckChar is the GB 11643 check character for the first 17 digits.
func IDCheckChar(first17 string) byte {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17 && i < len(first17); i++ {
		sum += int(first17[i]-'0') * weights[i]
	}
	return "10X98765432"[sum%11]
}

// ValidIDNumber checks an 18-character resident identity number (GB 11643):
// 17 digits, a valid birth date matching birth, and the ISO 7064 MOD 11-2
// check character.
func ValidIDNumber(id string, birth time.Time) (bool, string) {
	id = strings.ToUpper(strings.TrimSpace(id))
	if len(id) != 18 {
		return false, "身份证号码应为 18 位"
	}
	for i := 0; i < 17; i++ {
		if id[i] < '0' || id[i] > '9' {
			return false, "身份证号码前 17 位应为数字"
		}
	}
	if id[17] != IDCheckChar(id[:17]) {
		return false, "身份证号码校验位不正确，请核对"
	}
	b, err := time.Parse("20060102", id[6:14])
	if err != nil {
		return false, "身份证号码中的出生日期无效"
	}
	if !birth.IsZero() && !b.Equal(time.Date(birth.Year(), birth.Month(), birth.Day(), 0, 0, 0, 0, time.UTC)) {
		return false, "身份证号码中的出生日期与填写的出生日期不一致"
	}
	return true, ""
}

// ConsentPurpose is what a guardian consents to.
type ConsentPurpose string

const (
	ConsentServices   ConsentPurpose = "SERVICES"
	ConsentShare      ConsentPurpose = "SHARE_WITH_PROVIDER"
	ConsentStatistics ConsentPurpose = "STATISTICS"
)

// ConsentMethod is how consent was given.
type ConsentMethod string

const (
	ConsentWritten ConsentMethod = "WRITTEN"
	ConsentVerbal  ConsentMethod = "VERBAL"
	ConsentOnline  ConsentMethod = "ONLINE"
)

// Consent is a guardian's decision on one purpose; a later record for the
// same purpose supersedes it.
type Consent struct {
	ID          string         `db:"id"`
	ChildID     string         `db:"child_id"`
	Purpose     ConsentPurpose `db:"purpose"`
	Granted     bool           `db:"granted"`
	GuardianID  *string        `db:"guardian_id"`
	Method      ConsentMethod  `db:"method"`
	GivenOn     time.Time      `db:"given_on"`
	RecordedBy  *string        `db:"recorded_by_username"`
	RecordedAt  time.Time      `db:"recorded_at"`
	WithdrawnAt *time.Time     `db:"withdrawn_at"`
	// Guardian is the guardian who decided, when known to the reader.
	Guardian *Guardian `db:"-"`
}

// HasConsent reports the current decision on a purpose, given a child's
// consents newest first: the latest record not withdrawn decides.
func HasConsent(cs []Consent, p ConsentPurpose) bool {
	for _, c := range cs {
		if c.Purpose == p && c.WithdrawnAt == nil {
			return c.Granted
		}
	}
	return false
}

// ChildMatch is a stored child that may be the same person as a record being
// entered. Its area decides what the person entering it may be told.
type ChildMatch struct {
	ChildID  string
	AreaPath string
	// ByIDNumber: the ID numbers are equal; otherwise name and birth date are.
	ByIDNumber bool
}

// ChildFilter narrows a child listing to an area.
type ChildFilter struct {
	AreaPath string
	Search   string
	Status   ChildStatus
	// ReviewDueBefore keeps children whose last review is older than this day (or missing).
	ReviewDueBefore *time.Time
}

// ChildStore keeps children, their guardians and consents. It encrypts and
// decrypts personal data itself, so the rest of the program sees plaintext.
// ReportedChild is a child as a report lists it: Ledger is the open ledger
// entry (its child, risk and next visit only), nil when the child is not on it.
type ReportedChild struct {
	*Child
	Ledger *LedgerEntry
}

type ChildStore interface {
	CreateChild(ctx context.Context, c *Child) error
	// CreateChildren creates many children with their guardians at once, as
	// CreateChild creates each.
	CreateChildren(ctx context.Context, cs []*Child) error
	UpdateChild(ctx context.Context, c *Child) error
	ChildByID(ctx context.Context, id string) (*Child, error)
	// FindDuplicates returns, for each record, the other stored children with
	// the same ID number or the same name and birth date, wherever they live.
	FindDuplicates(ctx context.Context, cs []*Child) ([][]ChildMatch, error)
	ListChildren(ctx context.Context, f ChildFilter, today time.Time, p Page) ([]*Child, int, error)
	// EachChild passes every child of f, in ListChildren's order and with its
	// open ledger entry, to fn batch at a time, from one statement. fn must
	// not use the store it came from while it runs inside a transaction.
	EachChild(ctx context.Context, f ChildFilter, today time.Time, batch int, fn func([]ReportedChild) error) error
	// ChildrenByIDs loads children in list form: no ID number, address or guardians.
	ChildrenByIDs(ctx context.Context, ids []string) ([]*Child, error)
	RecordReview(ctx context.Context, childID string, on time.Time, by, note string) error
	Reviews(ctx context.Context, childID string) ([]ChildReview, error)
	CreateConsent(ctx context.Context, c *Consent, by string) error
	ConsentByID(ctx context.Context, id string) (*Consent, error)
	WithdrawConsent(ctx context.Context, id string, at time.Time) error
	ConsentsOf(ctx context.Context, childIDs []string) (map[string][]Consent, error)
	SaveImport(ctx context.Context, imp *ChildImport, by string) error
	ListImports(ctx context.Context, p Page) ([]*ChildImport, error)
	// Overview counts an area's children by street: active, eligible, on the
	// ledger, visits overdue and reviews due.
	Overview(ctx context.Context, areaPath string, today time.Time) ([]OverviewRow, error)
	// ReviewWorkload counts, per worker who registered them, the active
	// children of an area whose review is overdue or falls due by dueBy.
	ReviewWorkload(ctx context.Context, areaPath string, today, dueBy time.Time) ([]WorkerReviews, error)
	// ReencryptBatch re-encrypts up to limit rows holding values not under the
	// current key and returns how many rows it changed.
	ReencryptBatch(ctx context.Context, limit int) (int, error)
}

// ImportSource is the agency a list of children comes from (policy item 3).
type ImportSource string

const (
	SourceEducation      ImportSource = "EDUCATION"
	SourcePublicSecurity ImportSource = "PUBLIC_SECURITY"
)

// ChildImport records one applied import; its summary has no personal data.
type ChildImport struct {
	ID         string       `db:"id"`
	Source     ImportSource `db:"source"`
	FileName   string       `db:"file_name"`
	Rows       int          `db:"rows"`
	Created    int          `db:"created"`
	Updated    int          `db:"updated"`
	Conflicts  int          `db:"conflicts"`
	Invalid    int          `db:"invalid"`
	Summary    string       `db:"summary"`
	ImportedBy *string      `db:"imported_by_username"`
	ImportedAt time.Time    `db:"imported_at"`
}

// OverviewRow is one street's counts.
type OverviewRow struct {
	AreaID        string `db:"area_id"`
	Active        int    `db:"active"`
	Eligible      int    `db:"eligible"`
	OnLedger      int    `db:"on_ledger"`
	VisitsOverdue int    `db:"visits_overdue"`
	ReviewsDue    int    `db:"reviews_due"`
}

// WorkerReviews is one worker's monitoring reviews: overdue, and due soon.
type WorkerReviews struct {
	Worker  string `db:"worker"`
	Overdue int    `db:"overdue"`
	DueSoon int    `db:"due_soon"`
}

// ChildReview is one half-yearly monitoring review of a child's record.
type ChildReview struct {
	ReviewedOn time.Time `db:"reviewed_on"`
	Reviewer   *string   `db:"reviewer_username"`
	Note       string    `db:"note"`
}
