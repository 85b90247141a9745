package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
)

// benchOffers are how many offers of each kind the match benchmark
// generates: 200,000 in all unless FLOWCARE_BENCH_OFFERS scales them.
var benchOffers = map[flowcare.Entity]int{
	flowcare.EntityService: 80000, flowcare.EntityVolunteer: 60000, flowcare.EntitySlot: 40000, flowcare.EntityEvent: 20000,
}

// generateOffers writes a realistic spread of offers over 200 generated
// streets of central Beijing, straight into PostgreSQL.
func generateOffers(b *testing.B, a *app, scale float64) {
	ctx := context.Background()
	n := func(e flowcare.Entity) int { return int(float64(benchOffers[e]) * scale) }
	cats := `ARRAY['READING_GUIDANCE','LETTER_COMPANIONSHIP','RECREATION','PSYCHOLOGICAL_COUNSELLING','REHABILITATION','AUTISM_SUPPORT',
		'CITY_INTEGRATION','PUBLIC_CULTURE','FAMILY_EDUCATION','LEGAL_EDUCATION','ONE_TO_ONE_SUPPORT','PARENT_EMPLOYMENT']`
	steps := []struct {
		what string
		sql  string
		arg  int
	}{
		{"streets", `SELECT setseed(0.42); INSERT INTO areas (id, parent_id, level, name, path, latitude, longitude)
			SELECT '1101059' || lpad(g::text, 3, '0'), '110105', 'STREET', '生成街道' || g, '110000/110105/1101059' || lpad(g::text, 3, '0'),
			       39.80 + random() * 0.25, 116.20 + random() * 0.40 FROM generate_series(1, 200) g`, 0},
		{"services", `WITH o AS (SELECT array_agg(id) AS ids FROM organisations WHERE verification_status = 'VERIFIED' AND kind = 'SOCIAL_ORGANISATION'),
			s AS (INSERT INTO services (organisation_id, name, description, categories, min_age, max_age, areas_served, schedule, capacity, languages, funding, status)
			  SELECT o.ids[1 + g % cardinality(o.ids)], '生成的服务 ' || g, '生成数据',
			         ARRAY[(` + cats + `)[1 + g % 12], (` + cats + `)[1 + (g / 12) % 12]], g % 5, 8 + g % 8, ARRAY['110105'],
			         jsonb_build_array(jsonb_build_object('day', 1 + g % 7, 'start', 480 + (g % 10) * 60, 'end', 600 + (g % 10) * 60),
			                           jsonb_build_object('day', 1 + (g / 7) % 7, 'start', 540, 'end', 720)),
			         5 + g % 20, CASE WHEN g % 5 = 0 THEN ARRAY['普通话','河南话'] ELSE ARRAY['普通话'] END, 'FREE', 'ACTIVE'
			  FROM o, generate_series(1, $1) g RETURNING id)
			INSERT INTO service_locations (service_id, position, name, address, area_id, latitude, longitude)
			SELECT s.id, 0, '生成地点', '', a.id, a.latitude + (random() - 0.5) * 0.01, a.longitude + (random() - 0.5) * 0.01
			FROM (SELECT id, row_number() OVER () AS g FROM s) s JOIN areas a ON a.id = '1101059' || lpad((1 + s.g % 200)::text, 3, '0')`, n(flowcare.EntityService)},
		{"volunteer users", `INSERT INTO users (username, display_name, password_hash) SELECT 'gen.vol.' || g, '生成志愿者' || g, 'x' FROM generate_series(1, $1) g`, n(flowcare.EntityVolunteer)},
		{"volunteers", `WITH v AS (INSERT INTO volunteers (user_id, display_name, skills, languages, home_area_id, availability, hours_per_month)
			  SELECT u.id, u.display_name, ARRAY[(` + cats + `)[1 + g % 12], (` + cats + `)[1 + (g / 12) % 12]],
			         CASE WHEN g % 4 = 0 THEN ARRAY['普通话','四川话'] ELSE ARRAY['普通话'] END, '1101059' || lpad((1 + g % 200)::text, 3, '0'),
			         jsonb_build_array(jsonb_build_object('day', 6 + g % 2, 'start', 480 + (g % 6) * 60, 'end', 720 + (g % 6) * 60),
			                           jsonb_build_object('day', 1 + g % 5, 'start', 1080, 'end', 1260)),
			         4 + g % 17
			  FROM (SELECT id, display_name, row_number() OVER (ORDER BY username) AS g FROM users WHERE username LIKE 'gen.vol.%') u RETURNING id),
			vo AS (INSERT INTO volunteer_organisations (volunteer_id, organisation_id)
			  SELECT v.id, (SELECT id FROM organisations WHERE kind = 'SOCIAL_ORGANISATION' AND verification_status = 'VERIFIED' ORDER BY name LIMIT 1) FROM v)
			INSERT INTO vetting_items (volunteer_id, kind, status, completed_on, expires_on)
			SELECT v.id, k, 'APPROVED', current_date - 30, current_date + 300 + (random() * 60)::int
			FROM v, unnest(ARRAY['CRIMINAL_RECORD_CHECK','TRAINING','SAFEGUARDING_PLEDGE']) k`, 0},
		{"slots", `WITH o AS (SELECT array_agg(id) AS ids FROM organisations WHERE verification_status = 'VERIFIED' AND kind IN ('LIBRARY', 'MUSEUM'))
			INSERT INTO slots (venue_id, title, categories, starts_at, ends_at, capacity, min_age, max_age, children_per_adult, booking_cutoff, status)
			SELECT o.ids[1 + g % cardinality(o.ids)], '生成的活动时段 ' || g, ARRAY['PUBLIC_CULTURE', (` + cats + `)[1 + g % 12]], t, t + interval '90 minutes',
			       10 + g % 20, g % 4, 10 + g % 6, 3, t - interval '1 day', 'PUBLISHED'
			FROM o, generate_series(1, $1) g,
			     LATERAL (SELECT date_trunc('hour', now()) + ((2 + g % 56) || ' days')::interval + ((g % 10) || ' hours')::interval AS t) x`, n(flowcare.EntitySlot)},
		{"events", `WITH o AS (SELECT array_agg(id) AS ids FROM organisations WHERE verification_status = 'VERIFIED' AND kind IN ('YOUTH_LEAGUE', 'WOMENS_FEDERATION'))
			INSERT INTO events (organisation_id, title, categories, starts_at, ends_at, place, area_id, latitude, longitude, capacity, min_age, max_age,
			                    registration_opens, registration_closes, status)
			SELECT o.ids[1 + g % cardinality(o.ids)], '生成的活动 ' || g, ARRAY[(` + cats + `)[1 + g % 12], 'CITY_INTEGRATION'], t, t + interval '2 hours',
			       '生成地点', a.id, a.latitude, a.longitude, 20 + g % 30, g % 4, 10 + g % 6, now() - interval '1 day', t - interval '1 day', 'PUBLISHED'
			FROM o, generate_series(1, $1) g,
			     LATERAL (SELECT date_trunc('hour', now()) + ((3 + g % 56) || ' days')::interval + ((g % 10) || ' hours')::interval AS t) x,
			     LATERAL (SELECT id, latitude, longitude FROM areas WHERE id = '1101059' || lpad((1 + g % 200)::text, 3, '0')) a`, n(flowcare.EntityEvent)},
	}
	for _, s := range steps {
		t0 := time.Now()
		var err error
		if s.arg > 0 {
			_, err = a.db.SQL().ExecContext(ctx, s.sql, s.arg)
		} else {
			_, err = a.db.SQL().ExecContext(ctx, s.sql)
		}
		if err != nil {
			b.Fatalf("generate %s: %v", s.what, err)
		}
		fmt.Printf("match: generated %s in %v\n", s.what, time.Since(t0).Round(time.Millisecond))
	}
}

