package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search/estest"
)

// seededApp is a migrated, demo-seeded app on its own database and index prefix.
func seededApp(b testing.TB) (*app, Config) {
	b.Helper()
	ctx := context.Background()
	url := pgtest.NewURL(b)
	_, prefix := estest.New(b)
	cfg, err := loadConfig(func(k string) string {
		return withKeys(map[string]string{"DATABASE_URL": url, "ELASTICSEARCH_URL": estest.URL(b), "FLOWCARE_SEARCH_PREFIX": prefix})[k]
	})
	if err != nil {
		b.Fatal(err)
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { a.db.Close() })
	if err := postgres.Migrate(ctx, a.db.SQL(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		b.Fatal(err)
	}
	if err := seedDemo(ctx, a, fastHasher, io.Discard); err != nil {
		b.Fatal(err)
	}
	if err := a.search.EnsureIndices(ctx); err != nil {
		b.Fatal(err)
	}
	return a, cfg
}

func percentile(ds []time.Duration, p float64) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(p*float64(len(s)-1))]
}

// BenchmarkReindex rebuilds the services index from 100,000 generated rows,
// through the same code as `flowcare reindex`.
func BenchmarkReindex(b *testing.B) {
	a, _ := seededApp(b)
	ctx := context.Background()
	const rows = 100000
	start := time.Now()
	_, err := a.db.SQL().ExecContext(ctx, `
		WITH o AS (SELECT id FROM organisations WHERE verification_status = 'VERIFIED' AND kind = 'SOCIAL_ORGANISATION' ORDER BY name),
		     s AS (
		       INSERT INTO services (organisation_id, name, description, categories, min_age, max_age, areas_served, schedule, capacity, languages, funding, status)
		       SELECT (SELECT id FROM o OFFSET g % (SELECT count(*) FROM o) LIMIT 1),
		              '生成的服务 ' || g, '为流动儿童提供阅读陪伴、心理辅导与城市融入活动的生成数据 ' || g,
		              ARRAY[(ARRAY['READING_GUIDANCE','RECREATION','CITY_INTEGRATION','PSYCHOLOGICAL_COUNSELLING'])[1 + g % 4]],
		              g % 6, 6 + g % 10, ARRAY['110105'], '[{"day":6,"start":540,"end":660}]', 10, ARRAY['普通话'], 'FREE', 'ACTIVE'
		       FROM generate_series(1, $1) g RETURNING id)
		INSERT INTO service_locations (service_id, position, name, address, area_id, latitude, longitude)
		SELECT id, 0, '生成地点', '', '110105001001', 39.90 + random() * 0.05, 116.40 + random() * 0.08 FROM s`, rows)
	if err != nil {
		b.Fatal(err)
	}
	fmt.Printf("generated %d services in %v\n", rows, time.Since(start).Round(time.Millisecond))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		n, err := indexing.Rebuild(ctx, a.db, a.search, flowcare.EntityService, 1000, time.Now, nil)
		if err != nil {
			b.Fatal(err)
		}
		took := time.Since(t0)
		b.ReportMetric(float64(n)/took.Seconds(), "docs/s")
		fmt.Printf("reindex services: %d documents in %v, %.0f docs/s\n", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	}
}
