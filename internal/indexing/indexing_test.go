package indexing_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search"
	"flowcare/search/estest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type fixture struct {
	t      *testing.T
	db     *postgres.DB
	es     *search.Client
	prefix string
	org    string
}

func setup(t *testing.T) *fixture {
	t.Helper()
	db := pgtest.New(t)
	es, prefix := estest.New(t)
	ctx := context.Background()
	if err := es.EnsureIndices(ctx); err != nil {
		t.Fatal(err)
	}
	lat, lng := 39.9076, 116.4503
	for _, a := range [][3]string{{"110105001", "110105", "STREET"}, {"110105001001", "110105001", "COMMUNITY"}} {
		p := a[1]
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a[0], ParentID: &p, Level: flowcare.AreaLevel(a[2]), Name: a[0], Latitude: &lat, Longitude: &lng}); err != nil {
			t.Fatal(err)
		}
	}
	o := &flowcare.Organisation{Name: "测试社工机构", Kind: flowcare.OrgSocial, AreaID: "110105"}
	if err := db.Directory().CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	if err := db.Directory().SetVerification(ctx, o.ID, flowcare.VerificationVerified, nil, "", time.Now()); err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, db: db, es: es, prefix: prefix, org: o.ID}
}

func (f *fixture) service(name string) *flowcare.Service {
	f.t.Helper()
	sv := &flowcare.Service{OrganisationID: f.org, Name: name, Categories: []flowcare.Category{flowcare.CatReadingGuidance},
		MinAge: 6, MaxAge: 12, Capacity: 10, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive,
		Locations: []flowcare.Location{{Name: "活动室", AreaID: "110105001001", Latitude: 39.9076, Longitude: 116.4503}}}
	err := f.db.InTx(context.Background(), func(tx flowcare.Tx) error { return tx.Directory().CreateService(context.Background(), sv) })
	if err != nil {
		f.t.Fatal(err)
	}
	return sv
}

func (f *fixture) pending() int {
	st, err := f.db.Directory().OutboxStats(context.Background(), time.Now())
	if err != nil {
		f.t.Fatal(err)
	}
	return st.Pending
}

func (f *fixture) find(text string) []string {
	f.t.Helper()
	ctx := context.Background()
	if err := f.es.Refresh(ctx, flowcare.EntityService); err != nil {
		f.t.Fatal(err)
	}
	p, err := f.es.Search(ctx, flowcare.SearchQuery{Entity: flowcare.EntityService, Text: text})
	if err != nil {
		f.t.Fatal(err)
	}
	var titles []string
	for _, h := range p.Hits {
		titles = append(titles, h.Title)
	}
	return titles
}

