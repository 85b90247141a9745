package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
)

// statements counts every statement sent through the counting driver; while
// recording is on, their text is kept too, so that a failure can say which.
var (
	statements atomic.Int64
	recording  atomic.Bool
	recorded   struct {
		sync.Mutex
		qs []string
	}
)

var registerCounting sync.Once

func countStatement(q string) {
	statements.Add(1)
	if recording.Load() {
		recorded.Lock()
		recorded.qs = append(recorded.qs, strings.Join(strings.Fields(q), " "))
		recorded.Unlock()
	}
}

// statementsOf runs f and returns the statements sent meanwhile, by anyone:
// the tests using it run alone in their server.
func statementsOf(f func()) []string {
	recorded.Lock()
	recorded.qs = nil
	recorded.Unlock()
	recording.Store(true)
	f()
	recording.Store(false)
	recorded.Lock()
	defer recorded.Unlock()
	return slices.Clone(recorded.qs)
}

// openCounting opens url through the counting driver.
func openCounting(tb testing.TB, url string) *postgres.DB {
	tb.Helper()
	registerCounting.Do(func() { sql.Register("postgres-counting", countingDriver{}) })
	db, err := postgres.OpenDriver(context.Background(), "postgres-counting", url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

type countingDriver struct{}

func (countingDriver) Open(name string) (driver.Conn, error) {
	c, err := pq.Driver{}.Open(name)
	if err != nil {
		return nil, err
	}
	return countingConn{c}, nil
}

// countingConn forwards to lib/pq and counts queries and execs.
type countingConn struct{ driver.Conn }

func (c countingConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	countStatement(q)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
}

func (c countingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	countStatement(q)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (c countingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c countingConn) Ping(ctx context.Context) error { return c.Conn.(driver.Pinger).Ping(ctx) }

// countedServer serves the demo data over a database opened through the
// counting driver, signed in as the demo organisation admin; it returns the
// id of that admin's organisation.
func countedServer(t *testing.T) (*testServer, *postgres.DB, string) {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewURL(t)
	db := openCounting(t, url)
	if err := postgres.Migrate(ctx, db.SQL(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	cfg, _ := loadConfig(func(k string) string {
		return withKeys(map[string]string{"DATABASE_URL": url, "ELASTICSEARCH_URL": os.Getenv("ELASTICSEARCH_URL")})[k]
	})
	a, err := assemble(db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := seedDemo(ctx, a, fastHasher, io.Discard); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(newHandler(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), a, newMetrics(prometheus.NewRegistry(), a)))
	t.Cleanup(srv.Close)
	jar, _ := cookiejar.New(nil)
	ts := &testServer{Server: srv, t: t, client: &http.Client{Jar: jar}, app: a, cfg: cfg}
	if r := ts.query(signIn, map[string]any{"u": "demo.orgadmin", "p": DemoPassword}); r.code() != "" {
		t.Fatal(r.Errors)
	}
	orgs, _, _ := a.db.Areas().ListOrganisations(ctx, flowcare.OrganisationFilter{Search: "晨曦"}, flowcare.Page{})
	return ts, db, orgs[0].ID
}

// addServices creates n draft services of the organisation, each with two
// locations, as the API would.
func addServices(t *testing.T, db *postgres.DB, orgID string, n int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		sv := &flowcare.Service{OrganisationID: orgID, Name: fmt.Sprintf("批量服务%03d", i), Categories: []flowcare.Category{flowcare.CatRecreation},
			MinAge: 6, MaxAge: 12, Capacity: 5, Funding: flowcare.FundingFree, Status: flowcare.ServiceDraft, AreasServed: []string{"110105", "110108"},
			Locations: []flowcare.Location{
				{Name: "地点一", AreaID: "110105001001", Latitude: 39.9, Longitude: 116.45},
				{Name: "地点二", AreaID: "110108001", Latitude: 39.9, Longitude: 116.3},
			}}
		if err := db.InTx(ctx, func(tx flowcare.Tx) error { return tx.Directory().CreateService(ctx, sv) }); err != nil {
			t.Fatal(err)
		}
	}
}

// TestListsCostTheSameStatementsWhateverTheirLength lists services with their
// organisation, its area, their locations and the locations' areas: with
// dataloaders the statements per request must not grow with the list.
func TestListsCostTheSameStatementsWhateverTheirLength(t *testing.T) {
	ts, db, orgID := countedServer(t)

	const q = `query($org: ID!, $n: Int!) { services(organisationId: $org, first: $n) { totalCount edges { node {
		name organisation { name area { name } } areasServed { name } locations { name area { name parent { name } } } } } } }`
	measure := func(n int) (int64, int) {
		statements.Store(0)
		r := ts.query(q, map[string]any{"org": orgID, "n": n})
		got := statements.Load()
		if r.code() != "" {
			t.Fatal(r.Errors)
		}
		var data struct {
			Edges []struct {
				Node struct {
					Locations []struct{ Area struct{ Name string } }
				}
			}
		}
		_ = json.Unmarshal(r.Data["services"], &data)
		for _, e := range data.Edges {
			if len(e.Node.Locations) > 0 && e.Node.Locations[0].Area.Name == "" {
				t.Fatal("a location came back without its area")
			}
		}
		return got, len(data.Edges)
	}
	addServices(t, db, orgID, 50)
	// The first request finds the session in the database, the others in the
	// session cache: both measured requests come after it.
	measure(1)
	small, nSmall := measure(5)
	large, nLarge := measure(50)
	if nSmall != 5 || nLarge != 50 {
		t.Fatalf("listed %d and %d services", nSmall, nLarge)
	}
	t.Logf("SQL statements per request: %d for %d services, %d for %d services", small, nSmall, large, nLarge)
	if large != small {
		t.Fatalf("statements grow with the list: %d for 5 services, %d for 50", small, large)
	}
}

// TestServicesPageCostsAtMostFourStatements: the page of 20 services that
// BenchmarkGraphQLRead drives, with their organisation, areas served and
// locations with their areas, costs at most four statements: the session
// (none once cached), the page with its count and locations, the
// organisation and the areas.
func TestServicesPageCostsAtMostFourStatements(t *testing.T) {
	ts, db, orgID := countedServer(t)
	addServices(t, db, orgID, 30)
	ts.client.Jar, _ = cookiejar.New(nil)
	si := ts.signIn("demo.orgadmin")
	read := func(what string) int {
		var r gqlResponse
		qs := statementsOf(func() { r = ts.withCookie(si.token, servicesReadQuery, map[string]any{"org": orgID}) })
		if r.code() != "" {
			t.Fatalf("%s: %v", what, r.Errors)
		}
		var page struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Organisation struct{ Name string }
					AreasServed  []struct{ Name string }
					Locations    []struct {
						Name string
						Area struct{ Name string }
					}
				}
			}
		}
		if err := json.Unmarshal(r.Data["services"], &page); err != nil {
			t.Fatal(err)
		}
		if len(page.Edges) != 20 || page.TotalCount < 30 {
			t.Fatalf("%s: %d services of %d, want a page of 20", what, len(page.Edges), page.TotalCount)
		}
		for _, e := range page.Edges {
			n := e.Node
			if n.Organisation.Name == "" || len(n.AreasServed) == 0 || n.AreasServed[0].Name == "" || len(n.Locations) != 2 || n.Locations[1].Area.Name == "" {
				t.Fatalf("%s: a service came back without its associations: %+v", what, n)
			}
		}
		if len(qs) > 4 {
			t.Errorf("%s cost %d statements, want at most 4:\n%s", what, len(qs), strings.Join(qs, "\n"))
		}
		return len(qs)
	}
	cold := read("the first read after signing in")
	warm := read("the next read")
	t.Logf("SQL statements per read of 20 services: %d with the session read from the database, %d with it cached", cold, warm)
}
