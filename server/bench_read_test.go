package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"flowcare/internal/access"
	"flowcare/internal/benchfig"
	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search/estest"
)

// servicesReadQuery is an organisation's page of 20 services as the web
// app's services table asks for it, with their organisation, the areas they
// serve and their locations with their areas: the read BenchmarkOverload
// measures, with the paging the table needs.
const servicesReadQuery = `query($org: ID!) { services(organisationId: $org, first: 20) {
	totalCount pageInfo { hasNextPage endCursor }
	edges { cursor node { id name categories minAge maxAge capacity languages status
		organisation { name } areasServed { name } locations { name area { name } } } } } }`

const (
	readGoalP99  = 50 * time.Millisecond
	readGoalRate = 1000
	// readStep is how long each rate is offered; readRounds how many times
	// the whole ramp runs, the figures being the medians.
	readStep = 5 * time.Second
)

// readRates is the ramp. Each server climbs it until a rate is not sustained;
// 1,000 req/s is offered to both whatever happened below it, for its p99.
var readRates = []int{100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 2500, 3000}

// BenchmarkGraphQLRead drives servicesReadQuery through the whole HTTP stack
// (admission control, session, GraphQL, PostgreSQL) at rising rates, in an
// open loop as vegeta offers them, to two servers over the same database side
// by side: one as configured, one with the session cache off. A rate is
// sustained when every answer is complete and in time (2 s), at least 98% of
// the offered rate is answered, and p99 is within 50 ms. It reports the
// highest rate sustained, the p99 at 1,000 req/s and the SQL statements per
// request, counted as TestServicesPageCostsAtMostFourStatements counts them.
//
// On the city-size data set (benchfig.CityURL) it reads an organisation of it;
// otherwise it builds 2,000 services over 200 organisations on Beijing's real
// divisions. FLOWCARE_BENCH_READ_ROUNDS sets how many ramps run (3).
func BenchmarkGraphQLRead(b *testing.B) {
	ctx := context.Background()
	rounds := 3
	if v := os.Getenv("FLOWCARE_BENCH_READ_ROUNDS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("FLOWCARE_BENCH_READ_ROUNDS=%q: give a whole number of ramps, at least 1", v)
		}
		rounds = n
	}
	db, cfg, where := readBenchDatabase(b)
	cfg.SignInPerMinute, cfg.AnonymousPerMinute = 0, 0
	orgID, services := readBenchOrganisation(b, db)
	username := "bench.read.orgadmin"
	err := db.InTx(ctx, func(tx flowcare.Tx) error {
		_, err := seedUser(ctx, tx, fastHasher, demoUser{username, "基准测试·机构管理员（生成）", flowcare.RoleOrgAdmin, "", "org"}, map[string]string{"org": orgID})
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	fmt.Printf("read: %s; reading a page of 20 of the %d services of organisation %s as its organisation admin\n", where, services, orgID)

	type server struct {
		name string
		url  string
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	serve := func(name string, sessionCache time.Duration) server {
		a, err := assemble(db, cfg)
		if err != nil {
			b.Fatal(err)
		}
		acfg := access.DefaultConfig
		acfg.SessionTTL, acfg.SessionCache = cfg.SessionTTL, sessionCache
		if a.access, err = access.New(db, access.DefaultArgon2id(), access.WithConfig(acfg)); err != nil {
			b.Fatal(err)
		}
		srv := httptest.NewServer(newHandler(cfg, quiet, a, newMetrics(prometheus.NewRegistry(), a)))
		b.Cleanup(srv.Close)
		return server{name, srv.URL}
	}
	servers := []server{serve("as configured", access.DefaultSessionCache), serve("session cache off", 0)}
	// One session for both, as one user's requests would reach two replicas.
	token := benchSignIn(b, servers[0].url, username)
	body := []byte(fmt.Sprintf(`{"query": %q, "variables": {"org": %q}}`, servicesReadQuery, orgID))
	header := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + token}}
	complete := func(code int, resp []byte) bool {
		s := string(resp)
		return code == http.StatusOK && !strings.Contains(s, `"errors"`) && strings.Count(s, `"cursor"`) == 20 && strings.Contains(s, `"locations"`)
	}

	// Statements per request, one request at a time: the first read of a
	// session on each server finds it in the database, the later ones in
	// the cache when there is one.
	perRequest := make([][]int, len(servers))
	for i, s := range servers {
		for range 10 {
			var code int
			var raw []byte
			qs := statementsOf(func() { code, raw = readOnce(b, s.url, body, header) })
			if !complete(code, raw) {
				b.Fatalf("%s: %d %.300s", s.name, code, raw)
			}
			perRequest[i] = append(perRequest[i], len(qs))
		}
		fmt.Printf("read: %-18s SQL statements of ten reads in a row: %v\n", s.name, perRequest[i])
	}

	attack := func(s server, rate int) readStepResult {
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodPost, URL: s.url + "/graphql", Body: body, Header: header})
		attacker := vegeta.NewAttacker(vegeta.Timeout(2*time.Second), vegeta.Workers(64), vegeta.MaxWorkers(4096), vegeta.KeepAlive(true))
		var lat []time.Duration
		r := readStepResult{rate: rate}
		for res := range attacker.Attack(targeter, vegeta.Rate{Freq: rate, Per: time.Second}, readStep, "read") {
			switch {
			case complete(int(res.Code), res.Body):
				lat = append(lat, res.Latency)
			case res.Code == http.StatusServiceUnavailable:
				r.refused++
			default:
				r.failed++
			}
		}
		r.answered = float64(len(lat)) / readStep.Seconds()
		// A refusal, an answer missing or incomplete counts as late as the timeout.
		for range r.refused + r.failed {
			lat = append(lat, 2*time.Second)
		}
		if len(lat) > 0 {
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			r.p50, r.p99 = lat[len(lat)/2], lat[int(0.99*float64(len(lat)-1))]
		}
		r.sustained = r.refused+r.failed == 0 && r.answered >= 0.98*float64(rate) && len(lat) > 0 && r.p99 <= readGoalP99
		return r
	}
	for _, s := range servers {
		attack(s, readRates[0]) // warm: connections, the query cache, PostgreSQL's buffers
	}

	b.ResetTimer()
	best := make([][]int, len(servers))
	at1000 := make([][]time.Duration, len(servers))
	fmt.Printf("read: %5s %-18s %8s %9s %8s %8s %14s\n", "round", "server", "offered", "answered", "p50 ms", "p99 ms", "503 / failed")
	for round := 1; round <= rounds; round++ {
		climbing := []bool{true, true}
		top := make([]int, len(servers))
		for _, rate := range readRates {
			if !slices.Contains(climbing, true) && rate > readGoalRate {
				break
			}
			// The two servers take turns going first, so that neither always
			// follows the other's backlog.
			order := []int{0, 1}
			if (round+slices.Index(readRates, rate))%2 == 1 {
				order = []int{1, 0}
			}
			for _, i := range order {
				if !climbing[i] && rate != readGoalRate {
					continue
				}
				r := attack(servers[i], rate)
				mark := ""
				if !r.sustained {
					mark = "  not sustained"
				}
				fmt.Printf("read: %5d %-18s %8d %9.0f %8.1f %8.1f %7d / %d%s\n", round, servers[i].name, rate, r.answered, ms(r.p50), ms(r.p99), r.refused, r.failed, mark)
				if rate == readGoalRate {
					at1000[i] = append(at1000[i], r.p99)
				}
				if climbing[i] {
					if r.sustained {
						top[i] = rate
					} else {
						climbing[i] = false
					}
				}
				time.Sleep(time.Second)
			}
		}
		for i := range servers {
			best[i] = append(best[i], top[i])
		}
	}
	b.StopTimer()

	rate, baseRate := medianInt(best[0]), medianInt(best[1])
	p99, baseP99 := medianDuration(at1000[0]), medianDuration(at1000[1])
	cold, warm := perRequest[0][0], medianInt(perRequest[0][1:])
	baseCold, baseWarm := perRequest[1][0], medianInt(perRequest[1][1:])
	name := fmt.Sprintf("GraphQL read of 20 services with organisation, areas, locations (%s)", where)
	benchfig.Print(benchfig.Figure{
		Name:     name + ": highest rate with p99 ≤ 50 ms",
		Goal:     "≥ 1,000 req/s",
		Value:    fmt.Sprintf("%d req/s (median of %d ramps %v)", rate, rounds, best[0]),
		Baseline: fmt.Sprintf("%d req/s with the session cache off (%v); main before the change ~250 req/s", baseRate, best[1]),
		Met:      rate >= readGoalRate,
	})
	benchfig.Print(benchfig.Figure{
		Name:     name + ": p99 at 1,000 req/s",
		Goal:     "≤ 50 ms",
		Value:    fmt.Sprintf("%.1f ms (median of %d)", ms(p99), len(at1000[0])),
		Baseline: fmt.Sprintf("%.1f ms with the session cache off; main before the change p99 163 ms at its ~250 req/s", ms(baseP99)),
		Met:      p99 <= readGoalP99,
	})
	benchfig.Print(benchfig.Figure{
		Name:     name + ": SQL statements per request",
		Goal:     "≤ 4",
		Value:    fmt.Sprintf("%d (%d on a session's first read)", warm, cold),
		Baseline: fmt.Sprintf("%d with the session cache off (%d first); main before the change ~11", baseWarm, baseCold),
		Met:      warm <= 4 && cold <= 4,
	})
}

