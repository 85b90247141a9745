package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"flowcare/internal/flowcare"
)

// cmdMatch proposes matches for every open need of an area, on behalf of a
// staff member whose scope it runs under, printing progress as it goes.
func cmdMatch(ctx context.Context, cfg Config, stdout io.Writer, args []string) error {
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	area := fs.String("area", "", "area id whose open needs to match")
	as := fs.String("as", "", "username of the staff member the proposals are made by")
	limit := fs.Int("limit", 5000, "most needs to match")
	if err := fs.Parse(args); err != nil || *area == "" || *as == "" || fs.NArg() > 0 {
		return usageError{"say `match --area AREA_ID --as USERNAME [--limit N]`"}
	}
	if _, err := cfg.keyring(); err != nil {
		return err
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	actor, err := a.access.ActorFor(ctx, *as)
	if err != nil {
		return errors.New(flowcare.ErrorMessage(err))
	}
	ctx = flowcare.WithActor(ctx, actor)
	var mu sync.Mutex
	last := time.Time{}
	res, err := a.matching.ProposeForArea(ctx, *area, *limit, func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done == total || time.Since(last) >= time.Second {
			last = time.Now()
			fmt.Fprintf(stdout, "match: %d/%d needs\n", done, total)
		}
	})
	if err != nil {
		return errors.New(flowcare.ErrorMessage(err))
	}
	rate := 0.0
	if res.Took > 0 {
		rate = float64(res.Needs) / res.Took.Seconds()
	}
	fmt.Fprintf(stdout, "match: %d needs, %d proposed, %d without a candidate, %d failed in %s (%.1f needs/s)\n",
		res.Needs, res.Proposed, res.NoCandidate, res.Failed, res.Took.Round(time.Millisecond), rate)
	return nil
}

// notifier fans PostgreSQL notifications of new in-app notifications out to
// the subscriptions of this replica, whichever replica wrote them.
type notifier struct {
	mu   sync.Mutex
	subs map[string]map[chan string]struct{}
}

func newNotifier() *notifier { return &notifier{subs: map[string]map[chan string]struct{}{}} }

func (n *notifier) Subscribe(ctx context.Context, userID string) <-chan string {
	ch := make(chan string, 16)
	n.mu.Lock()
	if n.subs[userID] == nil {
		n.subs[userID] = map[chan string]struct{}{}
	}
	n.subs[userID][ch] = struct{}{}
	n.mu.Unlock()
	go func() {
		<-ctx.Done()
		n.mu.Lock()
		delete(n.subs[userID], ch)
		if len(n.subs[userID]) == 0 {
			delete(n.subs, userID)
		}
		n.mu.Unlock()
		close(ch)
	}()
	return ch
}

// deliver passes a "userID notificationID" payload to that user's
// subscribers; a subscriber too slow to keep up misses the push, not the
// notification, which stays in the inbox.
func (n *notifier) deliver(payload string) {
	user, id, ok := strings.Cut(payload, " ")
	if !ok {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	for ch := range n.subs[user] {
		select {
		case ch <- id:
		default:
		}
	}
}

// runNotifier listens for notifications until ctx ends. Pushes lost while
// the connection was down stay in the inbox, which the web app polls.
func runNotifier(ctx context.Context, cfg Config, log *slog.Logger, n *notifier) {
	listener := listen(ctx, cfg.DatabaseURL, "flowcare_notifications", log.With("listener", "notifications"))
	defer listener.Close()
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-listener.Notify:
			if ev != nil {
				n.deliver(ev.Extra)
			}
		}
	}
}
