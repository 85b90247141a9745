package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/lib/pq"

	"flowcare/internal/indexing"
)

// runRelay keeps the search indices in step with the outbox until ctx ends.
// It first makes sure the indices and aliases exist, retrying while
// Elasticsearch is away, and wakes on PostgreSQL notifications of new rows.
func runRelay(ctx context.Context, cfg Config, log *slog.Logger, a *app, m *metrics) {
	for {
		err := a.search.EnsureIndices(ctx)
		if err == nil {
			break
		}
		log.Warn("search indices not ready; the outbox keeps every change until they are", "error", err.Error())
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
	wake := make(chan struct{}, 1)
	listener := pq.NewListener(cfg.DatabaseURL, time.Second, time.Minute, func(ev pq.ListenerEventType, err error) {
		if err != nil {
			log.Warn("outbox listener", "error", err.Error())
		}
	})
	defer listener.Close()
	if err := listener.Listen("flowcare_outbox"); err != nil {
		log.Warn("outbox listener: falling back to polling", "error", err.Error())
	}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-listener.Notify:
				select {
				case wake <- struct{}{}:
				default:
				}
			}
		}
	}()
	relay := indexing.NewRelay(a.db, a.search, m, log, time.Now)
	log.Info("outbox relay started")
	relay.Run(ctx, wake)
}
