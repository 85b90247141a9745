package search_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search"
	"flowcare/search/estest"
)

// matchWorld indexes a few hundred offers of every kind around the centre:
// a dense core where the near search settles the ranking, and thin
// outskirts where it cannot.
func matchWorld(t *testing.T) (*search.Client, string, time.Time) {
	t.Helper()
	c, prefix := ensured(t)
	now := time.Date(2025, 6, 2, 9, 0, 0, 0, flowcare.Beijing)
	rng := rand.New(rand.NewPCG(3, 5))
	cats := []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatRecreation}
	place := func(i int) []flowcare.GeoPoint {
		// Three in four within 1.5 km, the rest out to 12 km, some with two places.
		km := 1.5 * rng.Float64()
		if i%4 == 0 {
			km = 12 * rng.Float64()
		}
		a := rng.Float64() * 2 * math.Pi
		p := flowcare.GeoPoint{Lat: centre().Lat + km*math.Cos(a)/111.195, Lon: centre().Lon + km*math.Sin(a)/(111.195*math.Cos(centre().Lat*math.Pi/180))}
		if i%7 == 0 {
			return []flowcare.GeoPoint{p, north(centre(), 8)}
		}
		return []flowcare.GeoPoint{p}
	}
	weekend := func(i int) []flowcare.TimeWindow {
		return []flowcare.TimeWindow{{Day: 6 + i%2, Start: 8*60 + (i%6)*60, End: 11*60 + (i%6)*60}, {Day: 1 + i%5, Start: 18 * 60, End: 20 * 60}}
	}
	load := func(i int) flowcare.OfferLoad {
		return flowcare.OfferLoad{Active: i % 5, Completed: i % 7, Failed: i % 3}
	}
	langs := func(i int) []string {
		if i%3 == 0 {
			return []string{"普通话", "河南话"}
		}
		return []string{"普通话"}
	}
	var docs []flowcare.SearchDoc
	for i := range 240 {
		id := fmt.Sprintf("svc-%03d", i)
		docs = append(docs, flowcare.SearchDoc{Entity: flowcare.EntityService, ID: id, Version: 1, OrganisationName: "生成机构",
			Points: place(i), Load: load(i),
			Service: &flowcare.Service{ID: id, OrganisationID: "org-1", Name: "生成服务 " + id, Categories: []flowcare.Category{cats[i%2]},
				MinAge: 6, MaxAge: 12, Languages: langs(i), Capacity: 10, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive,
				Schedule: weekend(i)}})
	}
	expires := now.AddDate(1, 0, 0)
	for i := range 160 {
		id := fmt.Sprintf("vol-%03d", i)
		docs = append(docs, flowcare.SearchDoc{Entity: flowcare.EntityVolunteer, ID: id, Version: 1, Points: place(i), Load: load(i),
			Vetted: true, VettingExpires: &expires,
			Volunteer: &flowcare.Volunteer{ID: id, DisplayName: "生成志愿者 " + id, Skills: []flowcare.Category{cats[i%2]},
				Languages: langs(i), Availability: weekend(i), HoursPerMonth: 40, OrganisationIDs: []string{"org-1"}}})
	}
	saturday := time.Date(2025, 6, 7, 10, 0, 0, 0, flowcare.Beijing)
	for i := range 30 {
		id := fmt.Sprintf("slot-%03d", i)
		// Few slots, mostly far: the near search rarely finds ten.
		docs = append(docs, flowcare.SearchDoc{Entity: flowcare.EntitySlot, ID: id, Version: 1, OrganisationName: "生成图书馆",
			Points: []flowcare.GeoPoint{north(centre(), float64(i%10)+0.3)},
			Slot: &flowcare.Slot{ID: id, VenueID: "lib-1", Title: "生成时段 " + id, Categories: []flowcare.Category{cats[i%2]},
				StartsAt: saturday.Add(time.Duration(i%3) * time.Hour), EndsAt: saturday.Add(time.Duration(i%3)*time.Hour + 90*time.Minute),
				Capacity: 20, MinAge: 3, MaxAge: 14, ChildrenPerAdult: 3, BookingCutoff: saturday.AddDate(0, 0, -1), Status: flowcare.SlotPublished}})
	}
	for i := range 60 {
		id := fmt.Sprintf("event-%03d", i)
		// Events of a street share its centre point: equal scores, ordered by id.
		p := place(i)[0]
		if i%3 == 0 {
			p = north(centre(), 0.8)
		}
		docs = append(docs, flowcare.SearchDoc{Entity: flowcare.EntityEvent, ID: id, Version: 1, OrganisationName: "生成团委",
			Event: &flowcare.Event{ID: id, OrganisationID: "yl-1", Title: "生成活动 " + id, Categories: []flowcare.Category{cats[i%2]},
				StartsAt: saturday, EndsAt: saturday.Add(2 * time.Hour), Place: "生成地点", Latitude: p.Lat, Longitude: p.Lon,
				Capacity: 30, MinAge: 4, MaxAge: 14, RegistrationOpens: now.AddDate(0, 0, -3), RegistrationCloses: saturday.AddDate(0, 0, -1),
				Status: flowcare.EventPublished}})
	}
	index(t, c, docs...)
	return c, prefix, now
}

