package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"flowcare/internal/flowcare"
)

// maxBulkBytes keeps one _bulk request well under http.max_content_length
// (100mb) and the node's indexing pressure limits.
const maxBulkBytes = 5 << 20

// Index writes docs through their entities' aliases with external versioning:
// Elasticsearch keeps whichever version is highest, so a stale, repeated or
// reordered document is harmless and a failed batch can be sent again whole.
func (c *Client) Index(ctx context.Context, docs []flowcare.SearchDoc) error {
	if err := c.requireAliasesForDeletes(ctx, docs); err != nil {
		return err
	}
	return c.bulk(ctx, docs, true, func(d flowcare.SearchDoc) (string, error) {
		if !knownEntity(d.Entity) {
			return "", fmt.Errorf("%s %s: unknown entity", d.Entity, d.ID)
		}
		return c.Alias(d.Entity), nil
	})
}

// requireAliasesForDeletes checks that the aliases docs delete from exist:
// _bulk honours require_alias for writes but not for deletes, and a delete
// through a missing alias creates an index in the alias's place.
func (c *Client) requireAliasesForDeletes(ctx context.Context, docs []flowcare.SearchDoc) error {
	var names []string
	seen := map[flowcare.Entity]bool{}
	for _, d := range docs {
		if d.Delete && !seen[d.Entity] && knownEntity(d.Entity) {
			seen[d.Entity] = true
			names = append(names, c.Alias(d.Entity))
		}
	}
	if len(names) == 0 {
		return nil
	}
	res, err := c.es.Indices.ExistsAlias(names, c.es.Indices.ExistsAlias.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("index documents: check aliases %s: %w", strings.Join(names, ","), err)
	}
	res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return fmt.Errorf("index documents: alias %s missing; run EnsureIndices first", strings.Join(names, " or "))
	}
	if res.IsError() {
		return fmt.Errorf("index documents: check aliases %s: elasticsearch status %d", strings.Join(names, ","), res.StatusCode)
	}
	return nil
}

// IndexInto writes docs into one versioned index, as a reindex does before
// the alias is swapped to it.
func (c *Client) IndexInto(ctx context.Context, index string, docs []flowcare.SearchDoc) error {
	// A bulk write to a missing index would create it with dynamic mappings.
	res, err := c.es.Indices.Exists([]string{index}, c.es.Indices.Exists.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("index documents into %s: %w", index, err)
	}
	res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return fmt.Errorf("index documents into %s: no such index; create it with NewIndex", index)
	}
	if res.IsError() {
		return fmt.Errorf("index documents into %s: elasticsearch status %d", index, res.StatusCode)
	}
	return c.bulk(ctx, docs, false, func(d flowcare.SearchDoc) (string, error) {
		if !c.ownsIndex(d.Entity, index) {
			return "", fmt.Errorf("%s %s does not belong in index %s", d.Entity, d.ID, index)
		}
		return index, nil
	})
}

