package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2/ast"

	"flowcare/graph/generated"
	"flowcare/internal/flowcare"
	"flowcare/search/estest"
)

// TestSchemaWalkNeverAnswersInternal sends malformed values for every
// argument of every query and mutation — and for every field of their input
// objects, however deep — as every demo role and anonymously. A client's
// mistake must come back as a client error that says what is wrong: never
// INTERNAL, never an error without a code, never a 5xx, never an error line in
// the log. The schema is read from the generated code, so a new field is
// walked without anyone remembering to add it here.
func TestSchemaWalkNeverAnswersInternal(t *testing.T) {
	s := newTestServer(t, "prod", func(c *Config) {
		_, c.SearchPrefix = estest.New(t)
		// The walk is one client sending thousands of requests on purpose.
		c.SignInPerMinute, c.AnonymousPerMinute = 1_000_000, 1_000_000
	})
	ctx := context.Background()
	if err := s.app.search.EnsureIndices(ctx); err != nil {
		t.Fatal(err)
	}
	// Each caller's ids are chosen before anything is written, so that rows
	// the walk itself creates never change what a later caller is given.
	type caller struct {
		name, token string
		ids         map[string]string
	}
	callers := []caller{{name: "anonymous", ids: walkIDs(t, s, "anonymous")}}
	for _, u := range demoUsers {
		callers = append(callers, caller{u.username, s.token(u.username), walkIDs(t, s, u.username)})
	}
	w := &walker{schema: generated.NewExecutableSchema(generated.Config{}).Schema(), now: time.Now()}

	start := time.Now()
	sent, codes := 0, map[string]int{}
	// failures maps what went wrong to who saw it, so that one fault seen by
	// twelve callers is one line.
	failures := map[string][]string{}
	fail := func(what, who string) { failures[what] = append(failures[what], who) }
	for i, c := range callers {
		for _, wc := range w.cases(c.ids) {
			// Values gqlparser refuses are refused before the caller is
			// even looked at: one caller is enough for them.
			if wc.validation && i > 0 {
				continue
			}
			sent++
			status, body := s.walkPost(wc, c.token)
			if status >= 500 {
				fail(fmt.Sprintf("%s: HTTP %d %s", wc.label, status, clip(body)), c.name)
				continue
			}
			var r gqlResponse
			if err := json.Unmarshal(body, &r); err != nil {
				fail(fmt.Sprintf("%s: HTTP %d, not JSON: %s", wc.label, status, clip(body)), c.name)
				continue
			}
			if wc.refuse && len(r.Errors) == 0 {
				fail(fmt.Sprintf("%s: taken without an error", wc.label), c.name)
			}
			for _, e := range r.Errors {
				code, _ := e.Extensions["code"].(string)
				codes[code]++
				switch {
				case code == "" || code == "INTERNAL":
					fail(fmt.Sprintf("%s: code %q: %s", wc.label, code, clip([]byte(e.Message))), c.name)
				case code == "INVALID" && e.Extensions["field"] == nil:
					fail(fmt.Sprintf("%s: INVALID without its field: %s", wc.field, clip([]byte(e.Message))), c.name)
				}
			}
		}
	}
	t.Logf("walked %d requests in %s; error codes %v", sent, time.Since(start).Round(time.Millisecond), codes)

	// The request log line is written after the answer is sent: close the
	// server, which waits for every handler, before reading the log.
	s.Close()
	for _, line := range strings.Split(s.logs.String(), "\n") {
		var rec struct{ Level, Msg, Error string }
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Level == "ERROR" {
			fail(fmt.Sprintf("logged as an error: %s %s", rec.Msg, clip([]byte(rec.Error))), "server")
		}
	}
	keys := make([]string, 0, len(failures))
	for k := range failures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		who := failures[k]
		if len(who) > 3 {
			who = append(who[:3:3], fmt.Sprintf("%d more", len(failures[k])-3))
		}
		t.Errorf("%s (as %s)", k, strings.Join(who, ", "))
	}
}

func clip(b []byte) string {
	r := []rune(string(b))
	if len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return string(r)
}

