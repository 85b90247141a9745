package flowcare_test

import (
	"testing"

	"flowcare/internal/flowcare"
)

func TestAreaDisplayNameDropsTheCommitteeSuffixWhereTheRestReadsWell(t *testing.T) {
	for official, want := range map[string]string{
		"多福巷社区居委会":      "多福巷社区",
		"大北家园社区居民委员会":   "大北家园社区",
		"高井村委会":         "高井村",
		"楼梓庄村村委会":       "楼梓庄村",
		"马坊村村民委员会":      "马坊村",
		"建兰居委会":         "建兰居委会",
		"北京经济技术开发区虚拟社区": "北京经济技术开发区虚拟社区",
		"东华门街道":         "东华门街道",
		"村委会":           "村委会",
	} {
		if got := flowcare.AreaDisplayName(official); got != want {
			t.Errorf("AreaDisplayName(%q) = %q, want %q", official, got, want)
		}
	}
}
