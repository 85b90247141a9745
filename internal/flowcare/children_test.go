package flowcare_test

import (
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEligibilityFollowsThePolicy(t *testing.T) {
	today := d("2026-11-28")
	base := func() *flowcare.Child {
		return &flowcare.Child{BirthDate: d("2017-05-12"), MovedWith: flowcare.MovedWithBothGuardians, ArrivedOn: d("2024-09-01"),
			Hukou: flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"}}
	}
	cases := []struct {
		name     string
		edit     func(*flowcare.Child)
		district string
		want     string
	}{
		{"eligible", func(*flowcare.Child) {}, "110105", ""},
		{"turned sixteen", func(c *flowcare.Child) { c.BirthDate = d("2010-11-28") }, "110105", flowcare.IneligibleAge16},
		{"one day short of sixteen", func(c *flowcare.Child) { c.BirthDate = d("2010-11-29") }, "110105", ""},
		{"five months here", func(c *flowcare.Child) { c.ArrivedOn = d("2026-06-29") }, "110105", flowcare.IneligibleShortStay},
		{"exactly six months here", func(c *flowcare.Child) { c.ArrivedOn = d("2026-05-28") }, "110105", ""},
		{"arrival in the future", func(c *flowcare.Child) { c.ArrivedOn = d("2026-12-01") }, "110105", flowcare.IneligibleNotYetArrived},
		{"moved alone", func(c *flowcare.Child) { c.MovedWith = flowcare.MovedAlone }, "110105", flowcare.IneligibleMovedAlone},
		{"other carer counts", func(c *flowcare.Child) { c.MovedWith = flowcare.MovedWithOtherCarer }, "110105", ""},
		{"Haidian hukou living in Chaoyang", func(c *flowcare.Child) { c.Hukou = flowcare.HukouOrigin{Province: "北京市", County: "海淀区"} }, "110105",
			flowcare.IneligibleCentralMove},
		{"Haidian hukou living in Tongzhou", func(c *flowcare.Child) { c.Hukou = flowcare.HukouOrigin{Province: "北京市", County: "海淀区"} }, "110112", ""},
		{"Tongzhou hukou living in Tongzhou", func(c *flowcare.Child) { c.Hukou = flowcare.HukouOrigin{Province: "北京市", County: "通州区"} }, "110112",
			flowcare.IneligibleNotMoved},
	}
	names := map[string]string{"110105": "朝阳区", "110112": "通州区"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch := base()
			c.edit(ch)
			e := flowcare.ComputeEligibility(ch, c.district, names[c.district], today)
			got := strings.Join(e.Reasons, ",")
			if got != c.want || e.Eligible != (c.want == "") {
				t.Fatalf("eligible=%v reasons=%q, want %q", e.Eligible, got, c.want)
			}
		})
	}
}

func TestIDNumberValidation(t *testing.T) {
	first17 := "11010520170512123"
	valid := first17 + string(flowcare.IDCheckChar(first17))
	if ok, why := flowcare.ValidIDNumber(valid, d("2017-05-12")); !ok {
		t.Fatalf("valid number refused: %s", why)
	}
	// The standard's own example: 11010519491231002X.
	if ok, why := flowcare.ValidIDNumber("11010519491231002x", d("1949-12-31")); !ok {
		t.Fatalf("GB 11643 example refused: %s", why)
	}
	wrongCheck := first17 + "0"
	if valid[17] == '0' {
		wrongCheck = first17 + "1"
	}
	badDate := "11010520171312123" + string(flowcare.IDCheckChar("11010520171312123"))
	for _, c := range []struct{ id, birth, want string }{
		{wrongCheck, "2017-05-12", "校验位"},
		{valid, "2017-05-13", "不一致"},
		{"1101052017051212", "2017-05-12", "18 位"},
		{badDate, "2017-05-12", "出生日期无效"},
		{"1101052017051212A3", "2017-05-12", "数字"},
	} {
		if ok, why := flowcare.ValidIDNumber(c.id, d(c.birth)); ok || !strings.Contains(why, c.want) {
			t.Errorf("%s: ok=%v why=%q, want %q", c.id, ok, why, c.want)
		}
	}
}
