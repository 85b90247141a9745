package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search/estest"
)

// genRange is the SQL condition that keeps the generated rows of a kind.
func genRange(k idKind) string {
	return fmt.Sprintf("id BETWEEN '%s' AND '%s'", genID(k, 0), genID(k, maxGenIndex))
}

func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// tableCounts counts the rows of every table the generator writes.
func tableCounts(t *testing.T, db *sql.DB) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range []string{"users", "role_grants", "organisations", "services", "service_locations", "volunteers",
		"volunteer_organisations", "vetting_items", "slots", "events", "children", "guardians", "consents", "child_reviews",
		"ledger_entries", "ledger_history", "visits", "needs", "need_history", "matches", "match_history", "bookings",
		"service_sessions", "budget_lines", "contracts", "authorisations", "deliveries", "invoices", "payments",
		"ledger_transactions", "ledger_lines", "audit_events", "outbox"} {
		out[table] = count(t, db, `SELECT count(*) FROM `+table)
	}
	return out
}

// demoDigest fingerprints the rows that are not generated, to show that a
// run leaves the demo's records exactly as they were.
func demoDigest(t *testing.T, db *sql.DB) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"organisations", "users", "services", "volunteers", "slots", "events", "children", "guardians",
		"consents", "needs", "matches", "budget_lines", "contracts", "invoices", "payments", "deliveries"} {
		var digest sql.NullString
		q := `SELECT md5(string_agg(row_to_json(x)::text, '|' ORDER BY x.id)) FROM ` + table + ` x
			WHERE NOT (x.id::text LIKE 'c17e____-0000-8000-8000-%')`
		if err := db.QueryRow(q).Scan(&digest); err != nil {
			t.Fatalf("digest of %s: %v", table, err)
		}
		fmt.Fprintf(&b, "%s=%s ", table, digest.String)
	}
	return b.String()
}

