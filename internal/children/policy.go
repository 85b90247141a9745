// Package children registers flow children and keeps their files: who may
// see and change what, eligibility under the policy, guardians' consent, and
// an audit entry for every read.
package children

import "flowcare/internal/flowcare"

// areaRoles are the roles that work with children of their area: directors
// (community), supervisors (street) and civil-affairs staff (district, city).
var areaRoles = []flowcare.Role{flowcare.RoleChildDirector, flowcare.RoleChildSupervisor, flowcare.RoleCivilAffairs}

// CanRegister: staff of the area the child lives in register and change records.
func CanRegister(a *flowcare.Actor, communityPath string) bool {
	return a.HasRoleOver(communityPath, areaRoles...)
}

// CanReadFile: staff of the child's area, and auditors over it (every read is
// audited). Platform admins have no casual access to child files.
func CanReadFile(a *flowcare.Actor, communityPath string) bool {
	return a.HasRoleOver(communityPath, append(areaRoles, flowcare.RoleAuditor)...)
}

// CanSeeViewers: civil-affairs staff and auditors see who viewed a child's file.
func CanSeeViewers(a *flowcare.Actor, communityPath string) bool {
	return a.HasRoleOver(communityPath, flowcare.RoleCivilAffairs, flowcare.RoleAuditor)
}

// listAreas are the areas whose children the actor may list.
func listAreas(a *flowcare.Actor) []string {
	var out []string
	for _, g := range a.Grants {
		if g.AreaPath == nil {
			continue
		}
		switch g.Role {
		case flowcare.RoleChildDirector, flowcare.RoleChildSupervisor, flowcare.RoleCivilAffairs, flowcare.RoleAuditor:
			out = append(out, *g.AreaPath)
		}
	}
	return out
}
