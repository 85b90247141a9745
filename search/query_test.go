package search_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search"
)

func ptr[T any](v T) *T { return &v }

type searchCase struct {
	name    string
	q       flowcare.SearchQuery
	want    []string
	ordered bool
}

func runSearchCases(t *testing.T, c *search.Client, cases []searchCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			p := mustSearch(t, c, tt.q)
			got := ids(p)
			want := slices.Clone(tt.want)
			if !tt.ordered {
				slices.Sort(got)
				slices.Sort(want)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
			if p.Total != len(tt.want) || p.HasNext {
				t.Errorf("total %d, hasNext %v; want %d, false", p.Total, p.HasNext, len(tt.want))
			}
		})
	}
}

func TestSearchServices(t *testing.T) {
	c, _ := ensured(t)
	read := serviceDoc("svc-read", "周末阅读陪伴")
	read.Service.Categories = []flowcare.Category{flowcare.CatReadingGuidance}
	read.Service.Description = "每周末陪孩子读绘本"

	psy := serviceDoc("svc-psy", "心理咨询热线")
	psy.OrganisationName = "心桥心理服务中心"
	psy.Service.OrganisationID = "org-2"
	psy.Service.Description = "专业心理咨询师在线倾听，也推荐阅读疗愈书目"
	psy.Service.Categories = []flowcare.Category{flowcare.CatPsychologicalCounsel}
	psy.Service.MinAge, psy.Service.MaxAge = 10, 16
	psy.Service.Languages = []string{"zh", "ug"}
	psy.Areas = []string{"110000", "110108", "110108002"}
	psy.Points = []flowcare.GeoPoint{north(centre(), 20)}

	family := serviceDoc("svc-family", "亲子阅读指导")
	family.Service.Categories = []flowcare.Category{flowcare.CatFamilyEducation, flowcare.CatReadingGuidance}
	family.Service.MinAge, family.Service.MaxAge = 3, 6
	family.Service.Languages = []string{"zh", "en"}
	family.Areas = []string{"110000", "110105", "110105002"}
	family.Points = []flowcare.GeoPoint{north(centre(), 3)}

	nowhere := serviceDoc("svc-nopoint", "城市融入课堂")
	nowhere.OrganisationName = "融城公益"
	nowhere.Service.OrganisationID = "org-3"
	nowhere.Service.Categories = []flowcare.Category{flowcare.CatCityIntegration}
	nowhere.Service.MinAge, nowhere.Service.MaxAge = 8, 15
	nowhere.Areas = []string{"110000", "110106"}
	nowhere.Points = nil

	index(t, c, read, psy, family, nowhere)
	svc := func(q flowcare.SearchQuery) flowcare.SearchQuery { q.Entity = flowcare.EntityService; return q }
	all := []string{"svc-read", "svc-psy", "svc-family", "svc-nopoint"}

	runSearchCases(t, c, []searchCase{
		{"everything in title order", svc(flowcare.SearchQuery{}), []string{"svc-family", "svc-read", "svc-nopoint", "svc-psy"}, true},
		{"a word of a Chinese title", svc(flowcare.SearchQuery{Text: "阅读"}), []string{"svc-read", "svc-family", "svc-psy"}, false},
		{"a longer phrase is not diluted to any shared bigram", svc(flowcare.SearchQuery{Text: "周末阅读"}), []string{"svc-read"}, false},
		{"an organisation name", svc(flowcare.SearchQuery{Text: "阳光社工"}), []string{"svc-read", "svc-family"}, false},
		{"no match", svc(flowcare.SearchQuery{Text: "火箭发射"}), nil, false},
		{"one category", svc(flowcare.SearchQuery{Categories: []flowcare.Category{flowcare.CatReadingGuidance}}), []string{"svc-read", "svc-family"}, false},
		{"any of several categories", svc(flowcare.SearchQuery{Categories: []flowcare.Category{flowcare.CatPsychologicalCounsel, flowcare.CatCityIntegration}}), []string{"svc-psy", "svc-nopoint"}, false},
		{"a district finds its streets", svc(flowcare.SearchQuery{AreaID: "110105"}), []string{"svc-read", "svc-family"}, false},
		{"a street", svc(flowcare.SearchQuery{AreaID: "110105001"}), []string{"svc-read"}, false},
		{"the city", svc(flowcare.SearchQuery{AreaID: "110000"}), all, false},
		{"age on the lower bound", svc(flowcare.SearchQuery{Age: ptr(6)}), []string{"svc-read", "svc-family"}, false},
		{"age inside one range", svc(flowcare.SearchQuery{Age: ptr(7)}), []string{"svc-read"}, false},
		{"age on an upper bound", svc(flowcare.SearchQuery{Age: ptr(16)}), []string{"svc-psy"}, false},
		{"age outside every range", svc(flowcare.SearchQuery{Age: ptr(17)}), nil, false},
		{"within 5 km, nearest first", svc(flowcare.SearchQuery{Near: ptr(centre()), RadiusKm: 5}), []string{"svc-read", "svc-family"}, true},
		{"within 1 km", svc(flowcare.SearchQuery{Near: ptr(centre()), RadiusKm: 1}), []string{"svc-read"}, true},
		{"near without a radius sorts, places unknown last", svc(flowcare.SearchQuery{Near: ptr(centre())}), []string{"svc-read", "svc-family", "svc-psy", "svc-nopoint"}, true},
		{"a language", svc(flowcare.SearchQuery{Language: "en"}), []string{"svc-family"}, false},
		{"another language", svc(flowcare.SearchQuery{Language: "ug"}), []string{"svc-psy"}, false},
		{"one organisation", svc(flowcare.SearchQuery{OrganisationIDs: []string{"org-1"}}), []string{"svc-read", "svc-family"}, false},
		{"several organisations", svc(flowcare.SearchQuery{OrganisationIDs: []string{"org-2", "org-3"}}), []string{"svc-psy", "svc-nopoint"}, false},
		{"text with filters", svc(flowcare.SearchQuery{Text: "阅读", AreaID: "110105", Age: ptr(5)}), []string{"svc-family"}, false},
		{"dates do not apply to services", svc(flowcare.SearchQuery{From: ptr(time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC))}), all, false},
		{"vetting does not apply to services", svc(flowcare.SearchQuery{VettedOnly: true}), all, false},
	})

	t.Run("titles rank above descriptions", func(t *testing.T) {
		p := mustSearch(t, c, svc(flowcare.SearchQuery{Text: "阅读"}))
		if len(p.Hits) != 3 || p.Hits[2].ID != "svc-psy" {
			t.Fatalf("got %v, want the description-only match last", ids(p))
		}
		if !(p.Hits[0].Score >= p.Hits[1].Score && p.Hits[1].Score > p.Hits[2].Score) {
			t.Errorf("scores not descending: %v %v %v", p.Hits[0].Score, p.Hits[1].Score, p.Hits[2].Score)
		}
	})
	t.Run("the exact phrase ranks first", func(t *testing.T) {
		p := mustSearch(t, c, svc(flowcare.SearchQuery{Text: "亲子阅读"}))
		if len(p.Hits) == 0 || p.Hits[0].ID != "svc-family" {
			t.Fatalf("got %v, want svc-family first", ids(p))
		}
	})
	t.Run("distance is reported", func(t *testing.T) {
		p := mustSearch(t, c, svc(flowcare.SearchQuery{Near: ptr(centre())}))
		want := map[string][2]float64{"svc-read": {0, 0.05}, "svc-family": {2.9, 3.1}, "svc-psy": {19.8, 20.2}}
		for _, h := range p.Hits {
			r, ok := want[h.ID]
			switch {
			case !ok && h.DistanceKm != nil:
				t.Errorf("%s without a place has distance %v", h.ID, *h.DistanceKm)
			case ok && (h.DistanceKm == nil || *h.DistanceKm < r[0] || *h.DistanceKm > r[1]):
				t.Errorf("%s: distance %v, want within %v", h.ID, h.DistanceKm, r)
			}
		}
	})
	t.Run("text near a place sorts by score, then distance", func(t *testing.T) {
		p := mustSearch(t, c, svc(flowcare.SearchQuery{Text: "阳光社工", Near: ptr(north(centre(), 3))}))
		if got := ids(p); !slices.Equal(got, []string{"svc-family", "svc-read"}) {
			t.Errorf("got %v, want the equally scored services nearest first", got)
		}
		for _, h := range p.Hits {
			if h.DistanceKm == nil {
				t.Errorf("%s: no distance", h.ID)
			}
		}
	})
	t.Run("a hit is built from the document", func(t *testing.T) {
		p := mustSearch(t, c, svc(flowcare.SearchQuery{Text: "周末阅读"}))
		h := p.Hits[0]
		if h.Entity != flowcare.EntityService || h.Title != "周末阅读陪伴" || h.Summary != "每周末陪孩子读绘本" ||
			h.OrganisationID != "org-1" || h.OrganisationName != "阳光社工事务所" || h.MinAge != 6 || h.MaxAge != 12 ||
			!slices.Equal(h.AreaIDs, []string{"110000", "110105", "110105001"}) || !slices.Equal(h.Languages, []string{"zh"}) ||
			!slices.Equal(h.Categories, []flowcare.Category{flowcare.CatReadingGuidance}) || h.Cursor == "" || h.Vetted != nil || h.StartsAt != nil {
			t.Errorf("hit %+v", h)
		}
	})
}

