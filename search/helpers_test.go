package search_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search"
	"flowcare/search/estest"
)

// newTestClient returns a client with a prefix of its own whose indices are
// deleted when the test ends; the indices are not created yet.
func newTestClient(t *testing.T, opts ...search.Option) (*search.Client, string) {
	t.Helper()
	return estest.New(t, opts...)
}

// getJSON reads url into v and returns the status code.
func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	if res.StatusCode == http.StatusOK && v != nil {
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatalf("GET %s: %v", url, err)
		}
	}
	return res.StatusCode
}

func ensured(t *testing.T, opts ...search.Option) (*search.Client, string) {
	t.Helper()
	c, prefix := newTestClient(t, opts...)
	if err := c.EnsureIndices(context.Background()); err != nil {
		t.Fatal(err)
	}
	return c, prefix
}

func index(t *testing.T, c *search.Client, docs ...flowcare.SearchDoc) {
	t.Helper()
	ctx := context.Background()
	if err := c.Index(ctx, docs); err != nil {
		t.Fatal(err)
	}
	if err := c.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
}

func mustSearch(t *testing.T, c *search.Client, q flowcare.SearchQuery) *flowcare.SearchPage {
	t.Helper()
	p, err := c.Search(context.Background(), q)
	if err != nil {
		t.Fatalf("search %+v: %v", q, err)
	}
	return p
}

func ids(p *flowcare.SearchPage) []string {
	out := make([]string, len(p.Hits))
	for i, h := range p.Hits {
		out[i] = h.ID
	}
	return out
}

// centre is Tiananmen; test places are measured from it.
func centre() flowcare.GeoPoint { return flowcare.GeoPoint{Lat: 39.9042, Lon: 116.3974} }

// north moves p km kilometres north (one degree of latitude is ~111.2 km).
func north(p flowcare.GeoPoint, km float64) flowcare.GeoPoint {
	return flowcare.GeoPoint{Lat: p.Lat + km/111.195, Lon: p.Lon}
}

type svcOpt func(*flowcare.SearchDoc)

func serviceDoc(id, name string, opts ...svcOpt) flowcare.SearchDoc {
	d := flowcare.SearchDoc{
		Entity: flowcare.EntityService, ID: id, Version: 1,
		OrganisationName: "阳光社工事务所",
		Areas:            []string{"110000", "110105", "110105001"},
		Points:           []flowcare.GeoPoint{centre()},
		Service: &flowcare.Service{
			ID: id, OrganisationID: "org-1", Name: name, Description: "为流动儿童提供的服务",
			Categories: []flowcare.Category{flowcare.CatRecreation}, MinAge: 6, MaxAge: 12,
			Languages: []string{"zh"}, Capacity: 10, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive,
			Schedule:  []flowcare.TimeWindow{{Day: 6, Start: 9 * 60, End: 11 * 60}},
			UpdatedAt: time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC),
		},
	}
	for _, o := range opts {
		o(&d)
	}
	return d
}
