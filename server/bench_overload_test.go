package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// overloadQuery is an organisation admin's list of their services with its
// associations: a read that costs the database several statements.
const overloadQuery = `query($org: ID!) { services(organisationId: $org, first: 20) { totalCount edges { node {
	id name categories minAge maxAge capacity languages status
	organisation { name } areasServed { name } locations { name area { name } } } } } }`

// BenchmarkOverload measures admission control. It finds the capacity of the
// read above with a closed loop, then offers 1×, 2× and 4× that rate in an
// open loop (requests keep arriving whether or not earlier ones finished, as
// they do from many users), to a server with admission control and to one
// without, side by side. Goodput is answers without error per second; p99 is
// over the admitted requests, those that were served.
func BenchmarkOverload(b *testing.B) {
	a, cfg := seededApp(b)
	ctx := context.Background()
	var orgID string
	if err := a.db.SQL().QueryRowContext(ctx, `SELECT o.id FROM organisations o JOIN role_grants g ON g.organisation_id = o.id
		JOIN users u ON u.id = g.user_id WHERE u.username = 'demo.orgadmin'`).Scan(&orgID); err != nil {
		b.Fatal(err)
	}
	if _, err := a.db.SQL().ExecContext(ctx, `WITH s AS (
		INSERT INTO services (organisation_id, name, description, categories, min_age, max_age, areas_served, schedule, capacity, languages, funding, status)
		SELECT $1, '生成的服务 ' || g, '生成数据', ARRAY['READING_GUIDANCE', 'RECREATION'], 6, 14, ARRAY['110105', '110101'],
		       jsonb_build_array(jsonb_build_object('day', 1 + g % 7, 'start', 540, 'end', 720)), 10, ARRAY['普通话'], 'FREE', 'ACTIVE'
		FROM generate_series(1, 40) g RETURNING id)
		INSERT INTO service_locations (service_id, position, name, address, area_id, latitude, longitude)
		SELECT s.id, p, '生成地点 ' || p, '', '110105', 39.92, 116.44 FROM s, generate_series(0, 1) p`, orgID); err != nil {
		b.Fatal(err)
	}

	// The admission settings can be tried from the environment, as serve reads them.
	if tuned, err := loadConfig(os.Getenv); err == nil {
		cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait = tuned.MaxInFlight, tuned.MaxQueue, tuned.QueueWait
	}
	fmt.Printf("overload: admission control serves %d at once, queues %d for at most %s\n", cfg.MaxInFlight, cfg.MaxQueue, cfg.QueueWait)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	serve := func(admit bool) *httptest.Server {
		c := cfg
		c.SignInPerMinute, c.AnonymousPerMinute = 0, 0
		if !admit {
			c.MaxInFlight = 0
		}
		return httptest.NewServer(newHandler(c, quiet, a, newMetrics(prometheus.NewRegistry(), a)))
	}
	guarded, open := serve(true), serve(false)
	defer guarded.Close()
	defer open.Close()
	token := benchSignIn(b, guarded.URL, "demo.orgadmin")
	body, _ := json.Marshal(map[string]any{"query": overloadQuery, "variables": map[string]any{"org": orgID}})
	header := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + token}}
	ok := func(code int, resp []byte) bool {
		return code == http.StatusOK && !strings.Contains(string(resp), `"errors"`) && strings.Contains(string(resp), "生成的服务")
	}

	// Capacity: the most requests the server without admission control
	// completes per second with a few callers always waiting, the best of
	// several numbers of callers.
	capacity := func(url string, callers int) float64 {
		const warm, window = 2 * time.Second, 6 * time.Second
		var done atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for range callers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for time.Since(start) < warm+window {
					req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(string(body)))
					req.Header = header.Clone()
					res, err := http.DefaultClient.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					raw, _ := io.ReadAll(res.Body)
					res.Body.Close()
					if !ok(res.StatusCode, raw) {
						b.Errorf("capacity probe: %d %.200s", res.StatusCode, raw)
						return
					}
					if time.Since(start) > warm {
						done.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		return float64(done.Load()) / window.Seconds()
	}
	b.ResetTimer()
	capRate := 0.0
	for _, callers := range []int{4, 8, 16} {
		r := capacity(open.URL, callers)
		fmt.Printf("overload: closed loop of %d callers: %.0f req/s\n", callers, r)
		capRate = max(capRate, r)
	}
	fmt.Printf("overload: capacity %.0f req/s\n", capRate)

	type figures struct {
		goodput, p99, p50 float64
		refused, timedOut int
	}
	attack := func(url string, rate float64) figures {
		const dur = 8 * time.Second
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodPost, URL: url + "/graphql", Body: body, Header: header})
		attacker := vegeta.NewAttacker(vegeta.Timeout(2*time.Second), vegeta.Workers(64), vegeta.MaxWorkers(4096), vegeta.KeepAlive(true))
		var lat []time.Duration
		var f figures
		served := 0
		for res := range attacker.Attack(targeter, vegeta.Rate{Freq: int(rate), Per: time.Second}, dur, "overload") {
			switch {
			case ok(int(res.Code), res.Body):
				served++
				lat = append(lat, res.Latency)
			case res.Code == http.StatusServiceUnavailable:
				f.refused++
			default:
				f.timedOut++
			}
		}
		f.goodput = float64(served) / dur.Seconds()
		if len(lat) > 0 {
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			f.p50 = ms(lat[len(lat)/2])
			f.p99 = ms(lat[int(0.99*float64(len(lat)-1))])
		}
		return f
	}
	fmt.Printf("overload: %-6s %-22s %10s %8s %9s %8s %8s %12s\n", "offer", "server", "req/s", "goodput", "% of cap", "p50 ms", "p99 ms", "503 / failed")
	// The server with admission control goes first: without it, an overload
	// leaves a backlog of abandoned requests that the next step would pay for.
	for _, s := range []struct {
		name string
		url  string
	}{{"admission control", guarded.URL}, {"no admission control", open.URL}} {
		for _, mult := range []float64{1, 2, 4} {
			f := attack(s.url, mult*capRate)
			fmt.Printf("overload: %-6s %-22s %10.0f %8.0f %8.0f%% %8.1f %8.1f %5d / %d\n",
				fmt.Sprintf("%.0f×", mult), s.name, mult*capRate, f.goodput, 100*f.goodput/capRate, f.p50, f.p99, f.refused, f.timedOut)
			time.Sleep(3 * time.Second)
		}
	}
}
