package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"slices"
	"sort"
	"sync"
	"time"

	"flowcare/internal/flowcare"
)

// Match ranks offers for one need across the indices. Ranking is
// function_score with filters, decay functions and field values only,
// because clusters often forbid scripts; every candidate's explanation is
// recomputed here from the same weights, so its factors add up to the score
// the cluster gave.
//
// Most of a search's cost is scoring every offer that passes the filters,
// and within the distance limit of a city street there are thousands. The
// first search therefore only scores offers near the child (see WithNearKm);
// an offer farther out can score at most its distance points plus every
// other factor's maximum, so when the nearer offers already beat that bound
// the ranking is the one a search over the whole radius would give, and
// when they do not, a second search covers the radius that bound says is
// enough.
func (c *Client) Match(ctx context.Context, q flowcare.MatchQuery) ([]flowcare.MatchCandidate, error) {
	out, err := c.match(ctx, []flowcare.MatchQuery{q}, 0, c.Msearch)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// BestMatches ranks offers for many needs in one multi-search per stage and
// returns, for each query in order, the k best offers of any kind. Fewer
// than k come back only when fewer pass the filters. Each query's
// PerEntity is ignored: no kind can place more than k among the best k.
func (c *Client) BestMatches(ctx context.Context, qs []flowcare.MatchQuery, k int) ([][]flowcare.MatchCandidate, error) {
	if k < 1 {
		return nil, fmt.Errorf("match: asked for the best %d", k)
	}
	return c.match(ctx, qs, k, c.Msearch)
}

// matchHit is one hit of one search, as the cluster scored it.
type matchHit struct {
	id     string
	score  float64
	source matchSource
}

// matchPlan follows one query through the stages of its search.
type matchPlan struct {
	q        flowcare.MatchQuery
	entities []flowcare.Entity
	// size is how many hits each entity's search asks for.
	size int
	// radius is, per entity, the radius of the last search in kilometres,
	// 0 when it covered everything the query allows.
	radius []float64
	// settling is set for the entities whose last search covered a radius
	// settle chose, which settles their hits by construction.
	settling []bool
	// waiting is set for the entities a search for the best across entities
	// leaves for after the first stage: those that score on fewer factors,
	// and so often cannot reach the best of the others at all.
	waiting []bool
	hits    [][]matchHit
	done    []bool
}

// match runs the stages for every query: the near search, then, for the
// entities whose near hits do not prove the ranking, a search over the
// radius that does. best > 0 asks for the best offers across entities
// instead of PerEntity of each.
func (c *Client) match(ctx context.Context, qs []flowcare.MatchQuery, best int, send func(context.Context, []byte) ([]byte, error)) ([][]flowcare.MatchCandidate, error) {
	plans := make([]*matchPlan, len(qs))
	for i, q := range qs {
		p, err := newMatchPlan(q, best, c.nearKm)
		if err != nil {
			return nil, err
		}
		if best == 0 {
			for j, e := range p.entities {
				if p.radius[j] > 0 && !c.odds.tryNear(e) {
					p.radius[j] = 0
				}
			}
		}
		plans[i] = p
	}
	near := make([][]bool, len(plans))
	for i, p := range plans {
		near[i] = make([]bool, len(p.entities))
		for j := range p.entities {
			near[i][j] = p.radius[j] > 0
		}
	}
	pending := func() bool {
		for _, p := range plans {
			if slices.Contains(p.done, false) {
				return true
			}
		}
		return false
	}
	for stage := 0; pending(); stage++ {
		if err := c.searchStage(ctx, plans, send); err != nil {
			return nil, err
		}
		for i, p := range plans {
			p.settle(best)
			if stage == 0 && best == 0 {
				for j, e := range p.entities {
					if near[i][j] {
						c.odds.record(e, p.done[j])
					}
				}
			}
		}
	}
	out := make([][]flowcare.MatchCandidate, len(plans))
	for i, p := range plans {
		var cs []flowcare.MatchCandidate
		for j, e := range p.entities {
			for _, h := range p.hits[j] {
				cs = append(cs, candidate(p.q, e, h.id, h.score, &h.source))
			}
		}
		rank := func(e flowcare.Entity) int { return slices.Index(p.entities, e) }
		// Ties go by the order of the entities, then by id, as each search sorts them.
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Score != cs[b].Score {
				return cs[a].Score > cs[b].Score
			}
			return rank(cs[a].Entity) < rank(cs[b].Entity)
		})
		if best > 0 && len(cs) > best {
			cs = cs[:best]
		}
		out[i] = cs
	}
	return out, nil
}