// Chinese is indexed as overlapping bigrams. A four-character query of two
// words has a bigram across the word boundary that a good match need not
// contain, while a single shared bigram is too little.
func TestSearchChineseRelevance(t *testing.T) {
	c, _ := ensured(t)
	index(t, c,
		serviceDoc("exact", "亲子阅读指导"),
		serviceDoc("apart", "亲子游戏，绘本阅读"),
		serviceDoc("reading", "阅读角开放"),
		serviceDoc("family", "亲子运动会"),
	)
	svc := func(text string) flowcare.SearchQuery {
		return flowcare.SearchQuery{Entity: flowcare.EntityService, Text: text}
	}
	runSearchCases(t, c, []searchCase{
		{"both words, the phrase first", svc("亲子阅读"), []string{"exact", "apart"}, true},
		{"one word", svc("阅读"), []string{"exact", "apart", "reading"}, false},
		{"one shared word is not enough for two", svc("绘本阅读"), []string{"apart"}, true},
		{"words separated by a space", svc("亲子 阅读"), []string{"exact", "apart"}, false},
	})
}

func TestSearchSummaryIsShort(t *testing.T) {
	c, _ := ensured(t)
	d := serviceDoc("svc-long", "长描述")
	d.Service.Description = strings.Repeat("流动儿童关爱服务", 30)
	index(t, c, d)
	p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService})
	s := []rune(p.Hits[0].Summary)
	if len(s) != 121 || s[120] != '…' || string(s[:120]) != string([]rune(d.Service.Description)[:120]) {
		t.Errorf("summary %q (%d runes)", p.Hits[0].Summary, len(s))
	}
}