func (s *testServer) walkPost(wc walkCase, token string) (int, []byte) {
	s.t.Helper()
	body, err := json.Marshal(map[string]any{"query": wc.query, "variables": wc.vars})
	if err != nil {
		s.t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, raw
}

// walkIDs are ids of seeded rows the caller may plausibly act on, so that a
// malformed value in one argument meets real values in the others and gets
// past "not found" to the checks behind it.
func walkIDs(t *testing.T, s *testServer, username string) map[string]string {
	t.Helper()
	one := func(q string, args ...any) string {
		var id string
		if err := s.app.db.SQL().QueryRow(q, args...).Scan(&id); err != nil {
			return walkUnknownID
		}
		return id
	}
	// Orders are by content the seed writes the same each time, never by
	// random ids or a transaction's shared clock.
	org := one(`SELECT g.organisation_id::text FROM role_grants g JOIN users u ON u.id = g.user_id
		WHERE u.username = $1 AND g.organisation_id IS NOT NULL ORDER BY g.role LIMIT 1`, username)
	if org == walkUnknownID {
		org = one(`SELECT id::text FROM organisations WHERE kind = 'SOCIAL_ORGANISATION' ORDER BY name LIMIT 1`)
	}
	venue := one(`SELECT id::text FROM organisations WHERE kind IN ('LIBRARY', 'MUSEUM') ORDER BY name LIMIT 1`)
	// A child on the key-care ledger, in the community the demo staff share,
	// reaches furthest: visits and needs are recorded only for such a child.
	child := one(`SELECT c.id::text FROM children c LEFT JOIN ledger_entries l ON l.child_id = c.id AND l.left_on IS NULL
		ORDER BY l.child_id IS NULL, c.community_id <> '110105001001', c.birth_date, c.name_birth_hash LIMIT 1`)
	need := one(`SELECT id::text FROM needs ORDER BY description, category LIMIT 1`)
	match := one(`SELECT m.id::text FROM matches m JOIN needs n ON n.id = m.need_id ORDER BY n.description, m.offer_title, m.status LIMIT 1`)
	contract := one(`SELECT id::text FROM contracts ORDER BY title LIMIT 1`)
	invoice := one(`SELECT i.id::text FROM invoices i JOIN contracts c ON c.id = i.contract_id ORDER BY c.title, i.period_from, i.amount LIMIT 1`)
	volunteer := one(`SELECT id::text FROM volunteers ORDER BY display_name LIMIT 1`)
	service := one(`SELECT id::text FROM services ORDER BY name LIMIT 1`)
	return map[string]string{
		"organisationId": org, "venueId": venue, "organisationIds": org,
		"areaId": "110105001", "parentId": "110105", "funderId": "110105", "communityId": "110105001001",
		"homeAreaId": "110105001", "areaIds": "110105001", "areasServed": "110105001",
		"needId": need, "childId": child, "matchId": match, "contractId": contract, "invoiceId": invoice,
		"budgetLineId": one(`SELECT id::text FROM budget_lines ORDER BY name LIMIT 1`),
		"userId":       one(`SELECT id::text FROM users WHERE username = 'demo.volunteer'`), "volunteerId": volunteer,
		"grantId": one(`SELECT g.id::text FROM role_grants g JOIN users u ON u.id = g.user_id
			WHERE u.username = 'demo.volunteer' ORDER BY g.role LIMIT 1`),
		"sessionId": one(`SELECT s.id::text FROM service_sessions s JOIN matches m ON m.id = s.match_id
			JOIN needs n ON n.id = m.need_id ORDER BY n.description, s.starts_at LIMIT 1`),
		"guardianId": one(`SELECT id::text FROM guardians WHERE child_id::text = $1 ORDER BY position LIMIT 1`, child),
		"offerId":    service, "ids": match,
		// The id argument of a field is an id of what the field is named after.
		"id:child": child, "id:service": service, "id:match": match, "id:contract": contract, "id:invoice": invoice,
		"id:event":        one(`SELECT id::text FROM events ORDER BY title, starts_at LIMIT 1`),
		"id:user":         one(`SELECT id::text FROM users WHERE username = 'demo.volunteer'`),
		"id:organisation": org,
		"id:vetting": one(`SELECT v.id::text FROM vetting_items v JOIN volunteers p ON p.id = v.volunteer_id
			ORDER BY p.display_name, v.kind LIMIT 1`),
		"id:slot":  one(`SELECT id::text FROM slots ORDER BY starts_at, title LIMIT 1`),
		"id:visit": one(`SELECT id::text FROM visits WHERE child_id::text = $1 ORDER BY visited_on, form LIMIT 1`, child),
		"id:need":  need, "id:area": "110105",
	}
}

const walkUnknownID = "7a3c1f0e-0000-4000-8000-000000000000"

type walkCase struct {
	// field is Type.field; label adds where the bad value sits and its kind.
	field, label string
	query        string
	vars         map[string]any
	validation   bool
	// refuse: an answer without errors means the bad value was taken.
	refuse bool
}

// badValue is one kind of malformed input.
type badValue struct {
	kind string
	v    any
	// validation: gqlparser refuses the value before any resolver runs.
	validation bool
	// refuse says when an answer without any error is wrong: the value
	// was taken. Empty strings and unknown ids may honestly be taken (as
	// "not set", or as a filter that matches nothing), a far date by a query.
	refuse refusal
}

type refusal int

const (
	mayTake refusal = iota
	refuseAlways
	refuseInMutations
)

type walker struct {
	schema *ast.Schema
	// now anchors the plausible dates, so that they stay plausible next year.
	now time.Time
}

// day is a calendar day months from now; at an hour of a day days from now.
func (w *walker) day(months int) string {
	return w.now.In(flowcare.Beijing).AddDate(0, months, 0).Format("2006-01-02")
}

func (w *walker) at(days, hour int) string {
	d := w.now.In(flowcare.Beijing).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, flowcare.Beijing).Format(time.RFC3339)
}

