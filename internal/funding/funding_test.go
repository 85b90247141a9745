package funding_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/funding"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
)

type fixture struct {
	t     testing.TB
	db    *postgres.DB
	svc   *funding.Service
	now   time.Time
	today time.Time
	orgs  []string
	staff map[string]*flowcare.Actor // organisation id → its staff
	civil *flowcare.Actor
	child *flowcare.Child
	need  *flowcare.Need
	n     int
}

func setup(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	db := pgtest.New(t)
	now := time.Now().UTC().Truncate(time.Second)
	y, m, d := now.In(flowcare.Beijing).Date()
	f := &fixture{t: t, db: db, now: now, today: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), staff: map[string]*flowcare.Actor{}}
	f.svc = funding.New(db, func() time.Time { return f.now })
	for _, a := range [][3]string{{"110105001", "110105", "STREET"}, {"110105001001", "110105001", "COMMUNITY"}} {
		p := a[1]
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a[0], ParentID: &p, Level: flowcare.AreaLevel(a[2]), Name: a[0]}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 2 {
		o := &flowcare.Organisation{Name: fmt.Sprintf("承接机构%d", i), Kind: flowcare.OrgSocial, AreaID: "110105"}
		if err := db.Directory().CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		if err := db.Directory().SetVerification(ctx, o.ID, flowcare.VerificationVerified, nil, "", now); err != nil {
			t.Fatal(err)
		}
		f.orgs = append(f.orgs, o.ID)
		f.staff[o.ID] = f.actor(fmt.Sprintf("staff%d", i), flowcare.RoleOrgStaff, "", o.ID)
	}
	f.civil = f.actor("civil", flowcare.RoleCivilAffairs, "110105", "")
	f.child = &flowcare.Child{Name: "测试儿童", Gender: flowcare.GenderMale, BirthDate: now.AddDate(-9, 0, 0), NoIDReason: "测试",
		Hukou: flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"}, MovedWith: flowcare.MovedWithBothGuardians,
		CommunityID: "110105001001", ArrivedOn: now.AddDate(-1, 0, 0), Status: flowcare.ChildActive}
	if err := db.Children().CreateChild(ctx, f.child); err != nil {
		t.Fatal(err)
	}
	f.need = &flowcare.Need{ChildID: f.child.ID, Category: flowcare.CatReadingGuidance, Urgency: flowcare.LevelLow, Place: flowcare.PlaceAny,
		Status: flowcare.NeedInService}
	if err := db.Care().CreateNeed(ctx, f.need, ""); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) actor(name string, role flowcare.Role, area, org string) *flowcare.Actor {
	f.t.Helper()
	ctx := context.Background()
	u := &flowcare.User{Username: name, DisplayName: name, PasswordHash: "x"}
	if err := f.db.Users().CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	g := &flowcare.Grant{UserID: u.ID, Role: role, GrantedAt: f.now}
	if area != "" {
		g.AreaID = &area
	}
	if org != "" {
		g.OrganisationID = &org
	}
	if err := f.db.Users().CreateGrant(ctx, g, ""); err != nil {
		f.t.Fatal(err)
	}
	gs, err := f.db.Users().ActiveGrants(ctx, []string{u.ID})
	if err != nil {
		f.t.Fatal(err)
	}
	return &flowcare.Actor{UserID: u.ID, Username: name, Grants: gs[u.ID]}
}

func as(a *flowcare.Actor) context.Context { return flowcare.WithActor(context.Background(), a) }

// match makes an accepted service match answered by an organisation.
func (f *fixture) match(org string) *flowcare.Match {
	f.t.Helper()
	ctx := context.Background()
	svc := fmt.Sprintf("00000000-0000-4000-8000-%012d", f.next())
	m := &flowcare.Match{NeedID: f.need.ID, ChildID: f.child.ID, Category: flowcare.CatReadingGuidance, Entity: flowcare.EntityService,
		OfferID: svc, OfferTitle: "阅读陪伴", ProviderOrgID: &org, Status: flowcare.MatchAccepted}
	// The offer need not exist for money; the store only touches its row.
	if err := f.db.InTx(ctx, func(tx flowcare.Tx) error { return tx.Matches().CreateMatch(ctx, m, "") }); err != nil {
		f.t.Fatal(err)
	}
	return m
}