// nearOdds remembers, for each kind, how often its near search alone
// settled a match's candidates of that kind, so that a kind whose offers are
// too few around children to fill a list nearby starts with the whole
// radius instead of always searching twice. It only chooses what a match
// costs: either way the candidates are the same.
type nearOdds struct {
	mu sync.Mutex
	// rate is the share of recent near searches that settled, by kind.
	rate  map[flowcare.Entity]float64
	turns map[flowcare.Entity]int
}

const (
	// nearMemory weighs the last near searches: the last ten or so count.
	nearMemory = 0.9
	// nearRetry is how often a kind that usually needs the whole radius
	// tries the near search again, to notice when it has become enough.
	nearRetry = 8
)

func newNearOdds() *nearOdds {
	return &nearOdds{rate: map[flowcare.Entity]float64{}, turns: map[flowcare.Entity]int{}}
}

// tryNear reports whether e's next match should start with a near search.
func (o *nearOdds) tryNear(e flowcare.Entity) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.turns[e]++
	r, seen := o.rate[e]
	return !seen || r >= 0.5 || o.turns[e]%nearRetry == 0
}

// record notes whether a near search of e settled its candidates.
func (o *nearOdds) record(e flowcare.Entity, settled bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	v := 0.0
	if settled {
		v = 1
	}
	r, seen := o.rate[e]
	if !seen {
		r = v
	}
	o.rate[e] = nearMemory*r + (1-nearMemory)*v
}

// newMatchPlan plans q's first searches: each entity's near search, or its
// whole radius when the near one cannot save anything.
func newMatchPlan(q flowcare.MatchQuery, best int, nearKm float64) (*matchPlan, error) {
	p := &matchPlan{q: q, entities: q.Entities, size: q.PerEntity}
	if len(p.entities) == 0 {
		p.entities = flowcare.Entities
	}
	if p.size <= 0 {
		p.size = 10
	}
	if best > 0 {
		p.size = best
	}
	n := len(p.entities)
	p.radius, p.settling, p.waiting = make([]float64, n), make([]bool, n), make([]bool, n)
	p.hits, p.done = make([][]matchHit, n), make([]bool, n)
	if !stageable(q) || nearKm <= 0 || (q.MaxKm > 0 && q.MaxKm <= nearKm) {
		nearKm = 0
	}
	most := 0.0
	for _, e := range p.entities {
		if !knownEntity(e) {
			return nil, fmt.Errorf("match: unknown entity %q", e)
		}
		_, rest := functions(q, e)
		most = max(most, rest)
	}
	for j, e := range p.entities {
		p.radius[j] = nearKm
		if _, rest := functions(q, e); best > 0 && stageable(q) && rest < most {
			p.waiting[j] = true
		}
	}
	return p, nil
}

