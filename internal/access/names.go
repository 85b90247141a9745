package access

import (
	"slices"
	"strings"

	"flowcare/internal/flowcare"
)

var roleNames = map[flowcare.Role]string{
	flowcare.RoleCivilAffairs:    "民政工作人员",
	flowcare.RoleChildSupervisor: "儿童督导员",
	flowcare.RoleChildDirector:   "儿童主任",
	flowcare.RoleOrgAdmin:        "社会组织管理员",
	flowcare.RoleOrgStaff:        "社会组织工作人员",
	flowcare.RoleVolunteer:       "志愿者",
	flowcare.RoleVenueStaff:      "场馆工作人员",
	flowcare.RoleEventOrganiser:  "活动组织方",
	flowcare.RoleAuditor:         "监督审计",
	flowcare.RoleAdmin:           "平台管理员",
}

func roleName(r flowcare.Role) string {
	if n, ok := roleNames[r]; ok {
		return n
	}
	return string(r)
}

var levelNamesZh = map[flowcare.AreaLevel]string{
	flowcare.AreaCity: "市", flowcare.AreaDistrict: "区", flowcare.AreaStreet: "街道（乡镇）", flowcare.AreaCommunity: "社区（村）",
}

func levelName(l flowcare.AreaLevel) string { return levelNamesZh[l] }

func levelNames(ls []flowcare.AreaLevel) string {
	ns := make([]string, len(ls))
	for i, l := range ls {
		ns[i] = levelName(l)
	}
	return strings.Join(ns, "或")
}

func containsLevel(ls []flowcare.AreaLevel, l flowcare.AreaLevel) bool { return slices.Contains(ls, l) }

func containsKind(ks []flowcare.OrganisationKind, k flowcare.OrganisationKind) bool {
	return slices.Contains(ks, k)
}
