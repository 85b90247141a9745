// Package estest gives a test its own indices and aliases on the real
// Elasticsearch node that make test starts, removed when the test ends.
package estest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"flowcare/search"
)

const howToStart = "start Elasticsearch with `make services` and export ELASTICSEARCH_URL (`make test` does both)"

// URL returns the node's URL or fails the test saying how to start one.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("ELASTICSEARCH_URL")
	if u == "" {
		t.Fatalf("ELASTICSEARCH_URL is not set: %s", howToStart)
	}
	return u
}

// New returns a client whose aliases and indices carry a prefix of their own;
// they are deleted when the test ends.
func New(t testing.TB, opts ...search.Option) (*search.Client, string) {
	t.Helper()
	url := URL(t)
	var b [4]byte
	_, _ = rand.Read(b[:])
	prefix := "t-" + hex.EncodeToString(b[:])
	c, err := search.New(url, append([]search.Option{search.WithPrefix(prefix)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := c.Info(ctx); err != nil {
		t.Fatalf("Elasticsearch at %s is not reachable (%v): %s", url, err, howToStart)
	}
	t.Cleanup(func() { DeletePrefix(t, url, prefix) })
	return c, prefix
}

// DeletePrefix deletes every index whose name starts with prefix.
func DeletePrefix(t testing.TB, url, prefix string) {
	t.Helper()
	res, err := http.Get(url + "/_cat/indices/" + prefix + "-*?format=json&h=index")
	if err != nil {
		t.Errorf("list indices of %s: %v", prefix, err)
		return
	}
	var rows []struct {
		Index string `json:"index"`
	}
	err = json.NewDecoder(res.Body).Decode(&rows)
	res.Body.Close()
	if err != nil || len(rows) == 0 {
		return
	}
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = r.Index
	}
	req, _ := http.NewRequest(http.MethodDelete, url+"/"+strings.Join(names, ","), nil)
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
	}
}
