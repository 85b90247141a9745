package main

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/search/estest"
)

// TestFundingChainThroughTheAPI follows the demo contract from a delivered
// session to a payment and the report, over HTTP.
func TestFundingChainThroughTheAPI(t *testing.T) {
	_, prefix := estest.New(t)
	s := newTestServer(t, "test", func(c *Config) { c.SearchPrefix = prefix })
	ctx := context.Background()
	for _, e := range flowcare.Entities {
		if _, err := indexing.Rebuild(ctx, s.app.db, s.app.search, e, 500, time.Now, nil); err != nil {
			t.Fatal(err)
		}
	}
	civil, director, staff := s.token("demo.civil.chaoyang"), s.token("demo.director"), s.token("demo.orgstaff")
	today := time.Now().In(flowcare.Beijing).Format("2006-01-02")

	lines := must[[]struct {
		ID        string
		Amount    int64
		Available int64
	}](t, s.as(civil, `{ budgetLines { id amount available } }`, nil), "budgetLines")
	if len(lines) != 1 || lines[0].Amount != 50_000_000 || lines[0].Available != 44_000_000 {
		t.Fatalf("demo budget lines = %+v", lines)
	}
	// Money is whole fen: a fraction or a negative amount is refused with a reason.
	create := `mutation($a: Fen!) { createBudgetLine(input: {name: "测试", funderId: "110105", fiscalYear: 2026, source: CITY,
		amount: $a, purpose: [READING_GUIDANCE]}) { id } }`
	if r := s.as(civil, create, map[string]any{"a": 12.5}); len(r.Errors) == 0 || !strings.Contains(r.Errors[0].Message, "整数") {
		t.Fatalf("fractional amount: %+v", r.Errors)
	}
	if r := s.as(civil, create, map[string]any{"a": -100}); r.code() != "INVALID" || r.Errors[0].Extensions["field"] != "amount" {
		t.Fatalf("negative amount: %+v", r.Errors)
	}
	// Nobody outside money sees it.
	if r := s.as(director, `{ contracts { totalCount } }`, nil); r.code() != "FORBIDDEN" {
		t.Fatalf("director listing contracts: %+v", r.Errors)
	}
	contracts := must[struct {
		TotalCount int
		Edges      []struct {
			Node struct {
				ID         string
				CanManage  bool
				CanInvoice bool
			}
		}
	}](t, s.as(staff, `{ contracts { totalCount edges { node { id canManage canInvoice } } } }`, nil), "contracts")
	if contracts.TotalCount != 1 || len(contracts.Edges) != 1 || contracts.Edges[0].Node.CanManage || !contracts.Edges[0].Node.CanInvoice {
		t.Fatalf("organisation's contracts = %+v", contracts)
	}
	contract := contracts.Edges[0].Node.ID
	before := report(t, s, civil)

	// A need of the demo child is matched with the organisation's reading service.
	var needID, serviceID string
	if err := s.app.db.SQL().QueryRow(`SELECT id FROM needs WHERE description LIKE '希望周末有人陪伴阅读%'`).Scan(&needID); err != nil {
		t.Fatal(err)
	}
	if err := s.app.db.SQL().QueryRow(`SELECT id FROM services WHERE name = '周末阅读陪伴小组'`).Scan(&serviceID); err != nil {
		t.Fatal(err)
	}
	m := must[struct{ ID string }](t, s.as(director, `mutation($n: ID!, $o: ID!) { proposeMatch(needId: $n, input: {entity: SERVICE,
		offerId: $o, send: true}) { id } }`, map[string]any{"n": needID, "o": serviceID}), "proposeMatch")
	must[struct{ Status string }](t, s.as(staff, `mutation($id: ID!) { respondToMatch(id: $id, accept: true) { status } }`,
		map[string]any{"id": m.ID}), "respondToMatch")
	start := time.Now().Add(-3 * time.Hour).Truncate(time.Minute)
	// Shortly after midnight in Beijing the session falls on yesterday, so
	// the authorisation and the invoices cover the day it falls on too.
	sessionDay := start.In(flowcare.Beijing).Format("2006-01-02")
	must[struct{ ID string }](t, s.as(civil, `mutation($c: ID!, $m: ID!, $f: Date!, $d: Date!) { authoriseMatch(input: {contractId: $c, matchId: $m,
		units: 10, startsOn: $f, endsOn: $d}) { id } }`, map[string]any{"c": contract, "m": m.ID, "f": sessionDay, "d": today}), "authoriseMatch")
	session := must[struct{ ID string }](t, s.as(staff, `mutation($id: ID!, $s: Time!, $e: Time!) { logSession(matchId: $id,
		input: {startsAt: $s, endsAt: $e, attendance: ATTENDED}) { id } }`, map[string]any{"id": m.ID,
		"s": start.Format(time.RFC3339), "e": start.Add(90 * time.Minute).Format(time.RFC3339)}), "logSession")

	// Invoicing before verification finds nothing to claim.
	invoice := `mutation($c: ID!, $f: Date!, $d: Date!) { submitInvoice(contractId: $c, periodFrom: $f, periodTo: $d) { id amount status } }`
	if r := s.as(staff, invoice, map[string]any{"c": contract, "f": sessionDay, "d": today}); r.code() != "CONFLICT" {
		t.Fatalf("invoicing unverified sessions: %+v", r.Errors)
	}
	pending := must[[]struct{ SessionID string }](t, s.as(civil, `{ pendingDeliveries { sessionId } }`, nil), "pendingDeliveries")
	if len(pending) != 1 || pending[0].SessionID != session.ID {
		t.Fatalf("pending deliveries = %+v", pending)
	}
	d := must[struct{ Amount int64 }](t, s.as(civil, `mutation($s: ID!) { verifyDelivery(sessionId: $s, accept: true) { amount } }`,
		map[string]any{"s": session.ID}), "verifyDelivery")
	if d.Amount != 30_000 { // 1.5 hours at 200.00 yuan
		t.Fatalf("delivery worth %d fen", d.Amount)
	}
	inv := must[struct {
		ID     string
		Amount int64
	}](t, s.as(staff, invoice, map[string]any{"c": contract, "f": sessionDay, "d": today}), "submitInvoice")
	if inv.Amount != 30_000 {
		t.Fatalf("invoice = %+v", inv)
	}
	if r := s.as(staff, `mutation($id: ID!) { decideInvoice(id: $id, decision: ACCEPT) { status } }`, map[string]any{"id": inv.ID}); r.code() != "FORBIDDEN" {
		t.Fatalf("organisation accepting its own invoice: %+v", r.Errors)
	}
	must[struct{ Status string }](t, s.as(civil, `mutation($id: ID!) { decideInvoice(id: $id, decision: ACCEPT) { status } }`,
		map[string]any{"id": inv.ID}), "decideInvoice")
	pay := `mutation($i: ID!, $d: Date!) { recordPayment(input: {invoiceId: $i, amount: 30000, idempotencyKey: "bank-0001",
		reference: "国库集中支付 0001", paidOn: $d}) { id } }`
	p1 := must[struct{ ID string }](t, s.as(civil, pay, map[string]any{"i": inv.ID, "d": today}), "recordPayment")
	p2 := must[struct{ ID string }](t, s.as(civil, pay, map[string]any{"i": inv.ID, "d": today}), "recordPayment")
	if p1.ID != p2.ID {
		t.Fatalf("a replayed payment made a second one: %s, %s", p1.ID, p2.ID)
	}
	after := report(t, s, civil)
	if len(after.Contracts) != 1 || after.Contracts[0].Figures.Paid-before.Contracts[0].Figures.Paid != 30_000 ||
		after.Contracts[0].Figures.Delivered-before.Contracts[0].Figures.Delivered != 30_000 ||
		after.Contracts[0].Figures.CostPerHour != 20_000 || after.Contracts[0].Figures.Children != 1 {
		t.Fatalf("report before %+v, after %+v", before, after)
	}
	if len(after.Districts) == 0 || after.Districts[0].District.ID != "110105" {
		t.Fatalf("district report = %+v", after.Districts)
	}
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/reports/funding.xlsx", nil)
	req.Header.Set("Authorization", "Bearer "+civil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.HasPrefix(string(body), "PK") {
		t.Fatalf("funding.xlsx: %d %.60q", res.StatusCode, body)
	}
	req.Header.Set("Authorization", "Bearer "+director)
	if res, err = http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("funding.xlsx for a director: %v %v", res.StatusCode, err)
	}
	res.Body.Close()
}

type fundingFigures struct {
	Contracts []struct {
		ID      string
		Figures struct {
			Delivered, Paid, CostPerHour, CostPerChild int64
			Children                                   int
		}
	}
	Districts []struct {
		District struct{ ID string }
		Spent    int64
	}
}

func report(t *testing.T, s *testServer, token string) fundingFigures {
	t.Helper()
	return must[fundingFigures](t, s.as(token, `{ fundingReport { contracts { id figures { delivered paid costPerHour costPerChild children } }
		districts { district { id } spent } } }`, nil), "fundingReport")
}