type readStepResult struct {
	rate      int
	answered  float64
	p50, p99  time.Duration
	refused   int // 503: admission control turned them away
	failed    int // timed out, or an answer with errors or incomplete
	sustained bool
}

// readOnce sends one request and returns its status and body.
func readOnce(b *testing.B, url string, body []byte, header http.Header) (int, []byte) {
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", strings.NewReader(string(body)))
	req.Header = header.Clone()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, raw
}

// readBenchDatabase opens, through the counting driver, the city-size data
// set when benchfig points at it, and otherwise a database of its own with
// the demo data and 2,000 generated services over 200 organisations.
func readBenchDatabase(b *testing.B) (*postgres.DB, Config, string) {
	ctx := context.Background()
	if url := benchfig.CityURL(); url != "" {
		cfg, err := loadConfig(func(k string) string {
			switch k {
			case "DATABASE_URL":
				return url
			case "FLOWCARE_SEARCH_PREFIX":
				return benchfig.CityPrefix()
			}
			return os.Getenv(k)
		})
		if err != nil {
			b.Fatal(err)
		}
		return openCounting(b, url), cfg, "city-size data set"
	}
	url := pgtest.NewURL(b)
	_, prefix := estest.New(b)
	cfg, err := loadConfig(func(k string) string {
		return withKeys(map[string]string{"DATABASE_URL": url, "ELASTICSEARCH_URL": estest.URL(b), "FLOWCARE_SEARCH_PREFIX": prefix})[k]
	})
	if err != nil {
		b.Fatal(err)
	}
	db := openCounting(b, url)
	if err := postgres.Migrate(ctx, db.SQL(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		b.Fatal(err)
	}
	a, err := assemble(db, cfg)
	if err != nil {
		b.Fatal(err)
	}
	if err := seedDemo(ctx, a, fastHasher, io.Discard); err != nil {
		b.Fatal(err)
	}
	// Organisations in real districts; each service serves two streets and
	// has two locations in communities. Service k goes to organisation
	// 1 + ⌊200·(k/2000)²⌋, so a few organisations offer many services and
	// most a handful, as in the city.
	_, err = db.SQL().ExecContext(ctx, `
		WITH d AS (SELECT array_agg(id ORDER BY id) ids FROM areas WHERE level = 'DISTRICT'),
		     st AS (SELECT array_agg(id ORDER BY id) ids FROM areas WHERE level = 'STREET'),
		     c AS (SELECT array_agg(id ORDER BY id) ids FROM areas WHERE level = 'COMMUNITY'),
		     o AS (
		       INSERT INTO organisations (name, kind, area_id, description, verification_status, areas_served)
		       SELECT '生成的社会组织 ' || lpad(g::text, 3, '0'), 'SOCIAL_ORGANISATION', d.ids[1 + g % cardinality(d.ids)],
		              '生成数据', 'VERIFIED', ARRAY[d.ids[1 + g % cardinality(d.ids)]]
		       FROM generate_series(1, 200) g, d RETURNING id, name),
		     on_ AS (SELECT id, row_number() OVER (ORDER BY name) n FROM o),
		     s AS (
		       INSERT INTO services (organisation_id, name, description, categories, min_age, max_age, areas_served, schedule,
		                             capacity, languages, funding, status)
		       SELECT on_.id, '生成的服务 ' || k, '为流动儿童提供阅读陪伴与城市融入活动的生成数据 ' || k,
		              ARRAY[(ARRAY['READING_GUIDANCE','RECREATION','CITY_INTEGRATION','PSYCHOLOGICAL_COUNSELLING'])[1 + k % 4]],
		              k % 6, 6 + k % 10, ARRAY[st.ids[1 + k % cardinality(st.ids)], st.ids[1 + (k * 7) % cardinality(st.ids)]],
		              jsonb_build_array(jsonb_build_object('day', 1 + k % 7, 'start', 540, 'end', 720)), 10, ARRAY['普通话'], 'FREE', 'ACTIVE'
		       FROM generate_series(1, 2000) k
		       JOIN on_ ON on_.n = 1 + floor(200 * (k / 2000.0) ^ 2)::int % 200, st
		       RETURNING id),
		     sn AS (SELECT id, row_number() OVER (ORDER BY id) n FROM s)
		INSERT INTO service_locations (service_id, position, name, address, area_id, latitude, longitude)
		SELECT sn.id, p, '生成地点 ' || p, '生成地址', c.ids[1 + (sn.n * 13 + p * 101) % cardinality(c.ids)],
		       39.8 + (sn.n % 97) * 0.003, 116.2 + (sn.n % 89) * 0.004
		FROM sn, generate_series(0, 1) p, c`)
	if err != nil {
		b.Fatal(err)
	}
	return db, cfg, "2,000 services over 200 organisations"
}

// readBenchOrganisation picks the organisation to read: of those with at
// least 20 services, the median one by number of services.
func readBenchOrganisation(b *testing.B, db *postgres.DB) (string, int) {
	var orgID string
	var n int
	err := db.SQL().QueryRowContext(context.Background(), `
		WITH c AS (SELECT organisation_id, count(*) n FROM services GROUP BY organisation_id HAVING count(*) >= 20)
		SELECT organisation_id, n FROM c ORDER BY n, organisation_id OFFSET (SELECT count(*) / 2 FROM c) LIMIT 1`).Scan(&orgID, &n)
	if err != nil {
		b.Fatalf("no organisation with 20 services to read: %v", err)
	}
	return orgID, n
}

func medianInt(xs []int) int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianDuration(xs []time.Duration) time.Duration {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
