package indexing

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"

	"flowcare/internal/flowcare"
)

// Progress is told how a rebuild is going.
type Progress func(e flowcare.Entity, done int, elapsed time.Duration)

// RebuildOptions say how a rebuild reads PostgreSQL and loads the new index.
type RebuildOptions struct {
	// Batch is how many rows one query reads, by keyset on the id.
	Batch int
	// Workers is how many bulk requests are in flight at once, while the
	// next rows are read. Zero reads a batch, sends it as one request and
	// waits for it before reading on, with the new index's settings left as
	// created: the least load on a busy cluster, and what the default is
	// measured against.
	Workers int
	// BulkBytes is the size bulk requests are filled to.
	BulkBytes int
}

// Defaults measured on a two-core machine that runs PostgreSQL and a
// single Elasticsearch node with one write thread beside the process. Reads
// of 2,000 rows went fastest (1,000 and 5,000 were slower). Two requests in
// flight keep the node's write thread fed, one indexed while the next
// arrives; a third only waits in its queue. Requests of 4 to 8 MB indexed
// alike and 16 MB slower; 5 MB keeps a request that waits behind another
// answered well inside the client's ten-second wait for a response even on
// a busy node.
const (
	DefaultRebuildBatch     = 2000
	DefaultRebuildWorkers   = 2
	DefaultRebuildBulkBytes = 5 << 20
)

// DefaultRebuildOptions reads batch rows per query (DefaultRebuildBatch when
// batch is not positive) and loads with the default workers and request size.
func DefaultRebuildOptions(batch int) RebuildOptions {
	if batch <= 0 {
		batch = DefaultRebuildBatch
	}
	return RebuildOptions{Batch: batch, Workers: DefaultRebuildWorkers, BulkBytes: DefaultRebuildBulkBytes}
}

// Rebuild refills e's index from PostgreSQL, reading batch rows per query,
// with the default options.
func Rebuild(ctx context.Context, store Store, admin flowcare.IndexAdmin, e flowcare.Entity, batch int, now func() time.Time, progress Progress) (int, error) {
	return RebuildWith(ctx, store, admin, e, DefaultRebuildOptions(batch), now, progress)
}

// RebuildWith refills e's index from PostgreSQL into a new versioned index
// and then points the alias at it, so searches keep being answered from the
// old index until the new one is complete. A change made meanwhile may have
// been relayed to the old index after the scan read its row, so every row
// changed since the rebuild began goes back on the outbox once the alias has
// moved.
//
// The new index is loaded without refreshes or replicas, which nothing needs
// before it is searched; its settings are given back before the swap.
func RebuildWith(ctx context.Context, store Store, admin flowcare.IndexAdmin, e flowcare.Entity, o RebuildOptions, now func() time.Time, progress Progress) (int, error) {
	if o.Batch < 1 {
		return 0, fmt.Errorf("rebuild %s: read at least one row per query, not %d", e, o.Batch)
	}
	start := now()
	index, err := admin.NewIndex(ctx, e)
	if err != nil {
		return 0, fmt.Errorf("create index for %s: %w", e, err)
	}
	var done int
	if o.Workers <= 0 {
		done, err = fillOneByOne(ctx, store, admin, e, index, o.Batch, now, start, progress)
	} else {
		done, err = fill(ctx, store, admin, e, index, o, now, start, progress)
	}
	if err != nil {
		return done, err
	}
	if err := admin.SwapAlias(ctx, e, index); err != nil {
		return done, fmt.Errorf("swap alias of %s: %w", e, err)
	}
	// A minute of margin covers clocks of other replicas that run a little behind.
	if _, err := store.Directory().EnqueueChangedSince(ctx, e, start.Add(-time.Minute)); err != nil {
		return done, fmt.Errorf("re-enqueue changes made during the rebuild of %s: %w", e, err)
	}
	return done, nil
}

// readBatch reads the next batch of rows after the id after, as documents to
// index: a row that may not be offered is left out. last is the id to read
// on from, "" when the table is done.
func readBatch(ctx context.Context, store Store, e flowcare.Entity, after string, batch int, now func() time.Time) (live []flowcare.SearchDoc, last string, err error) {
	ids, err := store.Directory().ScanIDs(ctx, e, after, batch)
	if err != nil || len(ids) == 0 {
		return nil, "", err
	}
	live, err = liveDocs(ctx, store, e, ids, now)
	return live, ids[len(ids)-1], err
}

// liveDocs builds the documents of rows ids, leaving out the rows that may
// not be offered.
func liveDocs(ctx context.Context, store Store, e flowcare.Entity, ids []string, now func() time.Time) ([]flowcare.SearchDoc, error) {
	docs, err := store.Directory().SearchDocs(ctx, e, ids, now())
	if err != nil {
		return nil, err
	}
	live := docs[:0]
	for _, d := range docs {
		if !d.Delete {
			live = append(live, d)
		}
	}
	return live, nil
}

func fillOneByOne(ctx context.Context, store Store, admin flowcare.IndexAdmin, e flowcare.Entity, index string, batch int,
	now func() time.Time, start time.Time, progress Progress) (int, error) {
	done, after := 0, ""
	for {
		live, last, err := readBatch(ctx, store, e, after, batch, now)
		if err != nil {
			return done, err
		}
		if last == "" {
			return done, nil
		}
		if err := admin.IndexInto(ctx, index, live); err != nil {
			return done, fmt.Errorf("fill %s: %w", index, err)
		}
		done += len(live)
		after = last
		if progress != nil {
			progress(e, done, now().Sub(start))
		}
	}
}

// fill reads batches in one goroutine while another encodes them into bulk
// requests that the loader's workers send, so that PostgreSQL, this process
// and Elasticsearch each work on a different batch at the same time. (A
// second reader gained nothing measurable: on two cores the three already
// share all the processor there is.)
func fill(ctx context.Context, store Store, admin flowcare.IndexAdmin, e flowcare.Entity, index string, o RebuildOptions,
	now func() time.Time, start time.Time, progress Progress) (int, error) {
	was, err := admin.SuspendForBulkLoad(ctx, e, index)
	if err != nil {
		return 0, fmt.Errorf("prepare %s for loading: %w", index, err)
	}
	done := 0
	g, gctx := errgroup.WithContext(ctx)
	// Two batches read ahead cover a slow query without holding more than
	// a few megabytes of documents.
	batches := make(chan []flowcare.SearchDoc, 2)
	g.Go(func() error {
		defer close(batches)
		after := ""
		for {
			live, last, err := readBatch(gctx, store, e, after, o.Batch, now)
			if err != nil || last == "" {
				return err
			}
			select {
			case batches <- live:
			case <-gctx.Done():
				return gctx.Err()
			}
			after = last
		}
	})
	g.Go(func() error {
		l, err := admin.BulkLoad(gctx, index, o.Workers, o.BulkBytes)
		if err != nil {
			return err
		}
		for live := range batches {
			if err := l.Add(gctx, live); err != nil {
				l.Close(gctx)
				return err
			}
			done += len(live)
			if progress != nil {
				progress(e, done, now().Sub(start))
			}
		}
		return l.Close(gctx)
	})
	if err := g.Wait(); err != nil {
		return done, fmt.Errorf("fill %s: %w", index, err)
	}
	if err := admin.RestoreSettings(ctx, index, was); err != nil {
		return done, err
	}
	return done, nil
}