func TestSearchSlotsAndEvents(t *testing.T) {
	c, _ := ensured(t)
	cst := time.FixedZone("CST", 8*3600)
	slot := func(id, title string, start time.Time, p flowcare.GeoPoint) flowcare.SearchDoc {
		return flowcare.SearchDoc{
			Entity: flowcare.EntitySlot, ID: id, Version: 1, OrganisationName: "首都图书馆",
			Areas: []string{"110000", "110105", "110105003"}, Points: []flowcare.GeoPoint{p},
			Slot: &flowcare.Slot{
				ID: id, VenueID: "lib-1", Title: title, Description: "适合小学生",
				Categories: []flowcare.Category{flowcare.CatPublicCulture},
				StartsAt:   start, EndsAt: start.Add(90 * time.Minute), BookingCutoff: start.Add(-24 * time.Hour),
				Capacity: 20, MinAge: 4, MaxAge: 10, ChildrenPerAdult: 2, Status: flowcare.SlotPublished,
			},
		}
	}
	event := func(id, title, place string, start time.Time, p flowcare.GeoPoint) flowcare.SearchDoc {
		return flowcare.SearchDoc{
			Entity: flowcare.EntityEvent, ID: id, Version: 1, OrganisationName: "朝阳团区委",
			Event: &flowcare.Event{
				ID: id, OrganisationID: "youth-1", Title: title, Description: "欢迎报名", Place: place,
				Categories: []flowcare.Category{flowcare.CatRecreation}, StartsAt: start, EndsAt: start.Add(2 * time.Hour),
				AreaID: "110105", Latitude: p.Lat, Longitude: p.Lon, Capacity: 50, MinAge: 6, MaxAge: 14,
				RegistrationOpens: start.Add(-30 * 24 * time.Hour), RegistrationCloses: start.Add(-24 * time.Hour),
				Status: flowcare.EventPublished,
			},
		}
	}
	may1 := time.Date(2030, 5, 1, 10, 0, 0, 0, cst)
	index(t, c,
		slot("slot-a", "绘本故事会", may1, centre()),
		slot("slot-b", "博物馆探秘", time.Date(2030, 5, 10, 14, 0, 0, 0, cst), north(centre(), 10)),
		slot("slot-c", "绘本手工", time.Date(2030, 6, 1, 9, 30, 0, 0, cst), centre()),
		event("ev-mum", "爱心妈妈结对活动", "朝阳区青少年宫", time.Date(2030, 7, 1, 9, 0, 0, 0, cst), north(centre(), 2)),
		event("ev-12355", "12355 青少年服务台开放日", "团市委大楼", time.Date(2030, 6, 20, 9, 0, 0, 0, cst), north(centre(), 8)),
	)
	slots := func(q flowcare.SearchQuery) flowcare.SearchQuery { q.Entity = flowcare.EntitySlot; return q }
	events := func(q flowcare.SearchQuery) flowcare.SearchQuery { q.Entity = flowcare.EntityEvent; return q }
	runSearchCases(t, c, []searchCase{
		{"slots soonest first", slots(flowcare.SearchQuery{}), []string{"slot-a", "slot-b", "slot-c"}, true},
		{"slots in May", slots(flowcare.SearchQuery{From: ptr(time.Date(2030, 5, 1, 0, 0, 0, 0, cst)), To: ptr(time.Date(2030, 5, 31, 23, 59, 0, 0, cst))}), []string{"slot-a", "slot-b"}, true},
		{"slots from a start time, inclusive", slots(flowcare.SearchQuery{From: ptr(may1)}), []string{"slot-a", "slot-b", "slot-c"}, true},
		{"slots after 5 May", slots(flowcare.SearchQuery{From: ptr(time.Date(2030, 5, 5, 0, 0, 0, 0, cst))}), []string{"slot-b", "slot-c"}, true},
		{"slots until 5 May", slots(flowcare.SearchQuery{To: ptr(time.Date(2030, 5, 5, 0, 0, 0, 0, cst))}), []string{"slot-a"}, true},
		{"slots by text", slots(flowcare.SearchQuery{Text: "绘本"}), []string{"slot-a", "slot-c"}, false},
		{"slots by venue name", slots(flowcare.SearchQuery{Text: "图书馆"}), []string{"slot-a", "slot-b", "slot-c"}, false},
		{"slots of a venue", slots(flowcare.SearchQuery{OrganisationIDs: []string{"lib-1"}}), []string{"slot-a", "slot-b", "slot-c"}, true},
		{"slots by age", slots(flowcare.SearchQuery{Age: ptr(11)}), nil, false},
		{"slots near, within 5 km", slots(flowcare.SearchQuery{Near: ptr(centre()), RadiusKm: 5}), []string{"slot-a", "slot-c"}, true},
		{"languages do not apply to slots", slots(flowcare.SearchQuery{Language: "en"}), []string{"slot-a", "slot-b", "slot-c"}, true},
		{"events soonest first", events(flowcare.SearchQuery{}), []string{"ev-12355", "ev-mum"}, true},
		{"events by title", events(flowcare.SearchQuery{Text: "爱心妈妈"}), []string{"ev-mum"}, false},
		// 青少年宫 shares two of its three bigrams with 青少年服务台: the exact
		// place comes first and the near miss after it.
		{"events by place", events(flowcare.SearchQuery{Text: "青少年宫"}), []string{"ev-mum", "ev-12355"}, true},
		{"events by hotline number", events(flowcare.SearchQuery{Text: "12355"}), []string{"ev-12355"}, false},
		{"events in the area of their place", events(flowcare.SearchQuery{AreaID: "110105"}), []string{"ev-12355", "ev-mum"}, true},
		{"events within 5 km of their place", events(flowcare.SearchQuery{Near: ptr(centre()), RadiusKm: 5}), []string{"ev-mum"}, true},
		{"events in June", events(flowcare.SearchQuery{From: ptr(time.Date(2030, 6, 1, 0, 0, 0, 0, cst)), To: ptr(time.Date(2030, 6, 30, 0, 0, 0, 0, cst))}), []string{"ev-12355"}, true},
	})
	t.Run("times come back", func(t *testing.T) {
		p := mustSearch(t, c, slots(flowcare.SearchQuery{}))
		h := p.Hits[0]
		if h.StartsAt == nil || !h.StartsAt.Equal(may1) || h.EndsAt == nil || !h.EndsAt.Equal(may1.Add(90*time.Minute)) {
			t.Errorf("slot-a starts %v, ends %v", h.StartsAt, h.EndsAt)
		}
		if h.OrganisationID != "lib-1" || h.OrganisationName != "首都图书馆" || h.Title != "绘本故事会" {
			t.Errorf("hit %+v", h)
		}
	})
}

