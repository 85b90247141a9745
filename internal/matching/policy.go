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

// CanMatch: directors, supervisors and civil-affairs staff over the child's
// community match its needs and manage the matches.
func CanMatch(a *flowcare.Actor, childPath string) bool {
	return a.HasRoleOver(childPath, matcherRoles...)
}

// CanOverrideConsent: only civil-affairs staff may share a child's minimal
// profile without the guardian's consent, and only with a written reason.
func CanOverrideConsent(a *flowcare.Actor, childPath string) bool {
	return a.HasRoleOver(childPath, flowcare.RoleCivilAffairs)
}

// canWatch: staff who match, and auditors, see the matches of their area.
func canWatch(a *flowcare.Actor, childPath string) bool {
	return a.HasRoleOver(childPath, append(matcherRoles, flowcare.RoleAuditor)...)
}

// provider reports whether the actor answers for the match: the volunteer
// it names, or staff of the organisation it names.
func (s *Service) provider(ctx context.Context, a *flowcare.Actor, m *flowcare.Match) (bool, error) {
	if m.ProviderOrgID != nil {
		for _, id := range a.OrganisationsWith(providerRoles...) {
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
