package matching_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/indexing"
	"flowcare/internal/matching"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search"
	"flowcare/search/estest"
)

// fixture is a small world around one community in Chaoyang: a child with a
// reading need, a social organisation with a weekend reading service, a
// library with a slot, vetted volunteers near and far, and one not vetted.
type fixture struct {
	t     testing.TB
	db    *postgres.DB
	es    *search.Client
	relay *indexing.Relay
	svc   *matching.Service
	now   time.Time
	orgs  map[string]string
	n     int

	director, civil *flowcare.Actor
	child           *flowcare.Child
	volNear         *flowcare.Volunteer
	volNearActor    *flowcare.Actor
	service         *flowcare.Service
	slot            *flowcare.Slot
}

// Places: the child's community, the same street, and a street about 17 km
// to the north-west.
var (
	community = flowcare.GeoPoint{Lat: 39.9100, Lon: 116.4500}
	sameSt    = flowcare.GeoPoint{Lat: 39.9160, Lon: 116.4560}
	farSt     = flowcare.GeoPoint{Lat: 39.9900, Lon: 116.3000}
)

func setup(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	db := pgtest.New(t)
	es, _ := estest.New(t)
	if err := es.EnsureIndices(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: db, es: es, now: time.Now().UTC().Truncate(time.Second), orgs: map[string]string{}}
	clock := func() time.Time { return f.now }
	f.relay = indexing.NewRelay(db, es, nil, slog.New(slog.NewTextHandler(io.Discard, nil)), time.Now)
	cfg := matching.DefaultConfig
	cfg.BatchWorkers = 2
	f.svc = matching.New(db, es, cfg, clock)

	for _, a := range []struct {
		id, parent, level string
		p                 flowcare.GeoPoint
	}{
		{"110105001", "110105", "STREET", sameSt}, {"110105001001", "110105001", "COMMUNITY", community},
		{"110108001", "110108", "STREET", farSt}, {"110108001001", "110108001", "COMMUNITY", farSt},
	} {
		p, lat, lon := a.parent, a.p.Lat, a.p.Lon
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a.id, ParentID: &p, Level: flowcare.AreaLevel(a.level), Name: "区域" + a.id,
			Latitude: &lat, Longitude: &lon}); err != nil {
			t.Fatal(err)
		}
	}
	for key, kind := range map[string]flowcare.OrganisationKind{"orgA": flowcare.OrgSocial, "orgB": flowcare.OrgSocial,
		"libA": flowcare.OrgLibrary, "ylA": flowcare.OrgYouthLeague} {
		contact, phone := "联系人", "010-12345678"
		o := &flowcare.Organisation{Name: "测试机构" + key, Kind: kind, AreaID: "110105", ContactName: &contact, ContactPhone: &phone}
		if err := db.Directory().CreateOrganisation(ctx, o); err != nil {
			t.Fatal(err)
		}
		if err := db.Directory().SetVerification(ctx, o.ID, flowcare.VerificationVerified, nil, "", f.now); err != nil {
			t.Fatal(err)
		}
		f.orgs[key] = o.ID
	}
	f.director = f.actor("director", flowcare.RoleChildDirector, "110105001001", "")
	f.civil = f.actor("civil", flowcare.RoleCivilAffairs, "110105", "")

	f.volNearActor = f.actor("vol.near", flowcare.RoleVolunteer, "", "orgA")
	f.volNear = f.volunteer(f.volNearActor, "110105001", []string{"普通话", "河南话"}, true, "orgA")
	f.volunteer(f.actor("vol.far", flowcare.RoleVolunteer, "", "orgA"), "110108001", []string{"普通话"}, true, "orgA")
	f.volunteer(f.actor("vol.unvetted", flowcare.RoleVolunteer, "", "orgA"), "110105001", []string{"普通话"}, false, "orgA")

	f.service = &flowcare.Service{OrganisationID: f.orgs["orgA"], Name: "周末阅读陪伴", Categories: []flowcare.Category{flowcare.CatReadingGuidance},
		MinAge: 6, MaxAge: 12, AreasServed: []string{"110105"}, Schedule: []flowcare.TimeWindow{{Day: 6, Start: 9 * 60, End: 11 * 60}},
		Capacity: 10, Languages: []string{"普通话"}, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive,
		Locations: []flowcare.Location{{Name: "活动室", AreaID: "110105001001", Latitude: 39.9120, Longitude: 116.4520}}}
	if err := db.Directory().CreateService(ctx, f.service); err != nil {
		t.Fatal(err)
	}
	f.slot = f.newSlot(10, f.saturday(1, 10), nil)

	birth := f.now.AddDate(-9, 0, 0)
	f.child = &flowcare.Child{Name: "测试儿童", Gender: flowcare.GenderFemale, BirthDate: birth, NoIDReason: "测试",
		Hukou: flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"}, MovedWith: flowcare.MovedWithBothGuardians,
		CommunityID: "110105001001", ArrivedOn: f.now.AddDate(-2, 0, 0), Languages: []string{"河南话"}, Status: flowcare.ChildActive,
		Guardians: []flowcare.Guardian{{Name: "测试家长", Relation: "母亲", Phone: "13912345678", Primary: true}}}
	if err := db.Children().CreateChild(ctx, f.child); err != nil {
		t.Fatal(err)
	}
	f.child.AreaPath = "110000/110105/110105001/110105001001"
	f.sync()
	return f
}

// saturday is the start of the nth Saturday from now at the hour, Beijing time.
func (f *fixture) saturday(n, hour int) time.Time {
	d := f.now.In(flowcare.Beijing)
	for d.Weekday() != time.Saturday {
		d = d.AddDate(0, 0, 1)
	}
	d = d.AddDate(0, 0, 7*(n-1)+7)
	return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, flowcare.Beijing)
}