func TestSearchVolunteers(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	now := time.Date(2030, 6, 15, 10, 0, 0, 0, cst)
	c, _ := ensured(t, search.WithClock(func() time.Time { return now }))
	day := func(y int, m time.Month, d int) *time.Time { return ptr(time.Date(y, m, d, 0, 0, 0, 0, time.UTC)) }
	vol := func(id, name string, vetted bool, expires *time.Time) flowcare.SearchDoc {
		return flowcare.SearchDoc{
			Entity: flowcare.EntityVolunteer, ID: id, Version: 1, Vetted: vetted, VettingExpires: expires,
			Areas: []string{"110000", "110108", "110108001"}, Points: []flowcare.GeoPoint{north(centre(), 15)},
			Volunteer: &flowcare.Volunteer{
				ID: id, DisplayName: name, Skills: []flowcare.Category{flowcare.CatOneToOneSupport},
				Languages: []string{"zh"}, HomeAreaID: "110108001", HoursPerMonth: 4, OrganisationIDs: []string{"org-1"},
			},
		}
	}
	fluent := vol("vol-ok", "王老师", true, day(2031, 1, 1))
	fluent.Volunteer.Languages = []string{"zh", "en"}
	fluent.Volunteer.Skills = []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatLetterCompanionship}
	index(t, c,
		fluent,
		vol("vol-today", "张老师", true, day(2030, 6, 15)),
		vol("vol-expired", "赵老师", true, day(2030, 6, 14)),
		vol("vol-unvetted", "刘老师", false, nil),
	)
	vols := func(q flowcare.SearchQuery) flowcare.SearchQuery { q.Entity = flowcare.EntityVolunteer; return q }
	runSearchCases(t, c, []searchCase{
		{"everyone", vols(flowcare.SearchQuery{}), []string{"vol-ok", "vol-today", "vol-expired", "vol-unvetted"}, false},
		{"vetted and current, to the end of the expiry day", vols(flowcare.SearchQuery{VettedOnly: true}), []string{"vol-ok", "vol-today"}, false},
		{"by skill", vols(flowcare.SearchQuery{Categories: []flowcare.Category{flowcare.CatLetterCompanionship}}), []string{"vol-ok"}, false},
		{"by language", vols(flowcare.SearchQuery{Language: "en"}), []string{"vol-ok"}, false},
		{"by district of home", vols(flowcare.SearchQuery{AreaID: "110108"}), []string{"vol-ok", "vol-today", "vol-expired", "vol-unvetted"}, false},
		{"by another district", vols(flowcare.SearchQuery{AreaID: "110105"}), nil, false},
		{"by display name", vols(flowcare.SearchQuery{Text: "王老师"}), []string{"vol-ok"}, false},
		{"age does not apply to volunteers", vols(flowcare.SearchQuery{Age: ptr(9)}), []string{"vol-ok", "vol-today", "vol-expired", "vol-unvetted"}, false},
	})
	t.Run("hits say whether vetting is current", func(t *testing.T) {
		p := mustSearch(t, c, vols(flowcare.SearchQuery{}))
		want := map[string]bool{"vol-ok": true, "vol-today": true, "vol-expired": false, "vol-unvetted": false}
		for _, h := range p.Hits {
			if h.Vetted == nil || *h.Vetted != want[h.ID] {
				t.Errorf("%s: vetted %v, want %v", h.ID, h.Vetted, want[h.ID])
			}
			if h.OrganisationID != "org-1" {
				t.Errorf("%s: organisation %q", h.ID, h.OrganisationID)
			}
		}
	})
}

