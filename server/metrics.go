package main

import (
	"context"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
)

type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	indexed  *prometheus.CounterVec
	failed   prometheus.Counter
	lag      *prometheus.HistogramVec
}

func newMetrics(reg *prometheus.Registry, a *app) *metrics {
	m := &metrics{
		registry: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "flowcare_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "flowcare_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
		indexed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "flowcare_outbox_indexed_total", Help: "Outbox rows relayed to the search index, by entity.",
		}, []string{"entity"}),
		failed: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "flowcare_outbox_failed_total", Help: "Outbox rows whose batch the search index refused; they are retried.",
		}),
		lag: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "flowcare_outbox_lag_seconds", Help: "Time from a change being written to its relay to the search index.",
			Buckets: []float64{.01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 300},
		}, []string{"entity"}),
	}
	stat := func(f func(flowcare.OutboxStats) float64) func() float64 {
		return func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			st, err := indexing.Stats(ctx, a.db, time.Now())
			if err != nil {
				return -1
			}
			return f(st)
		}
	}
	pending := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "flowcare_outbox_pending", Help: "Changes waiting for the search index.",
	}, stat(func(st flowcare.OutboxStats) float64 { return float64(st.Pending) }))
	oldest := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "flowcare_outbox_oldest_age_seconds", Help: "Age of the oldest change waiting for the search index.",
	}, stat(func(st flowcare.OutboxStats) float64 {
		if st.OldestAt == nil {
			return 0
		}
		return time.Since(*st.OldestAt).Seconds()
	}))
	reg.MustRegister(m.requests, m.duration, m.indexed, m.failed, m.lag, pending, oldest,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// Indexed records relayed rows and their lag.
func (m *metrics) Indexed(e flowcare.Entity, n int, lag []time.Duration) {
	m.indexed.WithLabelValues(string(e)).Add(float64(n))
	for _, l := range lag {
		m.lag.WithLabelValues(string(e)).Observe(l.Seconds())
	}
}

// Failed records rows whose batch failed.
func (m *metrics) Failed(n int) { m.failed.Add(float64(n)) }
