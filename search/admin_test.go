package search_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"flowcare/internal/flowcare"
)

func TestEnsureIndicesCreatesAliasesWithExplicitMappings(t *testing.T) {
	c, _ := newTestClient(t)
	ctx := context.Background()
	if err := c.EnsureIndices(ctx); err != nil {
		t.Fatal(err)
	}
	first := map[flowcare.Entity][]string{}
	for _, e := range flowcare.Entities {
		names, err := c.AliasIndices(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if len(names) != 1 || !strings.HasPrefix(names[0], c.Alias(e)+"-v") {
			t.Fatalf("%s: alias points at %v, want one versioned index", c.Alias(e), names)
		}
		first[e] = names
	}
	if err := c.EnsureIndices(ctx); err != nil {
		t.Fatalf("second EnsureIndices: %v", err)
	}
	for _, e := range flowcare.Entities {
		names, err := c.AliasIndices(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(names) != fmt.Sprint(first[e]) {
			t.Errorf("%s: second EnsureIndices changed the alias from %v to %v", e, first[e], names)
		}
	}

	type field struct{ path, typ string }
	common := []field{
		{"id", "keyword"}, {"organisation_id", "keyword"}, {"title", "text"}, {"title.raw", "keyword"},
		{"categories", "keyword"}, {"areas", "keyword"}, {"points", "geo_point"},
	}
	tests := []struct {
		entity flowcare.Entity
		fields []field
	}{
		{flowcare.EntityService, append(common, field{"age", "integer_range"}, field{"min_age", "integer"},
			field{"schedule", "nested"}, field{"schedule.start", "integer"}, field{"description", "text"},
			field{"organisation_name", "text"}, field{"languages", "keyword"}, field{"funding", "keyword"},
			field{"updated_at", "date"}, field{"capacity", "integer"})},
		{flowcare.EntityVolunteer, append(common, field{"availability", "nested"}, field{"vetted", "boolean"},
			field{"vetting_expires", "date"}, field{"hours_per_month", "integer"}, field{"languages", "keyword"})},
		{flowcare.EntitySlot, append(common, field{"age", "integer_range"}, field{"starts_at", "date"},
			field{"ends_at", "date"}, field{"booking_cutoff", "date"}, field{"children_per_adult", "integer"})},
		{flowcare.EntityEvent, append(common, field{"age", "integer_range"}, field{"starts_at", "date"},
			field{"registration_opens", "date"}, field{"registration_closes", "date"}, field{"place", "text"})},
	}
	for _, tt := range tests {
		t.Run(string(tt.entity), func(t *testing.T) {
			var got map[string]struct {
				Mappings map[string]any `json:"mappings"`
			}
			if code := getJSON(t, esURL(t)+"/"+c.Alias(tt.entity)+"/_mapping", &got); code != http.StatusOK {
				t.Fatalf("GET mapping: status %d", code)
			}
			if len(got) != 1 {
				t.Fatalf("alias resolves to %d indices", len(got))
			}
			for _, m := range got {
				if m.Mappings["dynamic"] != "strict" {
					t.Errorf("dynamic = %v, want strict", m.Mappings["dynamic"])
				}
				for _, f := range tt.fields {
					if typ := fieldType(m.Mappings, f.path); typ != f.typ {
						t.Errorf("%s: type %q, want %q", f.path, typ, f.typ)
					}
				}
				if a := fieldProp(m.Mappings, "title", "analyzer"); a != "cjk" {
					t.Errorf("title analyzer %v, want cjk", a)
				}
			}
			var settings map[string]struct {
				Settings struct {
					Index struct {
						Shards   string `json:"number_of_shards"`
						Replicas string `json:"number_of_replicas"`
						Refresh  string `json:"refresh_interval"`
					} `json:"index"`
				} `json:"settings"`
			}
			getJSON(t, esURL(t)+"/"+c.Alias(tt.entity)+"/_settings", &settings)
			for _, s := range settings {
				if ix := s.Settings.Index; ix.Shards != "1" || ix.Replicas != "0" || ix.Refresh != "1s" {
					t.Errorf("settings %+v, want 1 shard, 0 replicas, refresh 1s", ix)
				}
			}
		})
	}
}

// fieldType finds a dotted path in a mapping, through sub-objects, nested
// properties and multi-fields.
func fieldType(m map[string]any, path string) string {
	typ, _ := fieldProp(m, path, "type").(string)
	return typ
}

func fieldProp(m map[string]any, path, prop string) any {
	cur := m
	for _, part := range strings.Split(path, ".") {
		props, _ := cur["properties"].(map[string]any)
		next, ok := props[part].(map[string]any)
		if !ok {
			fields, _ := cur["fields"].(map[string]any)
			next, ok = fields[part].(map[string]any)
		}
		if !ok {
			return nil
		}
		cur = next
	}
	return cur[prop]
}

func TestReindexSwapsAliasWithoutDowntime(t *testing.T) {
	c, prefix := ensured(t)
	ctx := context.Background()
	old, err := c.AliasIndices(ctx, flowcare.EntityService)
	if err != nil {
		t.Fatal(err)
	}
	var before []flowcare.SearchDoc
	for i := range 3 {
		before = append(before, serviceDoc(fmt.Sprintf("old-%d", i), "旧的服务"))
	}
	index(t, c, before...)

	// Searches run the whole time; none may fail or see an empty alias.
	var (
		stop     atomic.Bool
		wg       sync.WaitGroup
		searches atomic.Int64
		failures = make(chan string, 100)
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for !stop.Load() {
			p, err := c.Search(ctx, flowcare.SearchQuery{Entity: flowcare.EntityService})
			searches.Add(1)
			switch {
			case err != nil:
				failures <- err.Error()
				return
			case p.Total != 3 && p.Total != 5:
				failures <- fmt.Sprintf("search saw %d services, want 3 before the swap or 5 after", p.Total)
				return
			}
		}
	}()

	fresh, err := c.NewIndex(ctx, flowcare.EntityService)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(fresh, prefix+"-services-v") || fresh == old[0] {
		t.Fatalf("new index %q, want a new version of %s-services", fresh, prefix)
	}
	var after []flowcare.SearchDoc
	for i := range 5 {
		after = append(after, serviceDoc(fmt.Sprintf("new-%d", i), "新的服务"))
	}
	if err := c.IndexInto(ctx, fresh, after); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Count(ctx, flowcare.EntityService); err != nil || n != 3 {
		t.Fatalf("before the swap the alias counts %d (%v), want the old index's 3", n, err)
	}
	if err := c.SwapAlias(ctx, flowcare.EntityService, fresh); err != nil {
		t.Fatal(err)
	}
	p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService})
	stop.Store(true)
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	t.Logf("%d searches ran during the reindex", searches.Load())

	if p.Total != 5 || !strings.HasPrefix(p.Hits[0].ID, "new-") {
		t.Errorf("after the swap search finds %v (total %d), want the 5 new services", ids(p), p.Total)
	}
	if n, err := c.Count(ctx, flowcare.EntityService); err != nil || n != 5 {
		t.Errorf("Count = %d (%v), want 5", n, err)
	}
	now, err := c.AliasIndices(ctx, flowcare.EntityService)
	if err != nil || len(now) != 1 || now[0] != fresh {
		t.Errorf("alias points at %v (%v), want [%s]", now, err, fresh)
	}
	if code := getJSON(t, esURL(t)+"/"+old[0], nil); code != http.StatusNotFound {
		t.Errorf("old index %s: status %d, want it deleted", old[0], code)
	}
	// The relay keeps writing through the alias, now into the new index.
	index(t, c, serviceDoc("new-5", "新的服务"))
	if n, _ := c.Count(ctx, flowcare.EntityService); n != 6 {
		t.Errorf("after a write through the swapped alias Count = %d, want 6", n)
	}
}

func TestReindexRefusesForeignIndices(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	volunteers, err := c.NewIndex(ctx, flowcare.EntityVolunteer)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.IndexInto(ctx, volunteers, []flowcare.SearchDoc{serviceDoc("s1", "服务")}); err == nil {
		t.Error("a service went into a volunteers index")
	}
	if err := c.SwapAlias(ctx, flowcare.EntityService, volunteers); err == nil {
		t.Error("the services alias was pointed at a volunteers index")
	}
	if err := c.IndexInto(ctx, c.Alias(flowcare.EntityService)+"-v19990101000000abcdef", []flowcare.SearchDoc{serviceDoc("s1", "服务")}); err == nil {
		t.Error("IndexInto a missing index succeeded")
	}
}