// walkSkipped are fields the walk must not call with well-formed values in the
// other arguments: signing out would end the caller's session mid-walk.
var walkSkipped = map[string]bool{"Mutation.signOut": true}

func (w *walker) cases(ids map[string]string) []walkCase {
	var out []walkCase
	for _, root := range []*ast.Definition{w.schema.Query, w.schema.Mutation} {
		for _, f := range root.Fields {
			name := root.Name + "." + f.Name
			if strings.HasPrefix(f.Name, "__") || walkSkipped[name] {
				continue
			}
			if len(f.Arguments) == 0 {
				out = append(out, w.request(root, f, ids, "", nil, "", badValue{kind: "no arguments"}))
				continue
			}
			for _, a := range f.Arguments {
				for _, b := range w.bads(a.Type, a.Name, f.Name, ids, 0) {
					out = append(out, w.request(root, f, ids, a.Name, b.v, b.where, b.badValue))
				}
			}
		}
	}
	// Outside dev the schema is not described, and saying so is no internal error.
	for _, q := range []string{`query { __schema { queryType { name } } }`, `query { __type(name: "Query") { name } }`} {
		out = append(out, walkCase{field: "Query.__schema", label: q + ": introspection outside dev", query: q, refuse: true})
	}
	// Alternate literals and variables: both reach the server's checks by different roads.
	for i := range out {
		if i%2 == 1 && out[i].vars != nil {
			out[i] = w.asLiteral(out[i])
		}
	}
	return out
}

// request builds a variables-only operation calling f with its required
// arguments set to plausible values and target set to bad.
func (w *walker) request(root *ast.Definition, f *ast.FieldDefinition, ids map[string]string, target string, bad any, where string, b badValue) walkCase {
	op := strings.ToLower(root.Name)
	var decls, args []string
	vars := map[string]any{}
	for _, a := range f.Arguments {
		var v any
		switch {
		case a.Name == target:
			v = bad
		case a.Type.NonNull && a.DefaultValue == nil:
			v = w.baseline(a.Type, a.Name, f.Name, ids, 0)
		default:
			continue
		}
		decls = append(decls, fmt.Sprintf("$%s: %s", a.Name, a.Type.String()))
		args = append(args, fmt.Sprintf("%s: $%s", a.Name, a.Name))
		vars[a.Name] = v
	}
	q := op
	if len(decls) > 0 {
		q += "(" + strings.Join(decls, ", ") + ")"
	}
	q += " { " + f.Name
	if len(args) > 0 {
		q += "(" + strings.Join(args, ", ") + ")"
	}
	q += w.selection(f.Type) + " }"
	label := root.Name + "." + f.Name
	if target != "" {
		label += "(" + target + where + ")"
	}
	refuse := b.refuse == refuseAlways || b.refuse == refuseInMutations && root.Name == "Mutation"
	return walkCase{field: root.Name + "." + f.Name, label: label + ": " + b.kind, query: q, vars: vars, validation: b.validation, refuse: refuse}
}