func (f *fixture) session(m *flowcare.Match, minutes int) *flowcare.ServiceSession {
	f.t.Helper()
	start := f.now.Add(-3*time.Hour - time.Duration(f.next()%40000)*time.Minute).Truncate(time.Minute)
	s := &flowcare.ServiceSession{MatchID: m.ID, StartsAt: start, EndsAt: start.Add(time.Duration(minutes) * time.Minute),
		Attendance: flowcare.AttendancePresent, Hours: flowcare.HoursNone}
	if err := f.db.Matches().CreateSession(context.Background(), s, ""); err != nil {
		f.t.Fatal(err)
	}
	return s
}

func (f *fixture) next() int { f.n++; return f.n }

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := flowcare.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// invariants checks, from the database alone, everything the ledger
// promises. It returns the number of ledger lines and a digest of them.
func (f *fixture) invariants(prevLines int, prevDigest string) (int, string) {
	f.t.Helper()
	q := func(name, sql string) {
		var bad int
		if err := f.db.SQL().QueryRow(sql).Scan(&bad); err != nil {
			f.t.Fatalf("%s: %v", name, err)
		}
		if bad != 0 {
			f.t.Fatalf("invariant broken: %s (%d)", name, bad)
		}
	}
	q("every ledger transaction balances", `SELECT count(*) FROM (SELECT txn_id FROM ledger_lines GROUP BY txn_id
		HAVING sum(debit) <> sum(credit)) x`)
	q("no budget, commitment or payable below zero", `SELECT count(*) FROM (SELECT account FROM ledger_lines
		WHERE account !~ '^(appropriation|paid):' GROUP BY account HAVING sum(debit) - sum(credit) < 0) x`)
	q("each line's appropriation is its amount", `SELECT count(*) FROM budget_lines b WHERE
		(SELECT coalesce(sum(credit), 0) FROM ledger_lines WHERE account = 'appropriation:' || b.id) <> b.amount`)
	q("committed <= budget", `SELECT count(*) FROM budget_lines b WHERE
		(SELECT coalesce(sum(c.unit_price * c.quantity), 0) FROM contracts c WHERE c.budget_line_id = b.id AND c.status <> 'DRAFT')
		- (SELECT coalesce(sum(l.debit), 0) FROM ledger_lines l JOIN ledger_transactions t ON t.id = l.txn_id
		   WHERE t.kind = 'DECOMMIT' AND l.account = 'available:' || b.id) > b.amount`)
	q("a signed contract's value is committed exactly once", `SELECT count(*) FROM contracts c WHERE c.status <> 'DRAFT' AND
		(SELECT coalesce(sum(l.debit), 0) FROM ledger_lines l JOIN ledger_transactions t ON t.id = l.txn_id
		 WHERE t.kind = 'COMMIT' AND l.account = 'committed:' || c.id) <> c.unit_price * c.quantity`)
	q("invoiced <= verified deliveries", `SELECT count(*) FROM contracts c WHERE
		(SELECT coalesce(sum(amount), 0) FROM invoices WHERE contract_id = c.id AND status <> 'REJECTED') >
		(SELECT coalesce(sum(amount), 0) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED')`)
	q("each invoice claims exactly its verified deliveries", `SELECT count(*) FROM invoices i WHERE i.status <> 'REJECTED' AND
		i.amount <> (SELECT coalesce(sum(amount), 0) FROM deliveries WHERE invoice_id = i.id AND status = 'VERIFIED')`)
	q("invoiced <= contract value", `SELECT count(*) FROM contracts c WHERE
		(SELECT coalesce(sum(amount), 0) FROM invoices WHERE contract_id = c.id AND status <> 'REJECTED') > c.unit_price * c.quantity`)
	q("paid <= accepted invoices", `SELECT count(*) FROM invoices i WHERE i.paid > i.amount OR (i.paid > 0 AND i.status NOT IN ('ACCEPTED', 'PAID'))
		OR i.paid <> (SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = i.id)`)
	q("payable is accepted less paid", `SELECT count(*) FROM contracts c WHERE
		(SELECT coalesce(sum(debit) - sum(credit), 0) FROM ledger_lines WHERE account = 'payable:' || c.id) <>
		(SELECT coalesce(sum(amount) - sum(paid), 0) FROM invoices WHERE contract_id = c.id AND status IN ('ACCEPTED', 'PAID'))`)
	q("paid out is the payments", `SELECT count(*) FROM contracts c WHERE
		(SELECT coalesce(sum(debit), 0) FROM ledger_lines WHERE account = 'paid:' || c.id) <>
		(SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.contract_id = c.id)`)
	var lines int
	var digest string
	if err := f.db.SQL().QueryRow(`SELECT count(*), coalesce(md5(string_agg(id || account || debit || credit, ',' ORDER BY id)
		FILTER (WHERE id <= (SELECT coalesce(max(id), 0) FROM (SELECT id FROM ledger_lines ORDER BY id LIMIT $1) x))), '')
		FROM ledger_lines`, prevLines).Scan(&lines, &digest); err != nil {
		f.t.Fatal(err)
	}
	if lines < prevLines {
		f.t.Fatalf("ledger lost lines: %d -> %d", prevLines, lines)
	}
	if prevLines > 0 && digest != prevDigest {
		f.t.Fatal("earlier ledger lines changed")
	}
	var all string
	if err := f.db.SQL().QueryRow(`SELECT coalesce(md5(string_agg(id || account || debit || credit, ',' ORDER BY id)), '')
		FROM ledger_lines`).Scan(&all); err != nil {
		f.t.Fatal(err)
	}
	return lines, all
}

