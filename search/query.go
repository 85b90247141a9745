package search

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

const (
	defaultFirst = 20
	maxFirst     = 100
	summaryRunes = 120
)

// textFields are searched with a query's text. Titles weigh most, then the
// organisation, so a match in a name beats one buried in a description.
// Fields an entity does not have are skipped by Elasticsearch.
func textFields() []string {
	return []string{"title^3", "organisation_name^2", "description", "place"}
}

// Search answers q from the search copy behind q.Entity's alias.
func (c *Client) Search(ctx context.Context, q flowcare.SearchQuery) (*flowcare.SearchPage, error) {
	req, err := c.buildSearch(q)
	if err != nil {
		return nil, err
	}
	alias := c.Alias(q.Entity)
	var body bytes.Buffer
	if err := json.NewEncoder(&body).Encode(req.body); err != nil {
		return nil, fmt.Errorf("search %s: %w", alias, err)
	}
	res, err := c.es.Search(
		c.es.Search.WithContext(ctx),
		c.es.Search.WithIndex(alias),
		c.es.Search.WithBody(&body),
	)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("search %s: %w", alias, ctx.Err())
		}
		return nil, unavailable(fmt.Errorf("search %s: %w", alias, err))
	}
	defer res.Body.Close()
	if res.IsError() {
		err := fmt.Errorf("search %s: %w", alias, responseError(res))
		switch {
		case res.StatusCode >= 500, res.StatusCode == http.StatusTooManyRequests:
			return nil, unavailable(err)
		// A missing alias means the indices were never created: searching is
		// out of service until they are, not broken for this query.
		case res.StatusCode == http.StatusNotFound:
			return nil, unavailable(err)
		// A cursor that decoded but does not fit the sort (say, a date where
		// a distance belongs) is the client's to fix.
		case res.StatusCode == http.StatusBadRequest && q.After != "":
			e := invalidCursor()
			e.Err = err
			return nil, e
		}
		return nil, err
	}
	var sr searchResponse
	if err := json.NewDecoder(res.Body).Decode(&sr); err != nil {
		return nil, fmt.Errorf("search %s: read response: %w", alias, err)
	}
	return c.page(q, req, &sr)
}

func unavailable(err error) error {
	e := flowcare.Errorf(flowcare.EUNAVAILABLE, "搜索服务暂时不可用，请稍后再试")
	e.Err = err
	return e
}

func invalidCursor() *flowcare.Error {
	return flowcare.Invalid("after", "翻页位置无效，请从第一页重新查询")
}

type searchRequest struct {
	body  map[string]any
	first int
	// distance is the position of the distance among the sort values, or -1.
	distance int
}

