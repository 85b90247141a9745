package funding_test

import (
	"context"
	"fmt"
	"testing"

	"flowcare/internal/flowcare"
	"flowcare/internal/funding"
)

func (f *fixture) line() *flowcare.BudgetLine {
	f.t.Helper()
	b, err := f.svc.CreateBudgetLine(as(f.civil), funding.BudgetLineInput{Name: fmt.Sprintf("预算%d", f.next()), FunderID: "110105",
		FiscalYear: f.today.Year(), Source: flowcare.SourceDistrict, Amount: 1_000_000, Purpose: []flowcare.Category{flowcare.CatReadingGuidance}})
	if err != nil {
		f.t.Fatal(err)
	}
	return b
}

func (f *fixture) contract(sign bool) *flowcare.Contract {
	f.t.Helper()
	c, err := f.svc.CreateContract(as(f.civil), funding.ContractInput{BudgetLineID: f.line().ID, OrganisationID: f.orgs[0], Title: "阅读陪伴",
		Categories: []flowcare.Category{flowcare.CatReadingGuidance}, Unit: flowcare.UnitServiceHour, UnitPrice: 20_000, Quantity: 20,
		StartsOn: f.today.AddDate(0, 0, -30), EndsOn: f.today.AddDate(0, 0, 30)})
	if err != nil {
		f.t.Fatal(err)
	}
	if sign {
		if c, err = f.svc.SignContract(as(f.civil), c.ID); err != nil {
			f.t.Fatal(err)
		}
	}
	return c
}

// delivered is a signed contract with one authorised match and a session
// waiting for verification (verify false) or verified.
func (f *fixture) delivered(verify bool) (*flowcare.Contract, string) {
	f.t.Helper()
	c := f.contract(true)
	m := f.match(c.OrganisationID)
	if _, err := f.svc.Authorise(as(f.civil), funding.AuthorisationInput{ContractID: c.ID, MatchID: m.ID, Units: 5,
		StartsOn: f.today.AddDate(0, 0, -30), EndsOn: f.today}); err != nil {
		f.t.Fatal(err)
	}
	s := f.session(m, 90)
	if verify {
		if _, err := f.svc.VerifyDelivery(as(f.civil), s.ID, true, ""); err != nil {
			f.t.Fatal(err)
		}
	}
	return c, s.ID
}

func (f *fixture) invoice(accept bool) *flowcare.Invoice {
	f.t.Helper()
	c, _ := f.delivered(true)
	inv, err := f.svc.SubmitInvoice(as(f.staff[c.OrganisationID]), c.ID, f.today.AddDate(0, 0, -30), f.today)
	if err != nil {
		f.t.Fatal(err)
	}
	if accept {
		if inv, err = f.svc.DecideInvoice(as(f.civil), inv.ID, funding.DecisionAccept, ""); err != nil {
			f.t.Fatal(err)
		}
	}
	return inv
}

func (f *fixture) moneyWrites() string {
	f.t.Helper()
	var c [7]int
	if err := f.db.SQL().QueryRow(`SELECT (SELECT count(*) FROM budget_lines), (SELECT count(*) FROM contracts WHERE status <> 'DRAFT'),
		(SELECT count(*) FROM authorisations), (SELECT count(*) FROM deliveries), (SELECT count(*) FROM invoices),
		(SELECT count(*) FROM payments), (SELECT count(*) FROM ledger_lines)`).Scan(&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6]); err != nil {
		f.t.Fatal(err)
	}
	return fmt.Sprint(c)
}

