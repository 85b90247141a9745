// Package indexing keeps the search copy in step with PostgreSQL: a relay
// drains the transactional outbox, and a rebuild refills an index from the
// source of truth behind its alias.
package indexing

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"time"

	"flowcare/internal/flowcare"
)

// Store is what indexing needs from persistence.
type Store interface {
	flowcare.Transactor
	Directory() flowcare.DirectoryStore
}

// Metrics receives what the relay does, for /metrics.
type Metrics interface {
	Indexed(e flowcare.Entity, n int, lag []time.Duration)
	Failed(n int)
}

// Relay drains the outbox into the search index.
type Relay struct {
	store   Store
	index   flowcare.Indexer
	metrics Metrics
	log     *slog.Logger
	now     func() time.Time
	// Batch is how many outbox rows one round claims.
	Batch int
	// Idle is how long the relay sleeps when the outbox is empty and no
	// notification arrives.
	Idle time.Duration
}

// NewRelay returns a relay; metrics may be nil.
func NewRelay(store Store, index flowcare.Indexer, metrics Metrics, log *slog.Logger, now func() time.Time) *Relay {
	return &Relay{store: store, index: index, metrics: metrics, log: log, now: now, Batch: 500, Idle: time.Second}
}

// backoff is how long a batch waits after the index failed it: growing with
// its attempts, capped at a minute, so a down cluster is not hammered and the
// backlog drains as soon as it returns.
func backoff(attempts int) time.Duration {
	d := 500 * time.Millisecond << min(attempts, 7)
	return min(d, time.Minute)
}

// Run drains the outbox until ctx ends; wake carries notifications of new rows.
func (r *Relay) Run(ctx context.Context, wake <-chan struct{}) {
	for {
		n, err := r.Drain(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			r.log.Warn("outbox relay", "error", err.Error())
		}
		if n > 0 && err == nil {
			continue
		}
		select {
		case <-ctx.Done():
			return
		case <-wake:
		case <-time.After(r.Idle):
		}
	}
}

// Drain processes one batch and returns how many rows it took off the outbox.
// The rows stay locked (FOR UPDATE SKIP LOCKED) until the batch is indexed,
// so relays on other replicas take other rows meanwhile. Documents are read
// fresh from their rows: a stale or repeated outbox row re-sends the current
// version, which external versioning makes harmless.
func (r *Relay) Drain(ctx context.Context) (int, error) {
	done := 0
	var indexErr error
	err := r.store.InTx(ctx, func(tx flowcare.Tx) error {
		now := r.now()
		rows, err := tx.Directory().ClaimOutbox(ctx, r.Batch, now)
		if err != nil || len(rows) == 0 {
			return err
		}
		byEntity := map[flowcare.Entity][]string{}
		seen := map[string]bool{}
		ids := make([]int64, len(rows))
		for i, row := range rows {
			ids[i] = row.ID
			if key := string(row.Entity) + ":" + row.EntityID; !seen[key] {
				seen[key] = true
				byEntity[row.Entity] = append(byEntity[row.Entity], row.EntityID)
			}
		}
		var docs []flowcare.SearchDoc
		for _, e := range sortedEntities(byEntity) {
			ds, err := tx.Directory().SearchDocs(ctx, e, byEntity[e], now)
			if err != nil {
				return err
			}
			docs = append(docs, ds...)
		}
		if indexErr = r.index.Index(ctx, docs); indexErr != nil {
			if r.metrics != nil {
				r.metrics.Failed(len(rows))
			}
			return tx.Directory().DeferOutbox(ctx, ids, indexErr.Error(), now.Add(backoff(rows[0].Attempts)))
		}
		if err := tx.Directory().DeleteOutbox(ctx, ids); err != nil {
			return err
		}
		if r.metrics != nil {
			lags := map[flowcare.Entity][]time.Duration{}
			for _, row := range rows {
				lags[row.Entity] = append(lags[row.Entity], r.now().Sub(row.CreatedAt))
			}
			for e, l := range lags {
				r.metrics.Indexed(e, len(l), l)
			}
		}
		done = len(rows)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("drain outbox: %w", err)
	}
	if indexErr != nil {
		return 0, fmt.Errorf("index batch (will retry): %w", indexErr)
	}
	return done, nil
}

func sortedEntities(m map[flowcare.Entity][]string) []flowcare.Entity {
	out := make([]flowcare.Entity, 0, len(m))
	for e := range m {
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// Stats reports the outbox backlog.
func Stats(ctx context.Context, store Store, now time.Time) (flowcare.OutboxStats, error) {
	return store.Directory().OutboxStats(ctx, now)
}