func TestSearchPaginates(t *testing.T) {
	c, _ := ensured(t)
	var docs []flowcare.SearchDoc
	for i := range 25 {
		// Few distinct titles and equal scores leave the order to the id.
		d := serviceDoc(fmt.Sprintf("svc-%02d", i), fmt.Sprintf("阅读小组 %d", i%3))
		if i%4 == 0 {
			d.Points = nil
		} else {
			d.Points = []flowcare.GeoPoint{north(centre(), float64(i%5))}
		}
		docs = append(docs, d)
	}
	index(t, c, docs...)
	tests := []struct {
		name string
		q    flowcare.SearchQuery
	}{
		{"title order", flowcare.SearchQuery{}},
		{"score order", flowcare.SearchQuery{Text: "阅读"}},
		{"distance order, some without a place", flowcare.SearchQuery{Near: ptr(centre())}},
		{"score then distance", flowcare.SearchQuery{Text: "阅读小组", Near: ptr(centre())}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.q
			q.Entity, q.First = flowcare.EntityService, 10
			seen := map[string]bool{}
			var sizes []int
			for page := 0; ; page++ {
				if page > 5 {
					t.Fatal("pagination does not end")
				}
				p := mustSearch(t, c, q)
				if p.Total != 25 {
					t.Errorf("page %d: total %d, want 25", page, p.Total)
				}
				sizes = append(sizes, len(p.Hits))
				for _, h := range p.Hits {
					if seen[h.ID] {
						t.Errorf("page %d repeats %s", page, h.ID)
					}
					seen[h.ID] = true
				}
				if !p.HasNext {
					break
				}
				q.After = p.Hits[len(p.Hits)-1].Cursor
			}
			if !slices.Equal(sizes, []int{10, 10, 5}) || len(seen) != 25 {
				t.Errorf("pages of %v with %d distinct hits, want 10, 10, 5 with 25", sizes, len(seen))
			}
		})
	}
	t.Run("the default page is 20", func(t *testing.T) {
		p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService})
		if len(p.Hits) != 20 || !p.HasNext {
			t.Errorf("%d hits, hasNext %v", len(p.Hits), p.HasNext)
		}
	})
	t.Run("any hit's cursor continues after it", func(t *testing.T) {
		all := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService, First: 100})
		p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService, First: 3, After: all.Hits[6].Cursor})
		if got, want := ids(p), ids(all)[7:10]; !slices.Equal(got, want) {
			t.Errorf("after hit 7: %v, want %v", got, want)
		}
	})
}

