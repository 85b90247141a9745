package search

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

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
	if err := c.requireIndex(ctx, index); err != nil {
		return err
	}
	return c.bulk(ctx, docs, false, func(d flowcare.SearchDoc) (string, error) {
		if !c.ownsIndex(d.Entity, index) {
			return "", fmt.Errorf("%s %s does not belong in index %s", d.Entity, d.ID, index)
		}
		return index, nil
	})
}

// requireIndex checks that index exists: a bulk write to a missing index
// would create it with dynamic mappings.
func (c *Client) requireIndex(ctx context.Context, index string) error {
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
	return nil
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

// maxLoadBytes bounds the requests of a bulk load, well under
// http.max_content_length (100mb).
const maxLoadBytes = 50 << 20

// BulkLoad starts filling index, one of the versioned indices a reindex
// builds: Add encodes documents into the request being built, and a full
// request goes to the first free one of workers, so that Elasticsearch
// indexes one request while the next is read from PostgreSQL and encoded.
func (c *Client) BulkLoad(ctx context.Context, index string, workers, flushBytes int) (flowcare.BulkLoader, error) {
	if workers < 1 {
		workers = 1
	}
	if flushBytes <= 0 {
		flushBytes = maxBulkBytes
	}
	if flushBytes > maxLoadBytes {
		return nil, fmt.Errorf("bulk load into %s: requests of %d bytes are over the limit of %d", index, flushBytes, maxLoadBytes)
	}
	if err := c.requireIndex(ctx, index); err != nil {
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	l := &bulkLoader{c: c, index: index, flushBytes: flushBytes, ctx: ctx, cancel: cancel,
		full: make(chan bulkRequest), free: make(chan *bytes.Buffer, workers+1), failed: make(chan struct{})}
	l.next()
	for range workers {
		l.wg.Add(1)
		go l.work()
	}
	return l, nil
}

type bulkRequest struct {
	body *bytes.Buffer
	n    int
}

type bulkLoader struct {
	c          *Client
	index      string
	flushBytes int
	// ctx bounds the workers' requests.
	ctx    context.Context
	cancel context.CancelFunc

	// body is the request being built by Add, n the documents in it.
	body   *bytes.Buffer
	enc    *json.Encoder
	n      int
	closed bool

	full chan bulkRequest
	// free takes buffers back from the workers, so that a load of a
	// million documents reuses a few buffers rather than making hundreds.
	free chan *bytes.Buffer
	wg   sync.WaitGroup

	// failed is closed once err, the first failure of a request, is set.
	failed chan struct{}
	once   sync.Once
	err    error
}

func (l *bulkLoader) next() {
	select {
	case b := <-l.free:
		b.Reset()
		l.body = b
	default:
		// A request is flushed once it passes flushBytes, so it ends one
		// document past it.
		l.body = bytes.NewBuffer(make([]byte, 0, l.flushBytes+l.flushBytes/8))
	}
	l.enc, l.n = bulkEncoder(l.body), 0
}

func (l *bulkLoader) fail(err error) {
	l.once.Do(func() {
		l.err = err
		close(l.failed)
	})
}

func (l *bulkLoader) failure() error {
	select {
	case <-l.failed:
		return l.err
	default:
		return nil
	}
}

func (l *bulkLoader) work() {
	defer l.wg.Done()
	for r := range l.full {
		// After a failure the load is lost anyway; the rest is only drained.
		if l.failure() == nil {
			if err := l.send(r); err != nil {
				l.fail(err)
			}
		}
		select {
		case l.free <- r.body:
		default:
		}
	}
}

// loadAttempts is how often a bulk load sends a request the node was too
// busy to take.
const loadAttempts = 4

// send sends one request of the load, again after a pause when the node
// was too busy to answer in time or said so: the documents carry external
// versions, so whatever of a request got in the first time is only refused
// as a repeat.
func (l *bulkLoader) send(r bulkRequest) error {
	var err error
	for attempt := range loadAttempts {
		if attempt > 0 {
			select {
			case <-time.After(time.Duration(attempt) * time.Second):
			case <-l.ctx.Done():
				return err
			}
		}
		if err = l.c.sendBulk(l.ctx, r.body, r.n, false, leanBulkResponse...); err == nil || !busy(err) {
			return err
		}
	}
	return fmt.Errorf("%w (tried %d times)", err, loadAttempts)
}

// busy says whether err is the cluster being too busy rather than refusing
// the request: no answer in time, or 429 Too Many Requests.
func busy(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout() || statusOf(err) == http.StatusTooManyRequests
}

func (l *bulkLoader) Add(ctx context.Context, docs []flowcare.SearchDoc) error {
	if l.closed {
		return fmt.Errorf("bulk load into %s: already closed", l.index)
	}
	if err := l.failure(); err != nil {
		return err
	}
	for _, d := range docs {
		if !l.c.ownsIndex(d.Entity, l.index) {
			return fmt.Errorf("index documents: %s %s does not belong in index %s", d.Entity, d.ID, l.index)
		}
		if err := encodeBulkItem(l.body, l.enc, l.index, d); err != nil {
			return err
		}
		l.n++
		if l.body.Len() >= l.flushBytes {
			if err := l.flush(ctx); err != nil {
				return err
			}
		}
	}
	return l.failure()
}

// flush hands the request being built to a worker, waiting for one to be
// free.
func (l *bulkLoader) flush(ctx context.Context) error {
	if l.n == 0 {
		return nil
	}
	select {
	case l.full <- bulkRequest{l.body, l.n}:
	case <-l.failed:
		return l.err
	case <-ctx.Done():
		return fmt.Errorf("bulk load into %s: %w", l.index, ctx.Err())
	}
	l.next()
	return nil
}

func (l *bulkLoader) Close(ctx context.Context) error {
	if l.closed {
		return l.failure()
	}
	l.closed = true
	err := l.flush(ctx)
	close(l.full)
	l.wg.Wait()
	l.cancel()
	if failed := l.failure(); failed != nil {
		return failed
	}
	return err
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
	enc := bulkEncoder(&buf)
	n := 0
	for _, d := range docs {
		idx, err := target(d)
		if err != nil {
			return fmt.Errorf("index documents: %w", err)
		}
		if err := encodeBulkItem(&buf, enc, idx, d); err != nil {
			return err
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

// bulkEncoder writes the documents of bulk requests into buf. Nothing of a
// request ends up in a web page, so <, > and & are written as they are
// rather than escaped.
func bulkEncoder(buf *bytes.Buffer) *json.Encoder {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return enc
}

// encodeBulkItem writes d's action line, and its source unless it is a
// delete, for the index idx into buf, through enc, which writes into buf.
func encodeBulkItem(buf *bytes.Buffer, enc *json.Encoder, idx string, d flowcare.SearchDoc) error {
	if d.ID == "" {
		return fmt.Errorf("index documents: %s without an id", d.Entity)
	}
	// External versions must be positive; a zero would mean the caller
	// forgot to read the row's version.
	if d.Version < 1 {
		return fmt.Errorf("index documents: %s %s has version %d, want at least 1", d.Entity, d.ID, d.Version)
	}
	op := "index"
	if d.Delete {
		op = "delete"
	}
	// The action line is the same few fields for every document, written
	// by hand rather than through reflection a million times over.
	if plainJSON(idx) && plainJSON(d.ID) {
		buf.WriteString(`{"` + op + `":{"_index":"` + idx + `","_id":"` + d.ID + `","version":`)
		buf.WriteString(strconv.FormatInt(d.Version, 10))
		buf.WriteString(`,"version_type":"external"}}` + "\n")
	} else {
		meta := &bulkMeta{Index: idx, ID: d.ID, Version: d.Version, VersionType: "external"}
		a := bulkAction{Index: meta}
		if d.Delete {
			a = bulkAction{Delete: meta}
		}
		if err := enc.Encode(a); err != nil {
			return fmt.Errorf("index documents: encode %s %s: %w", d.Entity, d.ID, err)
		}
	}
	if d.Delete {
		return nil
	}
	src, err := source(d)
	if err != nil {
		return fmt.Errorf("index documents: %w", err)
	}
	if err := enc.Encode(src); err != nil {
		return fmt.Errorf("index documents: encode %s %s: %w", d.Entity, d.ID, err)
	}
	return nil
}

// plainJSON says whether s can stand between quotes in JSON as it is.
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' {
			return false
		}
	}
	return true
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

// leanBulkResponse keeps only what sendBulk reads of a bulk load's answer:
// in full it is some 200 bytes a document, which the node writes and this
// process reads back for nothing.
var leanBulkResponse = []string{"errors", "items.*.status", "items.*.error"}

func (c *Client) sendBulk(ctx context.Context, body *bytes.Buffer, n int, requireAlias bool, filter ...string) error {
	res, err := c.es.Bulk(bytes.NewReader(body.Bytes()), c.es.Bulk.WithContext(ctx), c.es.Bulk.WithRequireAlias(requireAlias),
		c.es.Bulk.WithFilterPath(filter...))
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
	rejected := 0
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
				if r.Status == http.StatusTooManyRequests {
					rejected++
				}
				what := op
				// A lean answer names no document; the error's reason does.
				if r.Index != "" || r.ID != "" {
					what += " " + r.Index + "/" + r.ID
				}
				failed = append(failed, fmt.Sprintf("%s: %d %s", what, r.Status, r.Error))
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
	err = fmt.Errorf("bulk index %d documents: %d failed: %s%s", n, total, strings.Join(failed, "; "), more)
	// Documents refused only because the node's write queue was full may be
	// sent again as they are.
	if rejected == total {
		err = fmt.Errorf("%w: %w", err, &statusError{Status: http.StatusTooManyRequests})
	}
	return err
}