func TestGenerateCity(t *testing.T) {
	a, _ := seededApp(t)
	ctx := context.Background()
	db := a.db.SQL()
	demoBefore := demoDigest(t, db)
	opts := defaultCityOptions()
	opts.Scale, opts.Batch, opts.Now = 0.002, 300, time.Now()
	want := opts.counts()
	var out bytes.Buffer
	res, err := generateCity(ctx, a, fastHasher, opts, &out)
	if err != nil {
		t.Fatalf("generate: %v\n%s", err, out.String())
	}
	if res.AlreadyThere {
		t.Fatal("a fresh database was reported as already having the set")
	}
	for _, line := range []string{"generate: children ", "generate: matches ", "reindex service: done", "generate: done"} {
		if !strings.Contains(out.String(), line) {
			t.Errorf("the report has no %q line:\n%s", line, out.String())
		}
	}

	// The counts are what was asked for.
	for _, c := range []struct {
		what  string
		query string
		want  int
	}{
		{"children", `SELECT count(*) FROM children WHERE ` + genRange(kindChild), want.Children},
		{"organisations", `SELECT count(*) FROM organisations WHERE ` + genRange(kindOrg) + ` AND verification_status = 'VERIFIED'`, want.Organisations},
		{"services", `SELECT count(*) FROM services WHERE ` + genRange(kindService), want.Services},
		{"volunteers", `SELECT count(*) FROM volunteers WHERE ` + genRange(kindVolunteer), want.Volunteers},
		{"slots", `SELECT count(*) FROM slots WHERE ` + genRange(kindSlot), want.Slots},
		{"events", `SELECT count(*) FROM events WHERE ` + genRange(kindEvent), want.Events},
		{"needs", `SELECT count(*) FROM needs WHERE ` + genRange(kindNeed), want.Needs},
		{"open needs", `SELECT count(*) FROM needs WHERE status = 'OPEN' AND ` + genRange(kindNeed), want.OpenNeeds},
		{"ledger entries", `SELECT count(*) FROM ledger_entries WHERE child_id BETWEEN '` + genID(kindChild, 0) + `' AND '` + genID(kindChild, maxGenIndex) + `'`,
			want.Children / 10},
		{"children without exactly one primary guardian", `SELECT count(*) FROM children c WHERE ` + genRange(kindChild) +
			` AND (SELECT count(*) FROM guardians g WHERE g.child_id = c.id AND g.is_primary) <> 1`, 0},
		{"organisation kinds", `SELECT count(DISTINCT kind) FROM organisations WHERE ` + genRange(kindOrg), 6},
	} {
		if got := count(t, db, c.query); got != c.want {
			t.Errorf("%s: %d, want %d", c.what, got, c.want)
		}
	}
	if got := count(t, db, `SELECT count(*) FROM needs WHERE `+genRange(kindNeed)+` AND status NOT IN ('OPEN', 'MATCHING', 'IN_SERVICE', 'MET', 'WITHDRAWN')`); got != 0 {
		t.Errorf("%d needs in unknown statuses", got)
	}
	for _, st := range []string{"MATCHING", "IN_SERVICE", "MET", "WITHDRAWN"} {
		if count(t, db, `SELECT count(*) FROM needs WHERE status = $1 AND `+genRange(kindNeed), st) == 0 {
			t.Errorf("no generated need is %s", st)
		}
	}

	// More children per community in the outer urban districts than in the
	// centre (东城, 西城, 石景山), and than in the far suburbs.
	perCommunity := func(districts ...string) float64 {
		var kids, communities float64
		err := db.QueryRow(`SELECT
			(SELECT count(*) FROM children c JOIN areas a ON a.id = c.community_id WHERE split_part(a.path, '/', 2) = ANY($1) AND c.`+genRange(kindChild)+`),
			(SELECT count(*) FROM areas WHERE level = 'COMMUNITY' AND split_part(path, '/', 2) = ANY($1) AND name NOT LIKE '%演示%')`,
			textArray(districts)).Scan(&kids, &communities)
		if err != nil || communities == 0 {
			t.Fatalf("children per community of %v: %v", districts, err)
		}
		return kids / communities
	}
	outer := perCommunity("110105", "110106", "110108", "110112", "110114", "110115", "110113")
	centre := perCommunity("110101", "110102", "110107")
	far := perCommunity("110109", "110116", "110117", "110118", "110119")
	if outer < 2*centre || outer < 3*far {
		t.Errorf("children per community: outer urban %.3f, centre %.3f, far suburbs %.3f; want the outer districts well ahead", outer, centre, far)
	}

	// Every generated person, organisation and offer says it is generated.
	for _, q := range []string{
		`SELECT count(*) FROM users WHERE ` + genRange(kindUser) + ` AND display_name NOT LIKE '%生成%'`,
		`SELECT count(*) FROM organisations WHERE ` + genRange(kindOrg) + ` AND (name NOT LIKE '%（生成%' OR contact_name NOT LIKE '%（生成）')`,
		`SELECT count(*) FROM volunteers WHERE ` + genRange(kindVolunteer) + ` AND display_name NOT LIKE '%（生成）'`,
		`SELECT count(*) FROM services WHERE ` + genRange(kindService) + ` AND name NOT LIKE '%（生成）'`,
		`SELECT count(*) FROM slots WHERE ` + genRange(kindSlot) + ` AND title NOT LIKE '%（生成）'`,
		`SELECT count(*) FROM events WHERE ` + genRange(kindEvent) + ` AND title NOT LIKE '%（生成）'`,
		`SELECT count(*) FROM budget_lines WHERE ` + genRange(kindBudgetLine) + ` AND name NOT LIKE '%（生成）'`,
		`SELECT count(*) FROM contracts WHERE ` + genRange(kindContract) + ` AND title NOT LIKE '%（生成）'`,
	} {
		if n := count(t, db, q); n != 0 {
			t.Errorf("%d rows without the marker: %s", n, q)
		}
	}

	// Children's personal data is stored as registration stores it: it opens
	// through the child store with the configured keys, carries the marker,
	// and the ID number's hash finds the child again.
	// secrets are what identifies a child; guardians' names go only in the
	// PostgreSQL check, as a volunteer may share a guardian's name.
	var secrets, guardianNames []string
	rows, err := db.Query(`SELECT id FROM children WHERE ` + genRange(kindChild) + ` ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	withID := 0
	for _, id := range ids {
		c, err := a.db.Children().ChildByID(ctx, id)
		if err != nil {
			t.Fatalf("child %s does not open: %v", id, err)
		}
		if !strings.HasSuffix(c.Name, genMark) || !strings.HasSuffix(c.Address, genMark) || len(c.Guardians) == 0 {
			t.Fatalf("child %s: name %q, address %q, %d guardians", id, c.Name, c.Address, len(c.Guardians))
		}
		secrets = append(secrets, c.Name, c.Address)
		if c.IDNumber != "" {
			if ok, why := flowcare.ValidIDNumber(c.IDNumber, c.BirthDate); !ok {
				t.Fatalf("child %s has ID number %s: %s", id, c.IDNumber, why)
			}
			secrets = append(secrets, c.IDNumber)
			if withID++; withID == 1 {
				found, err := a.db.Children().FindDuplicates(ctx, []*flowcare.Child{{IDNumber: c.IDNumber, Name: "x", BirthDate: c.BirthDate}})
				if err != nil || len(found[0]) != 1 || found[0][0].ChildID != id || !found[0][0].ByIDNumber {
					t.Fatalf("the ID number of child %s does not find it: %+v, %v", id, found, err)
				}
			}
		}
		if c.Hukou.IsBeijingHukou() {
			t.Errorf("child %s has a Beijing hukou", id)
		}
		for _, g := range c.Guardians {
			if !strings.HasSuffix(g.Name, genMark) {
				t.Fatalf("guardian of %s named %q", id, g.Name)
			}
			guardianNames = append(guardianNames, g.Name)
			if g.Phone != "" {
				secrets = append(secrets, g.Phone)
			}
		}
	}
	if withID == 0 || withID == len(ids) {
		t.Errorf("%d of %d children have an ID number; want most but not all", withID, len(ids))
	}
	// None of it is in PostgreSQL in the clear.
	for _, table := range []string{"children", "guardians"} {
		rows, err := db.Query(`SELECT row_to_json(x)::text FROM ` + table + ` x`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var row string
			if err := rows.Scan(&row); err != nil {
				t.Fatal(err)
			}
			for _, s := range append(secrets, guardianNames...) {
				if strings.Contains(row, s) {
					t.Fatalf("%s holds %q in the clear: %s", table, s, row)
				}
			}
		}
		rows.Close()
	}

	// The offers are searchable: each index holds what PostgreSQL offers,
	// and no document holds a child's name or ID number.
	live, err := liveOffers(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, e := range flowcare.Entities {
		got, err := a.search.Count(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if got != live[e] || got == 0 {
			t.Errorf("%s index holds %d documents, PostgreSQL offers %d", e, got, live[e])
		}
		total += got
	}
	if total < want.offers()*8/10 {
		t.Errorf("%d documents in all for %d offers", total, want.offers())
	}
	docs := allDocuments(t, a.search.Alias(flowcare.EntityService))
	for _, e := range flowcare.Entities[1:] {
		docs += allDocuments(t, a.search.Alias(e))
	}
	if !strings.Contains(docs, "（生成）") {
		t.Fatal("the documents read back hold no generated offer")
	}
	for _, s := range secrets {
		if strings.Contains(docs, s) {
			t.Fatalf("an Elasticsearch document holds %q", s)
		}
	}
	hits, err := a.search.Search(ctx, flowcare.SearchQuery{Entity: flowcare.EntityService, Text: "生成", First: 5})
	if err != nil || len(hits.Hits) == 0 {
		t.Errorf("searching services for 生成: %+v, %v", hits, err)
	}

	// Matches in every status, each with its history ending where it stands.
	for _, st := range flowcare.MatchStatuses {
		if count(t, db, `SELECT count(*) FROM matches WHERE status = $1 AND `+genRange(kindMatch), string(st)) == 0 {
			t.Errorf("no generated match is %s", st)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM matches m WHERE `+genRange(kindMatch)+` AND m.status IS DISTINCT FROM
		(SELECT h.to_status FROM match_history h WHERE h.match_id = m.id ORDER BY h.id DESC LIMIT 1)`); n != 0 {
		t.Errorf("%d matches whose history does not end in their status", n)
	}
	if n := count(t, db, `SELECT count(*) FROM matches m WHERE `+genRange(kindMatch)+` AND m.status IN ('IN_PROGRESS', 'COMPLETED')
		AND NOT EXISTS (SELECT 1 FROM service_sessions s WHERE s.match_id = m.id)`); n != 0 {
		t.Errorf("%d matches in progress or completed without a session", n)
	}
	if count(t, db, `SELECT count(*) FROM service_sessions WHERE hours_status = 'APPROVED'`) == 0 {
		t.Error("no volunteer hours approved")
	}
	if n := count(t, db, `SELECT count(*) FROM slots s WHERE booked <> (SELECT count(*) FROM bookings b
		WHERE b.offer_id = s.id AND b.status IN ('BOOKED', 'ATTENDED'))`); n != 0 {
		t.Errorf("%d slots whose seat count is not their bookings", n)
	}

	// The funding ledger balances, by the rules its triggers check and more.
	for _, c := range []struct {
		what  string
		query string
	}{
		{"unbalanced transactions", `SELECT count(*) FROM (SELECT txn_id FROM ledger_lines GROUP BY txn_id HAVING sum(debit) <> sum(credit)) x`},
		{"accounts below zero", `SELECT count(*) FROM (SELECT account FROM ledger_lines WHERE account !~ '^(appropriation|paid):'
			GROUP BY account HAVING sum(debit) - sum(credit) < 0) x`},
		{"budget lines whose appropriation is not their amount", `SELECT count(*) FROM budget_lines b WHERE b.amount <>
			(SELECT coalesce(sum(credit), 0) FROM ledger_lines WHERE account = 'appropriation:' || b.id)`},
		{"invoices whose paid is not their payments", `SELECT count(*) FROM invoices i WHERE i.paid <>
			(SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.invoice_id = i.id)`},
		{"contracts paid other than their payments", `SELECT count(*) FROM contracts c WHERE
			(SELECT coalesce(sum(debit), 0) FROM ledger_lines WHERE account = 'paid:' || c.id) <>
			(SELECT coalesce(sum(p.amount), 0) FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.contract_id = c.id)`},
		{"invoices not claiming their deliveries", `SELECT count(*) FROM invoices i WHERE i.status <> 'REJECTED' AND i.amount <>
			(SELECT coalesce(sum(amount), 0) FROM deliveries d WHERE d.invoice_id = i.id AND d.status = 'VERIFIED')`},
		{"contracts invoiced beyond their value", `SELECT count(*) FROM contracts c WHERE c.unit_price * c.quantity <
			(SELECT coalesce(sum(amount), 0) FROM invoices i WHERE i.contract_id = c.id AND i.status <> 'REJECTED')`},
		{"deliveries of another organisation's match", `SELECT count(*) FROM deliveries d JOIN authorisations z ON z.id = d.authorisation_id
			JOIN matches m ON m.id = z.match_id JOIN contracts c ON c.id = d.contract_id
			WHERE m.provider_org_id IS DISTINCT FROM c.organisation_id OR NOT m.category = ANY(c.categories)`},
	} {
		if n := count(t, db, c.query); n != 0 {
			t.Errorf("%s: %d", c.what, n)
		}
	}
	for _, table := range []string{"contracts", "invoices", "payments", "deliveries"} {
		if count(t, db, `SELECT count(*) FROM `+table+` WHERE `+genRange(map[string]idKind{"contracts": kindContract,
			"invoices": kindInvoice, "payments": kindPayment, "deliveries": kindDelivery}[table])) == 0 {
			t.Errorf("no generated %s", table)
		}
	}
	if after := demoDigest(t, db); after != demoBefore {
		t.Errorf("the demo's records changed:\nbefore %s\nafter  %s", demoBefore, after)
	}

	// A second run finds the set, says so and changes nothing.
	before := tableCounts(t, db)
	out.Reset()
	res, err = generateCity(ctx, a, fastHasher, opts, &out)
	if err != nil || !res.AlreadyThere || !strings.Contains(out.String(), "already has a generated city set") {
		t.Fatalf("second run: %+v, %v\n%s", res, err, out.String())
	}
	if after := tableCounts(t, db); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the second run changed counts:\nbefore %v\nafter  %v", before, after)
	}
	for _, e := range flowcare.Entities {
		if got, _ := a.search.Count(ctx, e); got != live[e] {
			t.Errorf("after the second run the %s index holds %d, want %d", e, got, live[e])
		}
	}
}