// matchQueries are needs at the centre and around it, near home or anywhere,
// with one window or two, with and without offers the child had before.
func matchQueries(now time.Time) []flowcare.MatchQuery {
	var qs []flowcare.MatchQuery
	for i := range 24 {
		q := flowcare.MatchQuery{
			Category: []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatRecreation}[i%2], Age: 8,
			Origin: north(centre(), float64(i%4)*2.5), MaxKm: 10, Language: "普通话", Languages: []string{"河南话"},
			Windows: []flowcare.TimeWindow{{Day: 6, Start: 8 * 60, End: 18 * 60}}, Now: now, PerEntity: 10,
			Weights: flowcare.DefaultMatchWeights,
		}
		if i%3 == 1 {
			q.Windows = append(q.Windows, flowcare.TimeWindow{Day: 7, Start: 8 * 60, End: 12 * 60})
		}
		if i%6 >= 4 {
			q.MaxKm = 0
		}
		if i%4 == 0 {
			// The people around the centre are many: ten of each are near.
			q.Entities = []flowcare.Entity{flowcare.EntityService, flowcare.EntityVolunteer}
		}
		if i%8 == 5 {
			// Few people speak it: slots and events come among the best.
			q.Language, q.Languages, q.RequireLanguage = "河南话", nil, true
			q.Origin = north(centre(), 6)
		}
		if i%5 == 2 {
			// Far offers the child did well with may outrank every near one.
			q.Continuity = map[flowcare.Entity][]string{flowcare.EntityService: {"svc-004", "svc-008"}, flowcare.EntityVolunteer: {"vol-012"}}
		}
		qs = append(qs, q)
	}
	return qs
}

func candidateKeys(cs []flowcare.MatchCandidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = fmt.Sprintf("%s:%s@%.4f", c.Entity, c.ID, c.Score)
	}
	return out
}

