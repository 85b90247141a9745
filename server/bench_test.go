package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"flowcare/internal/benchfig"
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

// BenchmarkReindex rebuilds all four offer indices (services, volunteers,
// slots, events) through the code `flowcare reindex` runs, while searches go
// to the aliases ten times a second and must all be answered. It rebuilds
// with the default options and, as the baseline of the same run, the way
// rebuilds ran before (a batch of 1,000 read, sent and waited for, the new
// index refreshing every second); FLOWCARE_BENCH_REINDEX_ROUNDS (1) repeats
// the pair and the figure is the median.
//
// On the city-size data set (benchfig.CityURL, benchfig.CityPrefix) it
// rebuilds its indices; otherwise it generates FLOWCARE_BENCH_REINDEX_OFFERS
// offers (1,000,000) in the spread of the match benchmark. Empty indices are
// filled once before measuring, so that searches meet a full index in every
// rebuild.
func BenchmarkReindex(b *testing.B) {
	ctx := context.Background()
	rounds, err := benchEnvInt("FLOWCARE_BENCH_REINDEX_ROUNDS", 1, 1)
	if err != nil {
		b.Fatal(err)
	}
	var a *app
	if benchfig.CityURL() != "" {
		a, _ = cityApp(b)
		if err := a.search.EnsureIndices(ctx); err != nil {
			b.Fatal(err)
		}
	} else {
		offers, err := benchEnvInt("FLOWCARE_BENCH_REINDEX_OFFERS", 1_000_000, 1000)
		if err != nil {
			b.Fatal(err)
		}
		a, _ = seededApp(b)
		generateOffers(b, a, float64(offers)/200000)
	}
	for _, e := range flowcare.Entities {
		if n, err := a.search.Count(ctx, e); err != nil {
			b.Fatal(err)
		} else if n == 0 {
			t0 := time.Now()
			n, _ := reindexAll(b, a, indexing.DefaultRebuildOptions(0))
			fmt.Printf("reindex: first fill of %s documents in %v\n", thousands(n), time.Since(t0).Round(time.Millisecond))
			break
		}
	}
	var rows int
	if err := a.db.SQL().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM services) + (SELECT count(*) FROM volunteers) +
		(SELECT count(*) FROM slots) + (SELECT count(*) FROM events)`).Scan(&rows); err != nil {
		b.Fatal(err)
	}
	modes := []struct {
		name string
		o    indexing.RebuildOptions
	}{
		{"before", indexing.RebuildOptions{Batch: 1000}},
		{"default", indexing.DefaultRebuildOptions(0)},
	}
	rates := map[string][]float64{}
	took := map[string][]time.Duration{}
	var searched, failed int
	var latencies []time.Duration
	var docs int
	b.ResetTimer()
	for r := range rounds {
		for _, m := range modes {
			s := startSearches(ctx, a)
			t0 := time.Now()
			n, perEntity := reindexAll(b, a, m.o)
			d := time.Since(t0)
			res := s.stop()
			docs = n
			rates[m.name], took[m.name] = append(rates[m.name], float64(n)/d.Seconds()), append(took[m.name], d)
			searched, failed, latencies = searched+res.n, failed+len(res.failures), append(latencies, res.latencies...)
			fmt.Printf("reindex round %d, %s options: %s documents in %v, %.0f docs/s (%s); %d searches meanwhile, %d failed, p50 %.1f ms, p99 %.1f ms\n",
				r+1, m.name, thousands(n), d.Round(time.Millisecond), float64(n)/d.Seconds(), perEntity, res.n, len(res.failures),
				ms(quantile(res.latencies, 0.5)), ms(quantile(res.latencies, 0.99)))
			for _, f := range res.failures[:min(len(res.failures), 5)] {
				fmt.Printf("  search failed: %s\n", f)
			}
		}
	}
	b.StopTimer()
	median := func(xs []float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return s[len(s)/2]
	}
	medianD := func(ds []time.Duration) time.Duration {
		s := slices.Clone(ds)
		slices.Sort(s)
		return s[len(s)/2]
	}
	rate, base := median(rates["default"]), median(rates["before"])
	b.ReportMetric(rate, "docs/s")
	benchfig.Print(benchfig.Figure{
		Name: fmt.Sprintf("reindex of services, volunteers, slots and events, %s offers (%s indexed), searches answered throughout%s",
			thousands(rows), thousands(docs), map[bool]string{true: fmt.Sprintf(", median of %d", rounds)}[rounds > 1]),
		Goal: "≥ 10,000 docs/s, alias swap, 0 failed searches",
		Value: fmt.Sprintf("%s docs/s (%.1f s); %d of %d searches failed, p99 %.0f ms", thousands(int(rate)), medianD(took["default"]).Seconds(),
			failed, searched, ms(quantile(latencies, 0.99))),
		Baseline: fmt.Sprintf("batches of 1,000 sent one by one, index refreshing: %s docs/s (%.1f s), %.2f× slower",
			thousands(int(base)), medianD(took["before"]).Seconds(), rate/base),
		Met: rate >= 10000 && failed == 0,
	})
}

// quantile is percentile that allows no durations at all.
func quantile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	return percentile(ds, p)
}

// benchEnvInt reads a whole number of at least least from the environment,
// or def when the variable is unset.
func benchEnvInt(name string, def, least int) (int, error) {
	v := os.Getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v, "_", ""))
	if err != nil || n < least {
		return 0, fmt.Errorf("%s must be a whole number of at least %d, not %q", name, least, v)
	}
	return n, nil
}

// reindexAll rebuilds the four indices one after the other, as `flowcare
// reindex` does, and returns the documents indexed and how many of each.
func reindexAll(b *testing.B, a *app, o indexing.RebuildOptions) (int, string) {
	total, each := 0, []string{}
	for _, e := range flowcare.Entities {
		t0 := time.Now()
		n, err := indexing.RebuildWith(context.Background(), a.db, a.search, e, o, time.Now, nil)
		if err != nil {
			b.Fatal(err)
		}
		total += n
		each = append(each, fmt.Sprintf("%s %ss in %.1f s", thousands(n), e, time.Since(t0).Seconds()))
	}
	return total, strings.Join(each, ", ")
}

// searchLoad searches the four aliases in turn, ten times a second, as the
// search page would while an index is rebuilt: a category in the district,
// with a word of text every third time.
type searchLoad struct {
	done chan struct{}
	res  chan searchResult
}

type searchResult struct {
	n         int
	failures  []string
	latencies []time.Duration
}

func startSearches(ctx context.Context, a *app) *searchLoad {
	s := &searchLoad{done: make(chan struct{}), res: make(chan searchResult, 1)}
	texts := []string{"阅读", "心理", "活动", "亲子", "法律"}
	go func() {
		var r searchResult
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for i := 0; ; i++ {
			select {
			case <-s.done:
				s.res <- r
				return
			case <-tick.C:
			}
			q := flowcare.SearchQuery{Entity: flowcare.Entities[i%len(flowcare.Entities)], AreaID: "110105",
				Categories: []flowcare.Category{flowcare.Categories[(i/4)%len(flowcare.Categories)]}, First: 20}
			if i%3 == 0 {
				q.Text = texts[(i/3)%len(texts)]
			}
			t := time.Now()
			_, err := a.search.Search(ctx, q)
			r.latencies = append(r.latencies, time.Since(t))
			r.n++
			if err != nil {
				r.failures = append(r.failures, fmt.Sprintf("%s %q: %v", q.Entity, q.Text, err))
			}
		}
	}()
	return s
}

func (s *searchLoad) stop() searchResult {
	close(s.done)
	return <-s.res
}