func (w *walker) selection(t *ast.Type) string {
	for t.Elem != nil {
		t = t.Elem
	}
	switch w.schema.Types[t.NamedType].Kind {
	case ast.Object, ast.Interface, ast.Union:
		return " { __typename }"
	}
	return ""
}

// asLiteral writes the variables of a case into the operation as literals.
func (w *walker) asLiteral(wc walkCase) walkCase {
	q := wc.query
	if i := strings.Index(q, "("); i >= 0 && i < strings.Index(q, "{") {
		q = q[:i] + q[strings.Index(q, ")")+1:]
	}
	f := w.schema.Query.Fields.ForName(wc.field[strings.Index(wc.field, ".")+1:])
	if strings.HasPrefix(wc.field, "Mutation.") {
		f = w.schema.Mutation.Fields.ForName(wc.field[strings.Index(wc.field, ".")+1:])
	}
	for _, a := range f.Arguments {
		if v, ok := wc.vars[a.Name]; ok {
			q = strings.Replace(q, a.Name+": $"+a.Name, a.Name+": "+w.literal(v, a.Type), 1)
		}
	}
	wc.query, wc.vars = q, nil
	return wc
}

func (w *walker) literal(v any, t *ast.Type) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case []any:
		if t.Elem == nil {
			break
		}
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = w.literal(e, t.Elem)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		def := w.schema.Types[t.NamedType]
		if def == nil || def.Kind != ast.InputObject {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			ft := &ast.Type{NamedType: "String"}
			if fd := def.Fields.ForName(k); fd != nil {
				ft = fd.Type
			}
			parts[i] = k + ": " + w.literal(x[k], ft)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case string:
		if def := w.schema.Types[t.NamedType]; t.Elem == nil && def != nil && def.Kind == ast.Enum && isName(x) {
			return x
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func isName(s string) bool {
	for i, r := range s {
		if !(r == '_' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

type placedBad struct {
	badValue
	v     any
	where string
}

// bads are the malformed values for a value of type t, each placed in an
// otherwise plausible value: inside lists and input objects too.
func (w *walker) bads(t *ast.Type, name, field string, ids map[string]string, depth int) []placedBad {
	if t.Elem != nil {
		var out []placedBad
		for _, b := range w.bads(t.Elem, name, field, ids, depth) {
			out = append(out, placedBad{b.badValue, []any{b.v}, "[0]" + b.where})
		}
		return out
	}
	def := w.schema.Types[t.NamedType]
	if def.Kind == ast.InputObject {
		out := []placedBad{{badValue{"not an object", "x", true, refuseAlways}, "x", ""}}
		if depth > 4 {
			return out
		}
		for _, fd := range def.Fields {
			for _, b := range w.bads(fd.Type, fd.Name, field, ids, depth+1) {
				obj := w.baseline(&ast.Type{NamedType: def.Name, NonNull: true}, name, field, ids, depth).(map[string]any)
				obj[fd.Name] = b.v
				out = append(out, placedBad{b.badValue, obj, "." + fd.Name + b.where})
			}
		}
		return out
	}
	var out []placedBad
	for _, b := range scalarBads(def) {
		out = append(out, placedBad{b, b.v, ""})
	}
	return out
}

func scalarBads(def *ast.Definition) []badValue {
	text := []badValue{{"NUL byte", "a\x00b", false, refuseAlways},
		// Characters, not bytes: one wide character is enough to tell them apart.
		{"100,000 characters", "长" + strings.Repeat("a", 99_999), false, refuseAlways},
		{"empty", "", false, mayTake}}
	if def.Kind == ast.Enum {
		return []badValue{{"unknown enum value", "NO_SUCH_VALUE", true, refuseAlways}}
	}
	switch def.Name {
	case "String":
		return append(text, badValue{"wrong type", true, true, refuseAlways})
	case "ID":
		return append(text, badValue{"unknown id", walkUnknownID, false, mayTake}, badValue{"not an id", "x-1", false, mayTake},
			badValue{"wrong type", true, true, refuseAlways})
	case "Int":
		return []badValue{{"beyond int32", int64(2147483648), false, refuseAlways}, {"negative", -1, false, mayTake},
			{"wrong type", "x", true, refuseAlways}}
	case "Float":
		return []badValue{{"huge", 1e300, false, mayTake}, {"wrong type", "x", true, refuseAlways}}
	case "Boolean":
		return []badValue{{"wrong type", "x", true, refuseAlways}}
	case "Time":
		return []badValue{{"malformed time", "yesterday", false, refuseAlways},
			{"time without zone", "2026-09-01T10:00:00", false, refuseAlways},
			{"time in 9999", "9999-12-31T10:00:00Z", false, refuseInMutations},
			{"time as a number", 1700000000, false, refuseAlways}}
	case "Date":
		return []badValue{{"malformed date", "2026-02-30", false, refuseAlways},
			{"date in 9999", "9999-12-31", false, refuseInMutations},
			{"date as a number", 20260901, false, refuseAlways}}
	case "Fen":
		return []badValue{{"fen as a string", "100", false, refuseAlways}, {"fraction of a fen", 1.5, false, refuseAlways},
			{"fen beyond 2^53", 1e17, false, refuseAlways}}
	}
	// A scalar this walk does not know yet (say, Upload) is left to its own test.
	return nil
}

// baseline is a plausible value for t, named name, argument of field.
func (w *walker) baseline(t *ast.Type, name, field string, ids map[string]string, depth int) any {
	if t.Elem != nil {
		return []any{w.baseline(t.Elem, name, field, ids, depth)}
	}
	def := w.schema.Types[t.NamedType]
	switch def.Kind {
	case ast.Enum:
		return def.EnumValues[0].Name
	case ast.InputObject:
		obj := map[string]any{}
		for _, fd := range def.Fields {
			if fd.Type.NonNull && fd.DefaultValue == nil {
				obj[fd.Name] = w.baseline(fd.Type, fd.Name, field, ids, depth+1)
			}
		}
		return obj
	}
	switch def.Name {
	case "ID":
		if name == "id" {
			for _, noun := range []string{"organisation", "service", "event", "match", "contract", "invoice", "vetting",
				"slot", "visit", "need", "child", "user", "area"} {
				if strings.Contains(strings.ToLower(field), noun) {
					return ids["id:"+noun]
				}
			}
		}
		if id, ok := ids[name]; ok {
			return id
		}
		return walkUnknownID
	case "Int":
		return pick(name, 1, map[string]any{"first": 5, "year": 2026, "fiscalYear": 2026, "weeks": 2, "day": 1, "start": 600, "end": 660,
			"minAge": 6, "maxAge": 12, "capacity": 10, "hoursPerMonth": 10, "units": 1, "quantity": 10, "childrenPerAdult": 2,
			"bookingCutoffHours": 2, "days": 30, "withinDays": 30, "timesPerMonth": 2, "age": 8})
	case "Float":
		return pick(name, 1.0, map[string]any{"latitude": 39.9, "longitude": 116.4, "radiusKm": 5.0})
	case "Boolean":
		return false
	case "Time":
		return pick(name, w.at(60, 10), map[string]any{"endsAt": w.at(60, 11), "registrationOpens": w.at(1, 9),
			"registrationCloses": w.at(50, 18), "to": w.at(120, 0)})
	case "Date":
		return pick(name, w.day(0), map[string]any{"birthDate": w.day(-9 * 12), "arrivedOn": w.day(-24),
			"completedOn": w.day(-2), "expiresOn": w.day(10), "startsOn": w.day(-6), "endsOn": w.day(6),
			"periodFrom": w.day(-6), "nextVisitOn": w.day(1)})
	case "Fen":
		return 100
	case "String":
		return pick(name, "测试", map[string]any{"username": "walk.user", "password": "walk-password-1", "newPassword": "walk-password-2",
			"phone": "13900000000", "idempotencyKey": "walk-key", "reason": "walk reason long enough",
			"note": "walk note long enough"})
	}
	return nil
}

func pick(name string, def any, m map[string]any) any {
	if v, ok := m[name]; ok {
		return v
	}
	return def
}
