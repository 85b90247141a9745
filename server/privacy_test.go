package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/search/estest"
)

// TestChildIdentifiersNeverReachSearchOrLogs registers a child through the
// API with everything else running as in serve, drains the outbox, and then
// reads every document of every index: neither the child's name nor their ID
// number may appear anywhere, nor in the server's log.
func TestChildIdentifiersNeverReachSearchOrLogs(t *testing.T) {
	a, cfg := seededApp(t)
	ctx := context.Background()
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv := httptest.NewServer(newHandler(cfg, log, a, newMetrics(prometheus.NewRegistry(), a)))
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	ts := &testServer{Server: srv, t: t, client: &http.Client{Jar: jar}}
	if r := ts.query(signIn, map[string]any{"u": "demo.director", "p": DemoPassword}); r.code() != "" {
		t.Fatal(r.Errors)
	}
	const name = "隐私测试儿童"
	id := fictionalID("411681", day(2017, 5, 12), 777)
	r := ts.query(`mutation($in: ChildInput!) { registerChild(input: $in) { id name idNumber eligibility { eligible } } }`, map[string]any{"in": map[string]any{
		"name": name, "gender": "FEMALE", "birthDate": "2017-05-12", "idNumber": id,
		"hukou":     map[string]any{"province": "河南省", "city": "周口市", "county": "项城市"},
		"movedWith": "BOTH_GUARDIANS", "communityId": "110105001001", "arrivedOn": "2024-09-01",
		"guardians": []map[string]any{{"name": "隐私测试家长", "relation": "母亲", "phone": "13912340000"}},
	}})
	if r.code() != "" || !strings.Contains(string(r.Data["registerChild"]), `"eligible":true`) {
		t.Fatalf("register: %s %+v", r.Data["registerChild"], r.Errors)
	}
	// Read the file too, so that reading is covered by the log check.
	var reg struct{ ID string }
	_ = json.Unmarshal(r.Data["registerChild"], &reg)
	if f := ts.query(`query($id: ID!) { child(id: $id) { name guardians { phone } } }`, map[string]any{"id": reg.ID}); f.code() != "" {
		t.Fatal(f.Errors)
	}

	relay := indexing.NewRelay(a.db, a.search, nil, log, time.Now)
	for {
		n, err := relay.Drain(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	if err := a.search.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	res, err := http.Get(estest.URL(t) + "/" + cfg.SearchPrefix + "-*/_search?size=10000")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var hits struct {
		Hits struct {
			Total struct{ Value int } `json:"total"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(body, &hits); err != nil || hits.Hits.Total.Value < 40 {
		t.Fatalf("the indices hold %d documents; expected the demo directory (%v)", hits.Hits.Total.Value, err)
	}
	for _, secret := range []string{name, id, "13912340000", "隐私测试家长", "演示儿童甲"} {
		if bytes.Contains(body, []byte(secret)) {
			t.Errorf("%q found in the search indices", secret)
		}
		if strings.Contains(logs.String(), secret) {
			t.Errorf("%q found in the server log", secret)
		}
	}
	// The read itself is in the audit log, by id only.
	es, _ := a.db.Audit().ListByTarget(ctx, "child.read", "child:"+reg.ID, flowcare.Page{})
	if len(es) != 1 || *es[0].ActorUsername != "demo.director" {
		t.Fatalf("audit of the read = %+v", es)
	}
}