func (f *fixture) newSlot(capacity int, start time.Time, series *string) *flowcare.Slot {
	f.t.Helper()
	sl := &flowcare.Slot{VenueID: f.orgs["libA"], SeriesID: series, Title: fmt.Sprintf("绘本故事会 %d", f.next()),
		Categories: []flowcare.Category{flowcare.CatReadingGuidance}, StartsAt: start, EndsAt: start.Add(90 * time.Minute),
		Capacity: capacity, MinAge: 3, MaxAge: 12, ChildrenPerAdult: 3, BookingCutoff: start.Add(-24 * time.Hour), Status: flowcare.SlotPublished}
	if err := f.db.Directory().CreateSlots(context.Background(), []*flowcare.Slot{sl}); err != nil {
		f.t.Fatal(err)
	}
	return sl
}

func (f *fixture) next() int { f.n++; return f.n }

func (f *fixture) actor(name string, role flowcare.Role, area, org string) *flowcare.Actor {
	f.t.Helper()
	ctx := context.Background()
	u := &flowcare.User{Username: name, DisplayName: name, PasswordHash: "x"}
	if err := f.db.Users().CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	g := &flowcare.Grant{UserID: u.ID, Role: role, GrantedAt: f.now}
	if area != "" {
		g.AreaID = &area
	}
	if org != "" {
		id := f.orgs[org]
		g.OrganisationID = &id
	}
	if err := f.db.Users().CreateGrant(ctx, g, ""); err != nil {
		f.t.Fatal(err)
	}
	gs, err := f.db.Users().ActiveGrants(ctx, []string{u.ID})
	if err != nil {
		f.t.Fatal(err)
	}
	return &flowcare.Actor{UserID: u.ID, Username: name, Grants: gs[u.ID]}
}

func (f *fixture) volunteer(a *flowcare.Actor, home string, langs []string, vetted bool, orgs ...string) *flowcare.Volunteer {
	f.t.Helper()
	ctx := context.Background()
	v := &flowcare.Volunteer{UserID: a.UserID, DisplayName: a.Username, Skills: []flowcare.Category{flowcare.CatReadingGuidance},
		Languages: langs, HomeAreaID: home, HoursPerMonth: 8,
		Availability: []flowcare.TimeWindow{{Day: 6, Start: 8 * 60, End: 12 * 60}, {Day: 7, Start: 14 * 60, End: 17 * 60}}}
	for _, o := range orgs {
		v.OrganisationIDs = append(v.OrganisationIDs, f.orgs[o])
	}
	if err := f.db.Directory().CreateVolunteer(ctx, v); err != nil {
		f.t.Fatal(err)
	}
	if vetted {
		for _, k := range flowcare.VettingKinds {
			it := &flowcare.VettingItem{VolunteerID: v.ID, Kind: k, Status: flowcare.VettingApproved, CompletedOn: f.now.AddDate(0, -1, 0),
				ExpiresOn: f.now.AddDate(1, 0, 0)}
			if err := f.db.Directory().CreateVetting(ctx, it, ""); err != nil {
				f.t.Fatal(err)
			}
		}
	}
	return v
}

// need raises an open reading need for the fixture's child.
func (f *fixture) need() *flowcare.Need {
	f.t.Helper()
	n := &flowcare.Need{ChildID: f.child.ID, Category: flowcare.CatReadingGuidance, Description: "周末陪伴阅读", Urgency: flowcare.LevelMedium,
		Windows: []flowcare.TimeWindow{{Day: 6, Start: 9 * 60, End: 12 * 60}}, Language: "普通话", Place: flowcare.PlaceNearHome,
		Status: flowcare.NeedOpen}
	if err := f.db.Care().CreateNeed(context.Background(), n, f.director.UserID); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// sync drains the outbox into the index and makes it searchable.
func (f *fixture) sync() {
	f.t.Helper()
	ctx := context.Background()
	for {
		n, err := f.relay.Drain(ctx)
		if err != nil {
			f.t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	if err := f.es.Refresh(ctx); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) grantShare(granted bool) {
	f.t.Helper()
	c := &flowcare.Consent{ChildID: f.child.ID, Purpose: flowcare.ConsentShare, Granted: granted, Method: flowcare.ConsentWritten,
		GivenOn: f.now.AddDate(0, 0, -1)}
	if err := f.db.Children().CreateConsent(context.Background(), c, f.director.UserID); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) needStatus(id string) flowcare.NeedStatus {
	f.t.Helper()
	n, err := f.db.Care().NeedByID(context.Background(), id)
	if err != nil {
		f.t.Fatal(err)
	}
	return n.Status
}

// writes counts what a refused call must leave alone.
func (f *fixture) writes() string {
	var c [7]int
	err := f.db.SQL().QueryRow(`SELECT (SELECT count(*) FROM matches), (SELECT count(*) FROM match_history),
		(SELECT count(*) FROM bookings), (SELECT count(*) FROM service_sessions), (SELECT count(*) FROM notifications),
		(SELECT count(*) FROM audit_events), (SELECT count(*) FROM service_sessions WHERE hours_status <> 'PENDING')`).
		Scan(&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6])
	if err != nil {
		f.t.Fatal(err)
	}
	return fmt.Sprint(c)
}

func as(a *flowcare.Actor) context.Context { return flowcare.WithActor(context.Background(), a) }

func wantCode(t testing.TB, err error, code string) {
	t.Helper()
	if got := flowcare.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }
