package indexing

import (
	"context"
	"fmt"
	"time"

	"flowcare/internal/flowcare"
)

// Progress is told how a rebuild is going.
type Progress func(e flowcare.Entity, done int, elapsed time.Duration)

// Rebuild refills e's index from PostgreSQL into a new versioned index and
// then points the alias at it, so searches keep being answered from the old
// index until the new one is complete. A change made meanwhile may have been
// relayed to the old index after the scan read its row, so every row changed
// since the rebuild began goes back on the outbox once the alias has moved.
func Rebuild(ctx context.Context, store Store, admin flowcare.IndexAdmin, e flowcare.Entity, batch int, now func() time.Time, progress Progress) (int, error) {
	start := now()
	index, err := admin.NewIndex(ctx, e)
	if err != nil {
		return 0, fmt.Errorf("create index for %s: %w", e, err)
	}
	done, after := 0, ""
	for {
		ids, err := store.Directory().ScanIDs(ctx, e, after, batch)
		if err != nil {
			return done, err
		}
		if len(ids) == 0 {
			break
		}
		docs, err := store.Directory().SearchDocs(ctx, e, ids, now())
		if err != nil {
			return done, err
		}
		live := docs[:0]
		for _, d := range docs {
			if !d.Delete {
				live = append(live, d)
			}
		}
		if err := admin.IndexInto(ctx, index, live); err != nil {
			return done, fmt.Errorf("fill %s: %w", index, err)
		}
		done += len(live)
		after = ids[len(ids)-1]
		if progress != nil {
			progress(e, done, now().Sub(start))
		}
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
