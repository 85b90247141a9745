package search

import (
	"math"
	"testing"
	"time"

	"flowcare/internal/flowcare"
)

// settleQuery is a weekend need with the default weights; every kind passes
// its window, people can add language, record and load on top.
func settleQuery() flowcare.MatchQuery {
	return flowcare.MatchQuery{Category: flowcare.CatReadingGuidance, Age: 8, MaxKm: 10, Language: "普通话",
		Windows: []flowcare.TimeWindow{{Day: 6, Start: 8 * 60, End: 18 * 60}}, Now: time.Now(), Weights: flowcare.DefaultMatchWeights}
}

func scored(scores ...float64) []matchHit {
	hs := make([]matchHit, len(scores))
	for i, s := range scores {
		hs[i] = matchHit{score: s}
	}
	return hs
}

// Gauss(x) for the default distance decay, the inverse settlingRadius relies on.
func distancePoints(km float64) float64 {
	w := flowcare.DefaultMatchWeights
	return w.Distance * flowcare.Gauss(km, w.DistanceOffsetKm, w.DistanceScaleKm, w.DistanceDecay)
}

// The best across kinds searches people first: a slot or an event scores at
// most its distance and window points (60 by default), so when the third best
// person scores more they are not searched at all, and when not, only as far
// out as one of them could still score more.
func TestSettleSkipsKindsThatCannotReachTheBest(t *testing.T) {
	for _, c := range []struct {
		third      float64
		searchRest bool
	}{{61, false}, {58, true}} {
		p, err := newMatchPlan(settleQuery(), 3, 2)
		if err != nil {
			t.Fatal(err)
		}
		want := []bool{false, false, true, true}
		for j := range p.entities {
			if p.waiting[j] != want[j] {
				t.Fatalf("waiting = %v, want %v for %v", p.waiting, want, p.entities)
			}
		}
		p.hits[0] = scored(90, 85, c.third) // services, within 2 km
		p.hits[1] = scored(50)              // volunteers
		p.settle(3)
		// People farther than 2 km may score up to 40·g(1.99) + 45 = 78.7:
		// they are searched again, as far as one could still beat the third.
		for j := range 2 {
			if p.done[j] || !p.settling[j] || distancePoints(p.radius[j]-edgeKm)+45 >= c.third-scoreSlack {
				t.Fatalf("third best %.0f: %s done %v, next radius %.2f", c.third, p.entities[j], p.done[j], p.radius[j])
			}
		}
		for j := 2; j < 4; j++ {
			if c.searchRest {
				if p.done[j] || p.waiting[j] || !p.settling[j] {
					t.Fatalf("third best %.0f: %s done %v waiting %v, want a search", c.third, p.entities[j], p.done[j], p.waiting[j])
				}
				// Beyond the radius a slot's 40 distance points fall below 58 - 20.
				if r := p.radius[j]; distancePoints(r-edgeKm) >= c.third-20-scoreSlack || distancePoints(r-0.1) < c.third-20 {
					t.Fatalf("third best %.0f: %s searched to %.2f km, where distance gives %.2f", c.third, p.entities[j], r, distancePoints(r))
				}
			} else if !p.done[j] {
				t.Fatalf("third best %.0f: %s searched though it scores at most 60", c.third, p.entities[j])
			}
		}
	}
}

// Ten of each kind: what settles one kind does not settle another, and a
// kind whose near search found too few is searched over the whole radius.
func TestSettleEachKindOnItsOwn(t *testing.T) {
	q := settleQuery()
	q.PerEntity = 2
	p, err := newMatchPlan(q, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	for j := range p.entities {
		if p.waiting[j] || p.radius[j] != 2 {
			t.Fatalf("first searches: waiting %v radius %v", p.waiting, p.radius)
		}
	}
	p.hits[0] = scored(95, 80)   // services: 80 > 40·g(1.99) + 45 = 78.6
	p.hits[1] = scored(95, 70)   // volunteers: not settled
	p.hits[2] = scored(60)       // slots: too few
	p.hits[3] = scored(60, 59.9) // events: 59.9 > 33.6 + 20
	p.settle(0)
	if !p.done[0] || p.done[1] || p.done[2] || !p.done[3] {
		t.Fatalf("done = %v", p.done)
	}
	if p.radius[2] != 0 {
		t.Fatalf("slots next searched to %v km, want the whole radius", p.radius[2])
	}
	// Volunteers beyond the radius score below 70.
	if r := p.radius[1]; r <= 2 || r >= 10 || distancePoints(r-edgeKm)+45 >= 70-scoreSlack {
		t.Fatalf("volunteers next searched to %.2f km", r)
	}
	p.settle(0)
	if !p.done[1] || !p.done[2] {
		t.Fatalf("after the second search: done = %v", p.done)
	}
	if math.IsNaN(p.radius[1]) {
		t.Fatal("radius is NaN")
	}
}

// A kind whose near search keeps falling short starts with the whole radius,
// and tries the near search again now and then; a kind it settles keeps it.
func TestNearOddsLearnWhichKindsAreThin(t *testing.T) {
	o := newNearOdds()
	for range 20 {
		if o.tryNear(flowcare.EntitySlot) {
			o.record(flowcare.EntitySlot, false)
		}
		if !o.tryNear(flowcare.EntityService) {
			t.Fatal("services left the near search though it always settles them")
		}
		o.record(flowcare.EntityService, true)
	}
	near := 0
	for range 4 * nearRetry {
		if o.tryNear(flowcare.EntitySlot) {
			near++
		}
	}
	if near != 4 {
		t.Fatalf("slots tried near %d times in %d matches, want 4", near, 4*nearRetry)
	}
	// Once near searches settle again, the kind goes back to them.
	for range 20 {
		o.record(flowcare.EntitySlot, true)
	}
	if !o.tryNear(flowcare.EntitySlot) {
		t.Fatal("slots settled near again but still start with the whole radius")
	}
}