// The near search is only a way to score fewer offers: the candidates, their
// order and their explanations are those of one search over the whole radius.
func TestMatchNearFirstRanksAsOneSearchOverTheWholeRadius(t *testing.T) {
	ctx := context.Background()
	_, prefix, now := matchWorld(t)
	var sent atomic.Int64
	c, err := search.New(estest.URL(t), search.WithPrefix(prefix), search.WithTransportWrapper(func(next http.RoundTripper) http.RoundTripper {
		return countMsearch{next, &sent}
	}))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := search.New(estest.URL(t), search.WithPrefix(prefix), search.WithNearKm(0))
	if err != nil {
		t.Fatal(err)
	}
	rounds := map[int]int{}
	// Searches of the slot and event indices by BestMatches: none when the
	// people near the child already score more than any slot or event can.
	skipped, searched := 0, 0
	for i, q := range matchQueries(now) {
		want, err := whole.Match(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		sentBefore := sent.Load()
		got, err := c.Match(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		rounds[int(sent.Load()-sentBefore)]++
		if !slices.Equal(candidateKeys(got), candidateKeys(want)) {
			t.Fatalf("query %d (%+v):\n near first %v\n whole      %v", i, q, candidateKeys(got), candidateKeys(want))
		}
		for k := range got {
			if !slices.Equal(got[k].Factors, want[k].Factors) {
				t.Fatalf("query %d, %s: factors %+v, want %+v", i, got[k].ID, got[k].Factors, want[k].Factors)
			}
			var sum float64
			for _, f := range got[k].Factors {
				sum += f.Points
			}
			if math.Abs(sum-got[k].Score) > 1e-3 {
				t.Fatalf("query %d, %s: factors add up to %.4f, score %.4f", i, got[k].ID, sum, got[k].Score)
			}
		}

		// The best few across kinds are the head of the whole ranking.
		before := searchCount(t, prefix, flowcare.EntitySlot) + searchCount(t, prefix, flowcare.EntityEvent)
		best, err := c.BestMatches(ctx, []flowcare.MatchQuery{q, q}, 3)
		if err != nil {
			t.Fatal(err)
		}
		if slices.Contains(q.Entities, flowcare.EntitySlot) || len(q.Entities) == 0 {
			if searchCount(t, prefix, flowcare.EntitySlot)+searchCount(t, prefix, flowcare.EntityEvent) == before {
				skipped++
			} else {
				searched++
			}
		}
		head := want[:min(3, len(want))]
		if !slices.Equal(candidateKeys(best[0]), candidateKeys(head)) || !slices.Equal(candidateKeys(best[1]), candidateKeys(head)) {
			t.Fatalf("query %d: best 3 = %v, whole ranking starts %v", i, candidateKeys(best[0]), candidateKeys(head))
		}
	}
	// Both ways of ending must have been taken for the comparison to mean anything.
	if rounds[1] == 0 || rounds[2] == 0 {
		t.Fatalf("searches per match: %v; want some settled by the near search and some needing a second", rounds)
	}
	if skipped == 0 || searched == 0 {
		t.Fatalf("best matches skipped slots and events %d times and searched them %d times; want both", skipped, searched)
	}
}

// countMsearch counts the multi-searches a client sends.
type countMsearch struct {
	next http.RoundTripper
	n    *atomic.Int64
}

func (c countMsearch) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/_msearch") {
		c.n.Add(1)
	}
	return c.next.RoundTrip(r)
}

// searchCount is how many searches e's index has answered.
func searchCount(t *testing.T, prefix string, e flowcare.Entity) int {
	t.Helper()
	var stats struct {
		All struct {
			Primaries struct {
				Search struct {
					QueryTotal int `json:"query_total"`
				} `json:"search"`
			} `json:"primaries"`
		} `json:"_all"`
	}
	if code := getJSON(t, estest.URL(t)+"/"+prefix+"-"+string(e)+"s/_stats/search", &stats); code != 200 {
		t.Fatalf("stats of %s: HTTP %d", e, code)
	}
	return stats.All.Primaries.Search.QueryTotal
}

// A match asks the indices of a world with no offers near the child once
// more, over the whole radius, and finds what is farther out.
func TestMatchFindsFarOffersWhenNothingIsNear(t *testing.T) {
	ctx := context.Background()
	c, _ := ensured(t)
	now := time.Date(2025, 6, 2, 9, 0, 0, 0, flowcare.Beijing)
	doc := serviceDoc("svc-far", "远处的服务", func(d *flowcare.SearchDoc) { d.Points = []flowcare.GeoPoint{north(centre(), 7)} })
	index(t, c, doc)
	q := flowcare.MatchQuery{Category: flowcare.CatRecreation, Age: 8, Origin: centre(), MaxKm: 10, Now: now, PerEntity: 10,
		Windows: []flowcare.TimeWindow{{Day: 6, Start: 8 * 60, End: 18 * 60}}, Weights: flowcare.DefaultMatchWeights}
	got, err := c.Match(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "svc-far" || got[0].DistanceKm == nil || math.Abs(*got[0].DistanceKm-7) > 0.05 {
		t.Fatalf("candidates = %+v", got)
	}
	q.MaxKm = 5
	if got, err := c.Match(ctx, q); err != nil || len(got) != 0 {
		t.Fatalf("beyond the limit: %+v, %v", got, err)
	}
}
