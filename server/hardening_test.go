package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/coder/websocket/wsjson"
)

func (s *testServer) post(contentType string, body io.Reader, contentLength int64) (int, http.Header, string) {
	s.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", body)
	req.Header.Set("Content-Type", contentType)
	req.ContentLength = contentLength
	res, err := s.client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, res.Header, string(b)
}

func firstError(r gqlResponse) string {
	if len(r.Errors) == 0 {
		return "no error"
	}
	return fmt.Sprintf("%s (%d errors)", r.Errors[0].Message, len(r.Errors))
}

func aliases(n int, field string) string {
	var b strings.Builder
	b.WriteString("{")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, " a%d: %s", i, field)
	}
	b.WriteString(" }")
	return b.String()
}

func TestListsAliasesAndRootFieldsAreCosted(t *testing.T) {
	s := newTestServer(t, "prod")
	// Anonymous: the public list of areas, many times over.
	if r := s.query(aliases(2400, "areas { name }"), nil); r.code() != "OPERATION_LIMIT_EXCEEDED" {
		t.Errorf("2,400 aliases of areas: %s", firstError(r))
	}
	if r := s.query(aliases(rootFieldLimit, "areas { name }"), nil); r.code() != "" {
		t.Errorf("%d aliases of areas: %s", rootFieldLimit, firstError(r))
	}
	// Fragments spread many times count every time they are spread.
	frag := `fragment F on Query { x1: areas { name } x2: areas { name } } ` + "{ " + strings.Repeat("...F ", 20) + "}"
	if r := s.query(frag, nil); r.code() != "OPERATION_LIMIT_EXCEEDED" {
		t.Errorf("aliases inside a fragment spread 20 times: %+v", r.Errors)
	}
	var roots strings.Builder
	for i := 0; i <= rootFieldLimit; i++ {
		roots.WriteString("me { username } ")
	}
	if r := s.query("{ "+roots.String()+"}", nil); r.code() != "OPERATION_LIMIT_EXCEEDED" {
		t.Errorf("%d root fields: %+v", rootFieldLimit+1, r.Errors)
	}

	s.query(signIn, map[string]any{"u": "demo.civil", "p": DemoPassword})
	child := `children(first: 200) { edges { node { id name birthDate age } } }`
	if r := s.query(aliases(200, child), nil); r.code() != "OPERATION_LIMIT_EXCEEDED" {
		t.Errorf("200 aliases of children(first: 200): %s", firstError(r))
	}
	// Within the alias cap, the page sizes alone exceed the limit.
	for _, list := range []string{
		child,
		`ledger(first: 200) { edges { node { reasons risk child { name } } } }`,
		`childImports(first: 200) { id fileName rows created updated }`,
	} {
		if r := s.query(aliases(5, list), nil); r.code() != "COMPLEXITY_LIMIT_EXCEEDED" {
			t.Errorf("5 pages of 200 of %s: %s", strings.Fields(list)[0], firstError(r))
		}
	}
	// An ordinary page is served.
	if r := s.query(`{ children(first: 20) { totalCount edges { node { id name } } } }`, nil); r.code() != "" {
		t.Errorf("one page of 20 children: %+v", r.Errors)
	}
}

func TestSignInAndAnonymousRequestsAreRateLimited(t *testing.T) {
	s := newTestServer(t, "prod", func(c *Config) { c.SignInPerMinute, c.AnonymousPerMinute = 3, 6 })
	for i := 0; i < 3; i++ {
		if r := s.query(signIn, map[string]any{"u": "demo.civil", "p": "wrong password"}); r.code() != "UNAUTHENTICATED" {
			t.Fatalf("attempt %d: %+v", i+1, r.Errors)
		}
	}
	r, res := s.do(signIn, map[string]any{"u": "demo.civil", "p": DemoPassword}, nil)
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || r.code() != "RATE_LIMITED" {
		t.Fatalf("4th sign-in in a minute = %d Retry-After %q %+v", res.StatusCode, res.Header.Get("Retry-After"), r.Errors)
	}
	// The account was not locked by refused attempts, and a signed-in
	// caller is not counted as anonymous.
	fresh := newTestServer(t, "prod", func(c *Config) { c.AnonymousPerMinute = 4 })
	if r := fresh.query(signIn, map[string]any{"u": "demo.civil", "p": DemoPassword}); r.code() != "" {
		t.Fatalf("sign in: %+v", r.Errors)
	}
	for i := 0; i < 10; i++ {
		if r, res := fresh.do(`{ me { username } }`, nil, nil); res.StatusCode != 200 || r.code() != "" {
			t.Fatalf("signed-in request %d = %d %+v", i+1, res.StatusCode, r.Errors)
		}
	}
	anon := &testServer{Server: fresh.Server, t: t, client: &http.Client{}}
	limited := 0
	for i := 0; i < 8; i++ {
		if _, res := anon.do(`{ areas { name } }`, nil, nil); res.StatusCode == http.StatusTooManyRequests {
			limited++
		}
	}
	// One anonymous request (the sign-in) was counted before.
	if limited != 5 {
		t.Errorf("anonymous requests over a limit of 4 a minute: %d of 8 refused, want 5", limited)
	}
}