// Refresh makes everything indexed so far searchable behind the aliases of
// entities, or of every entity when none is given. Production relies on the
// refresh interval; tests and benchmarks need to read their own writes.
func (c *Client) Refresh(ctx context.Context, entities ...flowcare.Entity) error {
	if len(entities) == 0 {
		entities = flowcare.Entities
	}
	names := make([]string, len(entities))
	for i, e := range entities {
		names[i] = c.Alias(e)
	}
	res, err := c.es.Indices.Refresh(c.es.Indices.Refresh.WithContext(ctx), c.es.Indices.Refresh.WithIndex(names...))
	if err != nil {
		return fmt.Errorf("refresh %s: %w", strings.Join(names, ","), err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("refresh %s: %w", strings.Join(names, ","), responseError(res))
	}
	return nil
}

type bulkAction struct {
	Index  *bulkMeta `json:"index,omitempty"`
	Delete *bulkMeta `json:"delete,omitempty"`
}

type bulkMeta struct {
	Index       string `json:"_index"`
	ID          string `json:"_id"`
	Version     int64  `json:"version"`
	VersionType string `json:"version_type"`
}

// bulk sends docs in as few _bulk requests as fit maxBulkBytes, each document
// to the index target names. With requireAlias a write to a missing alias
// fails instead of creating an index of that name with dynamic mappings,
// which would then block the alias from ever being created.
func (c *Client) bulk(ctx context.Context, docs []flowcare.SearchDoc, requireAlias bool, target func(flowcare.SearchDoc) (string, error)) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	n := 0
	for _, d := range docs {
		idx, err := target(d)
		if err != nil {
			return fmt.Errorf("index documents: %w", err)
		}
		if d.ID == "" {
			return fmt.Errorf("index documents: %s without an id", d.Entity)
		}
		// External versions must be positive; a zero would mean the caller
		// forgot to read the row's version.
		if d.Version < 1 {
			return fmt.Errorf("index documents: %s %s has version %d, want at least 1", d.Entity, d.ID, d.Version)
		}
		meta := &bulkMeta{Index: idx, ID: d.ID, Version: d.Version, VersionType: "external"}
		if d.Delete {
			err = enc.Encode(bulkAction{Delete: meta})
		} else {
			var src any
			if src, err = source(d); err != nil {
				return fmt.Errorf("index documents: %w", err)
			}
			if err = enc.Encode(bulkAction{Index: meta}); err == nil {
				err = enc.Encode(src)
			}
		}
		if err != nil {
			return fmt.Errorf("index documents: encode %s %s: %w", d.Entity, d.ID, err)
		}
		n++
		if buf.Len() >= maxBulkBytes {
			if err := c.sendBulk(ctx, &buf, n, requireAlias); err != nil {
				return err
			}
			buf.Reset()
			n = 0
		}
	}
	if n == 0 {
		return nil
	}
	return c.sendBulk(ctx, &buf, n, requireAlias)
}

type bulkResponse struct {
	Errors bool `json:"errors"`
	Items  []map[string]struct {
		Index  string   `json:"_index"`
		ID     string   `json:"_id"`
		Status int      `json:"status"`
		Error  *esError `json:"error"`
	} `json:"items"`
}

func (c *Client) sendBulk(ctx context.Context, body *bytes.Buffer, n int, requireAlias bool) error {
	res, err := c.es.Bulk(bytes.NewReader(body.Bytes()), c.es.Bulk.WithContext(ctx), c.es.Bulk.WithRequireAlias(requireAlias))
	if err != nil {
		return fmt.Errorf("bulk index %d documents: %w", n, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("bulk index %d documents: %w", n, responseError(res))
	}
	var br bulkResponse
	if err := json.NewDecoder(res.Body).Decode(&br); err != nil {
		return fmt.Errorf("bulk index %d documents: read response: %w", n, err)
	}
	if !br.Errors {
		return nil
	}
	var failed []string
	for _, item := range br.Items {
		for op, r := range item {
			switch {
			case r.Status < 300:
			// An equal or newer version is already there: this document is
			// stale or a repeat, which external versioning exists to absorb.
			case r.Status == http.StatusConflict:
			// Deleting what is not there leaves the index as wanted; a 404
			// with an error is a missing index, which is not.
			case op == "delete" && r.Status == http.StatusNotFound && r.Error == nil:
			default:
				failed = append(failed, fmt.Sprintf("%s %s/%s: %d %s", op, r.Index, r.ID, r.Status, r.Error))
			}
		}
	}
	if len(failed) == 0 {
		return nil
	}
	const shown = 5
	total, more := len(failed), ""
	if total > shown {
		more = fmt.Sprintf(" (and %d more)", len(failed)-shown)
		failed = failed[:shown]
	}
	return fmt.Errorf("bulk index %d documents: %d failed: %s%s", n, total, strings.Join(failed, "; "), more)
}