// TestFundingAuthorizationMatrix: civil-affairs staff manage money of their
// area; organisation staff see and invoice their own contracts; auditors
// read everything; nobody else sees money. Refusals write nothing.
func TestFundingAuthorizationMatrix(t *testing.T) {
	f := setup(t)
	actors := []struct {
		name string
		a    *flowcare.Actor
	}{
		{"civil (district)", f.civil},
		{"civil (city)", f.actor("civil.city", flowcare.RoleCivilAffairs, "110000", "")},
		{"civil (other district)", f.actor("civil.other", flowcare.RoleCivilAffairs, "110108", "")},
		{"org staff (contracted)", f.staff[f.orgs[0]]},
		{"org admin (contracted)", f.actor("orgadmin", flowcare.RoleOrgAdmin, "", f.orgs[0])},
		{"org staff (other)", f.staff[f.orgs[1]]},
		{"auditor", f.actor("auditor", flowcare.RoleAuditor, "110000", "")},
		{"director", f.actor("director", flowcare.RoleChildDirector, "110105001001", "")},
		{"supervisor", f.actor("supervisor", flowcare.RoleChildSupervisor, "110105001", "")},
		{"volunteer", f.actor("volunteer", flowcare.RoleVolunteer, "", f.orgs[0])},
		{"venue staff", f.actor("venue", flowcare.RoleVenueStaff, "", f.orgs[1])},
		{"admin", f.actor("admin", flowcare.RoleAdmin, "110000", "")},
	}
	const ok, frb, nf = "", flowcare.EFORBIDDEN, flowcare.ENOTFOUND
	civil := map[string]string{"civil (district)": ok, "civil (city)": ok}
	reader := map[string]string{"civil (district)": ok, "civil (city)": ok, "org staff (contracted)": ok, "org admin (contracted)": ok,
		"org staff (other)": ok, "auditor": ok}
	with := func(m map[string]string, extra map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	// Those who may see a contract but not act on it are told so; others
	// learn nothing of it.
	seeNotAct := map[string]string{"org staff (contracted)": frb, "org admin (contracted)": frb, "auditor": frb}
	type action struct {
		name string
		prep func() string
		run  func(ctx context.Context, id string) error
		want map[string]string
		def  string
	}
	none := func() string { return "" }
	actions := []action{
		{"create a budget line", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.CreateBudgetLine(ctx, funding.BudgetLineInput{Name: "预算", FunderID: "110105", FiscalYear: f.today.Year(),
				Source: flowcare.SourceCity, Amount: 100, Purpose: []flowcare.Category{flowcare.CatReadingGuidance}})
			return err
		}, civil, frb},
		{"list budget lines", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.BudgetLines(ctx, 0)
			return err
		}, with(civil, map[string]string{"civil (other district)": ok, "auditor": ok}), frb},
		{"draft a contract", func() string { return f.line().ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.CreateContract(ctx, funding.ContractInput{BudgetLineID: id, OrganisationID: f.orgs[0], Title: "合同",
				Categories: []flowcare.Category{flowcare.CatReadingGuidance}, Unit: flowcare.UnitSession, UnitPrice: 100, Quantity: 1,
				StartsOn: f.today, EndsOn: f.today})
			return err
		}, civil, frb},
		{"sign a contract", func() string { return f.contract(false).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.SignContract(ctx, id)
			return err
		}, with(civil, seeNotAct), nf},
		{"terminate a contract", func() string { return f.contract(true).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.EndContract(ctx, id, true, "承接机构无法继续服务")
			return err
		}, with(civil, seeNotAct), nf},
		{"authorise a match", func() string { return f.contract(true).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.Authorise(ctx, funding.AuthorisationInput{ContractID: id, MatchID: f.match(f.orgs[0]).ID, Units: 1,
				StartsOn: f.today, EndsOn: f.today})
			return err
		}, with(civil, seeNotAct), nf},
		{"view a contract", func() string { return f.contract(true).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.Contract(ctx, id)
			return err
		}, map[string]string{"civil (district)": ok, "civil (city)": ok, "org staff (contracted)": ok, "org admin (contracted)": ok,
			"auditor": ok, "civil (other district)": nf, "org staff (other)": nf}, frb},
		{"list contracts", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.Contracts(ctx, "", flowcare.Page{})
			return err
		}, with(reader, map[string]string{"civil (other district)": ok}), frb},
		{"list deliveries to verify", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.PendingDeliveries(ctx)
			return err
		}, with(civil, map[string]string{"civil (other district)": ok}), frb},
		{"verify a delivery", func() string { _, s := f.delivered(false); return s }, func(ctx context.Context, id string) error {
			_, err := f.svc.VerifyDelivery(ctx, id, true, "")
			return err
		}, with(civil, seeNotAct), nf},
		{"submit an invoice", func() string { c, _ := f.delivered(true); return c.ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.SubmitInvoice(ctx, id, f.today.AddDate(0, 0, -30), f.today)
			return err
		}, map[string]string{"org staff (contracted)": ok, "org admin (contracted)": ok, "civil (district)": frb, "civil (city)": frb,
			"auditor": frb}, nf},
		{"accept an invoice", func() string { return f.invoice(false).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.DecideInvoice(ctx, id, funding.DecisionAccept, "")
			return err
		}, with(civil, seeNotAct), nf},
		{"record a payment", func() string { return f.invoice(true).ID }, func(ctx context.Context, id string) error {
			_, err := f.svc.RecordPayment(ctx, funding.PaymentInput{InvoiceID: id, Amount: 1, IdempotencyKey: "k-" + id, PaidOn: f.today})
			return err
		}, with(civil, seeNotAct), nf},
		{"list invoices", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.Invoices(ctx, "", nil, flowcare.Page{})
			return err
		}, with(reader, map[string]string{"civil (other district)": ok}), frb},
		{"read the funding report", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.FundingReport(ctx, 0)
			return err
		}, with(reader, map[string]string{"civil (other district)": ok}), frb},
	}
	cells := 0
	for _, act := range actions {
		for _, who := range actors {
			want, listed := act.want[who.name]
			if !listed {
				want = act.def
			}
			t.Run(act.name+"/"+who.name, func(t *testing.T) {
				cells++
				id := act.prep()
				before := f.moneyWrites()
				err := act.run(as(who.a), id)
				if want == ok {
					if err != nil {
						t.Fatalf("want allowed, got %v", err)
					}
					return
				}
				wantCode(t, err, want)
				if after := f.moneyWrites(); after != before {
					t.Fatalf("refusal wrote: %s -> %s", before, after)
				}
			})
		}
	}
	t.Logf("%d actions × %d role scopes = %d cells", len(actions), len(actors), cells)
}

