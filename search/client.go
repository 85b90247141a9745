// Package search keeps the search copy of what is offered in Elasticsearch.
package search

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/elastic/go-elasticsearch/v8"
)

// Client talks to the Elasticsearch cluster.
type Client struct {
	es *elasticsearch.Client
}

// New returns a client for the cluster at url; it does not connect yet.
func New(url string) (*Client, error) {
	es, err := elasticsearch.NewClient(elasticsearch.Config{
		Addresses:    []string{url},
		MaxRetries:   2,
		DisableRetry: false,
		Transport:    &http.Transport{ResponseHeaderTimeout: 10 * time.Second, MaxIdleConnsPerHost: 10},
	})
	if err != nil {
		return nil, fmt.Errorf("elasticsearch client: %w", err)
	}
	return &Client{es: es}, nil
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
