package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/benchfig"
	"flowcare/internal/flowcare"
)

// BenchmarkOutboxLag measures, with the relay running as in `serve`, how long
// a service takes from its committed write to being found by a search: first
// at a trickle, then while 200 other writes a second go through the outbox.
// Elasticsearch's refresh interval is part of the lag, as it is for users.
func BenchmarkOutboxLag(b *testing.B) {
	var a *app
	var cfg Config
	if benchfig.CityURL() != "" {
		a, cfg = cityApp(b)
	} else {
		a, cfg = seededApp(b)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	m := newMetrics(prometheus.NewRegistry(), a)
	relayDone := make(chan struct{})
	go func() {
		defer close(relayDone)
		runRelay(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), a, m)
	}()
	orgs, _, err := a.db.Areas().ListOrganisations(ctx, flowcare.OrganisationFilter{Search: "晨曦"}, flowcare.Page{})
	if err != nil || len(orgs) == 0 {
		b.Fatal("demo organisation missing", err)
	}
	org := orgs[0].ID
	run := time.Now().UnixNano()
	newService := func(name string) *flowcare.Service {
		return &flowcare.Service{OrganisationID: org, Name: name, Categories: []flowcare.Category{flowcare.CatRecreation},
			MinAge: 6, MaxAge: 12, Capacity: 5, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive}
	}
	var mu sync.Mutex
	var made []*flowcare.Service
	write := func(sv *flowcare.Service, update bool) {
		err := a.db.InTx(ctx, func(tx flowcare.Tx) error {
			if update {
				return tx.Directory().UpdateService(ctx, sv)
			}
			return tx.Directory().CreateService(ctx, sv)
		})
		if err != nil && ctx.Err() == nil {
			b.Error(err)
		}
	}
	// probes writes one service at a time, at random moments so that they
	// fall all over the refresh cycle, and waits until a search finds each.
	probes := func(label string, n int) []time.Duration {
		rng := rand.New(rand.NewPCG(uint64(run), uint64(n)))
		var lags []time.Duration
		for i := range n {
			time.Sleep(time.Duration(100+rng.IntN(400)) * time.Millisecond)
			name := fmt.Sprintf("延迟测量%s%d号%d（生成）", label, run%100000, i)
			sv := newService(name)
			start := time.Now()
			write(sv, false)
			mu.Lock()
			made = append(made, sv)
			mu.Unlock()
			for {
				p, err := a.search.Search(ctx, flowcare.SearchQuery{Entity: flowcare.EntityService, Text: name, First: 1})
				if err == nil && len(p.Hits) == 1 && p.Hits[0].ID == sv.ID {
					break
				}
				if time.Since(start) > 30*time.Second {
					b.Fatalf("%s not searchable after 30 s", name)
				}
				time.Sleep(5 * time.Millisecond)
			}
			lags = append(lags, time.Since(start))
		}
		return lags
	}
	const n = 60
	b.ResetTimer()
	trickle := probes("低", n)

	// The load: 200 updates a second spread over a pool of services, from
	// several writers, paced by one ticker so that a slow write does not
	// lower the rate unseen.
	const rate, pool, writers = 200, 400, 8
	load := make([]*flowcare.Service, pool)
	for i := range load {
		load[i] = newService(fmt.Sprintf("负载服务%d号%d（生成）", run%100000, i))
		write(load[i], false)
	}
	made = append(made, load...)
	jobs := make(chan int, rate)
	var sent atomic.Int64
	var wg sync.WaitGroup
	for range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range jobs {
				sv := *load[k%pool]
				sv.Capacity = 5 + k%20
				write(&sv, true)
				sent.Add(1)
			}
		}()
	}
	loadCtx, stopLoad := context.WithCancel(ctx)
	go func() {
		defer close(jobs)
		t := time.NewTicker(time.Second / rate)
		defer t.Stop()
		for k := 0; ; k++ {
			select {
			case <-loadCtx.Done():
				return
			case <-t.C:
				select {
				case jobs <- k:
				default: // the writers are behind; the achieved rate shows it
				}
			}
		}
	}()
	t0 := time.Now()
	loaded := probes("高", n)
	stopLoad()
	wg.Wait()
	achieved := float64(sent.Load()) / time.Since(t0).Seconds()
	b.StopTimer()

	// What was written for the benchmark leaves the search copy again.
	for _, sv := range made {
		sv.Status = flowcare.ServiceEnded
		write(sv, true)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		var pending int
		if err := a.db.SQL().QueryRow(`SELECT count(*) FROM outbox`).Scan(&pending); err != nil || pending == 0 {
			break
		}
	}
	cancel()
	<-relayDone

	p99 := percentile(loaded, 0.99)
	fmt.Printf("outbox lag, write to searchable, %d probes each: at a trickle median %v p99 %v; under %.0f writes/s median %v p99 %v max %v\n",
		n, percentile(trickle, 0.5).Round(time.Millisecond), percentile(trickle, 0.99).Round(time.Millisecond), achieved,
		percentile(loaded, 0.5).Round(time.Millisecond), p99.Round(time.Millisecond), percentile(loaded, 1).Round(time.Millisecond))
	benchfig.Print(benchfig.Figure{
		Name:     fmt.Sprintf("outbox lag, write to searchable, under %.0f writes/s: p50 / p99", achieved),
		Goal:     "p99 ≤ 1 s",
		Value:    fmt.Sprintf("%.2f / %.2f s", percentile(loaded, 0.5).Seconds(), p99.Seconds()),
		Baseline: fmt.Sprintf("at a trickle %.2f / %.2f s", percentile(trickle, 0.5).Seconds(), percentile(trickle, 0.99).Seconds()),
		Met:      p99 <= time.Second && achieved >= 0.95*rate,
	})
}