// TestRandomOperationsKeepEveryInvariant runs thousands of random money
// operations, some invalid, some replayed, some concurrent, and checks
// every invariant of the ledger after each one.
func TestRandomOperationsKeepEveryInvariant(t *testing.T) {
	f := setup(t)
	ops := 2000
	if testing.Short() {
		ops = 300
	}
	rng := rand.New(rand.NewPCG(2026, 11))
	civil := as(f.civil)
	var lines []string
	var contracts []*flowcare.Contract
	type auth struct {
		z *flowcare.Authorisation
		m *flowcare.Match
	}
	var auths []auth
	type paid struct {
		key, invoice string
		amount       flowcare.Fen
	}
	var payments []paid
	counts := map[string]int{}
	nLines, digest := 0, ""
	pick := func(n int) int { return rng.IntN(n) }
	done := 0
	for i := 0; done < ops; i++ {
		var op string
		switch r := rng.IntN(100); {
		case r < 6 || len(lines) == 0:
			op = "budget line"
			amount := flowcare.Fen(rng.Int64N(5_000_000) + 100_000)
			if rng.IntN(8) == 0 {
				amount = -amount // refused
			}
			b, err := f.svc.CreateBudgetLine(civil, funding.BudgetLineInput{Name: fmt.Sprintf("预算线%d", i), FunderID: "110105",
				FiscalYear: f.today.Year(), Source: flowcare.SourceDistrict, Amount: amount,
				Purpose: []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatRecreation}})
			if amount <= 0 {
				wantCode(t, err, flowcare.EINVALID)
			} else if err != nil {
				t.Fatal(err)
			} else {
				lines = append(lines, b.ID)
			}
		case r < 16:
			op = "contract"
			c, err := f.svc.CreateContract(civil, funding.ContractInput{BudgetLineID: lines[pick(len(lines))], OrganisationID: f.orgs[pick(2)],
				Title: fmt.Sprintf("合同%d", i), Categories: []flowcare.Category{flowcare.CatReadingGuidance},
				Unit:      []flowcare.ContractUnit{flowcare.UnitSession, flowcare.UnitServiceHour, flowcare.UnitChildServed}[pick(3)],
				UnitPrice: flowcare.Fen(rng.Int64N(30_000) + 1), Quantity: rng.Int64N(200) + 1,
				StartsOn: f.today.AddDate(0, 0, -60), EndsOn: f.today.AddDate(0, 0, 60)})
			if err != nil && flowcare.ErrorCode(err) != flowcare.EINVALID {
				t.Fatal(err)
			}
			if err == nil {
				contracts = append(contracts, c)
			}
		case r < 26 && len(contracts) > 0:
			op = "sign"
			c := contracts[pick(len(contracts))]
			_, err := f.svc.SignContract(civil, c.ID)
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
		case r < 29 && len(contracts) > 0:
			op = "end"
			_, err := f.svc.EndContract(civil, contracts[pick(len(contracts))].ID, rng.IntN(2) == 0, "测试终止原因")
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
		case r < 40 && len(contracts) > 0:
			op = "authorise"
			c := contracts[pick(len(contracts))]
			m := f.match(c.OrganisationID)
			z, err := f.svc.Authorise(civil, funding.AuthorisationInput{ContractID: c.ID, MatchID: m.ID, Units: rng.Int64N(6) + 1,
				StartsOn: f.today.AddDate(0, 0, -60), EndsOn: f.today.AddDate(0, 0, 60)})
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
			if err == nil {
				auths = append(auths, auth{z, m})
			}
		case r < 65 && len(auths) > 0:
			op = "verify"
			a := auths[pick(len(auths))]
			s := f.session(a.m, 30+rng.IntN(120))
			_, err := f.svc.VerifyDelivery(civil, s.ID, rng.IntN(10) > 0, "记录与签到表不符")
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
			if err == nil && rng.IntN(5) == 0 {
				// Verifying the same session twice is refused.
				_, err = f.svc.VerifyDelivery(civil, s.ID, true, "")
				wantCode(t, err, flowcare.ECONFLICT)
			}
		case r < 75 && len(contracts) > 0:
			op = "invoice"
			c := contracts[pick(len(contracts))]
			_, err := f.svc.SubmitInvoice(as(f.staff[c.OrganisationID]), c.ID, f.today.AddDate(0, 0, -60), f.today)
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
		case r < 85:
			op = "decide"
			l, err := f.svc.Invoices(civil, "", []flowcare.InvoiceStatus{flowcare.InvoiceSubmitted, flowcare.InvoiceDisputed}, flowcare.Page{First: 200})
			if err != nil {
				t.Fatal(err)
			}
			open := l.Invoices
			if len(open) == 0 {
				continue
			}
			d := []funding.InvoiceDecision{funding.DecisionAccept, funding.DecisionAccept, funding.DecisionReject, funding.DecisionDispute}[pick(4)]
			_, err = f.svc.DecideInvoice(civil, open[pick(len(open))].ID, d, "金额需要复核")
			if err != nil && flowcare.ErrorCode(err) != flowcare.ECONFLICT {
				t.Fatal(err)
			}
		default:
			op = "pay"
			l, err := f.svc.Invoices(civil, "", []flowcare.InvoiceStatus{flowcare.InvoiceAccepted}, flowcare.Page{First: 200})
			if err != nil {
				t.Fatal(err)
			}
			accepted := l.Invoices
			switch {
			case len(payments) > 0 && rng.IntN(4) == 0:
				op = "replay a payment"
				p := payments[pick(len(payments))]
				before := nLines
				got, err := f.svc.RecordPayment(civil, funding.PaymentInput{InvoiceID: p.invoice, Amount: p.amount, IdempotencyKey: p.key, PaidOn: f.today})
				if err != nil || got.IdempotencyKey != p.key {
					t.Fatalf("replay: %+v %v", got, err)
				}
				if n, _ := f.invariants(nLines, digest); n != before {
					t.Fatalf("a replayed payment wrote %d ledger lines", n-before)
				}
			case len(accepted) > 0:
				inv := accepted[pick(len(accepted))]
				left := inv.Amount - inv.Paid
				amount := flowcare.Fen(rng.Int64N(int64(left))) + 1
				if rng.IntN(10) == 0 {
					amount = left + 1 // refused: more than is owed
				}
				key := fmt.Sprintf("pay-%d", i)
				if rng.IntN(3) == 0 {
					op = "concurrent payments with one key"
					var wg sync.WaitGroup
					errs := make([]error, 6)
					for g := range errs {
						wg.Add(1)
						go func() {
							defer wg.Done()
							_, errs[g] = f.svc.RecordPayment(civil, funding.PaymentInput{InvoiceID: inv.ID, Amount: amount, IdempotencyKey: key, PaidOn: f.today})
						}()
					}
					wg.Wait()
					var n int
					if err := f.db.SQL().QueryRow(`SELECT count(*) FROM payments WHERE idempotency_key = $1`, key).Scan(&n); err != nil {
						t.Fatal(err)
					}
					for _, err := range errs {
						if amount > left {
							wantCode(t, err, flowcare.ECONFLICT)
						} else if err != nil {
							t.Fatalf("concurrent payment: %v", err)
						}
					}
					if want := map[bool]int{true: 0, false: 1}[amount > left]; n != want {
						t.Fatalf("%d payments with one key, want %d", n, want)
					}
				} else {
					_, err := f.svc.RecordPayment(civil, funding.PaymentInput{InvoiceID: inv.ID, Amount: amount, IdempotencyKey: key, PaidOn: f.today})
					if amount > left {
						wantCode(t, err, flowcare.ECONFLICT)
					} else if err != nil {
						t.Fatal(err)
					}
				}
				if amount <= left {
					payments = append(payments, paid{key, inv.ID, amount})
				}
			default:
				continue
			}
		}
		counts[op]++
		done++
		nLines, digest = f.invariants(nLines, digest)
	}
	var n int
	for _, c := range counts {
		n += c
	}
	t.Logf("%d operations, invariants checked after each: %v; %d ledger lines", n, counts, nLines)
	for _, op := range []string{"sign", "verify", "invoice", "decide", "pay", "replay a payment", "concurrent payments with one key"} {
		if counts[op] == 0 && !testing.Short() {
			t.Errorf("the run never exercised %q", op)
		}
	}
}