func TestWritesSurviveElasticsearchBeingDownAndCatchUp(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	dead, err := search.New("http://127.0.0.1:1", search.WithPrefix(f.prefix))
	if err != nil {
		t.Fatal(err)
	}
	sv := f.service("周末阅读陪伴")
	if f.pending() != 1 {
		t.Fatalf("outbox holds %d rows after one write, want 1", f.pending())
	}
	down := indexing.NewRelay(f.db, dead, nil, quiet, time.Now)
	if _, err := down.Drain(ctx); err == nil {
		t.Fatal("draining into a dead cluster reported success")
	}
	if f.pending() != 1 {
		t.Fatalf("the change was lost while Elasticsearch was down: %d rows pending", f.pending())
	}
	if got, err := f.db.Directory().ServicesByIDs(ctx, []string{sv.ID}); err != nil || len(got) != 1 {
		t.Fatalf("the write itself is not in PostgreSQL: %v", err)
	}
	// Back up: a relay whose clock is past the back-off drains the row.
	later := func() time.Time { return time.Now().Add(2 * time.Minute) }
	up := indexing.NewRelay(f.db, f.es, nil, quiet, later)
	if n, err := up.Drain(ctx); err != nil || n != 1 {
		t.Fatalf("drain after recovery = %d, %v", n, err)
	}
	if got := f.find("阅读"); len(got) != 1 || got[0] != "周末阅读陪伴" {
		t.Fatalf("search after catching up = %v", got)
	}

	// A stale or repeated outbox row re-sends the current version: harmless.
	if _, err := f.db.SQL().Exec(`INSERT INTO outbox (entity, entity_id) VALUES ('service', $1), ('service', $1)`, sv.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := up.Drain(ctx); err != nil || n != 2 {
		t.Fatalf("drain of repeated rows = %d, %v", n, err)
	}
	if got := f.find("阅读"); len(got) != 1 {
		t.Fatalf("search after repeated rows = %v", got)
	}

	// Pausing takes it out of search; so does the organisation losing its verification.
	err = f.db.InTx(ctx, func(tx flowcare.Tx) error { return tx.Directory().SetServiceStatus(ctx, sv.ID, flowcare.ServicePaused) })
	if err != nil {
		t.Fatal(err)
	}
	if _, err := up.Drain(ctx); err != nil {
		t.Fatal(err)
	}
	if got := f.find("阅读"); len(got) != 0 {
		t.Fatalf("a paused service is still found: %v", got)
	}
	if f.pending() != 0 {
		t.Fatalf("%d rows left in the outbox", f.pending())
	}
}

func TestRelaysOnSeveralReplicasShareTheOutbox(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	const n = 120
	for i := 0; i < n; i++ {
		f.service(fmt.Sprintf("服务%03d", i))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total, errs := 0, []error{}
	for r := 0; r < 3; r++ {
		relay := indexing.NewRelay(f.db, f.es, nil, quiet, time.Now)
		relay.Batch = 10
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				got, err := relay.Drain(ctx)
				mu.Lock()
				total += got
				if err != nil {
					errs = append(errs, err)
				}
				mu.Unlock()
				if got == 0 || err != nil {
					return
				}
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("relay errors: %v", errs)
	}
	if total != n {
		t.Fatalf("relays processed %d rows for %d writes: a row was taken twice or missed", total, n)
	}
	if err := f.es.Refresh(ctx, flowcare.EntityService); err != nil {
		t.Fatal(err)
	}
	if c, err := f.es.Count(ctx, flowcare.EntityService); err != nil || c != n {
		t.Fatalf("index holds %d documents, want %d (%v)", c, n, err)
	}
}

func TestRebuildSwapsTheAliasAndKeepsEverything(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	for i := 0; i < 25; i++ {
		f.service(fmt.Sprintf("阅读服务%02d", i))
	}
	paused := f.service("已暂停的服务")
	if err := f.db.InTx(ctx, func(tx flowcare.Tx) error {
		return tx.Directory().SetServiceStatus(ctx, paused.ID, flowcare.ServicePaused)
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := indexing.NewRelay(f.db, f.es, nil, quiet, time.Now).Drain(ctx); err != nil || f.pending() != 0 {
		t.Fatalf("drain before rebuild: %v, %d pending", err, f.pending())
	}
	before, err := f.es.AliasIndices(ctx, flowcare.EntityService)
	if err != nil {
		t.Fatal(err)
	}
	var progress []int
	n, err := indexing.Rebuild(ctx, f.db, f.es, flowcare.EntityService, 10, time.Now, func(_ flowcare.Entity, done int, _ time.Duration) {
		progress = append(progress, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 25 {
		t.Fatalf("rebuilt %d documents, want the 25 published ones", n)
	}
	if len(progress) != 3 || progress[2] != 25 {
		t.Errorf("progress reports = %v, want one per batch of 10 rows", progress)
	}
	after, err := f.es.AliasIndices(ctx, flowcare.EntityService)
	if err != nil || len(after) != 1 || (len(before) == 1 && after[0] == before[0]) {
		t.Fatalf("alias before %v, after %v", before, after)
	}
	if c, _ := f.es.Count(ctx, flowcare.EntityService); c != 25 {
		t.Fatalf("count after rebuild = %d", c)
	}
	if got := f.find("阅读服务"); len(got) == 0 {
		t.Fatal("nothing found after the rebuild")
	}
	// Rows changed since a minute before the rebuild began are back on the outbox.
	if f.pending() != 26 {
		t.Errorf("pending after rebuild = %d, want every row written during it", f.pending())
	}
}
