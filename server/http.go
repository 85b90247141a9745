package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"flowcare/frontend"
	"flowcare/graph"
	"flowcare/graph/generated"
	"flowcare/internal/access"
	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
)

const (
	sessionCookie  = "flowcare_session"
	maxGraphQLBody = 4 << 20
	// maxUploadBody bounds a multipart request, files included.
	maxUploadBody    = 32 << 20
	complexityLimit  = 5000
	depthLimit       = 10
	aliasLimit       = 30
	rootFieldLimit   = 20
	readinessTimeout = 2 * time.Second
)

func newHandler(cfg Config, log *slog.Logger, a *app, m *metrics) http.Handler {
	mux := http.NewServeMux()
	lim := newLimits(cfg)
	admit := newAdmission(cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait)

	gql := admit.handler(authenticate(a, cfg, log, lim, guardGraphQL(lim, graph.WithLoaders(a.resolver(), newGraphQL(cfg, log, a)))))
	mux.Handle("POST /graphql", gql)
	mux.Handle("GET /graphql", gql)
	mux.Handle("GET /reports/monitoring.xlsx", admit.handler(authenticate(a, cfg, log, lim, monitoringReport(a, log))))
	mux.Handle("GET /reports/funding.xlsx", admit.handler(authenticate(a, cfg, log, lim, fundingReport(a, log))))
	mux.Handle("GET /certificates/volunteer-hours.pdf", admit.handler(authenticate(a, cfg, log, lim, volunteerCertificate(a, cfg, log))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", readyz(a))
	mux.Handle("GET /metrics", http.NotFoundHandler())
	mux.Handle("GET /", spa(frontend.Dist()))

	return requestContext(log, m, securityHeaders(cfg.CookieSecure, mux))
}

// newMetricsHandler serves /metrics, on its own listen address: the figures
// describe the deployment and are for its operators, not for the public.
func newMetricsHandler(m *metrics) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	return mux
}

func newGraphQL(cfg Config, log *slog.Logger, a *app) http.Handler {
	es := generated.NewExecutableSchema(graph.Config(a.resolver()))
	srv := handler.New(es)
	srv.AddTransport(transport.Websocket{KeepAlivePingInterval: 10 * time.Second})
	// Import files come as multipart uploads, within the multipart body limit; up to
	// 8 MiB a file is held in memory, beyond it in a temporary file.
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: maxUploadBody, MaxMemory: 8 << 20})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(graph.OperationLimit{MaxAliases: aliasLimit, MaxRootFields: rootFieldLimit})
	srv.Use(graph.SubscriptionsOnlyOverWebsocket{})
	srv.Use(extension.FixedComplexityLimit(complexityLimit))
	srv.Use(graph.DepthLimit{Max: depthLimit})
	if cfg.Env == "dev" {
		srv.Use(extension.Introspection{})
	} else {
		// Suggestions would describe the schema to a client that may not introspect it.
		srv.SetDisableSuggestion(true)
	}
	srv.Use(&graph.RequestChecks{})
	srv.SetErrorPresenter(graph.ErrorPresenter(log, cfg.Env == "dev"))
	srv.SetRecoverFunc(graph.Recover(log))
	return srv
}

// cookies sets and clears the session cookie on one response.
type cookies struct {
	w      http.ResponseWriter
	secure bool
}

func (c cookies) SetSession(token string, expires time.Time) {
	http.SetCookie(c.w, &http.Cookie{
		Name: sessionCookie, Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: c.secure, SameSite: http.SameSiteLaxMode,
	})
}

func (c cookies) ClearSession() {
	http.SetCookie(c.w, &http.Cookie{
		Name: sessionCookie, Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: c.secure, SameSite: http.SameSiteLaxMode,
	})
}

// authenticate puts the signed-in actor, if any, into the request context.
// A bearer token wins over the cookie, for API clients.
// Requests that end without an actor count against the anonymous rate.
func authenticate(a *app, cfg Config, log *slog.Logger, lim *limits, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := graph.WithSessionCookies(r.Context(), cookies{w: w, secure: cfg.CookieSecure})
		token := ""
		if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
			token = strings.TrimSpace(strings.TrimPrefix(h, "Bearer "))
		} else if c, err := r.Cookie(sessionCookie); err == nil {
			token = c.Value
		}
		signedIn := false
		if token != "" {
			actor, err := a.access.Authenticate(ctx, token)
			switch flowcare.ErrorCode(err) {
			case "":
				// The token stays with the context so that a subscription can check it again.
				ctx, signedIn = access.WithSessionToken(flowcare.WithActor(ctx, actor), token), true
			case flowcare.EUNAUTHENTICATED:
				// A stale session reads as signed out; the client asks again.
			default:
				// An outage is logged once by the postgres adapter, not per request.
				if flowcare.ErrorCode(err) != flowcare.EUNAVAILABLE {
					log.ErrorContext(ctx, "authenticate", "error", err.Error())
				}
				writeAPIError(w, http.StatusServiceUnavailable, flowcare.EUNAVAILABLE, flowcare.ErrorMessage(err))
				return
			}
		}
		if !signedIn && lim.anonymous.limited(w, r) {
			return
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// readyz says whether this replica should be sent requests: PostgreSQL
// answers and the replica is not draining. Elasticsearch being down is
// reported as degraded but keeps the replica ready, because writes and
// everything but search still work, and taking every replica out of a load
// balancer for a search outage would stop those too.
func readyz(a *app) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), readinessTimeout)
		defer cancel()
		status, code := map[string]any{"status": "ready", "postgres": "ok", "elasticsearch": "ok"}, http.StatusOK
		if err := a.search.Health(ctx); err != nil {
			status["elasticsearch"], status["status"] = "unreachable", "degraded"
		}
		if err := a.db.Ping(ctx); err != nil {
			status["postgres"], status["status"], code = "unreachable", "unavailable", http.StatusServiceUnavailable
		}
		if a.draining.Load() {
			status["status"], code = "draining", http.StatusServiceUnavailable
		}
		// The backlog is reported, not judged: a backlog while Elasticsearch
		// is down is the design working, and the API still serves writes.
		if st, err := indexing.Stats(ctx, a.db, time.Now()); err == nil {
			ob := map[string]any{"pending": st.Pending, "failing": st.FailingCount, "oldest_age_seconds": 0.0}
			if st.OldestAt != nil {
				ob["oldest_age_seconds"] = time.Since(*st.OldestAt).Seconds()
			}
			status["outbox"] = ob
		}
		writeJSON(w, code, status)
	}
}

