package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"time"

	"flowcare/internal/flowcare"
)

// Match ranks offers for one need across the indices in one multi-search
// round trip. Ranking is function_score with filters, decay functions and
// field values only, because clusters often forbid scripts; every
// candidate's explanation is recomputed here from the same weights, so its
// factors add up to the score the cluster gave.
func (c *Client) Match(ctx context.Context, q flowcare.MatchQuery) ([]flowcare.MatchCandidate, error) {
	body, entities, err := c.MatchRequest(q)
	if err != nil {
		return nil, err
	}
	raw, err := c.Msearch(ctx, body)
	if err != nil {
		return nil, err
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
		return nil, fmt.Errorf("match: read response: %w", err)
	}
	if len(res.Responses) != len(entities) {
		return nil, fmt.Errorf("match: %d responses for %d searches", len(res.Responses), len(entities))
	}
	var out []flowcare.MatchCandidate
	for i, r := range res.Responses {
		if r.Error != nil {
			e := fmt.Errorf("match %s: %v", entities[i], r.Error)
			if r.Status == http.StatusNotFound || r.Status >= 500 || r.Status == http.StatusTooManyRequests {
				return nil, unavailable(e)
			}
			return nil, e
		}
		for _, h := range r.Hits.Hits {
			out = append(out, candidate(q, entities[i], h.ID, h.Score, &h.Source))
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out, nil
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

// MatchRequest builds the multi-search body for q and the entity each of its
// searches asks.
func (c *Client) MatchRequest(q flowcare.MatchQuery) ([]byte, []flowcare.Entity, error) {
	entities := q.Entities
	if len(entities) == 0 {
		entities = flowcare.Entities
	}
	size := q.PerEntity
	if size <= 0 {
		size = 10
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, e := range entities {
		if !knownEntity(e) {
			return nil, nil, fmt.Errorf("match: unknown entity %q", e)
		}
		if err := enc.Encode(map[string]any{"index": c.Alias(e)}); err != nil {
			return nil, nil, err
		}
		if err := enc.Encode(matchBody(q, e, size)); err != nil {
			return nil, nil, err
		}
	}
	return buf.Bytes(), entities, nil
}

func matchBody(q flowcare.MatchQuery, e flowcare.Entity, size int) map[string]any {
	w := q.Weights
	now := q.Now.UTC().Format(esTimeLayout)
	filter := []any{term("categories", q.Category)}
	if e != flowcare.EntityVolunteer {
		filter = append(filter, term("age", q.Age))
	}
	if q.MaxKm > 0 {
		filter = append(filter, map[string]any{"geo_distance": map[string]any{
			"distance": fmt.Sprintf("%gkm", q.MaxKm), "points": q.Origin}})
	}
	if q.RequireLanguage && q.Language != "" && people(e) {
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

	functions := []any{map[string]any{
		"gauss": map[string]any{"points": map[string]any{
			"origin": q.Origin, "scale": fmt.Sprintf("%gkm", w.DistanceScaleKm),
			"offset": fmt.Sprintf("%gkm", w.DistanceOffsetKm), "decay": w.DistanceDecay}},
		"weight": w.Distance,
	}}
	for _, win := range q.Windows {
		functions = append(functions, map[string]any{"filter": overlaps(path, win), "weight": w.Schedule / float64(len(q.Windows))})
	}
	if langs := preferredLanguages(q); len(langs) > 0 && people(e) {
		functions = append(functions, map[string]any{"filter": map[string]any{"terms": map[string]any{"languages": langs}}, "weight": w.Language})
	}
	if ids := q.Continuity[e]; len(ids) > 0 {
		functions = append(functions, map[string]any{"filter": map[string]any{"ids": map[string]any{"values": ids}}, "weight": w.Continuity})
	}
	if people(e) {
		functions = append(functions,
			map[string]any{"field_value_factor": map[string]any{"field": "completion_rate", "missing": 0.5}, "weight": w.Completion},
			map[string]any{"gauss": map[string]any{"active_matches": map[string]any{"origin": 0, "scale": w.LoadScale, "decay": w.LoadDecay}},
				"weight": w.Load})
	}
	return map[string]any{
		"size": size,
		"query": map[string]any{"function_score": map[string]any{
			"query":      map[string]any{"bool": map[string]any{"filter": filter}},
			"functions":  functions,
			"score_mode": "sum",
			"boost_mode": "replace",
		}},
		"sort": []any{map[string]any{"_score": "desc"}, map[string]any{"id": "asc"}},
		"_source": []string{"title", "organisation_id", "organisation_name", "languages", "points", "schedule", "availability",
			"windows", "starts_at", "ends_at", "active_matches", "completion_rate", "seats_left"},
		"track_total_hits": false,
	}
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
