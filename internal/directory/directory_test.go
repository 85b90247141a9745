package directory_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"

	"flowcare/internal/access"
	"flowcare/internal/directory"
	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/search/estest"
)

var fastHasher = access.Argon2id{Params: &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}}

type fixture struct {
	t    *testing.T
	db   *postgres.DB
	svc  *directory.Service
	orgs map[string]string
	n    int
}

var now = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T) *fixture {
	t.Helper()
	db := pgtest.New(t)
	es, _ := estest.New(t)
	if err := es.EnsureIndices(context.Background()); err != nil {
		t.Fatal(err)
	}
	acc, err := access.New(db, fastHasher, access.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	signIn := func(ctx context.Context, u, p string) (string, time.Time, error) {
		r, err := acc.SignIn(ctx, u, p)
		if err != nil {
			return "", time.Time{}, err
		}
		return r.Token, r.ExpiresAt, nil
	}
	f := &fixture{t: t, db: db, svc: directory.New(db, es, fastHasher, signIn, func() time.Time { return now }), orgs: map[string]string{}}
	ctx := context.Background()
	for _, a := range [][4]string{
		{"110105001", "110105", "STREET", "街道甲"}, {"110105001001", "110105001", "COMMUNITY", "社区甲一"},
		{"110108001", "110108", "STREET", "街道乙"}, {"110108001001", "110108001", "COMMUNITY", "社区乙一"},
	} {
		p := a[1]
		lat, lng := 39.91, 116.40
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a[0], ParentID: &p, Level: flowcare.AreaLevel(a[2]), Name: a[3], Latitude: &lat, Longitude: &lng}); err != nil {
			t.Fatal(err)
		}
	}
	for key, o := range map[string]struct {
		kind     flowcare.OrganisationKind
		area     string
		verified bool
	}{
		"orgA": {flowcare.OrgSocial, "110105", true}, "orgB": {flowcare.OrgSocial, "110108", true},
		"orgC": {flowcare.OrgSocial, "110105", false}, "libA": {flowcare.OrgLibrary, "110105", true},
		"ylA": {flowcare.OrgYouthLeague, "110105", true},
	} {
		org := &flowcare.Organisation{Name: "测试机构 " + key, Kind: o.kind, AreaID: o.area}
		if err := db.Directory().CreateOrganisation(ctx, org); err != nil {
			t.Fatal(err)
		}
		if o.verified {
			if err := db.Directory().SetVerification(ctx, org.ID, flowcare.VerificationVerified, nil, "", now); err != nil {
				t.Fatal(err)
			}
		}
		f.orgs[key] = org.ID
	}
	return f
}

