package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/lib/pq"
)

// reporter prints progress lines; stages running at once share it.
type reporter struct {
	mu     sync.Mutex
	w      io.Writer
	stages []*stageProgress
}

func newReporter(w io.Writer) *reporter { return &reporter{w: w} }

func (r *reporter) printf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(r.w, format+"\n", args...)
}

type lockedWriter struct{ r *reporter }

func (l lockedWriter) Write(p []byte) (int, error) {
	l.r.mu.Lock()
	defer l.r.mu.Unlock()
	return l.r.w.Write(p)
}

// out is a writer whose lines do not interleave with the reporter's.
func (r *reporter) out() io.Writer { return lockedWriter{r} }

// stageProgress counts one stage's records.
type stageProgress struct {
	name    string
	total   int
	done    atomic.Int64
	start   time.Time
	elapsed time.Duration
	running atomic.Bool
}

func (s *stageProgress) line() string {
	d := time.Since(s.start)
	if !s.running.Load() {
		d = s.elapsed
	}
	n := int(s.done.Load())
	rate := 0
	if d > 0 {
		rate = int(float64(n) / d.Seconds())
	}
	return fmt.Sprintf("generate: %s %s/%s (%s/s)", s.name, thousands(n), thousands(s.total), thousands(rate))
}

// stage is one part of the set, written after the stages it depends on.
type stage struct {
	name  string
	deps  []string
	total int
	run   func(ctx context.Context, p *stageProgress) error
}

// runStages runs stages as their dependencies finish, workers at a time:
// when a worker is free it takes the first ready stage in the list, so the
// list's order is the priority (the longest chain first). A progress line
// per running stage every two seconds and one when it ends; the first
// failure cancels the rest.
func runStages(ctx context.Context, workers int, stages []*stage, rep *reporter) error {
	known := map[string]bool{}
	for _, s := range stages {
		known[s.name] = true
	}
	for _, s := range stages {
		for _, d := range s.deps {
			if !known[d] {
				return fmt.Errorf("stage %s depends on unknown stage %s", s.name, d)
			}
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	progress := make([]*stageProgress, len(stages))
	for i, s := range stages {
		progress[i] = &stageProgress{name: s.name, total: s.total}
	}
	defer func() {
		rep.mu.Lock()
		rep.stages = progress
		rep.mu.Unlock()
	}()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(2 * time.Second)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				for _, p := range progress {
					if p.running.Load() {
						rep.printf("%s", p.line())
					}
				}
			}
		}
	}()
	type result struct {
		i   int
		err error
	}
	results := make(chan result)
	finished := map[string]bool{}
	started := make([]bool, len(stages))
	running := 0
	var first error
	for {
		for i, s := range stages {
			if started[i] || running >= workers || first != nil {
				continue
			}
			ready := true
			for _, d := range s.deps {
				ready = ready && finished[d]
			}
			if !ready {
				continue
			}
			started[i], running = true, running+1
			p := progress[i]
			p.start = time.Now()
			p.running.Store(true)
			go func() {
				err := s.run(ctx, p)
				p.elapsed = time.Since(p.start)
				p.running.Store(false)
				results <- result{i, err}
			}()
		}
		if running == 0 {
			break
		}
		r := <-results
		running--
		p := progress[r.i]
		if r.err != nil {
			if first == nil {
				first = fmt.Errorf("generate %s: %w", stages[r.i].name, r.err)
				cancel()
			}
			continue
		}
		rep.printf("%s in %.1fs", p.line(), p.elapsed.Seconds())
		finished[stages[r.i].name] = true
	}
	if first == nil {
		for i, s := range stages {
			if !started[i] {
				return fmt.Errorf("stage %s never became ready", s.name)
			}
		}
	}
	return first
}

// copyBatch gathers rows for several tables and writes them with COPY in
// one transaction, the tables in the order they were first added to, so
// that rows land after the rows they refer to.
type copyBatch struct {
	order  []string
	tables map[string]*copyTable
	rows   int
}

type copyTable struct {
	cols []string
	rows [][]any
}

func newCopyBatch() *copyBatch { return &copyBatch{tables: map[string]*copyTable{}} }

