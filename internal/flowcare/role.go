package flowcare

import (
	"context"
	"time"
)

// Role is what a person may do; it is granted on an area or an organisation.
type Role string

const (
	RoleCivilAffairs    Role = "CIVIL_AFFAIRS"
	RoleChildSupervisor Role = "CHILD_SUPERVISOR"
	RoleChildDirector   Role = "CHILD_DIRECTOR"
	RoleOrgAdmin        Role = "ORG_ADMIN"
	RoleOrgStaff        Role = "ORG_STAFF"
	RoleVolunteer       Role = "VOLUNTEER"
	RoleVenueStaff      Role = "VENUE_STAFF"
	RoleEventOrganiser  Role = "EVENT_ORGANISER"
	RoleAuditor         Role = "AUDITOR"
	RoleAdmin           Role = "ADMIN"
)

// Roles lists every role in a stable order.
var Roles = []Role{
	RoleCivilAffairs, RoleChildSupervisor, RoleChildDirector, RoleOrgAdmin, RoleOrgStaff,
	RoleVolunteer, RoleVenueStaff, RoleEventOrganiser, RoleAuditor, RoleAdmin,
}

// RoleScope says on what a role is granted and which kinds of it are allowed.
type RoleScope struct {
	// AreaLevels is non-empty for roles granted on an area.
	AreaLevels []AreaLevel
	// OrgKinds is non-empty for roles granted on an organisation; nil with
	// OrgOptional means any kind.
	OrgKinds []OrganisationKind
	// OrgRequired is true when the organisation must be given.
	OrgRequired bool
	// OrgOptional is true when an organisation may be given but need not be.
	OrgOptional bool
}

var allOrgKinds = []OrganisationKind{OrgSocial, OrgLibrary, OrgMuseum, OrgYouthLeague, OrgWomensFederation, OrgOther}

// Scope returns the scope rules of r. Supervisors work for a street and
// directors for a community (policy: 儿童督导员 at 街道, 儿童主任 at 村/社区).
func (r Role) Scope() RoleScope {
	switch r {
	case RoleCivilAffairs, RoleAuditor:
		return RoleScope{AreaLevels: []AreaLevel{AreaCity, AreaDistrict}}
	case RoleAdmin:
		return RoleScope{AreaLevels: []AreaLevel{AreaCity}}
	case RoleChildSupervisor:
		return RoleScope{AreaLevels: []AreaLevel{AreaStreet}}
	case RoleChildDirector:
		return RoleScope{AreaLevels: []AreaLevel{AreaCommunity}}
	case RoleOrgAdmin, RoleOrgStaff:
		return RoleScope{OrgKinds: allOrgKinds, OrgRequired: true}
	case RoleVenueStaff:
		return RoleScope{OrgKinds: []OrganisationKind{OrgLibrary, OrgMuseum}, OrgRequired: true}
	case RoleEventOrganiser:
		return RoleScope{OrgKinds: []OrganisationKind{OrgYouthLeague, OrgWomensFederation}, OrgRequired: true}
	case RoleVolunteer:
		return RoleScope{OrgKinds: allOrgKinds, OrgOptional: true}
	}
	return RoleScope{}
}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Grant is a role given to a user on an area or organisation.
type Grant struct {
	ID             string     `db:"id"`
	UserID         string     `db:"user_id"`
	Role           Role       `db:"role"`
	AreaID         *string    `db:"area_id"`
	AreaPath       *string    `db:"area_path"`
	OrganisationID *string    `db:"organisation_id"`
	GrantedAt      time.Time  `db:"granted_at"`
	GrantedBy      *string    `db:"granted_by_username"`
	RevokedAt      *time.Time `db:"revoked_at"`
}

// Actor is the signed-in user on whose behalf a use case runs, with the
// active grants that bound what they may do.
type Actor struct {
	UserID    string
	Username  string
	SessionID string
	Grants    []Grant
}

// HasRole reports whether the actor holds role r on any scope.
func (a *Actor) HasRole(r Role) bool {
	if a == nil {
		return false
	}
	for _, g := range a.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// HasRoleOver reports whether the actor holds one of roles on an area that
// contains (or is) the area at path.
func (a *Actor) HasRoleOver(path string, roles ...Role) bool {
	if a == nil {
		return false
	}
	for _, g := range a.Grants {
		if g.AreaPath == nil || !AreaPathContains(*g.AreaPath, path) {
			continue
		}
		for _, r := range roles {
			if g.Role == r {
				return true
			}
		}
	}
	return false
}

// OrganisationsWith lists the organisations on which the actor holds one of roles.
func (a *Actor) OrganisationsWith(roles ...Role) []string {
	if a == nil {
		return nil
	}
	var out []string
	for _, g := range a.Grants {
		if g.OrganisationID == nil {
			continue
		}
		for _, r := range roles {
			if g.Role == r {
				out = append(out, *g.OrganisationID)
				break
			}
		}
	}
	return out
}

type actorKey struct{}

// WithActor returns a context carrying the signed-in actor.
func WithActor(ctx context.Context, a *Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorFrom returns the signed-in actor, or nil.
func ActorFrom(ctx context.Context) *Actor {
	a, _ := ctx.Value(actorKey{}).(*Actor)
	return a
}

// RequireActor returns the signed-in actor or an UNAUTHENTICATED error.
func RequireActor(ctx context.Context) (*Actor, error) {
	if a := ActorFrom(ctx); a != nil {
		return a, nil
	}
	return nil, Errorf(EUNAUTHENTICATED, "请先登录")
}

// RequestInfo says where a request came from, for the audit log.
type RequestInfo struct {
	RequestID string
	IP        string
	UserAgent string
}

type requestInfoKey struct{}

// WithRequestInfo returns a context carrying facts about the request.
func WithRequestInfo(ctx context.Context, ri RequestInfo) context.Context {
	return context.WithValue(ctx, requestInfoKey{}, ri)
}

// RequestInfoFrom returns facts about the request, zero when unknown.
func RequestInfoFrom(ctx context.Context) RequestInfo {
	ri, _ := ctx.Value(requestInfoKey{}).(RequestInfo)
	return ri
}