// spa serves the built web app; paths that are not files get index.html so
// that the app's own routes survive a reload.
func spa(dist fs.FS) http.Handler {
	files := http.FileServerFS(dist)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if p != "" {
			if st, err := fs.Stat(dist, p); err == nil && !st.IsDir() {
				if strings.HasPrefix(p, "assets/") {
					// Vite puts a content hash in every asset name.
					w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
				}
				files.ServeHTTP(w, r)
				return
			}
		}
		index, err := fs.ReadFile(dist, "index.html")
		if err != nil {
			http.Error(w, "The web app has not been built: run `make build` (or `make run`).", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		_, _ = w.Write(index)
	})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

type statusRecorder struct {
	http.ResponseWriter
	code  int
	bytes int
}

func (s *statusRecorder) WriteHeader(code int) { s.code = code; s.ResponseWriter.WriteHeader(code) }
func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.code == 0 {
		s.code = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// requestContext gives each request an id, records where it came from for the
// audit log, logs one line for it (never its body) and counts it.
func requestContext(log *slog.Logger, m *metrics, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			b := make([]byte, 8)
			_, _ = rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-Id", id)
		ip, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			ip = r.RemoteAddr
		}
		ua := r.UserAgent()
		if len(ua) > 300 {
			ua = ua[:300]
		}
		ctx := flowcare.WithRequestInfo(r.Context(), flowcare.RequestInfo{RequestID: id, IP: ip, UserAgent: ua})
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(ctx))
		if rec.code == 0 {
			rec.code = http.StatusOK
		}
		route := routeOf(r.URL.Path)
		m.requests.WithLabelValues(route, strconv.Itoa(rec.code)).Inc()
		m.duration.WithLabelValues(route).Observe(time.Since(start).Seconds())
		if route == "/metrics" || route == "/healthz" {
			return
		}
		log.LogAttrs(ctx, slog.LevelInfo, "request",
			slog.String("request_id", id), slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.code), slog.Int("bytes", rec.bytes), slog.Duration("duration", time.Since(start)))
	})
}

// routeOf bounds the label values of the metrics: web-app paths are one route.
func routeOf(p string) string {
	switch p {
	case "/graphql", "/healthz", "/readyz", "/metrics", "/reports/monitoring.xlsx", "/reports/funding.xlsx", "/certificates/volunteer-hours.pdf":
		return p
	}
	return "/"
}

// serveHTTP serves until ctx ends, then drains: /readyz fails for the drain
// time so that a load balancer stops sending, and in-flight requests finish
// before the process exits. The metrics listener, when configured, lives
// and ends with it.
func serveHTTP(ctx context.Context, cfg Config, log *slog.Logger, a *app, h, metricsHandler http.Handler) error {
	srv := newServer(cfg.Addr, log, h)
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	log.Info("listening", "addr", "http://"+ln.Addr().String())
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(ln) }()
	var msrv *http.Server
	if cfg.MetricsAddr != "" {
		mln, err := net.Listen("tcp", cfg.MetricsAddr)
		if err != nil {
			_ = srv.Close()
			return fmt.Errorf("metrics listener: %w", err)
		}
		msrv = newServer(cfg.MetricsAddr, log, metricsHandler)
		log.Info("metrics listening", "addr", "http://"+mln.Addr().String()+"/metrics")
		go func() { errc <- msrv.Serve(mln) }()
	}
	select {
	case err := <-errc:
		_ = srv.Close()
		if msrv != nil {
			_ = msrv.Close()
		}
		return err
	case <-ctx.Done():
	}
	a.draining.Store(true)
	if cfg.DrainTime > 0 {
		log.Info("draining: readiness fails so that load balancers stop sending", "drain_time", cfg.DrainTime.String())
		time.Sleep(cfg.DrainTime)
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if msrv != nil {
		defer msrv.Shutdown(shutdownCtx) //nolint:errcheck // the main listener's result is the one that matters
	}
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func newServer(addr string, log *slog.Logger, h http.Handler) *http.Server {
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}
