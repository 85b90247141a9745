package main

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/lib/pq"

	"flowcare/internal/indexing"
)

// runRelay keeps the search indices in step with the outbox until ctx ends.
// It first makes sure the indices and aliases exist, retrying while
// Elasticsearch is away, and wakes on PostgreSQL notifications of new rows.
func runRelay(ctx context.Context, cfg Config, log *slog.Logger, a *app, m *metrics) {
	for waited := false; ; waited = true {
		err := a.search.EnsureIndices(ctx)
		if err == nil {
			if waited {
				log.Info("search indices ready")
			}
			break
		}
		if !waited {
			log.Warn("search indices not ready; the outbox keeps every change until they are", "error", err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(5 * time.Second):
		}
	}
	wake := make(chan struct{}, 1)
	listener := listen(ctx, cfg.DatabaseURL, "flowcare_outbox", log.With("listener", "outbox"))
	defer listener.Close()
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			// A nil after a reconnect says notifications may have been
			// missed, which is a reason to look as good as any.
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

// Reconnecting listeners retry quickly: PostgreSQL coming back should bring
// pushes and prompt indexing back within a second or so, and one attempt a
// second per listener costs it nothing while it is away.
const (
	listenerMinReconnect = 100 * time.Millisecond
	listenerMaxReconnect = time.Second
	// listenerPing finds a connection that died without a word (a cut
	// network, a crashed host), which the listener alone would wait on forever.
	listenerPing = 5 * time.Second
)

// listen opens a PostgreSQL listener on channel that reconnects by itself
// until ctx ends, logging the loss of its connection once and its return once.
func listen(ctx context.Context, url, channel string, log *slog.Logger) *pq.Listener {
	var lost atomic.Bool
	l := pq.NewListener(url, listenerMinReconnect, listenerMaxReconnect, func(ev pq.ListenerEventType, err error) {
		switch ev {
		case pq.ListenerEventDisconnected:
			if !lost.Swap(true) {
				msg := "connection lost; reconnecting"
				if err != nil {
					msg += ": " + err.Error()
				}
				log.Warn("postgres listener " + msg)
			}
		case pq.ListenerEventConnectionAttemptFailed:
			if !lost.Swap(true) {
				log.Warn("postgres listener cannot connect; retrying", "error", err.Error())
			}
		case pq.ListenerEventReconnected, pq.ListenerEventConnected:
			if lost.Swap(false) {
				log.Info("postgres listener connected again")
			}
		}
	})
	// Listen waits for a connection; meanwhile the listener keeps trying and
	// subscribes to the channel as soon as it has one.
	go func() {
		if err := l.Listen(channel); err != nil && ctx.Err() == nil {
			log.Warn("postgres listener: cannot listen", "channel", channel, "error", err.Error())
		}
	}()
	go func() {
		t := time.NewTicker(listenerPing)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				_ = l.Ping()
			}
		}
	}()
	return l
}
