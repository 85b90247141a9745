package flowcare

import (
	"context"
	"time"
)

// LedgerReason is why a child needs special care (policy part II, item 2).
type LedgerReason string

const (
	ReasonFamilyHardship LedgerReason = "FAMILY_HARDSHIP"
	ReasonDisability     LedgerReason = "DISABILITY"
	ReasonNoGuardianship LedgerReason = "LACK_OF_GUARDIANSHIP"
	ReasonVagrancy       LedgerReason = "VAGRANCY"
	ReasonPsychological  LedgerReason = "PSYCHOLOGICAL_OR_BEHAVIOURAL"
	ReasonOwnRequest     LedgerReason = "OWN_REQUEST_FOR_HELP"
)

// LedgerReasons lists every reason in a stable order.
var LedgerReasons = []LedgerReason{ReasonFamilyHardship, ReasonDisability, ReasonNoGuardianship, ReasonVagrancy, ReasonPsychological, ReasonOwnRequest}

// Level is a risk or urgency level.
type Level string

const (
	LevelHigh   Level = "HIGH"
	LevelMedium Level = "MEDIUM"
	LevelLow    Level = "LOW"
)

// ValidLevel reports whether l is a known level.
func ValidLevel(l Level) bool { return l == LevelHigh || l == LevelMedium || l == LevelLow }

// LedgerEntry is a child's place in the key-care ledger.
type LedgerEntry struct {
	ChildID      string
	Reasons      []LedgerReason
	Risk         Level
	EnteredOn    time.Time
	LeftOn       *time.Time
	LeftReason   string
	NextVisitDue time.Time
	// AreaPath is the child's community path, for scope checks and lists.
	AreaPath string
	// History is loaded with the child's file only.
	History []LedgerEvent
}

// LedgerEvent is one change in a ledger record's history.
type LedgerEvent struct {
	ID      int64     `db:"id"`
	ChildID string    `db:"child_id"`
	Event   string    `db:"event"`
	Detail  string    `db:"detail"`
	At      time.Time `db:"at"`
	Actor   *string   `db:"actor_username"`
}

// VisitForm is how a visit happened.
type VisitForm string

const (
	VisitHome   VisitForm = "HOME"
	VisitSchool VisitForm = "SCHOOL"
	VisitPhone  VisitForm = "PHONE"
)

// VisitStatus is where a visit record stands with the supervisor.
type VisitStatus string

const (
	VisitPending  VisitStatus = "PENDING_REVIEW"
	VisitAccepted VisitStatus = "ACCEPTED"
	VisitReturned VisitStatus = "RETURNED"
)

// Visit is a recorded visit to a child on the ledger.
type Visit struct {
	ID          string
	ChildID     string
	VisitedOn   time.Time
	Visitor     string
	VisitorID   string
	Form        VisitForm
	Findings    string
	FollowUp    string
	NextVisitOn *time.Time
	Status      VisitStatus
	ReviewedBy  string
	ReviewedAt  *time.Time
	ReviewNote  string
	CreatedAt   time.Time
}

// NeedStatus is the life of a need.
type NeedStatus string

const (
	NeedOpen      NeedStatus = "OPEN"
	NeedMatching  NeedStatus = "MATCHING"
	NeedInService NeedStatus = "IN_SERVICE"
	NeedMet       NeedStatus = "MET"
	NeedWithdrawn NeedStatus = "WITHDRAWN"
)

// NeedPlace is where a child would prefer to be served.
type NeedPlace string

const (
	PlaceNearHome   NeedPlace = "NEAR_HOME"
	PlaceNearSchool NeedPlace = "NEAR_SCHOOL"
	PlaceVenue      NeedPlace = "VENUE"
	PlaceAny        NeedPlace = "ANY"
)

// Need is one of a child's needs, in one category.
type Need struct {
	ID          string       `db:"id"`
	ChildID     string       `db:"child_id"`
	Category    Category     `db:"category"`
	Description string       `db:"description"`
	Urgency     Level        `db:"urgency"`
	Windows     []TimeWindow `db:"-"`
	Language    string       `db:"language"`
	Place       NeedPlace    `db:"place"`
	Status      NeedStatus   `db:"status"`
	CreatedAt   time.Time    `db:"created_at"`
	UpdatedAt   time.Time    `db:"updated_at"`
}

// NeedEvent is one status change of a need.
type NeedEvent struct {
	ID     int64      `db:"id"`
	NeedID string     `db:"need_id"`
	Status NeedStatus `db:"status"`
	Note   string     `db:"note"`
	At     time.Time  `db:"at"`
	Actor  *string    `db:"actor_username"`
}

// CareStore keeps the ledger, visits and needs.
type CareStore interface {
	Cadence(ctx context.Context) (map[Level]int, error)
	SetCadence(ctx context.Context, l Level, days int) error
	LedgerEntry(ctx context.Context, childID string) (*LedgerEntry, error)
	// LedgerEntries are the entries, current or left, of those of the
	// children who have one.
	LedgerEntries(ctx context.Context, childIDs []string) ([]*LedgerEntry, error)
	SaveLedgerEntry(ctx context.Context, e *LedgerEntry) error
	AddLedgerEvent(ctx context.Context, childID, event string, detail map[string]any, at time.Time, by string) error
	LedgerHistory(ctx context.Context, childID string) ([]LedgerEvent, error)
	// ListLedger lists current entries within an area; overdueOn keeps those
	// whose next visit was due before that day.
	ListLedger(ctx context.Context, areaPath string, overdueOn *time.Time, p Page) ([]*LedgerEntry, int, error)

	CreateVisit(ctx context.Context, v *Visit) error
	VisitByID(ctx context.Context, id string) (*Visit, error)
	ReviewVisit(ctx context.Context, id string, st VisitStatus, by, note string, at time.Time) error
	// ResubmitVisit replaces a returned visit's content and puts it back for review.
	ResubmitVisit(ctx context.Context, v *Visit) error
	Visits(ctx context.Context, childID string) ([]*Visit, error)
	PendingVisits(ctx context.Context, areaPath string) ([]*Visit, error)

	CreateNeed(ctx context.Context, n *Need, by string) error
	UpdateNeed(ctx context.Context, n *Need) error
	NeedByID(ctx context.Context, id string) (*Need, error)
	SetNeedStatus(ctx context.Context, id string, st NeedStatus, note, by string, at time.Time) error
	NeedsOf(ctx context.Context, childID string) ([]*Need, error)
	NeedHistory(ctx context.Context, needID string) ([]NeedEvent, error)
}