// TestTheLedgerRefusesChanges: the database itself keeps the ledger
// append-only and balanced, whatever the code does.
func TestTheLedgerRefusesChanges(t *testing.T) {
	f := setup(t)
	b, err := f.svc.CreateBudgetLine(as(f.civil), funding.BudgetLineInput{Name: "预算", FunderID: "110105", FiscalYear: f.today.Year(),
		Source: flowcare.SourceCity, Amount: 100_000, Purpose: []flowcare.Category{flowcare.CatReadingGuidance}})
	if err != nil {
		t.Fatal(err)
	}
	for _, sql := range []string{`UPDATE ledger_lines SET debit = debit + 1`, `DELETE FROM ledger_lines`, `DELETE FROM ledger_transactions`,
		`TRUNCATE ledger_lines CASCADE`} {
		if _, err := f.db.SQL().Exec(sql); err == nil {
			t.Fatalf("%s was allowed", sql)
		}
	}
	// An unbalanced transaction or an overdrawn budget fails at commit.
	unbalanced := `WITH t AS (INSERT INTO ledger_transactions (kind, ref, at) VALUES ('COMMIT', 'x', now()) RETURNING id)
		INSERT INTO ledger_lines (txn_id, account, debit) SELECT id, 'committed:` + b.ID + `', 5 FROM t`
	if _, err := f.db.SQL().Exec(unbalanced); err == nil {
		t.Fatal("an unbalanced transaction was committed")
	}
	overdraw := `WITH t AS (INSERT INTO ledger_transactions (kind, ref, at) VALUES ('COMMIT', 'x', now()) RETURNING id)
		INSERT INTO ledger_lines (txn_id, account, debit, credit) SELECT id, 'committed:` + b.ID + `', 100001, 0 FROM t
		UNION ALL SELECT id, 'available:` + b.ID + `', 0, 100001 FROM t`
	if _, err := f.db.SQL().Exec(overdraw); err == nil {
		t.Fatal("committing more than the budget was allowed by the database")
	}
	f.invariants(0, "")
}

