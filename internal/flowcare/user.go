package flowcare

import (
	"context"
	"time"
)

// User is a person who signs in.
type User struct {
	ID            string     `db:"id"`
	Username      string     `db:"username"`
	DisplayName   string     `db:"display_name"`
	PasswordHash  string     `db:"password_hash"`
	Disabled      bool       `db:"disabled"`
	FailedSignIns int        `db:"failed_sign_ins"`
	LockedUntil   *time.Time `db:"locked_until"`
	CreatedAt     time.Time  `db:"created_at"`
	LastSignInAt  *time.Time `db:"last_sign_in_at"`
}

// Session is a signed-in session; only a hash of its token is stored.
type Session struct {
	ID        string     `db:"id"`
	UserID    string     `db:"user_id"`
	TokenHash string     `db:"token_hash"`
	CreatedAt time.Time  `db:"created_at"`
	ExpiresAt time.Time  `db:"expires_at"`
	RevokedAt *time.Time `db:"revoked_at"`
}

// AuditEvent records who did what, when and from where.
type AuditEvent struct {
	ID            int64     `db:"id"`
	At            time.Time `db:"at"`
	ActorID       *string   `db:"actor_id"`
	ActorUsername *string   `db:"actor_username"`
	Action        string    `db:"action"`
	Target        *string   `db:"target"`
	IP            *string   `db:"ip"`
	UserAgent     *string   `db:"user_agent"`
	RequestID     *string   `db:"request_id"`
	Detail        string    `db:"detail"`
}

// Audit actions recorded by the access use cases.
const (
	AuditSignIn          = "auth.sign_in"
	AuditSignInFailed    = "auth.sign_in_failed"
	AuditSignOut         = "auth.sign_out"
	AuditPasswordChanged = "auth.password_changed"
	AuditUserCreated     = "access.user_created"
	AuditGrant           = "access.grant"
	AuditRevoke          = "access.revoke"
	AuditUserDisabled    = "access.user_disabled"
	AuditUserEnabled     = "access.user_enabled"
	AuditRead            = "audit.read"
	AuditAreasImported   = "reference.areas_imported"
	AuditAreaPointSet    = "reference.area_point_set"
)

// Page asks for one page of a cursor-paginated list.
type Page struct {
	First int
	After string
}

// Page sizes: what an unset First means, and the most one page may hold.
const (
	DefaultPageSize = 20
	MaxPageSize     = 200
)

// Validate refuses page sizes outside 0 (the default) to MaxPageSize.
func (p Page) Validate() error {
	if p.First < 0 || p.First > MaxPageSize {
		return Invalid("first", "每页数量需在 1 到 %d 之间", MaxPageSize)
	}
	return nil
}

// Limit is the number of items the page holds, bounded so that one request
// cannot ask for everything.
func (p Page) Limit() int {
	switch {
	case p.First <= 0:
		return DefaultPageSize
	case p.First > MaxPageSize:
		return MaxPageSize
	}
	return p.First
}

// UserFilter narrows a user listing. Reach limits it to users with at least
// one grant the viewer could give; nil means no limit.
type UserFilter struct {
	Search string
	Reach  []Reach
}

// Reach is one kind of grant a user may give: Roles on areas within AreaPath
// (strictly inside it when StrictlyInside) or on OrganisationID.
type Reach struct {
	Roles          []Role
	AreaPath       string
	StrictlyInside bool
	OrganisationID string
	// Any is set for platform admins, who may grant anything anywhere.
	Any bool
}

// Tx is a unit of work: everything done through it commits or rolls back together.
type Tx interface {
	Users() UserStore
	Areas() AreaStore
	Audit() AuditStore
	Directory() DirectoryStore
	Children() ChildStore
	Care() CareStore
	Matches() MatchStore
	Funding() FundingStore
}

// Transactor runs fn in one transaction, committing if it returns nil.
type Transactor interface {
	InTx(ctx context.Context, fn func(Tx) error) error
}

// UserStore keeps users, their sessions and grants.
type UserStore interface {
	CreateUser(ctx context.Context, u *User) error
	UserByID(ctx context.Context, id string) (*User, error)
	UserByUsername(ctx context.Context, username string) (*User, error)
	UsersByIDs(ctx context.Context, ids []string) ([]*User, error)
	ListUsers(ctx context.Context, f UserFilter, p Page) ([]*User, int, error)
	RecordSignIn(ctx context.Context, userID string, at time.Time) error
	RecordFailedSignIn(ctx context.Context, userID string, lockAfter int, lockedUntil time.Time) (*User, error)
	SetPassword(ctx context.Context, userID, hash string) error
	SetDisabled(ctx context.Context, userID string, disabled bool) error

	CreateSession(ctx context.Context, s *Session) error
	SessionByTokenHash(ctx context.Context, hash string, now time.Time) (*Session, error)
	RevokeSession(ctx context.Context, id string, at time.Time) error
	RevokeUserSessions(ctx context.Context, userID, exceptID string, at time.Time) error

	CreateGrant(ctx context.Context, g *Grant, grantedBy string) error
	GrantByID(ctx context.Context, id string) (*Grant, error)
	RevokeGrant(ctx context.Context, id, revokedBy string, at time.Time) error
	ActiveGrants(ctx context.Context, userIDs []string) (map[string][]Grant, error)
}

// AreaStore keeps the area hierarchy and organisations.
type AreaStore interface {
	AreasByIDs(ctx context.Context, ids []string) ([]*Area, error)
	// AreasWithAncestors is AreasByIDs with every area above them, to the city.
	AreasWithAncestors(ctx context.Context, ids []string) ([]*Area, error)
	ChildAreas(ctx context.Context, parentID string, level AreaLevel) ([]*Area, error)
	AreasByParents(ctx context.Context, parentIDs []string) ([]*Area, error)
	UpsertArea(ctx context.Context, a *Area) (created bool, err error)
	// AddAreas inserts the areas not yet stored, parents before children, and
	// sets the point of stored ones that have none; nothing else changes.
	AddAreas(ctx context.Context, as []*Area) (added, located int, err error)
	SetAreaPoint(ctx context.Context, id string, lat, lng *float64) error
	OrganisationsByIDs(ctx context.Context, ids []string) ([]*Organisation, error)
	ListOrganisations(ctx context.Context, f OrganisationFilter, p Page) ([]*Organisation, int, error)
	UpsertOrganisation(ctx context.Context, o *Organisation) error
}

// OrganisationFilter narrows an organisation listing.
type OrganisationFilter struct {
	Search       string
	Kind         OrganisationKind
	Verification VerificationStatus
	// AreaPath keeps organisations registered within this area.
	AreaPath string
}

// AuditStore appends to and reads the audit log.
type AuditStore interface {
	Record(ctx context.Context, e *AuditEvent) error
	// RecordAll appends events in their order in one write, without reading
	// their ids back.
	RecordAll(ctx context.Context, es []*AuditEvent) error
	List(ctx context.Context, action string, p Page) ([]*AuditEvent, error)
	ListByTarget(ctx context.Context, action, target string, p Page) ([]*AuditEvent, error)
}
