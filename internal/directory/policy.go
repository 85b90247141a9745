// Package directory keeps what is offered to children — organisations,
// services, volunteers and their vetting, venue slots and events — and
// searches it.
package directory

import "flowcare/internal/flowcare"

// holds reports whether the actor holds one of roles on the organisation.
func holds(a *flowcare.Actor, orgID string, roles ...flowcare.Role) bool {
	for _, g := range a.Grants {
		if g.OrganisationID == nil || *g.OrganisationID != orgID {
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

func isAdmin(a *flowcare.Actor) bool { return a.HasRole(flowcare.RoleAdmin) }

// civilOver reports whether the actor is civil-affairs staff of an area that
// contains the area at path.
func civilOver(a *flowcare.Actor, path string) bool {
	return a.HasRoleOver(path, flowcare.RoleCivilAffairs)
}

// CanCreateOrganisation: admins anywhere, civil-affairs staff in their area.
func CanCreateOrganisation(a *flowcare.Actor, areaPath string) bool {
	return isAdmin(a) || civilOver(a, areaPath)
}

// CanEditOrganisation: the organisation's own administrators — ORG_ADMIN,
// venue staff of a venue, organisers of an organising unit — and admins.
func CanEditOrganisation(a *flowcare.Actor, o *flowcare.Organisation) bool {
	return isAdmin(a) || holds(a, o.ID, flowcare.RoleOrgAdmin) ||
		(o.IsVenue() && holds(a, o.ID, flowcare.RoleVenueStaff)) ||
		(o.IsEventOrganiser() && holds(a, o.ID, flowcare.RoleEventOrganiser))
}

// CanVerify: civil-affairs staff of the organisation's area, and admins.
func CanVerify(a *flowcare.Actor, orgAreaPath string) bool {
	return isAdmin(a) || civilOver(a, orgAreaPath)
}

// CanSeeOrganisationContact: its own people, the civil-affairs staff over it, admins.
func CanSeeOrganisationContact(a *flowcare.Actor, o *flowcare.Organisation, orgAreaPath string) bool {
	return CanEditOrganisation(a, o) || holds(a, o.ID, flowcare.RoleOrgStaff) || civilOver(a, orgAreaPath)
}

// CanManageServices: the organisation's admins and staff, and platform admins.
func CanManageServices(a *flowcare.Actor, orgID string) bool {
	return isAdmin(a) || holds(a, orgID, flowcare.RoleOrgAdmin, flowcare.RoleOrgStaff)
}

// CanSeeVolunteers of an organisation: its admins and staff, civil-affairs
// staff over its area, and platform admins.
func CanSeeVolunteers(a *flowcare.Actor, orgID, orgAreaPath string) bool {
	return CanManageServices(a, orgID) || civilOver(a, orgAreaPath)
}

// CanManageVetting: staff of one of the organisations the volunteer serves with.
func CanManageVetting(a *flowcare.Actor, v *flowcare.Volunteer) bool {
	for _, o := range v.OrganisationIDs {
		if holds(a, o, flowcare.RoleOrgAdmin, flowcare.RoleOrgStaff) {
			return true
		}
	}
	return false
}

// CanSeeVolunteer: the volunteer, staff of their organisations, civil-affairs
// staff over their home street, admins.
func CanSeeVolunteer(a *flowcare.Actor, v *flowcare.Volunteer, homePath string) bool {
	return a.UserID == v.UserID || CanManageVetting(a, v) || isAdmin(a) || civilOver(a, homePath)
}

// CanSeeVolunteerContact: the volunteer, staff of their organisations, admins.
func CanSeeVolunteerContact(a *flowcare.Actor, v *flowcare.Volunteer) bool {
	return a.UserID == v.UserID || CanManageVetting(a, v) || isAdmin(a)
}

// CanManageSlots: the venue's staff and platform admins.
func CanManageSlots(a *flowcare.Actor, venueID string) bool {
	return isAdmin(a) || holds(a, venueID, flowcare.RoleVenueStaff)
}

// CanManageEvents: the unit's organisers and platform admins.
func CanManageEvents(a *flowcare.Actor, orgID string) bool {
	return isAdmin(a) || holds(a, orgID, flowcare.RoleEventOrganiser)
}

// CanSearch: everyone signed in searches services, slots and events;
// volunteers are searched by the staff who match them with children.
func CanSearch(a *flowcare.Actor, e flowcare.Entity) bool {
	if e != flowcare.EntityVolunteer {
		return true
	}
	return isAdmin(a) || a.HasRole(flowcare.RoleCivilAffairs) || a.HasRole(flowcare.RoleOrgAdmin) || a.HasRole(flowcare.RoleOrgStaff)
}
