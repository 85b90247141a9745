// Package search keeps the search copy of what is offered in Elasticsearch.
package search

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/elastic/go-elasticsearch/v8"

	"flowcare/internal/flowcare"
)

var (
	_ flowcare.Indexer    = (*Client)(nil)
	_ flowcare.Searcher   = (*Client)(nil)
	_ flowcare.IndexAdmin = (*Client)(nil)
)

// DefaultPrefix starts the alias and index names of a production deployment.
const DefaultPrefix = "flowcare"

// Client talks to the Elasticsearch cluster.
type Client struct {
	es     *elasticsearch.Client
	prefix string
	now    func() time.Time
	// suffix makes index names created in the same second distinct.
	suffix func() string
	// nearKm is the radius of a match's first search; 0 makes every match
	// one search over the whole radius.
	nearKm float64
	// odds is what matches so far say of each kind's near search.
	odds      *nearOdds
	transport http.RoundTripper
}

// Option changes how New builds a client.
type Option func(*Client)

// WithPrefix starts every alias and index name with prefix instead of
// DefaultPrefix, so that tests and several deployments can share a cluster.
func WithPrefix(prefix string) Option {
	return func(c *Client) { c.prefix = prefix }
}

// WithClock makes the client read the time from now, for names of new indices
// and for deciding whether a volunteer's vetting is still current.
func WithClock(now func() time.Time) Option {
	return func(c *Client) { c.now = now }
}

// DefaultNearKm is the radius of a match's first search. Around a city
// street the ten best of each kind are almost always within it, and it holds
// a few per cent of the offers within the ten-kilometre limit.
const DefaultNearKm = 2

// WithNearKm sets the radius of a match's first search (see Match); 0 makes
// every match a single search over the whole radius.
func WithNearKm(km float64) Option {
	return func(c *Client) { c.nearKm = km }
}

// WithTransportWrapper sends the client's requests through what wrap makes
// of the default transport, say to watch them on their way.
func WithTransportWrapper(wrap func(http.RoundTripper) http.RoundTripper) Option {
	return func(c *Client) { c.transport = wrap(c.transport) }
}

// New returns a client for the cluster at url; it does not connect yet.
func New(url string, opts ...Option) (*Client, error) {
	c := &Client{prefix: DefaultPrefix, now: time.Now, suffix: randomSuffix, nearKm: DefaultNearKm, odds: newNearOdds(),
		transport: &http.Transport{ResponseHeaderTimeout: 10 * time.Second, MaxIdleConnsPerHost: 10}}
	for _, o := range opts {
		o(c)
	}
	if !validPrefix(c.prefix) {
		return nil, fmt.Errorf("elasticsearch client: index prefix %q must be lowercase letters, digits, '-' or '_'", c.prefix)
	}
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses:    []string{url},
		MaxRetries:   2,
		DisableRetry: false,
		Transport:    c.transport,
	})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch client: %w", err)
	}
	c.es = es
	return c, nil
}

// validPrefix follows Elasticsearch's rules for index names: lowercase, and
// not starting with '-', '_' or '+'.
func validPrefix(p string) bool {
	if p == "" || p[0] == '-' || p[0] == '_' {
		return false
	}
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func randomSuffix() string {
	var b [3]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported platforms; the timestamp alone
		// still names the index, and a clash is reported by Elasticsearch.
		return "000000"
	}
	return hex.EncodeToString(b[:])
}

// Info is what the cluster says about itself.
type Info struct {
	ClusterName string `json:"cluster_name"`
	Version     struct {
		Number        string `json:"number"`
		LuceneVersion string `json:"lucene_version"`
	} `json:"version"`
}

// Info asks the cluster for its name and version.
func (c *Client) Info(ctx context.Context) (*Info, error) {
	res, err := c.es.Info(c.es.Info.WithContext(ctx))
	if err != nil {
		return nil, fmt.Errorf("elasticsearch info: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return nil, fmt.Errorf("elasticsearch info: %s", res.Status())
	}
	var info Info
	if err := json.NewDecoder(res.Body).Decode(&info); err != nil {
		return nil, fmt.Errorf("elasticsearch info: %w", err)
	}
	return &info, nil
}

// Health checks that the cluster answers and is green or yellow.
func (c *Client) Health(ctx context.Context) error {
	res, err := c.es.Cluster.Health(c.es.Cluster.Health.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("elasticsearch health: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("elasticsearch health: %s", res.Status())
	}
	var h struct {
		Status string `json:"status"`
	}
	if err := json.NewDecoder(res.Body).Decode(&h); err != nil {
		return fmt.Errorf("elasticsearch health: %w", err)
	}
	if h.Status != "green" && h.Status != "yellow" {
		return fmt.Errorf("elasticsearch cluster is %s", h.Status)
	}
	return nil
}