// benchNeeds registers children across the generated streets, each with one
// open need in a random category and a weekend window.
func benchNeeds(b *testing.B, a *app, count int) []string {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 11))
	var ids []string
	err := a.db.InTx(ctx, func(tx flowcare.Tx) error {
		for i := range count {
			street := fmt.Sprintf("1101059%03d", 1+rng.IntN(200))
			community := street + "001"
			if _, err := tx.Areas().UpsertArea(ctx, &flowcare.Area{ID: community, ParentID: &street, Level: flowcare.AreaCommunity,
				Name: "生成社区" + community}); err != nil {
				return err
			}
			c := &flowcare.Child{Name: fmt.Sprintf("测量儿童%d（演示）", i), Gender: flowcare.GenderFemale,
				BirthDate: time.Now().AddDate(-6-rng.IntN(8), 0, 0), NoIDReason: "演示", MovedWith: flowcare.MovedWithBothGuardians,
				Hukou: flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"}, CommunityID: community,
				ArrivedOn: time.Now().AddDate(-1, 0, 0), Languages: []string{"普通话"}, Status: flowcare.ChildActive}
			if err := tx.Children().CreateChild(ctx, c); err != nil {
				return err
			}
			day := 6 + rng.IntN(2)
			n := &flowcare.Need{ChildID: c.ID, Category: flowcare.Categories[rng.IntN(len(flowcare.Categories))], Urgency: flowcare.LevelMedium,
				Windows: []flowcare.TimeWindow{{Day: day, Start: 8 * 60, End: 18 * 60}}, Language: "普通话", Place: flowcare.PlaceNearHome,
				Status: flowcare.NeedOpen}
			if err := tx.Care().CreateNeed(ctx, n, ""); err != nil {
				return err
			}
			ids = append(ids, n.ID)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// BenchmarkMatch measures the match of one need three ways side by side in
// one run: through the GraphQL API, the same multi-search sent to
// Elasticsearch directly, and the same filters and scores in PostgreSQL
// alone. Then it measures the batch proposal rate.
func BenchmarkMatch(b *testing.B) {
	scale := 1.0
	if v := os.Getenv("FLOWCARE_BENCH_OFFERS"); v != "" {
		total, err := strconv.Atoi(v)
		if err != nil || total < 1000 {
			b.Fatalf("FLOWCARE_BENCH_OFFERS must be a number of offers of at least 1000, not %q", v)
		}
		scale = float64(total) / 200000
	}
	a, cfg := seededApp(b)
	ctx := context.Background()
	generateOffers(b, a, scale)
	t0 := time.Now()
	total := 0
	for _, e := range flowcare.Entities {
		n, err := indexing.Rebuild(ctx, a.db, a.search, e, 2000, time.Now, nil)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Printf("match: indexed %d %ss\n", n, e)
		total += n
	}
	fmt.Printf("match: %d offers indexed in %v\n", total, time.Since(t0).Round(time.Millisecond))

	needs := benchNeeds(b, a, 200)
	srv := httptest.NewServer(newHandler(cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), a, newMetrics(prometheus.NewRegistry(), a)))
	defer srv.Close()
	token := benchSignIn(b, srv.URL, "demo.civil")
	actor, err := a.access.ActorFor(ctx, "demo.civil")
	if err != nil {
		b.Fatal(err)
	}
	actx := flowcare.WithActor(ctx, actor)
	bodies := make([][]byte, len(needs))
	queries := make([]flowcare.MatchQuery, len(needs))
	for i, id := range needs {
		q, err := a.matching.QueryFor(actx, id)
		if err != nil {
			b.Fatal(err)
		}
		queries[i] = q
		if bodies[i], _, err = a.search.MatchRequest(q); err != nil {
			b.Fatal(err)
		}
	}

	const warm, rounds = 20, 300
	var api, es, pg []time.Duration
	found := 0
	b.ResetTimer()
	for i := range warm + rounds {
		k := i % len(needs)
		t := time.Now()
		n := benchCandidates(b, srv.URL, token, needs[k])
		dAPI := time.Since(t)
		t = time.Now()
		if _, err := a.search.Msearch(ctx, bodies[k]); err != nil {
			b.Fatal(err)
		}
		dES := time.Since(t)
		if i >= warm {
			api, es = append(api, dAPI), append(es, dES)
			found += n
		}
		// PostgreSQL alone takes seconds a match at this size: every fifth
		// round is enough for its median.
		if i >= warm && i%5 == 0 {
			t = time.Now()
			if _, err := a.db.MatchBaseline(ctx, queries[k]); err != nil {
				b.Fatal(err)
			}
			pg = append(pg, time.Since(t))
		}
	}
	b.StopTimer()
	fmt.Printf("match: %d requests over %d needs, %.1f candidates each on average\n", rounds, len(needs), float64(found)/rounds)
	fmt.Printf("match baseline (PostgreSQL only, same filters and scores, %d matches): pg_p50_ms=%.1f pg_p99_ms=%.1f es_p50_ms=%.1f pg/es_p50=%.1f\n",
		len(pg), ms(percentile(pg, 0.5)), ms(percentile(pg, 0.99)), ms(percentile(es, 0.5)), ms(percentile(pg, 0.5))/ms(percentile(es, 0.5)))

	t0 = time.Now()
	res, err := a.matching.ProposeForArea(actx, "110105", 0, nil)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(t0)
	fmt.Printf("match batch: %d needs, %d proposed, %d without a candidate in %v = %.1f needs/s\n",
		res.Needs, res.Proposed, res.NoCandidate, took.Round(time.Millisecond), float64(res.Needs)/took.Seconds())

	b.ReportMetric(ms(percentile(api, 0.5)), "api-p50-ms")
	b.ReportMetric(ms(percentile(es, 0.5)), "es-p50-ms")
	fmt.Printf("match api_p50_ms=%.1f api_p99_ms=%.1f es_p50_ms=%.1f es_p99_ms=%.1f ratio_p99=%.2f\n",
		ms(percentile(api, 0.5)), ms(percentile(api, 0.99)), ms(percentile(es, 0.5)), ms(percentile(es, 0.99)),
		ms(percentile(api, 0.99))/ms(percentile(es, 0.99)))
}

func benchPost(b *testing.B, url, token, query string, vars map[string]any, out any) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if err := json.Unmarshal(raw, out); err != nil {
		b.Fatalf("response is not JSON: %s", raw)
	}
}

func benchSignIn(b *testing.B, url, username string) string {
	var out struct {
		Data struct {
			SignIn struct{ Token string } `json:"signIn"`
		} `json:"data"`
	}
	benchPost(b, url, "", signIn, map[string]any{"u": username, "p": DemoPassword}, &out)
	if out.Data.SignIn.Token == "" {
		b.Fatalf("sign-in as %s failed", username)
	}
	return out.Data.SignIn.Token
}

const candidatesQuery = `query($id: ID!) { matchCandidates(needId: $id) { maxKm candidates { entity id title distanceKm score
	factors { factor value points max } openMatchId } } }`

func benchCandidates(b *testing.B, url, token, needID string) int {
	var out struct {
		Data struct {
			MatchCandidates struct {
				Candidates []struct{ ID string } `json:"candidates"`
			} `json:"matchCandidates"`
		} `json:"data"`
		Errors []struct{ Message string } `json:"errors"`
	}
	benchPost(b, url, token, candidatesQuery, map[string]any{"id": needID}, &out)
	if len(out.Errors) > 0 {
		b.Fatalf("matchCandidates: %s", out.Errors[0].Message)
	}
	return len(out.Data.MatchCandidates.Candidates)
}
