package indexing_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/search/estest"
)

// refreshIntervals returns the refresh interval of every services index of
// the fixture's prefix.
func (f *fixture) refreshIntervals() map[string]string {
	f.t.Helper()
	res, err := http.Get(estest.URL(f.t) + "/" + f.prefix + "-services-v*/_settings/index.refresh_interval?flat_settings=true")
	if err != nil {
		f.t.Fatal(err)
	}
	defer res.Body.Close()
	var body map[string]struct {
		Settings map[string]string `json:"settings"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		f.t.Fatal(err)
	}
	out := map[string]string{}
	for name, s := range body {
		out[name] = s.Settings["index.refresh_interval"]
	}
	return out
}

// TestRebuildEitherWayIndexesTheSameAndKeepsTheLiveIndexRefreshing: the
// default rebuild loads the new index with refreshes off in many requests
// from several workers, while the index behind the alias goes on
// refreshing, and gives the new index its settings back before the swap;
// the one-batch-at-a-time rebuild leaves the settings alone. Both index
// every published service.
func TestRebuildEitherWayIndexesTheSameAndKeepsTheLiveIndexRefreshing(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	for i := range 40 {
		f.service(fmt.Sprintf("分批服务%02d", i))
	}
	for _, c := range []struct {
		name string
		o    indexing.RebuildOptions
		// suspended is whether the new index goes without refreshes.
		suspended bool
	}{
		{"default, small requests", indexing.RebuildOptions{Batch: 7, Workers: 2, BulkBytes: 4096}, true},
		{"one batch at a time", indexing.RebuildOptions{Batch: 7}, false},
	} {
		live, err := f.es.AliasIndices(ctx, flowcare.EntityService)
		if err != nil || len(live) != 1 {
			t.Fatalf("%s: alias indices %v, %v", c.name, live, err)
		}
		var during []map[string]string
		n, err := indexing.RebuildWith(ctx, f.db, f.es, flowcare.EntityService, c.o, time.Now, func(flowcare.Entity, int, time.Duration) {
			during = append(during, f.refreshIntervals())
		})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if n != 40 {
			t.Errorf("%s: rebuilt %d documents, want 40", c.name, n)
		}
		if len(during) != 6 {
			t.Errorf("%s: %d progress reports, want one per batch of 7 rows", c.name, len(during))
		}
		for _, m := range during {
			if len(m) != 2 || m[live[0]] != "1s" {
				t.Fatalf("%s: during the rebuild %v, want the live index %s refreshing every second beside the new one", c.name, m, live[0])
			}
			for name, r := range m {
				if want := map[bool]string{true: "-1", false: "1s"}[c.suspended]; name != live[0] && r != want {
					t.Errorf("%s: new index %s refreshes every %s during the rebuild, want %s", c.name, name, r, want)
				}
			}
		}
		after := f.refreshIntervals()
		now, err := f.es.AliasIndices(ctx, flowcare.EntityService)
		if err != nil || len(now) != 1 || now[0] == live[0] || len(after) != 1 || after[now[0]] != "1s" {
			t.Fatalf("%s: after the rebuild the alias points at %v (%v), settings %v", c.name, now, err, after)
		}
		if got := f.find("分批服务"); len(got) == 0 {
			t.Errorf("%s: nothing found after the rebuild", c.name)
		}
		if cnt, _ := f.es.Count(ctx, flowcare.EntityService); cnt != 40 {
			t.Errorf("%s: count after the rebuild = %d", c.name, cnt)
		}
	}
}
