package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"flowcare/internal/faultproxy"
)

// lockedBuffer is a log destination the server may write to while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// lines are the logged records whose message contains msg.
func (l *lockedBuffer) lines(msg string) int {
	n := 0
	for _, line := range strings.Split(l.String(), "\n") {
		var rec struct{ Msg string }
		if json.Unmarshal([]byte(line), &rec) == nil && strings.Contains(rec.Msg, msg) {
			n++
		}
	}
	return n
}

// throughProxy points the server's database at a fault proxy in front of
// the real PostgreSQL, which the test can cut and restore.
func throughProxy(t *testing.T, p **faultproxy.Proxy) func(*Config) {
	return func(c *Config) {
		u, err := url.Parse(c.DatabaseURL)
		if err != nil {
			t.Fatal(err)
		}
		*p = faultproxy.New(t, u.Host)
		u.Host = (*p).Addr()
		c.DatabaseURL = u.String()
	}
}

// TestPostgresOutageAnswersUnavailableAndLogsOnce: while PostgreSQL cannot
// be reached, anonymous and signed-in requests alike answer UNAVAILABLE with
// a message a person can act on and nothing internal; the adapter logs the
// outage once and its end once, however many requests failed, and nothing
// else is logged as an error.
func TestPostgresOutageAnswersUnavailableAndLogsOnce(t *testing.T) {
	var pg *faultproxy.Proxy
	s := newTestServer(t, "test", throughProxy(t, &pg))
	dbLog := &lockedBuffer{}
	s.app.db.UseLogger(slog.New(slog.NewJSONHandler(dbLog, nil)))
	director := s.token("demo.director")
	const areas = `{ areas(level: DISTRICT) { name } }`
	if r := s.withCookie("", areas, nil); len(r.Errors) > 0 {
		t.Fatalf("before the outage: %v", r.Errors)
	}

	pg.Down()
	for i := range 40 {
		for who, r := range map[string]gqlResponse{
			"anonymous": s.withCookie("", areas, nil),
			"signed in": s.as(director, `{ me { username } }`, nil),
		} {
			if r.code() != "UNAVAILABLE" || r.Errors[0].Message != "服务暂不可用，请稍后再试" {
				t.Fatalf("request %d (%s) while PostgreSQL is down: %+v", i, who, r.Errors)
			}
		}
	}

	pg.Up()
	var after gqlResponse
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if after = s.as(director, `{ me { username } }`, nil); len(after.Errors) == 0 {
			break
		}
	}
	if len(after.Errors) > 0 {
		t.Fatalf("after PostgreSQL came back: %v", after.Errors)
	}

	if n := dbLog.lines("postgres unavailable"); n != 1 {
		t.Errorf("%d outage lines for 80 failed requests, want 1:\n%s", n, dbLog)
	}
	if n := dbLog.lines("postgres reachable again"); n != 1 {
		t.Errorf("%d recovery lines, want 1:\n%s", n, dbLog)
	}
	// Close waits for the requests in flight, whose lines follow their answers.
	s.Close()
	if n := strings.Count(s.logs.String(), `"level":"ERROR"`); n > 0 {
		t.Errorf("%d error lines in the server log during the outage:\n%s", n, s.logs)
	}
}

// TestListenerReconnectsWithinTwoSeconds: the notification listener comes
// back at once when its backend is terminated, and within two seconds of
// PostgreSQL returning after an outage long enough for a growing back-off
// to have stretched past that.
func TestListenerReconnectsWithinTwoSeconds(t *testing.T) {
	s := newTestServer(t, "test")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var pg *faultproxy.Proxy
	cfg := s.cfg
	throughProxy(t, &pg)(&cfg)
	// Named, so that the test can find the listener's backend.
	u, err := url.Parse(cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("application_name", "flowcare_listener_test")
	u.RawQuery = q.Encode()
	cfg.DatabaseURL = u.String()
	logs := &lockedBuffer{}
	go runNotifier(ctx, cfg, slog.New(slog.NewJSONHandler(logs, nil)), s.app.notifier)
	v := s.signIn("demo.volunteer")
	pushes := s.app.notifier.Subscribe(ctx, v.userID)

	// delivered announces notifications (straight to PostgreSQL, not
	// through the proxy) until one is pushed, and says how long that took.
	delivered := func(within time.Duration) time.Duration {
		t.Helper()
		start := time.Now()
		for time.Since(start) < within {
			if _, err := s.app.db.SQL().Exec(`SELECT pg_notify('flowcare_notifications', $1)`, v.userID+" n"); err != nil {
				t.Fatal(err)
			}
			select {
			case <-pushes:
				took := time.Since(start)
				for len(pushes) > 0 {
					<-pushes
				}
				return took
			case <-time.After(50 * time.Millisecond):
			}
		}
		t.Fatalf("no push within %s", within)
		return 0
	}
	delivered(10 * time.Second)

	var terminated int
	if err := s.app.db.SQL().QueryRow(`SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
		WHERE application_name = 'flowcare_listener_test' AND datname = current_database()`).Scan(&terminated); err != nil || terminated != 1 {
		t.Fatalf("terminated %d listener backends: %v", terminated, err)
	}
	if took := delivered(5 * time.Second); took > 2*time.Second {
		t.Errorf("pushes came back %s after the listener's backend was terminated, want within 2 s", took)
	}

	pg.Down()
	time.Sleep(8 * time.Second)
	pg.Up()
	if took := delivered(15 * time.Second); took > 2*time.Second {
		t.Errorf("pushes came back %s after PostgreSQL did, want within 2 s", took)
	}
	if lost, back := logs.lines("connection lost"), logs.lines("connected again"); lost != 2 || back != 2 {
		t.Errorf("%d lines on losing the connection and %d on its return over two losses, want 2 of each:\n%s", lost, back, logs)
	}
}
