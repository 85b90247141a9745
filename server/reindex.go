package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
)

var indexNames = map[string]flowcare.Entity{
	"services": flowcare.EntityService, "volunteers": flowcare.EntityVolunteer,
	"slots": flowcare.EntitySlot, "events": flowcare.EntityEvent,
}

func cmdReindex(ctx context.Context, cfg Config, out io.Writer, args []string) error {
	fs := flag.NewFlagSet("reindex", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	name := fs.String("index", "", "services, volunteers, slots or events")
	batch := fs.Int("batch", indexing.DefaultRebuildBatch, "rows read from PostgreSQL per query")
	if err := fs.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	entities := flowcare.Entities
	if *name != "" {
		e, ok := indexNames[strings.TrimPrefix(*name, "flowcare-")]
		if !ok {
			return usageError{fmt.Sprintf("unknown index %q: say services, volunteers, slots or events", *name)}
		}
		entities = []flowcare.Entity{e}
	}
	if *batch < 1 || *batch > 10000 {
		return usageError{"--batch must be between 1 and 10000"}
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	if err := a.search.EnsureIndices(ctx); err != nil {
		return fmt.Errorf("%w (is Elasticsearch running? `make services` starts a local one)", err)
	}
	return rebuildIndices(ctx, a, entities, *batch, 1, out)
}

// rebuildIndices rebuilds the indices of entities, parallel of them at once,
// reporting progress about once a second.
func rebuildIndices(ctx context.Context, a *app, entities []flowcare.Entity, batch, parallel int, out io.Writer) error {
	var mu sync.Mutex
	say := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(out, format, args...)
	}
	g, ctx := errgroup.WithContext(ctx)
	g.SetLimit(parallel)
	for _, e := range entities {
		g.Go(func() error {
			last, start := time.Time{}, time.Now()
			n, err := indexing.Rebuild(ctx, a.db, a.search, e, batch, time.Now, func(e flowcare.Entity, done int, elapsed time.Duration) {
				if time.Since(last) >= time.Second {
					last = time.Now()
					say("reindex %s: %d documents, %.1fs, %.0f docs/s\n", e, done, elapsed.Seconds(), float64(done)/elapsed.Seconds())
				}
			})
			if err != nil {
				return err
			}
			took := time.Since(start)
			say("reindex %s: done, %d documents in %.1fs (%.0f docs/s), now behind the alias %s\n",
				e, n, took.Seconds(), float64(n)/took.Seconds(), a.search.Alias(e))
			return nil
		})
	}
	return g.Wait()
}
