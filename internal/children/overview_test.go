package children_test

import (
	"context"
	"fmt"
	"strings"
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

// TestOverviewCountsKeptAsChildrenChangeEqualARecount: the counts kept per
// community as children are registered, moved, reviewed, made inactive,
// changed many at once and deleted equal the same counts recounted from
// nothing and counted live, at every level; the ledger's counts are there.
func TestOverviewCountsKeptAsChildrenChangeEqualARecount(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	city := f.actor("civil.city", flowcare.RoleCivilAffairs, "110000", false)
	overviews := func() string {
		var out []string
		for _, area := range []string{"", "110105", "110105001", "110108"} {
			ov, err := f.svc.Overview(as(city), area)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprintf("%s: %+v", area, ov))
		}
		return strings.Join(out, "\n")
	}
	// Counted from nothing (the day cleared), and live (the counts holding
	// for a later day than the service's).
	recounted := func() (string, string) {
		if _, err := f.db.SQL().ExecContext(ctx, `UPDATE child_counts_as_of SET as_of = NULL`); err != nil {
			t.Fatal(err)
		}
		fresh := overviews()
		if _, err := f.db.SQL().ExecContext(ctx, `UPDATE child_counts_as_of SET as_of = as_of + 1`); err != nil {
			t.Fatal(err)
		}
		live := overviews()
		if _, err := f.db.SQL().ExecContext(ctx, `UPDATE child_counts_as_of SET as_of = as_of - 1`); err != nil {
			t.Fatal(err)
		}
		return fresh, live
	}
	check := func(step string) {
		t.Helper()
		kept := overviews()
		fresh, live := recounted()
		if kept != fresh || kept != live {
			t.Fatalf("after %s the kept counts\n%s\ndiffer from a recount\n%s\nor the live counts\n%s", step, kept, fresh, live)
		}
	}
	check("nothing")
	var ids []string
	for i, community := range []string{"110105001001", "110105001001", "110105001002", "110108001001", "110108001001"} {
		in := goodChild(fmt.Sprintf("计数儿童%d", i), 40+i)
		in.CommunityID = community
		if i == 1 {
			in.MovedWith = flowcare.MovedAlone
		}
		if i == 2 {
			in.ArrivedOn = now.AddDate(0, -1, 0)
		}
		c, err := f.svc.Register(as(city), in, true)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	check("registering five children")
	for _, id := range []string{ids[0], ids[1], ids[2], ids[3]} {
		if _, err := f.svc.EnterLedger(as(city), id, []flowcare.LedgerReason{flowcare.ReasonDisability}, flowcare.LevelHigh); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.svc.LeaveLedger(as(city), ids[1], "已返回户籍地"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RecordReview(as(city), ids[3], "已复核"); err != nil {
		t.Fatal(err)
	}
	check("ledger entries, one left, and a review")
	moved := goodChild("计数儿童0", 40)
	moved.CommunityID = "110108001001"
	if _, err := f.svc.Update(as(city), ids[0], moved); err != nil {
		t.Fatal(err)
	}
	check("moving a child to another district")
	for _, q := range []string{
		`UPDATE children SET status = 'INACTIVE' WHERE id = '` + ids[4] + `'`,
		`UPDATE children SET birth_date = birth_date + interval '1 year'`,
		`UPDATE ledger_entries SET next_visit_due = next_visit_due - interval '1 year' WHERE child_id = '` + ids[3] + `'`,
		`DELETE FROM children WHERE id = '` + ids[2] + `'`, // on the ledger
		`DELETE FROM ledger_entries WHERE child_id = '` + ids[1] + `'`,
		`UPDATE children SET created_at = created_at - interval '1 year' WHERE id = '` + ids[1] + `'`,
	} {
		if _, err := f.db.SQL().ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
		check(q)
	}
	ov, err := f.svc.Overview(as(city), "")
	if err != nil {
		t.Fatal(err)
	}
	// 110105: the child who came alone, registered a year ago and never
	// reviewed, off the ledger; 110108: the moved child and the reviewed
	// one, both on the ledger and the reviewed one's visit overdue (the
	// inactive one is not counted).
	want := "[{AreaID:110105 Active:1 Eligible:0 OnLedger:0 VisitsOverdue:0 ReviewsDue:1} {AreaID:110108 Active:2 Eligible:2 OnLedger:2 VisitsOverdue:1 ReviewsDue:0}]"
	if got := fmt.Sprintf("%+v", ov); got != want {
		t.Fatalf("city overview at the end = %s, want %s", got, want)
	}
}
