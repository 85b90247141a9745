// Package indexing keeps the search copy in step with PostgreSQL: a relay
// drains the transactional outbox, and a rebuild refills an index from the
// source of truth behind its alias.
package indexing

import (
	"context"
	"errors"
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

// Index is the search cluster the relay writes to.
type Index interface {
	flowcare.Indexer
	// Health says whether the cluster answers at all, which tells a cluster
	// that is down from documents it refused.
	Health(ctx context.Context) error
}

// Metrics receives what the relay does, for /metrics.
type Metrics interface {
	Indexed(e flowcare.Entity, n int, lag []time.Duration)
	Failed(n int)
}

// ErrSearchUnavailable marks a batch that failed because the search cluster
// could not be reached; its rows were left on the outbox untouched.
var ErrSearchUnavailable = errors.New("search cluster unavailable")

// Relay drains the outbox into the search index.
type Relay struct {
	store   Store
	index   Index
	metrics Metrics
	log     *slog.Logger
	now     func() time.Time
	// Batch is how many outbox rows one round claims.
	Batch int
	// Idle is how long the relay sleeps when the outbox is empty and no
	// notification arrives.
	Idle time.Duration
	// MinBackoff and MaxBackoff bound the pause between tries while the
	// search cluster or PostgreSQL is down: it doubles from one to the other.
	MinBackoff, MaxBackoff time.Duration
}

// NewRelay returns a relay; metrics may be nil.
func NewRelay(store Store, index Index, metrics Metrics, log *slog.Logger, now func() time.Time) *Relay {
	return &Relay{store: store, index: index, metrics: metrics, log: log, now: now, Batch: 500, Idle: time.Second,
		MinBackoff: 500 * time.Millisecond, MaxBackoff: 15 * time.Second}
}

// backoff is how long a batch waits after the index failed it: growing with
// its attempts, capped at a minute, so a down cluster is not hammered and the
// backlog drains as soon as it returns.
func backoff(attempts int) time.Duration {
	d := 500 * time.Millisecond << min(attempts, 7)
	return min(d, time.Minute)
}

// outage is a spell during which the relay cannot work: the search cluster
// or PostgreSQL is away. The relay waits it out as a whole, instead of
// retrying on every new row, and says so once when it starts and once when
// it ends.
type outage struct {
	search bool
	since  time.Time
	delay  time.Duration
}

// Run drains the outbox until ctx ends; wake carries notifications of new rows.
func (r *Relay) Run(ctx context.Context, wake <-chan struct{}) {
	var down *outage
	for {
		n, err := r.Drain(ctx)
		if ctx.Err() != nil {
			return
		}
		switch {
		case err == nil:
			if down != nil {
				if down.search {
					r.log.Info("search cluster reachable again; the outbox is draining", "down_for", r.now().Sub(down.since).Round(time.Millisecond).String())
				}
				down = nil
			}
			if n > 0 {
				continue
			}
			if !r.idle(ctx, wake) {
				return
			}
		case errors.Is(err, ErrSearchUnavailable) || flowcare.ErrorCode(err) == flowcare.EUNAVAILABLE:
			if down == nil {
				down = &outage{search: errors.Is(err, ErrSearchUnavailable), since: r.now(), delay: r.MinBackoff}
				// PostgreSQL's outage is logged by its adapter.
				if down.search {
					r.log.Warn("search cluster unreachable; the outbox keeps every change and the relay retries with back-off", "error", err.Error())
				}
			}
			if !r.sitOut(ctx, down) {
				return
			}
		default:
			r.log.Warn("outbox relay", "error", err.Error())
			if !r.idle(ctx, wake) {
				return
			}
		}
	}
}

// idle waits for a notification of new rows or for Idle to pass.
func (r *Relay) idle(ctx context.Context, wake <-chan struct{}) bool {
	select {
	case <-ctx.Done():
		return false
	case <-wake:
	case <-time.After(r.Idle):
	}
	return true
}

// sitOut waits out one step of an outage, deaf to notifications of new rows:
// they are what would otherwise make the relay retry at the rate of writes.
// While the search cluster is down it asks the cluster's health, which costs
// nothing of PostgreSQL, until the cluster answers.
func (r *Relay) sitOut(ctx context.Context, o *outage) bool {
	for {
		select {
		case <-ctx.Done():
			return false
		case <-time.After(o.delay):
		}
		o.delay = min(2*o.delay, r.MaxBackoff)
		if !o.search || r.index.Health(ctx) == nil {
			return ctx.Err() == nil
		}
	}
}

// errClusterDown rolls back a claimed batch whose cluster is down, so that
// its rows keep their attempts and are due again the moment it returns.
var errClusterDown = errors.New("roll back: search cluster down")

// Drain processes one batch and returns how many rows it took off the outbox.
// The rows stay locked (FOR UPDATE SKIP LOCKED) until the batch is indexed,
// so relays on other replicas take other rows meanwhile. Documents are read
// fresh from their rows: a stale or repeated outbox row re-sends the current
// version, which external versioning makes harmless. When the cluster refuses
// the batch but answers, the rows are deferred one by one, so that a document
// the cluster will never take does not hold up the others.
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
			if r.index.Health(ctx) != nil {
				indexErr = fmt.Errorf("%w: %w", ErrSearchUnavailable, indexErr)
				return errClusterDown
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
	if err != nil && !errors.Is(err, errClusterDown) {
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