func (f *fixture) actor(name string, role flowcare.Role, area, org string) *flowcare.Actor {
	f.t.Helper()
	ctx := context.Background()
	u := &flowcare.User{Username: name, DisplayName: name, PasswordHash: "x"}
	if err := f.db.Users().CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	g := &flowcare.Grant{UserID: u.ID, Role: role, GrantedAt: now}
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

func (f *fixture) volunteer(a *flowcare.Actor, orgs ...string) *flowcare.Volunteer {
	f.t.Helper()
	v := &flowcare.Volunteer{UserID: a.UserID, DisplayName: a.Username, Skills: []flowcare.Category{flowcare.CatReadingGuidance},
		HomeAreaID: "110105001", HoursPerMonth: 10}
	for _, o := range orgs {
		v.OrganisationIDs = append(v.OrganisationIDs, f.orgs[o])
	}
	if err := f.db.Directory().CreateVolunteer(context.Background(), v); err != nil {
		f.t.Fatal(err)
	}
	return v
}

func as(a *flowcare.Actor) context.Context { return flowcare.WithActor(context.Background(), a) }

// writes counts what a refused or invalid call must leave untouched: the
// audit log (every successful change writes to it) and the outbox.
func (f *fixture) writes() string {
	var audit, outbox, services, slots int
	q := `SELECT (SELECT count(*) FROM audit_events), (SELECT count(*) FROM outbox), (SELECT count(*) FROM services), (SELECT count(*) FROM slots)`
	if err := f.db.SQL().QueryRow(q).Scan(&audit, &outbox, &services, &slots); err != nil {
		f.t.Fatal(err)
	}
	return fmt.Sprint(audit, outbox, services, slots)
}

func goodService() directory.ServiceInput {
	return directory.ServiceInput{Name: "周末阅读", Categories: []flowcare.Category{flowcare.CatReadingGuidance}, MinAge: 6, MaxAge: 12,
		Capacity: 10, Funding: flowcare.FundingFree, AreasServed: []string{"110105"},
		Schedule:  []flowcare.TimeWindow{{Day: 6, Start: 9 * 60, End: 11 * 60}},
		Locations: []flowcare.Location{{Name: "活动室", AreaID: "110105001001", Latitude: 39.9076, Longitude: 116.4503}}}
}

func goodSlot(venue string) directory.SlotInput {
	start := now.Add(72 * time.Hour)
	return directory.SlotInput{VenueID: venue, Title: "绘本故事会", Categories: []flowcare.Category{flowcare.CatPublicCulture},
		StartsAt: start, EndsAt: start.Add(90 * time.Minute), Capacity: 20, MinAge: 3, MaxAge: 8, ChildrenPerAdult: 3, BookingCutoffHours: 24}
}

func goodEvent() directory.EventInput {
	start := now.Add(7 * 24 * time.Hour)
	return directory.EventInput{Title: "爱心妈妈见面会", Categories: []flowcare.Category{flowcare.CatOneToOneSupport}, StartsAt: start,
		EndsAt: start.Add(2 * time.Hour), Place: "社区活动室", AreaID: "110105001001", Latitude: 39.9076, Longitude: 116.4503,
		Capacity: 40, MinAge: 6, MaxAge: 14, RegistrationOpens: now, RegistrationCloses: start.Add(-24 * time.Hour)}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := flowcare.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// TestDirectoryAuthorizationMatrix runs each role, on a concrete scope,
// through each directory action against the real database and search node.
// Allowed cells must succeed; the others are refused (FORBIDDEN, or
// NOT_FOUND for looking a volunteer up) and write nothing.
func TestDirectoryAuthorizationMatrix(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	actors := map[string]*flowcare.Actor{
		"admin":           f.actor("admin", flowcare.RoleAdmin, "110000", ""),
		"civil-chaoyang":  f.actor("civil.cy", flowcare.RoleCivilAffairs, "110105", ""),
		"civil-haidian":   f.actor("civil.hd", flowcare.RoleCivilAffairs, "110108", ""),
		"supervisor":      f.actor("supervisor", flowcare.RoleChildSupervisor, "110105001", ""),
		"director":        f.actor("director", flowcare.RoleChildDirector, "110105001001", ""),
		"orgA-admin":      f.actor("orga.admin", flowcare.RoleOrgAdmin, "", "orgA"),
		"orgA-staff":      f.actor("orga.staff", flowcare.RoleOrgStaff, "", "orgA"),
		"orgB-staff":      f.actor("orgb.staff", flowcare.RoleOrgStaff, "", "orgB"),
		"volunteer-self":  f.actor("vol.self", flowcare.RoleVolunteer, "", "orgA"),
		"volunteer-other": f.actor("vol.other", flowcare.RoleVolunteer, "", "orgB"),
		"venue":           f.actor("venue", flowcare.RoleVenueStaff, "", "libA"),
		"organiser":       f.actor("organiser", flowcare.RoleEventOrganiser, "", "ylA"),
		"auditor":         f.actor("auditor", flowcare.RoleAuditor, "110000", ""),
	}
	self := f.volunteer(actors["volunteer-self"], "orgA")
	f.volunteer(actors["volunteer-other"], "orgB")

	actions := []struct {
		name string
		run  func(*flowcare.Actor) error
	}{
		{"create organisation in Chaoyang", func(a *flowcare.Actor) error {
			f.n++
			_, err := f.svc.CreateOrganisation(as(a), directory.OrganisationInput{Name: fmt.Sprintf("新机构%d", f.n), Kind: flowcare.OrgSocial, AreaID: "110105"})
			return err
		}},
		{"verify organisation in Chaoyang", func(a *flowcare.Actor) error {
			_, err := f.svc.VerifyOrganisation(as(a), f.orgs["orgC"], flowcare.VerificationUnverified, nil)
			return err
		}},
		{"edit org A profile", func(a *flowcare.Actor) error {
			_, err := f.svc.UpdateOrganisation(as(a), f.orgs["orgA"], directory.OrganisationInput{Name: "测试机构 orgA"})
			return err
		}},
		{"create service of org A", func(a *flowcare.Actor) error {
			_, err := f.svc.CreateService(as(a), f.orgs["orgA"], goodService())
			return err
		}},
		{"publish service of org A", func(a *flowcare.Actor) error {
			sv := &flowcare.Service{OrganisationID: f.orgs["orgA"], Name: "草稿", Categories: []flowcare.Category{flowcare.CatRecreation},
				MinAge: 1, MaxAge: 5, Capacity: 1, Funding: flowcare.FundingFree, Status: flowcare.ServiceDraft}
			if err := f.db.Directory().CreateService(ctx, sv); err != nil {
				t.Fatal(err)
			}
			_, err := f.svc.SetServiceStatus(as(a), sv.ID, flowcare.ServiceActive)
			return err
		}},
		{"list volunteers of org A", func(a *flowcare.Actor) error {
			_, err := f.svc.Volunteers(as(a), f.orgs["orgA"], flowcare.Page{})
			return err
		}},
		{"record vetting of org A's volunteer", func(a *flowcare.Actor) error {
			_, err := f.svc.RecordVetting(as(a), directory.VettingInput{VolunteerID: self.ID, Kind: flowcare.VettingTraining,
				CompletedOn: now.AddDate(0, -1, 0), ExpiresOn: now.AddDate(1, 0, 0)})
			return err
		}},
		{"update own volunteer profile", func(a *flowcare.Actor) error {
			// Keeps org A: the profile's organisations are what later cells rely on.
			_, err := f.svc.UpdateMyVolunteerProfile(as(a), directory.VolunteerInput{DisplayName: a.Username,
				Skills: []flowcare.Category{flowcare.CatRecreation}, HomeAreaID: "110105001", HoursPerMonth: 8,
				OrganisationIDs: []string{f.orgs["orgA"]}})
			return err
		}},
		{"view org A's volunteer", func(a *flowcare.Actor) error {
			_, err := f.svc.Volunteer(as(a), self.ID)
			return err
		}},
		{"publish slot at library A", func(a *flowcare.Actor) error {
			_, err := f.svc.PublishSlot(as(a), goodSlot(f.orgs["libA"]))
			return err
		}},
		{"create event of youth league A", func(a *flowcare.Actor) error {
			_, err := f.svc.CreateEvent(as(a), f.orgs["ylA"], goodEvent())
			return err
		}},
		{"search volunteers", func(a *flowcare.Actor) error {
			_, err := f.svc.Search(as(a), flowcare.SearchQuery{Entity: flowcare.EntityVolunteer})
			return err
		}},
		{"search services", func(a *flowcare.Actor) error {
			_, err := f.svc.Search(as(a), flowcare.SearchQuery{Entity: flowcare.EntityService})
			return err
		}},
	}
	matrix := map[string]string{
		"admin":           "1111110011111",
		"civil-chaoyang":  "1100010010011",
		"civil-haidian":   "0000000000011",
		"supervisor":      "0000000000001",
		"director":        "0000000000001",
		"orgA-admin":      "0011111010011",
		"orgA-staff":      "0001111010011",
		"orgB-staff":      "0000000000011",
		"volunteer-self":  "0000000110001",
		"volunteer-other": "0000000100001",
		"venue":           "0000000001001",
		"organiser":       "0000000000101",
		"auditor":         "0000000000001",
	}
	cells := 0
	names := make([]string, 0, len(matrix))
	for name := range matrix {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		row := matrix[name]
		if len(row) != len(actions) {
			t.Fatalf("row %s has %d cells for %d actions", name, len(row), len(actions))
		}
		for i, act := range actions {
			cells++
			t.Run(name+"/"+act.name, func(t *testing.T) {
				before := f.writes()
				err := act.run(actors[name])
				switch {
				case row[i] == '1':
					if err != nil {
						t.Fatalf("allowed action failed: %v", err)
					}
					return
				case act.name == "view org A's volunteer":
					wantCode(t, err, flowcare.ENOTFOUND)
				default:
					wantCode(t, err, flowcare.EFORBIDDEN)
				}
				// The publish action creates its own draft first; compare from there.
				if act.name != "publish service of org A" && f.writes() != before {
					t.Errorf("a refused action wrote something: %s -> %s", before, f.writes())
				}
			})
		}
	}
	t.Logf("directory authorization matrix: %d roles-on-scope × %d actions = %d cells", len(matrix), len(actions), cells)
}

func TestInvalidInputIsRefusedAndWritesNothing(t *testing.T) {
	f := setup(t)
	staff := f.actor("staff", flowcare.RoleOrgStaff, "", "orgA")
	venue := f.actor("venue", flowcare.RoleVenueStaff, "", "libA")
	organiser := f.actor("organiser", flowcare.RoleEventOrganiser, "", "ylA")
	vol := f.actor("vol", flowcare.RoleVolunteer, "", "")
	cases := []struct {
		name, field string
		run         func() error
	}{
		{"inverted age range", "maxAge", func() error {
			in := goodService()
			in.MinAge, in.MaxAge = 12, 6
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"unknown category", "categories", func() error {
			in := goodService()
			in.Categories = []flowcare.Category{"KNITTING"}
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"no category", "categories", func() error {
			in := goodService()
			in.Categories = nil
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"capacity below one", "capacity", func() error {
			in := goodService()
			in.Capacity = 0
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"location outside Beijing", "locations", func() error {
			in := goodService()
			in.Locations[0].Latitude, in.Locations[0].Longitude = 31.23, 121.47
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"schedule window ending before it starts", "schedule", func() error {
			in := goodService()
			in.Schedule = []flowcare.TimeWindow{{Day: 6, Start: 600, End: 540}}
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"slot ending before it starts", "endsAt", func() error {
			in := goodSlot(f.orgs["libA"])
			in.EndsAt = in.StartsAt.Add(-time.Hour)
			_, err := f.svc.PublishSlot(as(venue), in)
			return err
		}},
		{"slot capacity zero", "capacity", func() error {
			in := goodSlot(f.orgs["libA"])
			in.Capacity = 0
			_, err := f.svc.PublishSlotSeries(as(venue), in, 4)
			return err
		}},
		{"slot in the past", "startsAt", func() error {
			in := goodSlot(f.orgs["libA"])
			in.StartsAt, in.EndsAt = now.Add(-2*time.Hour), now.Add(-time.Hour)
			_, err := f.svc.PublishSlot(as(venue), in)
			return err
		}},
		{"series of one week", "weeks", func() error {
			_, err := f.svc.PublishSlotSeries(as(venue), goodSlot(f.orgs["libA"]), 1)
			return err
		}},
		{"registration closing after the event starts", "registrationCloses", func() error {
			in := goodEvent()
			in.RegistrationCloses = in.StartsAt.Add(time.Hour)
			_, err := f.svc.CreateEvent(as(organiser), f.orgs["ylA"], in)
			return err
		}},
		{"volunteer home at community level", "homeAreaId", func() error {
			_, err := f.svc.UpdateMyVolunteerProfile(as(vol), directory.VolunteerInput{DisplayName: "v", Skills: []flowcare.Category{flowcare.CatRecreation},
				HomeAreaID: "110105001001", HoursPerMonth: 4})
			return err
		}},
		{"volunteer phone malformed", "phone", func() error {
			p := "12345"
			_, err := f.svc.UpdateMyVolunteerProfile(as(vol), directory.VolunteerInput{DisplayName: "v", Phone: &p, Skills: []flowcare.Category{flowcare.CatRecreation},
				HomeAreaID: "110105001", HoursPerMonth: 4})
			return err
		}},
		{"vetting expiring before completion", "expiresOn", func() error {
			v := f.volunteer(f.actor("vol2", flowcare.RoleVolunteer, "", ""), "orgA")
			_, err := f.svc.RecordVetting(as(staff), directory.VettingInput{VolunteerID: v.ID, Kind: flowcare.VettingPledge,
				CompletedOn: now.AddDate(0, -1, 0), ExpiresOn: now.AddDate(0, -2, 0)})
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.writes()
			err := c.run()
			wantCode(t, err, flowcare.EINVALID)
			if got := flowcare.ErrorField(err); got != c.field {
				t.Errorf("field = %q, want %q (%v)", got, c.field, err)
			}
			if flowcare.ErrorMessage(err) == "" {
				t.Error("no message")
			}
			if c.name != "vetting expiring before completion" && f.writes() != before {
				t.Errorf("invalid input wrote something: %s -> %s", before, f.writes())
			}
		})
	}
}

func TestUnverifiedOrganisationPreparesButCannotPublish(t *testing.T) {
	f := setup(t)
	staff := f.actor("c.staff", flowcare.RoleOrgStaff, "", "orgC")
	sv, err := f.svc.CreateService(as(staff), f.orgs["orgC"], goodService())
	if err != nil {
		t.Fatalf("an unverified organisation cannot prepare a draft: %v", err)
	}
	_, err = f.svc.SetServiceStatus(as(staff), sv.ID, flowcare.ServiceActive)
	wantCode(t, err, flowcare.ECONFLICT)
	civil := f.actor("c.civil", flowcare.RoleCivilAffairs, "110105", "")
	_, err = f.svc.VerifyOrganisation(as(civil), f.orgs["orgC"], flowcare.VerificationRejected, nil)
	wantCode(t, err, flowcare.EINVALID)
	if _, err := f.svc.VerifyOrganisation(as(civil), f.orgs["orgC"], flowcare.VerificationVerified, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SetServiceStatus(as(staff), sv.ID, flowcare.ServiceActive); err != nil {
		t.Fatalf("publish after verification: %v", err)
	}
	// An ended service stays ended.
	if _, err := f.svc.SetServiceStatus(as(staff), sv.ID, flowcare.ServiceEnded); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.SetServiceStatus(as(staff), sv.ID, flowcare.ServiceActive)
	wantCode(t, err, flowcare.ECONFLICT)
}

func TestVettingDecidesWhetherAVolunteerIsVetted(t *testing.T) {
	f := setup(t)
	staff := f.actor("v.staff", flowcare.RoleOrgStaff, "", "orgA")
	v := f.volunteer(f.actor("v.vol", flowcare.RoleVolunteer, "", ""), "orgA")
	ids := map[flowcare.VettingKind]string{}
	for _, k := range flowcare.VettingKinds {
		exp := now.AddDate(1, 0, 0)
		if k == flowcare.VettingTraining {
			exp = now.AddDate(0, 0, 10) // expires soon
		}
		it, err := f.svc.RecordVetting(as(staff), directory.VettingInput{VolunteerID: v.ID, Kind: k, CompletedOn: now.AddDate(0, -1, 0), ExpiresOn: exp})
		if err != nil {
			t.Fatal(err)
		}
		ids[k] = it.ID
	}
	vetted := func() bool {
		got, err := f.svc.Volunteer(as(staff), v.ID)
		if err != nil {
			t.Fatal(err)
		}
		ok, _ := got.VettedAt(now)
		return ok
	}
	if vetted() {
		t.Fatal("vetted with every item still pending")
	}
	if _, err := f.svc.DecideVetting(as(staff), ids[flowcare.VettingCriminalRecord], true, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.DecideVetting(as(staff), ids[flowcare.VettingTraining], true, nil); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.DecideVetting(as(staff), ids[flowcare.VettingPledge], false, nil)
	wantCode(t, err, flowcare.EINVALID)
	if vetted() {
		t.Fatal("vetted without the safeguarding pledge")
	}
	if _, err := f.svc.DecideVetting(as(staff), ids[flowcare.VettingPledge], true, nil); err != nil {
		t.Fatal(err)
	}
	if !vetted() {
		t.Fatal("not vetted with every item approved and current")
	}
	_, err = f.svc.DecideVetting(as(staff), ids[flowcare.VettingPledge], true, nil)
	wantCode(t, err, flowcare.ECONFLICT)
	soon, err := f.svc.ExpiringVetting(as(staff), f.orgs["orgA"], 30)
	if err != nil || len(soon) != 1 || soon[0].Kind != flowcare.VettingTraining {
		t.Fatalf("expiring within 30 days = %+v, %v", soon, err)
	}
	got, _ := f.svc.Volunteer(as(staff), v.ID)
	if ok, _ := got.VettedAt(now.AddDate(0, 0, 11)); ok {
		t.Error("still vetted after the training expired")
	}
}

func TestVolunteerSignUpCreatesAccountProfileAndSession(t *testing.T) {
	f := setup(t)
	in := directory.VolunteerInput{DisplayName: "新志愿者", Skills: []flowcare.Category{flowcare.CatReadingGuidance},
		HomeAreaID: "110105001", HoursPerMonth: 6, OrganisationIDs: []string{f.orgs["orgA"]}}
	res, err := f.svc.SignUpVolunteer(context.Background(), "New.Vol", "long enough pw", in)
	if err != nil {
		t.Fatal(err)
	}
	if res.Token == "" || res.User.Username != "new.vol" {
		t.Fatalf("sign-up result = %+v", res)
	}
	gs, _ := f.db.Users().ActiveGrants(context.Background(), []string{res.User.ID})
	if len(gs[res.User.ID]) != 1 || gs[res.User.ID][0].Role != flowcare.RoleVolunteer {
		t.Fatalf("grants = %+v", gs)
	}
	v, err := f.db.Directory().VolunteerByUserID(context.Background(), res.User.ID)
	if err != nil || len(v.Vetting) != 0 {
		t.Fatalf("profile = %+v, %v", v, err)
	}
	before := f.writes()
	_, err = f.svc.SignUpVolunteer(context.Background(), "new.vol", "long enough pw", in)
	wantCode(t, err, flowcare.ECONFLICT)
	if f.writes() != before {
		t.Error("a refused sign-up wrote something")
	}
}