func (b *copyBatch) add(table string, cols []string, vals ...any) {
	t := b.tables[table]
	if t == nil {
		t = &copyTable{cols: cols}
		b.tables[table] = t
		b.order = append(b.order, table)
	}
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("copy into %s: %d values for %d columns", table, len(vals), len(t.cols)))
	}
	t.rows = append(t.rows, vals)
	b.rows++
}

// copyInto writes the batch's rows inside tx.
func (b *copyBatch) copyInto(ctx context.Context, tx *sql.Tx) error {
	for _, name := range b.order {
		t := b.tables[name]
		if len(t.rows) == 0 {
			continue
		}
		stmt, err := tx.PrepareContext(ctx, pq.CopyIn(name, t.cols...))
		if err != nil {
			return fmt.Errorf("copy into %s: %w", name, err)
		}
		for _, r := range t.rows {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				stmt.Close()
				return fmt.Errorf("copy into %s: %w", name, err)
			}
		}
		if _, err := stmt.ExecContext(ctx); err != nil {
			stmt.Close()
			return fmt.Errorf("copy into %s: %w", name, err)
		}
		if err := stmt.Close(); err != nil {
			return fmt.Errorf("copy into %s: %w", name, err)
		}
	}
	return nil
}

// commit writes the batch in a transaction of its own and empties it.
func (b *copyBatch) commit(ctx context.Context, db *sql.DB) error {
	if b.rows == 0 {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := b.copyInto(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	*b = *newCopyBatch()
	return nil
}

// batched runs fill for every index in [0, n), committing every size
// records and counting them in p.
func batched(ctx context.Context, db *sql.DB, p *stageProgress, n, size int, fill func(b *copyBatch, i int) error) error {
	b := newCopyBatch()
	pending := 0
	for i := 0; i < n; i++ {
		if err := fill(b, i); err != nil {
			return err
		}
		pending++
		if pending == size || i == n-1 {
			if err := b.commit(ctx, db); err != nil {
				return err
			}
			p.done.Add(int64(pending))
			pending = 0
		}
	}
	return nil
}

// Values as COPY takes them: dates as dates, lists as array literals, and
// NULL for what is empty.
func dateOf(t time.Time) string { return t.Format("2006-01-02") }

func textArray(ss []string) string {
	v, _ := pq.StringArray(ss).Value()
	if v == nil {
		return "{}"
	}
	return v.(string)
}

func orNull(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}

// summary prints every stage's count and rate and the time taken.
func (r *reporter) summary(p *cityPlan, pgDone, elapsed time.Duration) {
	r.mu.Lock()
	stages := append([]*stageProgress(nil), r.stages...)
	r.mu.Unlock()
	sort.SliceStable(stages, func(i, j int) bool { return stages[i].start.Before(stages[j].start) })
	var b strings.Builder
	b.WriteString("generate: done — a fictional city set on top of the demo\n")
	for _, s := range stages {
		fmt.Fprintf(&b, "  %-10s %11s in %6.1fs  %9s/s\n", s.name, thousands(int(s.done.Load())), s.elapsed.Seconds(),
			thousands(int(float64(s.done.Load())/max(s.elapsed.Seconds(), 0.001))))
	}
	c := p.counts
	fmt.Fprintf(&b, "  %s children (%s on the key-care ledger), %s organisations, %s offers (%s services, %s volunteers, %s slots, %s events)\n",
		thousands(len(p.children)), thousands(p.ledgerCount), thousands(len(p.orgs)), thousands(c.offers()),
		thousands(c.Services), thousands(c.Volunteers), thousands(c.Slots), thousands(c.Events))
	fmt.Fprintf(&b, "  %s needs (%s open), %s matches, %s sessions, %s contracts, %s invoices\n",
		thousands(len(p.needs)), thousands(p.openNeeds), thousands(len(p.matches)), thousands(p.sessionCount),
		thousands(len(p.funding.contracts)), thousands(len(p.funding.invoices)))
	fmt.Fprintf(&b, "  PostgreSQL written in %.1fs, indices built in %.1fs, %.1fs in all (%s)\n",
		pgDone.Seconds(), (elapsed - pgDone).Seconds(), elapsed.Seconds(), elapsed.Round(time.Second))
	b.WriteString("  every generated user signs in with the demo password; usernames start with gen.")
	r.printf("%s", b.String())
}
