package postgres_test

import (
	"context"
	"sync"
	"testing"

	"flowcare/internal/postgres/pgtest"
)

// TestPoolKeepsEveryConnectionItOpened: after a burst that needs the whole
// pool, every connection stays open for the next one; none is closed only to
// be opened again (a new PostgreSQL backend each time) a moment later.
func TestPoolKeepsEveryConnectionItOpened(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	max := db.SQL().Stats().MaxOpenConnections
	var wg sync.WaitGroup
	errs := make(chan error, max)
	for range max {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := db.SQL().ExecContext(ctx, `SELECT pg_sleep(0.3)`); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	st := db.SQL().Stats()
	if st.Idle != max || st.MaxIdleClosed > 0 {
		t.Fatalf("after a burst of %d: %d connections idle, %d closed for want of idle room; want all %d kept",
			max, st.Idle, st.MaxIdleClosed, max)
	}
}
