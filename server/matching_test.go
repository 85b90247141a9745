package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/search/estest"
)

func (s *testServer) as(token, q string, vars map[string]any) gqlResponse {
	s.t.Helper()
	r, _ := s.do(q, vars, http.Header{"Authorization": {"Bearer " + token}})
	return r
}

func (s *testServer) token(username string) string {
	s.t.Helper()
	r := s.query(signIn, map[string]any{"u": username, "p": DemoPassword})
	var out struct{ Token string }
	if err := json.Unmarshal(r.Data["signIn"], &out); err != nil || out.Token == "" {
		s.t.Fatalf("sign in %s: %v %v", username, err, r.Errors)
	}
	return out.Token
}

func must[T any](t *testing.T, r gqlResponse, field string) T {
	t.Helper()
	if len(r.Errors) > 0 {
		t.Fatalf("%s: %s (%v)", field, r.Errors[0].Message, r.Errors[0].Extensions)
	}
	var v T
	if err := json.Unmarshal(r.Data[field], &v); err != nil {
		t.Fatalf("%s: %v", field, err)
	}
	return v
}

// TestMatchingLoopThroughTheAPI walks the demo data through the whole loop
// over HTTP, with the volunteer's notifications arriving over the
// GraphQL subscription as they would in the web app.
func TestMatchingLoopThroughTheAPI(t *testing.T) {
	_, prefix := estest.New(t)
	s := newTestServer(t, "test", func(c *Config) { c.SearchPrefix = prefix })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for _, e := range flowcare.Entities {
		if _, err := indexing.Rebuild(ctx, s.app.db, s.app.search, e, 500, time.Now, nil); err != nil {
			t.Fatal(err)
		}
	}
	go runNotifier(ctx, s.cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), s.app.notifier)

	director, volunteer, orgadmin := s.token("demo.director"), s.token("demo.volunteer"), s.token("demo.orgadmin")

	// The volunteer's web app listens for notifications.
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: http.Header{"Authorization": {"Bearer " + volunteer}}})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.CloseNow()
	type wsMsg struct {
		ID      string          `json:"id,omitempty"`
		Type    string          `json:"type"`
		Payload json.RawMessage `json:"payload,omitempty"`
	}
	if err := wsjson.Write(ctx, ws, wsMsg{Type: "connection_init"}); err != nil {
		t.Fatal(err)
	}
	var ack wsMsg
	if err := wsjson.Read(ctx, ws, &ack); err != nil || ack.Type != "connection_ack" {
		t.Fatalf("connection_ack: %+v %v", ack, err)
	}
	sub, _ := json.Marshal(map[string]string{"query": `subscription { notificationAdded { title kind matchId read } }`})
	if err := wsjson.Write(ctx, ws, wsMsg{ID: "1", Type: "subscribe", Payload: sub}); err != nil {
		t.Fatal(err)
	}
	pushed := make(chan wsMsg, 4)
	go func() {
		for {
			var m wsMsg
			if err := wsjson.Read(ctx, ws, &m); err != nil {
				return
			}
			if m.Type == "next" {
				pushed <- m
			}
		}
	}()
	time.Sleep(300 * time.Millisecond) // the subscription registers asynchronously

	var needID string
	if err := s.app.db.SQL().QueryRow(`SELECT id FROM needs WHERE description LIKE '希望周末有人陪伴阅读%'`).Scan(&needID); err != nil {
		t.Fatal(err)
	}
	type factor struct {
		Factor string
		Points float64
	}
	type cand struct {
		Entity, ID, Title string
		Score             float64
		Factors           []factor
	}
	list := must[struct{ Candidates []cand }](t, s.as(director, `query($id: ID!) { matchCandidates(needId: $id) {
		candidates { entity id title score factors { factor points } } } }`, map[string]any{"id": needID}), "matchCandidates")
	var pick *cand
	for i, c := range list.Candidates {
		sum := 0.0
		for _, f := range c.Factors {
			sum += f.Points
		}
		if math.Abs(sum-c.Score) > 0.01 {
			t.Errorf("%s: factors add up to %.3f, score %.3f", c.Title, sum, c.Score)
		}
		if c.Entity == "VOLUNTEER" && c.Title == "小林（演示）" {
			pick = &list.Candidates[i]
		}
	}
	if pick == nil {
		t.Fatalf("demo volunteer 小林 is not a candidate: %+v", list.Candidates)
	}
	// Providers may not rank candidates.
	if r := s.as(volunteer, `query($id: ID!) { matchCandidates(needId: $id) { maxKm } }`, map[string]any{"id": needID}); r.code() != "NOT_FOUND" {
		t.Fatalf("volunteer ranking candidates: %v", r.Errors)
	}
	m := must[struct{ ID, Status string }](t, s.as(director, `mutation($n: ID!, $o: ID!) { proposeMatch(needId: $n,
		input: {entity: VOLUNTEER, offerId: $o, send: true, pairing: {timesPerMonth: 4, weeks: 12}}) { id status } }`,
		map[string]any{"n": needID, "o": pick.ID}), "proposeMatch")
	if m.Status != "REQUESTED" {
		t.Fatalf("match = %+v", m)
	}
	select {
	case msg := <-pushed:
		if !strings.Contains(string(msg.Payload), "MATCH_REQUESTED") || !strings.Contains(string(msg.Payload), m.ID) {
			t.Fatalf("pushed %s", msg.Payload)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notification pushed to the volunteer within 10 s")
	}

	inbox := must[struct{ TotalCount int }](t, s.as(volunteer, `{ matchInbox(statuses: [REQUESTED]) { totalCount } }`, nil), "matchInbox")
	if inbox.TotalCount != 1 {
		t.Fatalf("volunteer inbox = %+v", inbox)
	}
	acc := must[struct{ Status string }](t, s.as(volunteer, `mutation($id: ID!) { respondToMatch(id: $id, accept: true) { status } }`,
		map[string]any{"id": m.ID}), "respondToMatch")
	if acc.Status != "ACCEPTED" {
		t.Fatalf("after accepting: %+v", acc)
	}
	if r := s.as(volunteer, `mutation($id: ID!) { respondToMatch(id: $id, accept: true) { status } }`, map[string]any{"id": m.ID}); r.code() != "CONFLICT" {
		t.Fatalf("accepting twice: %v", r.Errors)
	}
	prof := must[struct{ Name, Basis, GuardianPhone string }](t, s.as(volunteer, `query($id: ID!) { matchChildProfile(matchId: $id) {
		name basis guardianPhone } }`, map[string]any{"id": m.ID}), "matchChildProfile")
	if prof.Name != "演示儿童甲" || prof.Basis != "CONSENT" || prof.GuardianPhone == "" {
		t.Fatalf("profile = %+v", prof)
	}

	logSession := `mutation($id: ID!, $s: Time!, $e: Time!) { logSession(matchId: $id, input: {startsAt: $s, endsAt: $e, attendance: ATTENDED,
		note: "共读绘本"}) { id minutes hours } }`
	bad := s.as(volunteer, logSession, map[string]any{"id": m.ID, "s": time.Now().Add(-time.Hour).Format(time.RFC3339),
		"e": time.Now().Add(-2 * time.Hour).Format(time.RFC3339)})
	if bad.code() != "INVALID" || bad.Errors[0].Extensions["field"] != "endsAt" {
		t.Fatalf("end before start: %v", bad.Errors)
	}
	for i := range 2 {
		start := time.Now().AddDate(0, 0, -7*(2-i)).Truncate(time.Hour)
		ss := must[struct {
			Minutes int
			Hours   string
		}](t, s.as(volunteer, logSession, map[string]any{"id": m.ID, "s": start.Format(time.RFC3339), "e": start.Add(time.Hour).Format(time.RFC3339)}), "logSession")
		if ss.Minutes != 60 || ss.Hours != "PENDING" {
			t.Fatalf("session = %+v", ss)
		}
	}
	pending := must[struct {
		TotalCount int
		Edges      []struct{ Node struct{ ID string } }
	}](t, s.as(orgadmin, `{ pendingHours { totalCount edges { node { id } } } }`, nil), "pendingHours")
	if pending.TotalCount != 2 {
		t.Fatalf("pending hours = %+v", pending)
	}
	ids := []string{pending.Edges[0].Node.ID, pending.Edges[1].Node.ID}
	must[[]struct{ Hours string }](t, s.as(orgadmin, `mutation($ids: [ID!]!) { reviewHours(ids: $ids, approve: true) { hours } }`,
		map[string]any{"ids": ids}), "reviewHours")
	hours := must[struct{ ApprovedMinutes int }](t, s.as(volunteer, `{ myHours { approvedMinutes } }`, nil), "myHours")
	if hours.ApprovedMinutes != 120 {
		t.Fatalf("approved minutes = %d", hours.ApprovedMinutes)
	}
	req, _ := http.NewRequest(http.MethodGet, s.URL+"/certificates/volunteer-hours.pdf", nil)
	req.Header.Set("Authorization", "Bearer "+volunteer)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	pdf, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(string(pdf), "%PDF-") {
		t.Fatalf("certificate: %d %s %.40q", res.StatusCode, res.Header.Get("Content-Type"), pdf)
	}
	// Someone with no hours gets a reason, not a broken file.
	req, _ = http.NewRequest(http.MethodGet, s.URL+"/certificates/volunteer-hours.pdf", nil)
	req.Header.Set("Authorization", "Bearer "+director)
	if res, err = http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusForbidden {
		t.Fatalf("certificate for staff: %v %v", res.StatusCode, err)
	}
	res.Body.Close()

	done := must[struct{ Status string }](t, s.as(volunteer, `mutation($id: ID!) { closeMatch(id: $id, status: COMPLETED) { status } }`,
		map[string]any{"id": m.ID}), "closeMatch")
	if done.Status != "COMPLETED" {
		t.Fatalf("closed: %+v", done)
	}
	seen := must[struct {
		Need     struct{ Status string }
		Child    struct{ Name string }
		History  []struct{ To string }
		Sessions []struct{ Minutes int }
	}](t, s.as(director, `query($id: ID!) { match(id: $id) { need { status } child { name } history { to } sessions { minutes } } }`,
		map[string]any{"id": m.ID}), "match")
	if seen.Need.Status != "MET" || seen.Child.Name != "演示儿童甲" || len(seen.History) != 5 || len(seen.Sessions) != 2 {
		t.Fatalf("director sees %+v", seen)
	}
	// The provider's view of the match leaves out the need and the child.
	pv := must[struct {
		Need  *struct{ Status string }
		Child *struct{ Name string }
	}](t, s.as(volunteer, `query($id: ID!) { match(id: $id) { need { status } child { name } } }`, map[string]any{"id": m.ID}), "match")
	if pv.Need != nil || pv.Child != nil {
		t.Fatalf("provider sees need or child: %+v", pv)
	}
}
