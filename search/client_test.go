package search_test

import (
	"context"
	"strings"
	"testing"

	"flowcare/search"
	"flowcare/search/estest"
)

func esURL(t *testing.T) string { return estest.URL(t) }

func TestClusterIsElasticsearch8(t *testing.T) {
	c, err := search.New(esURL(t))
	if err != nil {
		t.Fatal(err)
	}
	info, err := c.Info(context.Background())
	if err != nil {
		t.Fatalf("Elasticsearch at %s is not reachable (%v): start it with `make services`", esURL(t), err)
	}
	if !strings.HasPrefix(info.Version.Number, "8.") {
		t.Fatalf("Elasticsearch version %q, want 8.x", info.Version.Number)
	}
	t.Logf("Elasticsearch %s (Lucene %s), cluster %s", info.Version.Number, info.Version.LuceneVersion, info.ClusterName)
	if err := c.Health(context.Background()); err != nil {
		t.Fatalf("health: %v", err)
	}
}

func TestHealthFailsWhenClusterIsDown(t *testing.T) {
	c, err := search.New("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Health(context.Background()); err == nil {
		t.Fatal("health of a dead address succeeded")
	}
}