func TestSearchRejectsBadInput(t *testing.T) {
	c, _ := ensured(t)
	index(t, c, serviceDoc("svc-1", "阅读"))
	b64 := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name  string
		q     flowcare.SearchQuery
		field string
	}{
		{"cursor not base64", flowcare.SearchQuery{After: "%%%not-a-cursor"}, "after"},
		{"cursor not JSON", flowcare.SearchQuery{After: b64("hello")}, "after"},
		{"cursor not a list", flowcare.SearchQuery{After: b64(`{"a":1}`)}, "after"},
		{"cursor of another sort", flowcare.SearchQuery{After: b64(`["x"]`)}, "after"},
		{"cursor with an object", flowcare.SearchQuery{After: b64(`[{"a":1},"x"]`)}, "after"},
		{"cursor ending in a number", flowcare.SearchQuery{After: b64(`["x",1]`)}, "after"},
		{"cursor with a bad date", flowcare.SearchQuery{Entity: flowcare.EntitySlot, After: b64(`["not a date","x"]`)}, "after"},
		{"page too big", flowcare.SearchQuery{First: 101}, "first"},
		{"negative page", flowcare.SearchQuery{First: -1}, "first"},
		{"negative age", flowcare.SearchQuery{Age: ptr(-1)}, "age"},
		{"negative radius", flowcare.SearchQuery{Near: ptr(centre()), RadiusKm: -1}, "radiusKm"},
		{"no such place", flowcare.SearchQuery{Near: &flowcare.GeoPoint{Lat: 91}}, "near"},
		{"unknown entity", flowcare.SearchQuery{Entity: "child"}, "entity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.q.Entity == "" {
				tt.q.Entity = flowcare.EntityService
			}
			_, err := c.Search(context.Background(), tt.q)
			if flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != tt.field {
				t.Errorf("got %v (code %q, field %q), want INVALID on %s", err, flowcare.ErrorCode(err), flowcare.ErrorField(err), tt.field)
			}
		})
	}
}
