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
	"sync"
	"sync/atomic"
	"testing"

	"github.com/lib/pq"
	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
)

// statements counts every statement sent through the counting driver.
var statements atomic.Int64

var registerCounting sync.Once

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
	statements.Add(1)
	return c.Conn.(driver.QueryerContext).QueryContext(ctx, q, args)
}

func (c countingConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	statements.Add(1)
	return c.Conn.(driver.ExecerContext).ExecContext(ctx, q, args)
}

func (c countingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (c countingConn) Ping(ctx context.Context) error { return c.Conn.(driver.Pinger).Ping(ctx) }

// TestListsCostTheSameStatementsWhateverTheirLength lists services with their
// organisation, its area, their locations and the locations' areas: with
// dataloaders the statements per request must not grow with the list.
func TestListsCostTheSameStatementsWhateverTheirLength(t *testing.T) {
	registerCounting.Do(func() { sql.Register("postgres-counting", countingDriver{}) })
	ctx := context.Background()
	url := pgtest.NewURL(t)
	db, err := postgres.OpenDriver(ctx, "postgres-counting", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
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
	defer srv.Close()
	jar, _ := cookiejar.New(nil)
	ts := &testServer{Server: srv, t: t, client: &http.Client{Jar: jar}}
	if r := ts.query(signIn, map[string]any{"u": "demo.orgadmin", "p": DemoPassword}); r.code() != "" {
		t.Fatal(r.Errors)
	}
	orgs, _, _ := a.db.Areas().ListOrganisations(ctx, flowcare.OrganisationFilter{Search: "晨曦"}, flowcare.Page{})
	orgID := orgs[0].ID

	addServices := func(n int) {
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
	addServices(50)
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