// TestGenerateCityAfterAnInterruptedRun writes part of a set as a run that
// stopped would have left it, then runs the generator: it removes the part
// and writes the whole set once.
func TestGenerateCityAfterAnInterruptedRun(t *testing.T) {
	a, _ := seededApp(t)
	ctx := context.Background()
	db := a.db.SQL()
	opts := defaultCityOptions()
	opts.Scale, opts.Now = 0.001, time.Now()
	want := opts.counts()
	demoBefore := demoDigest(t, db)
	geo, err := loadCityGeo(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	sealer, err := a.db.Sealer()
	if err != nil {
		t.Fatal(err)
	}
	p, err := planCity(geo, opts, want, "x")
	if err != nil {
		t.Fatal(err)
	}
	w := &cityWriter{db: db, plan: p, sealer: sealer, batch: 200}
	var partial []*stage
	for _, s := range w.stages() {
		if s.name == "people" || s.name == "children" || s.name == "services" || s.name == "volunteers" || s.name == "needs" {
			partial = append(partial, s)
		}
	}
	if err := runStages(ctx, 2, partial, newReporter(io.Discard)); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM needs WHERE `+genRange(kindNeed)); n != want.Needs {
		t.Fatalf("the partial set has %d needs", n)
	}
	var out bytes.Buffer
	if _, err := generateCity(ctx, a, fastHasher, opts, &out); err != nil {
		t.Fatalf("generate: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "stopped part-way") {
		t.Errorf("the run did not say it removed a partial set:\n%s", out.String())
	}
	for table, want := range map[string]int{"children": want.Children, "services": want.Services, "needs": want.Needs, "organisations": want.Organisations} {
		if got := count(t, db, `SELECT count(*) FROM `+table+` WHERE `+genRange(map[string]idKind{"children": kindChild, "services": kindService,
			"needs": kindNeed, "organisations": kindOrg}[table])); got != want {
			t.Errorf("%s: %d after the run, want %d", table, got, want)
		}
	}
	if after := demoDigest(t, db); after != demoBefore {
		t.Errorf("the demo's records changed:\nbefore %s\nafter  %s", demoBefore, after)
	}
	if m, err := readCityMark(ctx, db); err != nil || m == nil || m.Counts != want {
		t.Errorf("mark after the run: %+v, %v", m, err)
	}
}

// allDocuments reads every document behind an alias as raw JSON.
func allDocuments(t *testing.T, alias string) string {
	t.Helper()
	res, err := http.Get(estest.URL(t) + "/" + alias + "/_search?size=10000")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var body struct {
		Hits struct {
			Total struct{ Value int } `json:"total"`
			Hits  []json.RawMessage   `json:"hits"`
		} `json:"hits"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	if len(body.Hits.Hits) != body.Hits.Total.Value {
		t.Fatalf("%s: read %d of %d documents", alias, len(body.Hits.Hits), body.Hits.Total.Value)
	}
	var b strings.Builder
	for _, h := range body.Hits.Hits {
		b.Write(h)
	}
	return b.String()
}