func TestBadMoneyInputGetsClearErrorsAndChangesNothing(t *testing.T) {
	f := setup(t)
	civil := as(f.civil)
	count := func() string {
		var a, b, c, d int
		if err := f.db.SQL().QueryRow(`SELECT (SELECT count(*) FROM ledger_lines), (SELECT count(*) FROM contracts),
			(SELECT count(*) FROM invoices), (SELECT count(*) FROM payments)`).Scan(&a, &b, &c, &d); err != nil {
			t.Fatal(err)
		}
		return fmt.Sprint(a, b, c, d)
	}
	line := funding.BudgetLineInput{Name: "预算", FunderID: "110105", FiscalYear: f.today.Year(), Source: flowcare.SourceCity,
		Amount: 1_000_00, Purpose: []flowcare.Category{flowcare.CatReadingGuidance}}
	b, err := f.svc.CreateBudgetLine(civil, line)
	if err != nil {
		t.Fatal(err)
	}
	before := count()
	for name, in := range map[string]funding.BudgetLineInput{
		"negative": {Name: "x", FunderID: "110105", FiscalYear: f.today.Year(), Source: flowcare.SourceCity, Amount: -1, Purpose: line.Purpose},
		"zero":     {Name: "x", FunderID: "110105", FiscalYear: f.today.Year(), Source: flowcare.SourceCity, Amount: 0, Purpose: line.Purpose},
		"street":   {Name: "x", FunderID: "110105001", FiscalYear: f.today.Year(), Source: flowcare.SourceCity, Amount: 1, Purpose: line.Purpose},
		"year":     {Name: "x", FunderID: "110105", FiscalYear: 1999, Source: flowcare.SourceCity, Amount: 1, Purpose: line.Purpose},
	} {
		if _, err := f.svc.CreateBudgetLine(civil, in); flowcare.ErrorCode(err) != flowcare.EINVALID {
			t.Errorf("%s budget line: %v", name, err)
		}
	}
	contract := func(price flowcare.Fen, qty int64) funding.ContractInput {
		return funding.ContractInput{BudgetLineID: b.ID, OrganisationID: f.orgs[0], Title: "阅读陪伴", Categories: []flowcare.Category{flowcare.CatReadingGuidance},
			Unit: flowcare.UnitSession, UnitPrice: price, Quantity: qty, StartsOn: f.today.AddDate(0, 0, -10), EndsOn: f.today.AddDate(0, 1, 0)}
	}
	for name, in := range map[string]funding.ContractInput{"negative price": contract(-5, 1), "over the line": contract(1_000_01, 1),
		"no quantity": contract(100, 0)} {
		_, err := f.svc.CreateContract(civil, in)
		wantCode(t, err, flowcare.EINVALID)
		t.Logf("%s: %s", name, flowcare.ErrorMessage(err))
	}
	if after := count(); after != before {
		t.Fatalf("refused input wrote: %s -> %s", before, after)
	}
	// Two contracts of 60% each: the second cannot be signed.
	c1, err := f.svc.CreateContract(civil, contract(60_000, 1))
	if err != nil {
		t.Fatal(err)
	}
	c2, err := f.svc.CreateContract(civil, contract(60_000, 1))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SignContract(civil, c1.ID); err != nil {
		t.Fatal(err)
	}
	before = count()
	_, err = f.svc.SignContract(civil, c2.ID)
	wantCode(t, err, flowcare.ECONFLICT)
	t.Logf("overspending: %s", flowcare.ErrorMessage(err))
	// Nothing verified: nothing to invoice.
	_, err = f.svc.SubmitInvoice(as(f.staff[f.orgs[0]]), c1.ID, f.today.AddDate(0, 0, -10), f.today)
	wantCode(t, err, flowcare.ECONFLICT)
	// A session outside any authorisation cannot be verified.
	m := f.match(f.orgs[0])
	s := f.session(m, 60)
	_, err = f.svc.VerifyDelivery(civil, s.ID, true, "")
	wantCode(t, err, flowcare.ECONFLICT)
	if after := count(); after != before {
		t.Fatalf("refusals wrote: %s -> %s", before, after)
	}
	if _, err := f.svc.Authorise(civil, funding.AuthorisationInput{ContractID: c1.ID, MatchID: m.ID, Units: 1,
		StartsOn: f.today.AddDate(0, 0, -10), EndsOn: f.today}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.VerifyDelivery(civil, s.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	// The authorisation had one unit: a second session is over it.
	_, err = f.svc.VerifyDelivery(civil, f.session(m, 60).ID, true, "")
	wantCode(t, err, flowcare.ECONFLICT)
	inv, err := f.svc.SubmitInvoice(as(f.staff[f.orgs[0]]), c1.ID, f.today.AddDate(0, 0, -10), f.today)
	if err != nil || inv.Amount != 60_000 {
		t.Fatalf("invoice = %+v, %v", inv, err)
	}
	// Paying before acceptance, and paying twice, are refused.
	pay := funding.PaymentInput{InvoiceID: inv.ID, Amount: 60_000, IdempotencyKey: "k1", PaidOn: f.today}
	_, err = f.svc.RecordPayment(civil, pay)
	wantCode(t, err, flowcare.ECONFLICT)
	if _, err := f.svc.DecideInvoice(civil, inv.ID, funding.DecisionAccept, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.RecordPayment(civil, pay); err != nil {
		t.Fatal(err)
	}
	pay.IdempotencyKey = "k2"
	_, err = f.svc.RecordPayment(civil, pay)
	wantCode(t, err, flowcare.ECONFLICT)
	pay.IdempotencyKey, pay.Amount = "k1", 1
	_, err = f.svc.RecordPayment(civil, pay)
	wantCode(t, err, flowcare.ECONFLICT)
	f.invariants(0, "")

	rep, err := f.svc.FundingReport(civil, f.today.Year())
	if err != nil {
		t.Fatal(err)
	}
	var row *funding.ContractRow
	for i := range rep.Contracts {
		if rep.Contracts[i].Contract.ID == c1.ID {
			row = &rep.Contracts[i]
		}
	}
	if row == nil || row.Delivered != 60_000 || row.Paid != 60_000 || row.Children != 1 || row.Minutes != 60 ||
		row.CostPerHour == nil || *row.CostPerHour != 60_000 || row.CostPerChild == nil || *row.CostPerChild != 60_000 {
		t.Fatalf("report row = %+v", row)
	}
	data, _, err := f.svc.ReportXLSX(civil, f.today.Year())
	if err != nil || len(data) < 100 {
		t.Fatalf("xlsx: %d bytes, %v", len(data), err)
	}
}