// searchStage sends one multi-search with the next search of every entity
// not yet settled, and keeps their hits.
func (c *Client) searchStage(ctx context.Context, plans []*matchPlan, send func(context.Context, []byte) ([]byte, error)) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	type slot struct{ p, e int }
	var asked []slot
	for i, p := range plans {
		for j, e := range p.entities {
			if p.done[j] || p.waiting[j] {
				continue
			}
			if err := enc.Encode(map[string]any{"index": c.Alias(e)}); err != nil {
				return err
			}
			if err := enc.Encode(matchBody(p.q, e, p.size, p.radius[j])); err != nil {
				return err
			}
			asked = append(asked, slot{i, j})
		}
	}
	raw, err := send(ctx, buf.Bytes())
	if err != nil {
		return err
	}
	var res struct {
		Responses []struct {
			Status int `json:"status"`
			Error  any `json:"error"`
			Hits   struct {
				Hits []struct {
					ID     string      `json:"_id"`
					Score  float64     `json:"_score"`
					Source matchSource `json:"_source"`
				} `json:"hits"`
			} `json:"hits"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return fmt.Errorf("match: read response: %w", err)
	}
	if len(res.Responses) != len(asked) {
		return fmt.Errorf("match: %d responses for %d searches", len(res.Responses), len(asked))
	}
	for k, r := range res.Responses {
		p, j := plans[asked[k].p], asked[k].e
		if r.Error != nil {
			e := fmt.Errorf("match %s: %v", p.entities[j], r.Error)
			if r.Status == http.StatusNotFound || r.Status >= 500 || r.Status == http.StatusTooManyRequests {
				return unavailable(e)
			}
			return e
		}
		hits := make([]matchHit, len(r.Hits.Hits))
		for n, h := range r.Hits.Hits {
			hits[n] = matchHit{id: h.ID, score: h.Score, source: h.Source}
		}
		p.hits[j] = hits
	}
	return nil
}

// settle marks the entities whose hits are final and gives the others the
// radius of their next search. Hits are final when the search covered
// everything, or when the score the ranking needs to beat (the last of an
// entity's own hits, or with best the last of the best across entities) is
// above what any offer outside the searched radius can score. An entity left
// waiting is not searched at all when none of its offers can score that
// much, and otherwise only within the radius where they can.
func (p *matchPlan) settle(best int) {
	threshold := func(hits []matchHit, n int) float64 {
		if len(hits) < n {
			return math.Inf(-1)
		}
		return hits[n-1].score
	}
	var all []matchHit
	if best > 0 {
		for _, hs := range p.hits {
			all = append(all, hs...)
		}
		sort.Slice(all, func(a, b int) bool { return all[a].score > all[b].score })
	}
	for j, e := range p.entities {
		if p.done[j] {
			continue
		}
		if !p.waiting[j] && (p.radius[j] == 0 || p.settling[j]) {
			p.done[j] = true
			continue
		}
		t := threshold(p.hits[j], p.size)
		if best > 0 {
			t = threshold(all, best)
		}
		// Scores come back as 32-bit floats, summed in the cluster's order.
		t -= scoreSlack
		_, rest := functions(p.q, e)
		w := p.q.Weights
		if p.waiting[j] {
			p.waiting[j] = false
			top := w.Distance + rest
			if len(p.q.Continuity[e]) > 0 {
				top += w.Continuity
			}
			if top < t {
				p.done[j] = true
				continue
			}
		} else if w.Distance*flowcare.Gauss(max(0, p.radius[j]-edgeKm), w.DistanceOffsetKm, w.DistanceScaleKm, w.DistanceDecay)+rest < t {
			p.done[j] = true
			continue
		}
		p.radius[j], p.settling[j] = settlingRadius(p.q, t-rest), true
		if p.q.MaxKm > 0 && p.radius[j] >= p.q.MaxKm {
			p.radius[j] = 0
		}
	}
}

const (
	// scoreSlack covers the rounding of a score summed in 32-bit floats.
	scoreSlack = 1e-3
	// edgeKm covers the difference between the distance the geo filter
	// measures and the one the decay function measures (both haversine on
	// quantised coordinates, a few centimetres apart).
	edgeKm = 0.01
)

// stageable reports whether distance decays in q in a way a radius can bound.
func stageable(q flowcare.MatchQuery) bool {
	w := q.Weights
	return w.Distance > 0 && w.DistanceScaleKm > 0 && w.DistanceDecay > 0 && w.DistanceDecay < 1 && w.DistanceOffsetKm >= 0
}

// settlingRadius is the radius outside which an offer's distance points are
// below points, or 0 (everything) when no radius brings them that low.
func settlingRadius(q flowcare.MatchQuery, points float64) float64 {
	w := q.Weights
	v := points / w.Distance
	if v <= 0 {
		return 0
	}
	if v >= 1 {
		v = math.Nextafter(1, 0)
	}
	// Gauss(x) < v beyond offset + scale·sqrt(ln v / ln decay).
	return w.DistanceOffsetKm + w.DistanceScaleKm*math.Sqrt(math.Log(v)/math.Log(w.DistanceDecay)) + 2*edgeKm
}

// Msearch sends a multi-search body as it is and returns the raw response.
func (c *Client) Msearch(ctx context.Context, body []byte) ([]byte, error) {
	res, err := c.es.Msearch(bytes.NewReader(body), c.es.Msearch.WithContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("match: %w", ctx.Err())
		}
		return nil, unavailable(fmt.Errorf("match: %w", err))
	}
	defer res.Body.Close()
	if res.IsError() {
		err := fmt.Errorf("match: %w", responseError(res))
		if res.StatusCode >= 500 || res.StatusCode == http.StatusTooManyRequests {
			return nil, unavailable(err)
		}
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(res.Body); err != nil {
		return nil, unavailable(fmt.Errorf("match: read response: %w", err))
	}
	return buf.Bytes(), nil
}

type matchSource struct {
	Title            string                `json:"title"`
	OrganisationID   flexStrings           `json:"organisation_id"`
	OrganisationName string                `json:"organisation_name"`
	Languages        []string              `json:"languages"`
	Points           []flowcare.GeoPoint   `json:"points"`
	Schedule         []flowcare.TimeWindow `json:"schedule"`
	Availability     []flowcare.TimeWindow `json:"availability"`
	Windows          []flowcare.TimeWindow `json:"windows"`
	StartsAt         *time.Time            `json:"starts_at"`
	EndsAt           *time.Time            `json:"ends_at"`
	ActiveMatches    *int                  `json:"active_matches"`
	CompletionRate   *float64              `json:"completion_rate"`
	SeatsLeft        *int                  `json:"seats_left"`
}

// windowField is the nested field holding an entity's weekly windows.
func windowField(e flowcare.Entity) string {
	switch e {
	case flowcare.EntityService:
		return "schedule"
	case flowcare.EntityVolunteer:
		return "availability"
	}
	return "windows"
}

func (s *matchSource) windows(e flowcare.Entity) []flowcare.TimeWindow {
	switch e {
	case flowcare.EntityService:
		return s.Schedule
	case flowcare.EntityVolunteer:
		return s.Availability
	}
	return s.Windows
}

// people are the entities whose documents describe a person or team who
// talks with the child, which is where language and a track record matter.
func people(e flowcare.Entity) bool {
	return e == flowcare.EntityService || e == flowcare.EntityVolunteer
}

// matchBody is the search of e's index for q. radiusKm > 0 limits the
// scored offers to those that near, and to the offers the child already had
// a good match with, which may score the most of all.
func matchBody(q flowcare.MatchQuery, e flowcare.Entity, size int, radiusKm float64) map[string]any {
	now := q.Now.UTC().Format(esTimeLayout)
	filter := []any{term("categories", q.Category)}
	if e != flowcare.EntityVolunteer {
		filter = append(filter, term("age", q.Age))
	}
	switch ids := q.Continuity[e]; {
	case radiusKm > 0 && len(ids) > 0:
		// The offers the child did well with, wherever they are within the limit.
		before := map[string]any{"ids": map[string]any{"values": ids}}
		if q.MaxKm > 0 {
			before = map[string]any{"bool": map[string]any{"filter": []any{before, geoWithin(q.Origin, q.MaxKm)}}}
		}
		filter = append(filter, map[string]any{"bool": map[string]any{"should": []any{geoWithin(q.Origin, radiusKm), before}, "minimum_should_match": 1}})
	case radiusKm > 0:
		filter = append(filter, geoWithin(q.Origin, radiusKm))
	case q.MaxKm > 0:
		filter = append(filter, geoWithin(q.Origin, q.MaxKm))
	}
	if requiresLanguage(q, e) {
		filter = append(filter, term("languages", q.Language))
	}
	switch e {
	case flowcare.EntityService:
		filter = append(filter, rangeQ("capacity_left", "gt", 0))
	case flowcare.EntityVolunteer:
		filter = append(filter, term("vetted", true), rangeQ("vetting_expires", "gte", startOfDay(q.Now).UTC().Format(esTimeLayout)),
			rangeQ("capacity_left", "gt", 0))
	case flowcare.EntitySlot:
		filter = append(filter, rangeQ("booking_cutoff", "gt", now), rangeQ("seats_left", "gt", 0))
	case flowcare.EntityEvent:
		filter = append(filter, rangeQ("registration_opens", "lte", now), rangeQ("registration_closes", "gt", now),
			rangeQ("seats_left", "gt", 0))
	}
	path := windowField(e)
	if len(q.Windows) > 0 {
		var anyOf []any
		for _, win := range q.Windows {
			anyOf = append(anyOf, overlaps(path, win))
		}
		filter = append(filter, map[string]any{"bool": map[string]any{"should": anyOf, "minimum_should_match": 1}})
	}
	fns, _ := functions(q, e)
	return map[string]any{
		"size": size,
		"query": map[string]any{"function_score": map[string]any{
			"query":      map[string]any{"bool": map[string]any{"filter": filter}},
			"functions":  fns,
			"score_mode": "sum",
			"boost_mode": "replace",
		}},
		"sort": []any{map[string]any{"_score": "desc"}, map[string]any{"id": "asc"}},
		"_source": []string{"title", "organisation_id", "organisation_name", "languages", "points", "schedule", "availability",
			"windows", "starts_at", "ends_at", "active_matches", "completion_rate", "seats_left"},
		"track_total_hits": false,
	}
}

// functions are the scoring functions of e's search for q, and the most
// that all of them but distance and continuity can add to an offer: what an
// offer beyond a radius may score on top of its distance points.
func functions(q flowcare.MatchQuery, e flowcare.Entity) ([]any, float64) {
	w := q.Weights
	path := windowField(e)
	fns := []any{map[string]any{
		"gauss": map[string]any{"points": map[string]any{
			"origin": q.Origin, "scale": fmt.Sprintf("%gkm", w.DistanceScaleKm),
			"offset": fmt.Sprintf("%gkm", w.DistanceOffsetKm), "decay": w.DistanceDecay}},
		"weight": w.Distance,
	}}
	rest := 0.0
	// A factor every offer through the filters has is a constant, which
	// costs nothing per offer: one window, which the filter requires, and
	// a required language, which is the first preferred one.
	switch len(q.Windows) {
	case 0:
	case 1:
		fns = append(fns, map[string]any{"weight": w.Schedule})
	default:
		for _, win := range q.Windows {
			fns = append(fns, map[string]any{"filter": overlaps(path, win), "weight": w.Schedule / float64(len(q.Windows))})
		}
	}
	if len(q.Windows) > 0 {
		rest += w.Schedule
	}
	if langs := preferredLanguages(q); len(langs) > 0 && people(e) {
		if requiresLanguage(q, e) {
			fns = append(fns, map[string]any{"weight": w.Language})
		} else {
			fns = append(fns, map[string]any{"filter": map[string]any{"terms": map[string]any{"languages": langs}}, "weight": w.Language})
		}
		rest += w.Language
	}
	if ids := q.Continuity[e]; len(ids) > 0 {
		fns = append(fns, map[string]any{"filter": map[string]any{"ids": map[string]any{"values": ids}}, "weight": w.Continuity})
	}
	if people(e) {
		// A completion rate is (completed+1)/(completed+failed+2), below 1;
		// a Gaussian is at most 1.
		fns = append(fns,
			map[string]any{"field_value_factor": map[string]any{"field": "completion_rate", "missing": 0.5}, "weight": w.Completion},
			map[string]any{"gauss": map[string]any{"active_matches": map[string]any{"origin": 0, "scale": w.LoadScale, "decay": w.LoadDecay}},
				"weight": w.Load})
		rest += w.Completion + w.Load
	}
	return fns, rest
}

// requiresLanguage reports whether e's offers must speak the need's language.
func requiresLanguage(q flowcare.MatchQuery, e flowcare.Entity) bool {
	return q.RequireLanguage && q.Language != "" && people(e)
}

func geoWithin(p flowcare.GeoPoint, km float64) map[string]any {
	return map[string]any{"geo_distance": map[string]any{"distance": fmt.Sprintf("%gkm", km), "points": p}}
}

func rangeQ(field, op string, v any) map[string]any {
	return map[string]any{"range": map[string]any{field: map[string]any{op: v}}}
}

// overlaps matches a document with a weekly window sharing a minute with win.
func overlaps(path string, win flowcare.TimeWindow) map[string]any {
	return map[string]any{"nested": map[string]any{"path": path, "score_mode": "none", "query": map[string]any{"bool": map[string]any{
		"filter": []any{term(path+".day", win.Day), rangeQ(path+".start", "lt", win.End), rangeQ(path+".end", "gt", win.Start)}}}}}
}

// preferredLanguages are the languages a child is at home in: the need's
// own and those recorded on the child's file.
func preferredLanguages(q flowcare.MatchQuery) []string {
	var out []string
	for _, l := range append([]string{q.Language}, q.Languages...) {
		if l != "" && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// candidate turns a hit into a ranked candidate and explains its score with
// the same formulas the query used.
func candidate(q flowcare.MatchQuery, e flowcare.Entity, id string, score float64, s *matchSource) flowcare.MatchCandidate {
	w := q.Weights
	c := flowcare.MatchCandidate{Entity: e, ID: id, Title: s.Title, OrganisationID: s.OrganisationID.first(),
		OrganisationName: s.OrganisationName, StartsAt: s.StartsAt, EndsAt: s.EndsAt, Languages: s.Languages,
		SeatsLeft: s.SeatsLeft, Score: score}

	distance := flowcare.ScoreFactor{Factor: flowcare.FactorDistance, Max: w.Distance, Points: w.Distance, Value: -1}
	if len(s.Points) > 0 {
		best := -1.0
		for _, p := range s.Points {
			if d := flowcare.DistanceKm(q.Origin, p); best < 0 || d < best {
				best = d
			}
		}
		c.DistanceKm = &best
		distance.Value = best
		distance.Points = w.Distance * flowcare.Gauss(best, w.DistanceOffsetKm, w.DistanceScaleKm, w.DistanceDecay)
	}
	c.Factors = append(c.Factors, distance)

	schedule := flowcare.ScoreFactor{Factor: flowcare.FactorSchedule, Max: w.Schedule}
	if len(q.Windows) > 0 {
		covered := 0
		for _, nw := range q.Windows {
			if slices.ContainsFunc(s.windows(e), func(ow flowcare.TimeWindow) bool { return flowcare.WindowsOverlap(nw, ow) }) {
				covered++
			}
		}
		schedule.Value = float64(covered) / float64(len(q.Windows))
		schedule.Points = w.Schedule * schedule.Value
	}
	c.Factors = append(c.Factors, schedule)

	if people(e) {
		language := flowcare.ScoreFactor{Factor: flowcare.FactorLanguage, Max: w.Language}
		if slices.ContainsFunc(preferredLanguages(q), func(l string) bool { return slices.Contains(s.Languages, l) }) {
			language.Value, language.Points = 1, w.Language
		}
		c.Factors = append(c.Factors, language)
	}

	continuity := flowcare.ScoreFactor{Factor: flowcare.FactorContinuity, Max: w.Continuity}
	if slices.Contains(q.Continuity[e], id) {
		continuity.Value, continuity.Points = 1, w.Continuity
	}
	c.Factors = append(c.Factors, continuity)

	if people(e) {
		rate := 0.5
		if s.CompletionRate != nil {
			rate = *s.CompletionRate
		}
		c.Factors = append(c.Factors, flowcare.ScoreFactor{Factor: flowcare.FactorCompletion, Value: rate, Points: w.Completion * rate, Max: w.Completion})
		active := 0
		if s.ActiveMatches != nil {
			active = *s.ActiveMatches
		}
		c.Factors = append(c.Factors, flowcare.ScoreFactor{Factor: flowcare.FactorLoad, Value: float64(active),
			Points: w.Load * flowcare.Gauss(float64(active), 0, w.LoadScale, w.LoadDecay), Max: w.Load})
	}
	return c
}