func TestSecurityHeaders(t *testing.T) {
	s := newTestServer(t, "prod")
	for _, path := range []string{"/", "/children", "/graphql"} {
		method := http.MethodGet
		if path == "/graphql" {
			method = http.MethodPost
		}
		req, _ := http.NewRequest(method, s.URL+path, strings.NewReader(`{"query":"{ me { username } }"}`))
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		h := res.Header
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("%s: Content-Security-Policy = %q", path, csp)
		}
		for k, want := range map[string]string{"X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"} {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", path, k, got, want)
			}
		}
		if h.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent while cookies are not secure", path)
		}
	}
	secure := newTestServer(t, "prod", func(c *Config) { c.CookieSecure = true })
	res, err := http.Get(secure.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if !strings.Contains(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Errorf("HSTS with secure cookies = %q", res.Header.Get("Strict-Transport-Security"))
	}
}

func TestMetricsAreNotServedWithTheAPI(t *testing.T) {
	s := newTestServer(t, "prod")
	res, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound || strings.Contains(string(b), "flowcare_") {
		t.Errorf("/metrics on the API address = %d %.80s", res.StatusCode, b)
	}
	cfg, err := loadConfig(func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(cfg.MetricsAddr, "127.0.0.1:") {
		t.Errorf("metrics listen by default on %q, want loopback", cfg.MetricsAddr)
	}
}

func TestBodiesThatAreTooLargeOrMalformed(t *testing.T) {
	s := newTestServer(t, "prod")
	// Chunked: no length is declared, so the limit is found while reading.
	big := io.MultiReader(strings.NewReader(`{"query":"`), strings.NewReader(strings.Repeat("a", maxGraphQLBody+10)), strings.NewReader(`"}`))
	code, _, body := s.post("application/json", big, -1)
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"REQUEST_TOO_LARGE"`) {
		t.Errorf("chunked oversized body = %d %.200s", code, body)
	}
	sized := strings.Repeat("a", maxGraphQLBody+10)
	code, _, body = s.post("application/json", strings.NewReader(sized), int64(len(sized)))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(body, `"REQUEST_TOO_LARGE"`) {
		t.Errorf("sized oversized body = %d %.200s", code, body)
	}
	const secret = "<script>alert('echo')</script>"
	bad := `{"query": "{ me { username } }", ` + secret
	code, _, body = s.post("application/json", strings.NewReader(bad), int64(len(bad)))
	if code != http.StatusBadRequest || strings.Contains(body, "alert") || !strings.Contains(body, `"BAD_REQUEST"`) {
		t.Errorf("malformed JSON = %d %s", code, body)
	}
	invalid := "{\"query\": \"{ me { username } }\", \"variables\": {\"x\": \"\xff\xfe\"}}"
	code, _, body = s.post("application/json", strings.NewReader(invalid), int64(len(invalid)))
	if code != http.StatusBadRequest || !strings.Contains(body, "UTF-8") {
		t.Errorf("invalid UTF-8 = %d %s", code, body)
	}
	// A well-formed request still works.
	ok := `{"query": "{ me { username } }"}`
	if code, _, body := s.post("application/json", strings.NewReader(ok), int64(len(ok))); code != 200 || !strings.Contains(body, `"me":null`) {
		t.Errorf("well-formed request = %d %s", code, body)
	}
}

func TestReadinessFollowsPostgresAndDraining(t *testing.T) {
	get := func(srv *testServer) (int, string) {
		res, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	down := newTestServer(t, "prod", func(c *Config) { c.ElasticsearchURL = "http://127.0.0.1:1" })
	if code, body := get(down); code != 200 || !strings.Contains(body, `"status":"degraded"`) || !strings.Contains(body, `"elasticsearch":"unreachable"`) {
		t.Errorf("readyz with Elasticsearch down = %d %s", code, body)
	}
	s := newTestServer(t, "prod")
	if code, body := get(s); code != 200 || !strings.Contains(body, `"status":"ready"`) {
		t.Errorf("readyz = %d %s", code, body)
	}
	s.app.draining.Store(true)
	if code, body := get(s); code != 503 || !strings.Contains(body, `"status":"draining"`) {
		t.Errorf("readyz while draining = %d %s", code, body)
	}
}

func TestAdmissionRefusesBeyondTheQueueAtOnce(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{}, 10)
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		started <- struct{}{}
		<-release
		w.WriteHeader(http.StatusNoContent)
	})
	adm := newAdmission(1, 1, 5*time.Second)
	srv := httptest.NewServer(adm.handler(slow))
	defer srv.Close()
	codes := make(chan int, 3)
	var wg sync.WaitGroup
	send := func() {
		defer wg.Done()
		res, err := http.Post(srv.URL, "application/json", bytes.NewReader(nil))
		if err != nil {
			t.Error(err)
			codes <- 0
			return
		}
		res.Body.Close()
		if res.StatusCode == http.StatusServiceUnavailable && res.Header.Get("Retry-After") == "" {
			t.Error("503 without Retry-After")
		}
		codes <- res.StatusCode
	}
	wg.Add(1)
	go send()
	<-started // one is being served
	wg.Add(1)
	go send() // one waits in the queue
	for deadline := time.Now().Add(5 * time.Second); len(adm.waiting) == 0; {
		if time.Now().After(deadline) {
			t.Fatal("the second request never queued")
		}
		time.Sleep(5 * time.Millisecond)
	}
	start := time.Now()
	wg.Add(1)
	send() // the queue is full: refused at once
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("refusal took %s, want at once", took)
	}
	if c := <-codes; c != http.StatusServiceUnavailable {
		t.Errorf("third request = %d, want 503", c)
	}
	close(release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusNoContent {
			t.Errorf("admitted request = %d, want 204", c)
		}
	}
}

func TestWebsocketCarriesSubscriptionsOnly(t *testing.T) {
	s := newTestServer(t, "prod")
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	ws := s.dialWS(ctx, nil)
	// A sign-in over the socket would escape the sign-in rate limit.
	op, _ := json.Marshal(map[string]any{"query": signIn, "variables": map[string]any{"u": "demo.civil", "p": "wrong password"}})
	if err := wsjson.Write(ctx, ws, wsMessage{ID: "1", Type: "subscribe", Payload: op}); err != nil {
		t.Fatal(err)
	}
	var got wsMessage
	if err := wsjson.Read(ctx, ws, &got); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got.Payload), `"BAD_REQUEST"`) || strings.Contains(string(got.Payload), `"signIn"`) {
		t.Errorf("mutation over the websocket answered %s %s, want an error", got.Type, got.Payload)
	}
}

func TestCookieUploadsNeedThePreflightHeader(t *testing.T) {
	s := newTestServer(t, "prod")
	s.query(signIn, map[string]any{"u": "demo.supervisor", "p": DemoPassword})
	form := func(preflight bool, operations ...string) (int, string) {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		op := `{"query":"{ me { username } }","variables":{}}`
		if len(operations) > 0 {
			op = operations[0]
		}
		_ = mw.WriteField("operations", op)
		_ = mw.WriteField("map", `{}`)
		_ = mw.Close()
		req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		if preflight {
			req.Header.Set(preflightHeader, "1")
		}
		res, err := s.client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	// A cross-site form could send exactly this, with the visitor's cookie.
	if code, body := form(false); code != http.StatusBadRequest || !strings.Contains(body, preflightHeader) {
		t.Errorf("cookie multipart without the header = %d %s", code, body)
	}
	if code, body := form(true); code != 200 || !strings.Contains(body, "demo.supervisor") {
		t.Errorf("cookie multipart with the header = %d %s", code, body)
	}
	if code, body := form(true, "{\"query\":\"{ me { username } }\",\"variables\":{\"x\":\"\xff\"}}"); code != http.StatusBadRequest || !strings.Contains(body, "UTF-8") {
		t.Errorf("multipart operations that are not UTF-8 = %d %s", code, body)
	}
}