func (c *Client) buildSearch(q flowcare.SearchQuery) (*searchRequest, error) {
	if !knownEntity(q.Entity) {
		return nil, flowcare.Invalid("entity", "未知的搜索类别 %q", q.Entity)
	}
	first := q.First
	switch {
	case first == 0:
		first = defaultFirst
	case first < 0:
		return nil, flowcare.Invalid("first", "每页条数不能为负数")
	case first > maxFirst:
		return nil, flowcare.Invalid("first", "每页最多 %d 条", maxFirst)
	}
	timed := q.Entity == flowcare.EntitySlot || q.Entity == flowcare.EntityEvent
	volunteer := q.Entity == flowcare.EntityVolunteer

	var filters []any
	if len(q.Categories) > 0 {
		filters = append(filters, map[string]any{"terms": map[string]any{"categories": q.Categories}})
	}
	if q.AreaID != "" {
		filters = append(filters, term("areas", q.AreaID))
	}
	// Volunteers have no age range: they serve whichever children they are matched with.
	if q.Age != nil && !volunteer {
		if *q.Age < 0 {
			return nil, flowcare.Invalid("age", "年龄不能为负数")
		}
		filters = append(filters, term("age", *q.Age))
	}
	// Services and volunteers are weekly schedules, not dated; only slots and
	// events can fall inside a date range.
	if timed && (q.From != nil || q.To != nil) {
		if q.From != nil && q.To != nil && q.To.Before(*q.From) {
			return nil, flowcare.Invalid("to", "结束时间不能早于开始时间")
		}
		r := map[string]any{}
		if q.From != nil {
			r["gte"] = esTime(*q.From)
		}
		if q.To != nil {
			r["lte"] = esTime(*q.To)
		}
		filters = append(filters, map[string]any{"range": map[string]any{"starts_at": r}})
	}
	if q.Near != nil {
		if math.IsNaN(q.Near.Lat) || math.IsNaN(q.Near.Lon) || math.Abs(q.Near.Lat) > 90 || math.Abs(q.Near.Lon) > 180 {
			return nil, flowcare.Invalid("near", "坐标超出范围")
		}
		if q.RadiusKm < 0 || math.IsNaN(q.RadiusKm) || math.IsInf(q.RadiusKm, 0) {
			return nil, flowcare.Invalid("radiusKm", "距离范围必须是正数")
		}
		if q.RadiusKm > 0 {
			filters = append(filters, map[string]any{"geo_distance": map[string]any{
				"distance": fmt.Sprintf("%gkm", q.RadiusKm),
				"points":   q.Near,
			}})
		}
	}
	// Slots and events carry no languages; filtering them by one would
	// always come back empty.
	if q.Language != "" && !timed {
		filters = append(filters, term("languages", q.Language))
	}
	if q.VettedOnly && volunteer {
		filters = append(filters, term("vetted", true))
		// Vetting lasts to the end of its expiry day, as in Volunteer.VettedAt.
		filters = append(filters, map[string]any{"range": map[string]any{
			"vetting_expires": map[string]any{"gte": esTime(startOfDay(c.now()))},
		}})
	}
	if len(q.OrganisationIDs) > 0 {
		filters = append(filters, map[string]any{"terms": map[string]any{"organisation_id": q.OrganisationIDs}})
	}

	boolQuery := map[string]any{}
	if len(filters) > 0 {
		boolQuery["filter"] = filters
	}
	text := strings.TrimSpace(q.Text)
	if text != "" {
		if utf8.RuneCountInString(text) > 200 {
			return nil, flowcare.Invalid("text", "搜索词太长，请不超过 200 字")
		}
		boolQuery["must"] = map[string]any{"multi_match": map[string]any{
			"query":  text,
			"fields": textFields(),
			"type":   "best_fields",
			// Chinese text is indexed as overlapping bigrams: requiring every
			// bigram of a longer query drops good matches that word it a
			// little differently, requiring any one brings in noise.
			"minimum_should_match": "2<75%",
			"tie_breaker":          0.3,
		}}
		// Bigrams next to each other in the query's order rank the exact
		// phrase first.
		boolQuery["should"] = map[string]any{"multi_match": map[string]any{
			"query":  text,
			"fields": textFields(),
			"type":   "phrase",
			"boost":  2,
		}}
	}

	var sort []any
	if text != "" {
		sort = append(sort, map[string]any{"_score": "desc"})
	}
	distance := -1
	if q.Near != nil {
		distance = len(sort)
		sort = append(sort, map[string]any{"_geo_distance": map[string]any{
			"points": q.Near,
			"unit":   "km",
			"order":  "asc",
			"mode":   "min",
		}})
	}
	if text == "" {
		if timed {
			sort = append(sort, map[string]any{"starts_at": "asc"})
		} else {
			sort = append(sort, map[string]any{"title.raw": "asc"})
		}
	}
	// The id breaks ties so that search_after never skips or repeats a hit.
	sort = append(sort, map[string]any{"id": "asc"})

	body := map[string]any{
		"size":             first + 1,
		"query":            map[string]any{"bool": boolQuery},
		"sort":             sort,
		"track_total_hits": true,
	}
	if q.After != "" {
		after, err := decodeCursor(q.After, len(sort))
		if err != nil {
			return nil, err
		}
		body["search_after"] = after
	}
	return &searchRequest{body: body, first: first, distance: distance}, nil
}

func term(field string, value any) map[string]any {
	return map[string]any{"term": map[string]any{field: value}}
}

func startOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// A cursor is the sort values of a hit, as Elasticsearch returned them, so
// that search_after receives exactly what it produced.
func encodeCursor(sort []json.RawMessage) string {
	b, err := json.Marshal(sort)
	if err != nil {
		// RawMessages that came from a decoded response always marshal.
		return ""
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string, n int) ([]json.RawMessage, error) {
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err != nil {
		e := invalidCursor()
		e.Err = err
		return nil, e
	}
	var vals []json.RawMessage
	if err := json.Unmarshal(b, &vals); err != nil {
		e := invalidCursor()
		e.Err = err
		return nil, e
	}
	if len(vals) != n {
		e := invalidCursor()
		e.Err = fmt.Errorf("cursor has %d sort values, the query sorts by %d", len(vals), n)
		return nil, e
	}
	for _, v := range vals {
		switch t := bytes.TrimSpace(v); {
		case len(t) == 0:
			return nil, invalidCursor()
		case t[0] == '"', t[0] == '-', t[0] >= '0' && t[0] <= '9', bytes.Equal(t, []byte("null")):
		default:
			e := invalidCursor()
			e.Err = errors.New("cursor holds a value that is neither a string nor a number")
			return nil, e
		}
	}
	// The tie-breaker is always the id, a string.
	if last := bytes.TrimSpace(vals[n-1]); last[0] != '"' {
		return nil, invalidCursor()
	}
	return vals, nil
}

type searchResponse struct {
	Hits struct {
		Total struct {
			Value int `json:"value"`
		} `json:"total"`
		Hits []struct {
			ID     string            `json:"_id"`
			Score  *float64          `json:"_score"`
			Source hitSource         `json:"_source"`
			Sort   []json.RawMessage `json:"sort"`
		} `json:"hits"`
	} `json:"hits"`
}

func (c *Client) page(q flowcare.SearchQuery, req *searchRequest, sr *searchResponse) (*flowcare.SearchPage, error) {
	hits := sr.Hits.Hits
	p := &flowcare.SearchPage{Total: sr.Hits.Total.Value}
	if len(hits) > req.first {
		p.HasNext = true
		hits = hits[:req.first]
	}
	today := startOfDay(c.now())
	p.Hits = make([]flowcare.SearchHit, 0, len(hits))
	for _, h := range hits {
		s := &h.Source
		hit := flowcare.SearchHit{
			Entity:           q.Entity,
			ID:               h.ID,
			Title:            s.Title,
			Summary:          summary(s.Description),
			OrganisationID:   s.OrganisationID.first(),
			OrganisationName: s.OrganisationName,
			Categories:       s.Categories,
			AreaIDs:          s.Areas,
			Languages:        s.Languages,
			MinAge:           s.MinAge,
			MaxAge:           s.MaxAge,
			StartsAt:         s.StartsAt,
			EndsAt:           s.EndsAt,
			Cursor:           encodeCursor(h.Sort),
		}
		if h.Score != nil {
			hit.Score = *h.Score
		}
		if req.distance >= 0 && req.distance < len(h.Sort) {
			// A thing with no place sorts last with the string "Infinity":
			// it has no distance to show.
			var d float64
			if json.Unmarshal(h.Sort[req.distance], &d) == nil {
				hit.DistanceKm = &d
			}
		}
		if q.Entity == flowcare.EntityVolunteer {
			// Vetting may have lapsed since the document was written.
			v := s.Vetted != nil && *s.Vetted && s.VettingExpires != nil && !s.VettingExpires.Before(today)
			hit.Vetted = &v
		}
		p.Hits = append(p.Hits, hit)
	}
	return p, nil
}

func summary(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= summaryRunes {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:summaryRunes])) + "…"
}

// flexStrings reads a keyword field that holds one value for most entities
// and several for volunteers, who may belong to more than one organisation.
type flexStrings []string

func (f *flexStrings) UnmarshalJSON(b []byte) error {
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		*f = nil
		return nil
	}
	var one string
	if json.Unmarshal(b, &one) == nil {
		*f = flexStrings{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*f = many
	return nil
}

func (f flexStrings) first() string {
	if len(f) == 0 {
		return ""
	}
	return f[0]
}
