// Package matching meets a child's needs with what is offered and follows
// each match through the referral loop: ranked candidates, requests,
// providers' answers, seats on slots and events, delivered sessions,
// volunteer hours and the notifications that keep everyone in step.
package matching

import (
	"context"

	"flowcare/internal/flowcare"
)

// matcherRoles are the staff who match needs of children in their area.
var matcherRoles = []flowcare.Role{flowcare.RoleChildDirector, flowcare.RoleChildSupervisor, flowcare.RoleCivilAffairs}

// providerRoles are the roles through which an organisation answers requests.
var providerRoles = []flowcare.Role{flowcare.RoleOrgAdmin, flowcare.RoleOrgStaff, flowcare.RoleVenueStaff, flowcare.RoleEventOrganiser}

// hoursRoles approve the hours of their organisation's volunteers.
var hoursRoles = []flowcare.Role{flowcare.RoleOrgAdmin, flowcare.RoleOrgStaff}

func overArea(a *flowcare.Actor, path string, roles ...flowcare.Role) bool {
	for _, g := range a.Grants {
		if g.AreaPath != nil && flowcare.AreaPathContains(*g.AreaPath, path) && hasRole(g.Role, roles) {
			return true
		}
	}
	return false
}

func hasRole(r flowcare.Role, roles []flowcare.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// orgsWith lists the organisations on which the actor holds one of roles.
func orgsWith(a *flowcare.Actor, roles ...flowcare.Role) []string {
	var out []string
	for _, g := range a.Grants {
		if g.OrganisationID != nil && hasRole(g.Role, roles) {
			out = append(out, *g.OrganisationID)
		}
	}
	return out
}

// CanMatch: directors, supervisors and civil-affairs staff over the child's
// community match its needs and manage the matches.
func CanMatch(a *flowcare.Actor, childPath string) bool {
	return overArea(a, childPath, matcherRoles...)
}

// CanOverrideConsent: only civil-affairs staff may share a child's minimal
// profile without the guardian's consent, and only with a written reason.
func CanOverrideConsent(a *flowcare.Actor, childPath string) bool {
	return overArea(a, childPath, flowcare.RoleCivilAffairs)
}

// canWatch: staff who match, and auditors, see the matches of their area.
func canWatch(a *flowcare.Actor, childPath string) bool {
	return overArea(a, childPath, append(matcherRoles, flowcare.RoleAuditor)...)
}

// provider reports whether the actor answers for the match: the volunteer
// it names, or staff of the organisation it names.
func (s *Service) provider(ctx context.Context, a *flowcare.Actor, m *flowcare.Match) (bool, error) {
	if m.ProviderOrgID != nil {
		for _, id := range orgsWith(a, providerRoles...) {
			if id == *m.ProviderOrgID {
				return true, nil
			}
		}
		return false, nil
	}
	if m.ProviderVolunteerID == nil || !a.HasRole(flowcare.RoleVolunteer) {
		return false, nil
	}
	v, err := s.store.Directory().VolunteerByUserID(ctx, a.UserID)
	if err != nil {
		if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
			return false, nil
		}
		return false, err
	}
	return v.ID == *m.ProviderVolunteerID, nil
}