// TestSummariesCountAChildOnce: a child served under two contracts of one
// organisation is one child in the organisation's and the line's totals.
func TestSummariesCountAChildOnce(t *testing.T) {
	f := setup(t)
	for range 2 {
		f.delivered(true)
	}
	rep, err := f.svc.FundingReport(as(f.civil), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Contracts) != 2 || rep.Contracts[0].Children != 1 || rep.Contracts[1].Children != 1 {
		t.Fatalf("contract rows = %+v", rep.Contracts)
	}
	if len(rep.Organisations) != 1 || rep.Organisations[0].Children != 1 || rep.Organisations[0].Minutes != 180 ||
		rep.Organisations[0].Budget != rep.Organisations[0].Committed || rep.Organisations[0].Committed != 2*400_000 {
		t.Fatalf("organisation summary = %+v", rep.Organisations)
	}
	if rep.Organisations[0].CostPerKid == nil || *rep.Organisations[0].CostPerKid != 60_000 {
		t.Fatalf("cost per child = %v", rep.Organisations[0].CostPerKid)
	}
}

// TestContractsAndInvoicesArePaged walks the lists a page at a time.
func TestContractsAndInvoicesArePaged(t *testing.T) {
	f := setup(t)
	for range 5 {
		f.invoice(false)
	}
	seen := map[string]bool{}
	var sizes []int
	after := ""
	for {
		l, err := f.svc.Contracts(as(f.civil), "", flowcare.Page{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if l.Total != 5 {
			t.Fatalf("total = %d", l.Total)
		}
		sizes = append(sizes, len(l.Contracts))
		for _, c := range l.Contracts {
			if seen[c.ID] {
				t.Fatalf("contract %s on two pages", c.ID)
			}
			seen[c.ID] = true
		}
		if !l.HasNext {
			break
		}
		after = l.Contracts[len(l.Contracts)-1].ID
	}
	if fmt.Sprint(sizes) != "[2 2 1]" || len(seen) != 5 {
		t.Fatalf("pages %v, %d contracts", sizes, len(seen))
	}
	l, err := f.svc.Invoices(as(f.staff[f.orgs[0]]), "", []flowcare.InvoiceStatus{flowcare.InvoiceSubmitted}, flowcare.Page{First: 3})
	if err != nil || l.Total != 5 || len(l.Invoices) != 3 || !l.HasNext {
		t.Fatalf("first invoice page = %+v, %v", l, err)
	}
	for i := 1; i < len(l.Invoices); i++ {
		if l.Invoices[i].SubmittedAt.After(l.Invoices[i-1].SubmittedAt) {
			t.Fatal("invoices not newest first")
		}
	}
	_, err = f.svc.Invoices(as(f.civil), "", nil, flowcare.Page{First: 500})
	wantCode(t, err, flowcare.EINVALID)
}
