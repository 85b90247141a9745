package children_test

import (
	"fmt"
	"testing"

	"flowcare/internal/flowcare"
)

func TestOverviewCountsByTheLevelBelowTheArea(t *testing.T) {
	f := setup(t)
	city := f.actor("civil.city", flowcare.RoleCivilAffairs, "110000", false)
	for i := 1; i <= 2; i++ {
		if _, err := f.svc.Register(as(city), goodChild(fmt.Sprintf("概况儿童%d", i), i), false); err != nil {
			t.Fatal(err)
		}
	}
	community := goodChild("x", 1).CommunityID
	for area, want := range map[string]string{
		"":            community[:6],
		"110105":      community[:9],
		community[:9]: community,
		community:     community,
	} {
		ov, err := f.svc.Overview(as(city), area)
		if err != nil || len(ov) != 1 || ov[0].AreaID != want || ov[0].Active != 2 {
			t.Errorf("overview of %q = %+v, %v; want one row for %s with 2 children", area, ov, err, want)
		}
	}
}
