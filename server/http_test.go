package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/alexedwards/argon2id"
	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/access"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search/estest"
)

type gqlResponse struct {
	Data   map[string]json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

func (r gqlResponse) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// fastHasher is real argon2id with small parameters, so tests stay quick.
var fastHasher = access.Argon2id{Params: &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}}

// withKeys adds the test keys for personal data to an environment.
func withKeys(env map[string]string) map[string]string {
	env["FLOWCARE_DATA_KEYS"] = pgtest.TestKey1
	env["FLOWCARE_HASH_KEY"] = pgtest.TestHashKey
	return env
}

type testServer struct {
	*httptest.Server
	t       *testing.T
	client  *http.Client
	logs    *bytes.Buffer
	app     *app
	cfg     Config
	metrics *metrics
}

// newTestServer serves the real handler over a migrated, demo-seeded database
// and the real Elasticsearch node.
func newTestServer(t *testing.T, env string, mutate ...func(*Config)) *testServer {
	t.Helper()
	es := os.Getenv("ELASTICSEARCH_URL")
	if es == "" {
		t.Fatal("ELASTICSEARCH_URL is not set: start Elasticsearch with `make services` (`make test` does both)")
	}
	dbURL := pgtest.NewURL(t)
	cfg, err := loadConfig(func(k string) string {
		return withKeys(map[string]string{"DATABASE_URL": dbURL, "ELASTICSEARCH_URL": es, "FLOWCARE_ENV": env})[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range mutate {
		m(&cfg)
	}
	ctx := context.Background()
	logs := &bytes.Buffer{}
	log := slog.New(slog.NewJSONHandler(logs, nil))
	a, err := newApp(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.db.Close() })
	if err := postgres.Migrate(ctx, a.db.SQL(), log); err != nil {
		t.Fatal(err)
	}
	if err := seedDemo(ctx, a, fastHasher, io.Discard); err != nil {
		t.Fatal(err)
	}
	m := newMetrics(prometheus.NewRegistry(), a)
	srv := httptest.NewServer(newHandler(cfg, log, a, m))
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	return &testServer{Server: srv, t: t, client: &http.Client{Jar: jar}, logs: logs, app: a, cfg: cfg, metrics: m}
}

func (s *testServer) do(query string, vars map[string]any, header http.Header) (gqlResponse, *http.Response) {
	s.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := s.client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, &out); err != nil {
		s.t.Fatalf("response is not JSON (%d): %s", res.StatusCode, raw)
	}
	return out, res
}

func (s *testServer) query(q string, vars map[string]any) gqlResponse {
	s.t.Helper()
	r, _ := s.do(q, vars, nil)
	return r
}

const signIn = `mutation($u: String!, $p: String!) { signIn(input: {username: $u, password: $p}) { token user { username grants { role area { name } } } } }`

func TestSignInCookieBearerAndSignOut(t *testing.T) {
	s := newTestServer(t, "prod")
	r, res := s.do(signIn, map[string]any{"u": "demo.civil", "p": DemoPassword}, nil)
	if r.code() != "" {
		t.Fatalf("sign in: %+v", r.Errors)
	}
	var cookie *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == sessionCookie {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Value == "" {
		t.Fatalf("session cookie = %+v", cookie)
	}
	var payload struct {
		Token string
		User  struct {
			Username string
			Grants   []struct {
				Role string
				Area struct{ Name string }
			}
		}
	}
	_ = json.Unmarshal(r.Data["signIn"], &payload)
	if payload.Token != cookie.Value || payload.User.Grants[0].Role != "CIVIL_AFFAIRS" || payload.User.Grants[0].Area.Name != "北京市" {
		t.Fatalf("sign-in payload = %+v", payload)
	}

	// The cookie carries the session...
	if me := s.query(`{ me { username } }`, nil); !strings.Contains(string(me.Data["me"]), "demo.civil") {
		t.Fatalf("me by cookie = %s", me.Data["me"])
	}
	// ...and so does the bearer token, for a client without cookies.
	bare := &testServer{Server: s.Server, t: t, client: &http.Client{}}
	me, _ := bare.do(`{ me { username } }`, nil, http.Header{"Authorization": {"Bearer " + payload.Token}})
	if !strings.Contains(string(me.Data["me"]), "demo.civil") {
		t.Fatalf("me by bearer = %s %+v", me.Data["me"], me.Errors)
	}
	if me := bare.query(`{ me { username } }`, nil); string(me.Data["me"]) != "null" {
		t.Fatalf("me without credentials = %s", me.Data["me"])
	}

	r, res = s.do(`mutation { signOut }`, nil, nil)
	if r.code() != "" {
		t.Fatal(r.Errors)
	}
	cleared := false
	for _, c := range res.Cookies() {
		cleared = cleared || (c.Name == sessionCookie && c.MaxAge < 0)
	}
	if !cleared {
		t.Error("sign-out did not clear the cookie")
	}
	me, _ = bare.do(`{ me { username } }`, nil, http.Header{"Authorization": {"Bearer " + payload.Token}})
	if string(me.Data["me"]) != "null" {
		t.Fatalf("revoked token still signs in: %s", me.Data["me"])
	}
}

func TestErrorsCarryCodesAndNoInternals(t *testing.T) {
	s := newTestServer(t, "prod")
	r := s.query(signIn, map[string]any{"u": "demo.civil", "p": "wrong password"})
	if r.code() != "UNAUTHENTICATED" || r.Errors[0].Message != "用户名或密码不正确" {
		t.Fatalf("wrong password: %+v", r.Errors)
	}
	if r := s.query(`{ users { totalCount } }`, nil); r.code() != "UNAUTHENTICATED" {
		t.Fatalf("users while signed out: %+v", r.Errors)
	}
	s.query(signIn, map[string]any{"u": "demo.admin", "p": DemoPassword})
	r = s.query(`mutation($in: CreateUserInput!) { createUser(input: $in) { id } }`, map[string]any{"in": map[string]any{
		"username": "x y", "displayName": "X", "password": "long enough 1", "grant": map[string]any{"role": "VOLUNTEER"}}})
	if r.code() != "INVALID" || r.Errors[0].Extensions["field"] != "username" {
		t.Fatalf("invalid username: %+v", r.Errors)
	}
	if r := s.query(`{ user(id: "not-a-uuid") { id } }`, nil); r.code() != "NOT_FOUND" {
		t.Fatalf("unknown user: %+v", r.Errors)
	}
	if r := s.query(`mutation { importAreas(csv: "nonsense") { created } }`, nil); r.code() != "INVALID" || !strings.Contains(r.Errors[0].Message, "表头") {
		t.Fatalf("bad CSV: %+v", r.Errors)
	}
	for _, e := range r.Errors {
		if strings.Contains(strings.ToLower(e.Message), "sql") || strings.Contains(e.Message, "pq:") {
			t.Errorf("message leaks internals: %q", e.Message)
		}
	}
}

func TestGraphQLHardening(t *testing.T) {
	prod := newTestServer(t, "prod")
	if r := prod.query(`{ __schema { types { name } } }`, nil); len(r.Errors) == 0 {
		t.Error("introspection answered outside dev")
	}
	r := prod.query(`{ mee { username } }`, nil)
	if len(r.Errors) == 0 || strings.Contains(r.Errors[0].Message, "Did you mean") {
		t.Errorf("unknown field error = %+v, want no suggestion", r.Errors)
	}
	prod.query(signIn, map[string]any{"u": "demo.admin", "p": DemoPassword})
	deep := `{ areas { children { children { children { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } }`
	if r := prod.query(deep, nil); r.code() != "DEPTH_LIMIT_EXCEEDED" {
		t.Errorf("deep query: %+v", r.Errors)
	}
	costly := `{ services(organisationId: "00000000-0000-0000-0000-000000000000", first: 200) { edges { node {
		name description categories minAge maxAge capacity languages funding status createdAt updatedAt canEdit
		organisation { name kind } areasServed { name } locations { name address latitude longitude area { name } }
		schedule { day start end } } } } }`
	if r := prod.query(costly, nil); r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
		t.Errorf("costly query: %+v", r.Errors)
	}
	big := strings.Repeat("a", maxGraphQLBody+10)
	req, _ := http.NewRequest(http.MethodPost, prod.URL+"/graphql", strings.NewReader(`{"query":"`+big+`"}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := prod.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode < 400 {
		t.Errorf("oversized body answered %d", res.StatusCode)
	}
	res, err = http.Get(prod.URL + "/graphql?query={me{username}}")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode < 400 {
		t.Errorf("GET query answered %d; only POST and websocket are served", res.StatusCode)
	}

	dev := newTestServer(t, "dev")
	if r := dev.query(`{ __schema { queryType { name } } }`, nil); len(r.Errors) != 0 {
		t.Errorf("introspection refused in dev: %+v", r.Errors)
	}
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	s := newTestServer(t, "prod")
	get := func(srv *testServer, path string) (int, string) {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	if code, _ := get(s, "/healthz"); code != 200 {
		t.Errorf("healthz = %d", code)
	}
	if code, body := get(s, "/readyz"); code != 200 || !strings.Contains(body, `"elasticsearch":"ok"`) || !strings.Contains(body, `"outbox":{`) {
		t.Errorf("readyz = %d %s", code, body)
	}
	s.query(`{ me { username } }`, nil)
	metricsSrv := httptest.NewServer(newMetricsHandler(s.metrics))
	defer metricsSrv.Close()
	code, body := get(&testServer{Server: metricsSrv}, "/metrics")
	for _, want := range []string{`flowcare_http_requests_total{code="200",route="/graphql"}`, "flowcare_outbox_pending ", "flowcare_outbox_oldest_age_seconds "} {
		if code != 200 || !strings.Contains(body, want) {
			t.Errorf("metrics = %d, lacks %s", code, want)
		}
	}
	if !strings.Contains(s.logs.String(), `"request_id"`) {
		t.Error("requests are not logged with a request id")
	}

	down := newTestServer(t, "prod", func(c *Config) { c.ElasticsearchURL = "http://127.0.0.1:1" })
	// Search down leaves the replica ready, and says so.
	if code, body := get(down, "/readyz"); code != 200 || !strings.Contains(body, `"elasticsearch":"unreachable"`) || !strings.Contains(body, `"postgres":"ok"`) {
		t.Errorf("readyz with Elasticsearch down = %d %s", code, body)
	}
	// Elasticsearch being down does not stop sign-in.
	if r := down.query(signIn, map[string]any{"u": "demo.admin", "p": DemoPassword}); r.code() != "" {
		t.Errorf("sign-in with Elasticsearch down: %+v", r.Errors)
	}
}

func TestPasswordsAndTokensAreNotLogged(t *testing.T) {
	s := newTestServer(t, "prod")
	r := s.query(signIn, map[string]any{"u": "demo.admin", "p": DemoPassword})
	var p struct{ Token string }
	_ = json.Unmarshal(r.Data["signIn"], &p)
	if p.Token == "" {
		t.Fatal("no token")
	}
	if strings.Contains(s.logs.String(), DemoPassword) || strings.Contains(s.logs.String(), p.Token) {
		t.Fatal("a password or session token reached the log")
	}
}

func TestSPAServesIndexForAppRoutes(t *testing.T) {
	dist := fstest.MapFS{
		"index.html":      {Data: []byte("<html>app</html>")},
		"assets/app-1.js": {Data: []byte("js")},
	}
	h := spa(dist)
	for path, want := range map[string]string{"/": "<html>app</html>", "/admin/users": "<html>app</html>", "/assets/app-1.js": "js"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != 200 || rec.Body.String() != want {
			t.Errorf("GET %s = %d %q", path, rec.Code, rec.Body.String())
		}
	}
	rec := httptest.NewRecorder()
	spa(fstest.MapFS{}).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "make build") {
		t.Errorf("unbuilt app = %d %q", rec.Code, rec.Body.String())
	}
}

func TestServeRefusesADatabaseThatIsBehind(t *testing.T) {
	dbURL := pgtest.NewURL(t)
	env := withKeys(map[string]string{"DATABASE_URL": dbURL, "ELASTICSEARCH_URL": os.Getenv("ELASTICSEARCH_URL"), "FLOWCARE_ADDR": "127.0.0.1:0"})
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve"}, io.Discard, &stderr, func(k string) string { return env[k] })
	if code != 1 || !strings.Contains(stderr.String(), "migrate up") {
		t.Fatalf("serve on an empty database: exit %d, %s", code, stderr.String())
	}
	var out bytes.Buffer
	if code := run(context.Background(), []string{"migrate", "up"}, &out, io.Discard, func(k string) string { return env[k] }); code != 0 {
		t.Fatalf("migrate up: exit %d", code)
	}
	if m := regexp.MustCompile(`database at migration (\d+) of (\d+)`).FindStringSubmatch(out.String()); m == nil || m[1] != m[2] || m[1] == "0" {
		t.Errorf("migrate up said %q", out.String())
	}
	if code := run(context.Background(), []string{"bogus"}, io.Discard, io.Discard, func(string) string { return "" }); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestConfigIsRedactedAndValidated(t *testing.T) {
	cfg, err := loadConfig(func(k string) string {
		return map[string]string{"DATABASE_URL": "postgres://u:secret@db/flowcare"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("start", "config", cfg)
	if strings.Contains(buf.String(), "secret") || !strings.Contains(buf.String(), "127.0.0.1:8080") {
		t.Errorf("config dump = %s", buf.String())
	}
	if _, err := loadConfig(func(k string) string { return map[string]string{"FLOWCARE_SESSION_TTL": "soon"}[k] }); err == nil {
		t.Error("a bad session TTL was accepted")
	}
}

func TestReindexCommandRebuildsFromPostgres(t *testing.T) {
	ctx := context.Background()
	dbURL := pgtest.NewURL(t)
	_, prefix := estest.New(t)
	env := withKeys(map[string]string{"DATABASE_URL": dbURL, "ELASTICSEARCH_URL": estest.URL(t), "FLOWCARE_SEARCH_PREFIX": prefix})
	getenv := func(k string) string { return env[k] }
	if code := run(ctx, []string{"migrate", "up"}, io.Discard, io.Discard, getenv); code != 0 {
		t.Fatalf("migrate: exit %d", code)
	}
	var seedOut bytes.Buffer
	if code := run(ctx, []string{"seed", "--demo"}, &seedOut, io.Discard, getenv); code != 0 {
		t.Fatalf("seed: exit %d", code)
	}
	var out bytes.Buffer
	if code := run(ctx, []string{"reindex", "--index", "services"}, &out, io.Discard, getenv); code != 0 {
		t.Fatalf("reindex: exit %d: %s", code, out.String())
	}
	published := 0
	for _, s := range demoServices {
		if s.org != "social5" {
			published++
		}
	}
	if want := fmt.Sprintf("reindex service: done, %d documents", published); !strings.Contains(out.String(), want) {
		t.Fatalf("reindex said %q, want %q", out.String(), want)
	}
	var stderr bytes.Buffer
	if code := run(ctx, []string{"reindex", "--index", "children"}, io.Discard, &stderr, getenv); code != 2 || !strings.Contains(stderr.String(), "unknown index") {
		t.Fatalf("unknown index: exit %d, %s", code, stderr.String())
	}
}

func TestMonitoringReportDownload(t *testing.T) {
	s := newTestServer(t, "prod")
	get := func() *http.Response {
		res, err := s.client.Get(s.URL + "/reports/monitoring.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	if res := get(); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("signed out: %d", res.StatusCode)
	}
	s.query(signIn, map[string]any{"u": "demo.auditor", "p": DemoPassword})
	if res := get(); res.StatusCode != http.StatusForbidden || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") {
		t.Fatalf("auditor: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	s.query(signIn, map[string]any{"u": "demo.director", "p": DemoPassword})
	res := get()
	if res.StatusCode != 200 || !strings.Contains(res.Header.Get("Content-Type"), "spreadsheetml") ||
		!strings.Contains(res.Header.Get("Content-Disposition"), "monitoring-110105001001-") {
		t.Fatalf("director: %d %v", res.StatusCode, res.Header)
	}
}
