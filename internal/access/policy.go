// Package access holds sign-in, sessions, users, role grants and the rules of
// who may do what.
package access

import (
	"slices"

	"flowcare/internal/flowcare"
)

// Reaches lists the grants an actor may give and the users they may manage.
// Platform admins reach everything; civil-affairs staff appoint child
// supervisors and directors in their area and civil-affairs staff below it;
// organisation admins appoint their own staff and volunteers.
func Reaches(a *flowcare.Actor) []flowcare.Reach {
	if a == nil {
		return []flowcare.Reach{}
	}
	out := []flowcare.Reach{}
	for _, g := range a.Grants {
		switch g.Role {
		case flowcare.RoleAdmin:
			return []flowcare.Reach{{Any: true}}
		case flowcare.RoleCivilAffairs:
			if g.AreaPath == nil {
				continue
			}
			out = append(out,
				flowcare.Reach{Roles: []flowcare.Role{flowcare.RoleChildSupervisor, flowcare.RoleChildDirector}, AreaPath: *g.AreaPath},
				flowcare.Reach{Roles: []flowcare.Role{flowcare.RoleCivilAffairs}, AreaPath: *g.AreaPath, StrictlyInside: true})
		case flowcare.RoleOrgAdmin:
			if g.OrganisationID == nil {
				continue
			}
			out = append(out, flowcare.Reach{Roles: []flowcare.Role{flowcare.RoleOrgStaff, flowcare.RoleVolunteer}, OrganisationID: *g.OrganisationID})
		}
	}
	return out
}

// Scope is where a grant applies: an area (by path) or an organisation.
type Scope struct {
	AreaPath       string
	OrganisationID string
}

// CanGrant reports whether the actor may give role on scope.
func CanGrant(a *flowcare.Actor, role flowcare.Role, s Scope) bool {
	for _, r := range Reaches(a) {
		if r.Any {
			return true
		}
		if !slices.Contains(r.Roles, role) {
			continue
		}
		switch {
		case r.OrganisationID != "":
			if s.OrganisationID == r.OrganisationID {
				return true
			}
		case s.AreaPath != "":
			if flowcare.AreaPathContains(r.AreaPath, s.AreaPath) && !(r.StrictlyInside && s.AreaPath == r.AreaPath) {
				return true
			}
		}
	}
	return false
}

func scopeOf(g flowcare.Grant) Scope {
	var s Scope
	if g.AreaPath != nil {
		s.AreaPath = *g.AreaPath
	}
	if g.OrganisationID != nil {
		s.OrganisationID = *g.OrganisationID
	}
	return s
}

// CanSee reports whether the actor may see a user holding grants: themselves,
// or anyone holding at least one grant the actor could give.
func CanSee(a *flowcare.Actor, userID string, grants []flowcare.Grant) bool {
	if a == nil {
		return false
	}
	if a.UserID == userID || CanGrant(a, flowcare.RoleAdmin, Scope{AreaPath: flowcare.CityAreaID}) {
		return true
	}
	for _, g := range grants {
		if CanGrant(a, g.Role, scopeOf(g)) {
			return true
		}
	}
	return false
}

// CanManage reports whether the actor may disable or enable a user: never
// themselves, and only when every grant the user holds is one the actor could
// give, so that no one switches off a person who answers to someone else.
func CanManage(a *flowcare.Actor, userID string, grants []flowcare.Grant) bool {
	if a == nil || a.UserID == userID {
		return false
	}
	if CanGrant(a, flowcare.RoleAdmin, Scope{AreaPath: flowcare.CityAreaID}) {
		return true
	}
	if len(grants) == 0 {
		return false
	}
	for _, g := range grants {
		if !CanGrant(a, g.Role, scopeOf(g)) {
			return false
		}
	}
	return true
}

// CanListUsers reports whether the actor may open the user list at all.
func CanListUsers(a *flowcare.Actor) bool { return len(Reaches(a)) > 0 }

// CanReadAuditLog: platform admins and auditors only.
func CanReadAuditLog(a *flowcare.Actor) bool {
	return a.HasRole(flowcare.RoleAdmin) || a.HasRole(flowcare.RoleAuditor)
}
