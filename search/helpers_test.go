package search_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search"
)

// newTestClient returns a client whose aliases and indices carry a prefix of
// their own, and deletes every index under that prefix when the test ends.
// The indices are not created; call EnsureIndices when the test needs them.
func newTestClient(t *testing.T, opts ...search.Option) (*search.Client, string) {
	t.Helper()
	url := esURL(t)
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	prefix := "t-" + hex.EncodeToString(b[:])
	c, err := search.New(url, append([]search.Option{search.WithPrefix(prefix)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.Info(ctx); err != nil {
		t.Fatalf("Elasticsearch at %s is not reachable (%v): start it with `make services` (or `dev/elasticsearch.sh start`)", url, err)
	}
	t.Cleanup(func() { deleteIndicesWithPrefix(t, url, prefix) })
	return c, prefix
}

func deleteIndicesWithPrefix(t *testing.T, url, prefix string) {
	t.Helper()
	var rows []struct {
		Index string `json:"index"`
	}
	if code := getJSON(t, url+"/_cat/indices/"+prefix+"-*?format=json&h=index", &rows); code != http.StatusOK {
		t.Errorf("list indices of %s: status %d", prefix, code)
		return
	}
	if len(rows) == 0 {
		return
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Index
	}
	req, _ := http.NewRequest(http.MethodDelete, url+"/"+strings.Join(names, ","), nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("delete test indices: %v", err)
		return
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Errorf("delete test indices %v: status %d", names, res.StatusCode)
	}
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
