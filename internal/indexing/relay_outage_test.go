package indexing_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"flowcare/internal/faultproxy"
	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/search"
)

// countingIndex is the real search client, counting every request the
// relay makes of the cluster.
type countingIndex struct {
	*search.Client
	calls atomic.Int64
}

func (c *countingIndex) Index(ctx context.Context, docs []flowcare.SearchDoc) error {
	c.calls.Add(1)
	return c.Client.Index(ctx, docs)
}

func (c *countingIndex) Health(ctx context.Context) error {
	c.calls.Add(1)
	return c.Client.Health(ctx)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) count(level string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Count(s.b.String(), `"level":"`+level+`"`)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRelayBacksOffForTheWholeClusterWhileElasticsearchIsDown: while the
// cluster is unreachable and writes keep coming, each waking the relay as its
// notification would, the relay tries a handful of times in all and warns
// once; when the cluster is back every write reaches the index and the
// relay says so once.
func TestRelayBacksOffForTheWholeClusterWhileElasticsearchIsDown(t *testing.T) {
	f := setup(t)
	es, err := url.Parse(os.Getenv("ELASTICSEARCH_URL"))
	if err != nil {
		t.Fatal(err)
	}
	cut := faultproxy.New(t, es.Host)
	cut.Down()
	client, err := search.New("http://"+cut.Addr(), search.WithPrefix(f.prefix))
	if err != nil {
		t.Fatal(err)
	}
	index := &countingIndex{Client: client}
	logs := &syncBuffer{}
	relay := indexing.NewRelay(f.db, index, nil, slog.New(slog.NewJSONHandler(logs, nil)), time.Now)
	relay.MinBackoff, relay.MaxBackoff = 100*time.Millisecond, 800*time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	wake := make(chan struct{}, 1)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		relay.Run(ctx, wake)
	}()
	defer func() { cancel(); <-stopped }()

	const outage = 4 * time.Second
	writes := 0
	for end := time.Now().Add(outage); time.Now().Before(end); writes++ {
		f.service(fmt.Sprintf("停机期间的服务%03d", writes))
		select {
		case wake <- struct{}{}:
		default:
		}
		time.Sleep(20 * time.Millisecond)
	}
	// Backing off from 100 ms to 800 ms, 4 s holds about eight tries; a
	// relay retrying on every write would make one per write.
	calls := index.calls.Load()
	t.Logf("%d requests to the cluster during %s of %d writes", calls, outage, writes)
	if calls > 15 {
		t.Errorf("%d requests to a down cluster over %s of %d writes, want a back-off's handful", calls, outage, writes)
	}
	if n := logs.count("WARN"); n != 1 {
		t.Errorf("%d warnings during the outage, want one:\n%s", n, logs)
	}
	if p := f.pending(); p != writes {
		t.Fatalf("%d outbox rows for %d writes during the outage", p, writes)
	}

	cut.Up()
	deadline := time.Now().Add(10 * time.Second)
	for f.pending() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d rows still on the outbox 10 s after the cluster came back", f.pending(), writes)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err := f.es.Refresh(ctx, flowcare.EntityService); err != nil {
		t.Fatal(err)
	}
	if c, err := f.es.Count(ctx, flowcare.EntityService); err != nil || c != writes {
		t.Fatalf("index holds %d services after the outage, want all %d written during it (%v)", c, writes, err)
	}
	if !strings.Contains(logs.String(), "reachable again") || logs.count("INFO") != 1 || logs.count("WARN") != 1 {
		t.Errorf("log after the outage, want one warning and one line on its end:\n%s", logs)
	}
}
