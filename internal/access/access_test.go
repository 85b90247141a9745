package access_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/argon2id"

	"flowcare/internal/access"
	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
)

// fastHasher is real argon2id with small parameters, so tests stay quick.
var fastHasher = access.Argon2id{Params: &argon2id.Params{Memory: 1024, Iterations: 1, Parallelism: 1, SaltLength: 16, KeyLength: 32}}

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type fixture struct {
	t     *testing.T
	db    *postgres.DB
	svc   *access.Service
	clock *clock
	orgs  map[string]string
}

func setup(t *testing.T) *fixture {
	t.Helper()
	db := pgtest.New(t)
	c := &clock{t: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	svc, err := access.New(db, fastHasher, access.WithClock(c.now))
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, db: db, svc: svc, clock: c, orgs: map[string]string{}}
	ctx := context.Background()
	for _, a := range []struct{ id, parent, level, name string }{
		{"110105001", "110105", "STREET", "示例街道甲"},
		{"110105001001", "110105001", "COMMUNITY", "示例社区甲一"},
		{"110108001", "110108", "STREET", "示例街道乙"},
		{"110108001001", "110108001", "COMMUNITY", "示例社区乙一"},
	} {
		p := a.parent
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a.id, ParentID: &p, Level: flowcare.AreaLevel(a.level), Name: a.name}); err != nil {
			t.Fatal(err)
		}
	}
	for key, o := range map[string]flowcare.Organisation{
		"orgA": {Name: "示例社会组织甲", Kind: flowcare.OrgSocial, AreaID: "110105"},
		"orgB": {Name: "示例社会组织乙", Kind: flowcare.OrgSocial, AreaID: "110108"},
		"libA": {Name: "示例图书馆", Kind: flowcare.OrgLibrary, AreaID: "110105"},
		"ylA":  {Name: "示例团委", Kind: flowcare.OrgYouthLeague, AreaID: "110105"},
	} {
		o := o
		if err := db.Areas().UpsertOrganisation(ctx, &o); err != nil {
			t.Fatal(err)
		}
		f.orgs[key] = o.ID
	}
	return f
}

// user creates a user directly in the store with the given grants and returns it as an actor.
func (f *fixture) user(name, password string, grants ...access.GrantSpec) *flowcare.Actor {
	f.t.Helper()
	ctx := context.Background()
	hash, err := fastHasher.Hash(password)
	if err != nil {
		f.t.Fatal(err)
	}
	u := &flowcare.User{Username: name, DisplayName: "测试 " + name, PasswordHash: hash}
	if err := f.db.Users().CreateUser(ctx, u); err != nil {
		f.t.Fatal(err)
	}
	for _, g := range grants {
		gr := &flowcare.Grant{UserID: u.ID, Role: g.Role, GrantedAt: f.clock.now()}
		if g.AreaID != "" {
			gr.AreaID = &g.AreaID
		}
		if g.OrganisationID != "" {
			gr.OrganisationID = &g.OrganisationID
		}
		if err := f.db.Users().CreateGrant(ctx, gr, ""); err != nil {
			f.t.Fatal(err)
		}
	}
	return f.actor(u.ID, u.Username)
}

func (f *fixture) actor(id, username string) *flowcare.Actor {
	gs, err := f.db.Users().ActiveGrants(context.Background(), []string{id})
	if err != nil {
		f.t.Fatal(err)
	}
	return &flowcare.Actor{UserID: id, Username: username, Grants: gs[id]}
}

func as(a *flowcare.Actor) context.Context { return flowcare.WithActor(context.Background(), a) }

func area(role flowcare.Role, id string) access.GrantSpec {
	return access.GrantSpec{Role: role, AreaID: id}
}
func org(role flowcare.Role, id string) access.GrantSpec {
	return access.GrantSpec{Role: role, OrganisationID: id}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := flowcare.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// TestAuthorizationMatrix runs every role, each on a concrete scope, through
// every access action against the real database: the allowed cells must
// succeed and the others must be refused with FORBIDDEN (NOT_FOUND for
// looking a user up) and write nothing.
func TestAuthorizationMatrix(t *testing.T) {
	f := setup(t)
	const pw = "correct horse battery"
	actors := map[string]*flowcare.Actor{
		"admin":          f.user("m.admin", pw, area(flowcare.RoleAdmin, "110000")),
		"civil-city":     f.user("m.civil.city", pw, area(flowcare.RoleCivilAffairs, "110000")),
		"civil-chaoyang": f.user("m.civil.cy", pw, area(flowcare.RoleCivilAffairs, "110105")),
		"supervisor":     f.user("m.supervisor", pw, area(flowcare.RoleChildSupervisor, "110105001")),
		"director":       f.user("m.director", pw, area(flowcare.RoleChildDirector, "110105001001")),
		"org-admin":      f.user("m.orgadmin", pw, org(flowcare.RoleOrgAdmin, f.orgs["orgA"])),
		"org-staff":      f.user("m.orgstaff", pw, org(flowcare.RoleOrgStaff, f.orgs["orgA"])),
		"volunteer":      f.user("m.volunteer", pw, access.GrantSpec{Role: flowcare.RoleVolunteer}),
		"venue":          f.user("m.venue", pw, org(flowcare.RoleVenueStaff, f.orgs["libA"])),
		"organiser":      f.user("m.organiser", pw, org(flowcare.RoleEventOrganiser, f.orgs["ylA"])),
		"auditor":        f.user("m.auditor", pw, area(flowcare.RoleAuditor, "110000")),
	}

	n := 0
	target := func() string {
		n++
		return f.user(fmt.Sprintf("m.target%03d", n), pw).UserID
	}
	// Each action returns nil when allowed; it checks for itself that a
	// refusal wrote nothing.
	grantAction := func(spec access.GrantSpec) func(*flowcare.Actor) error {
		return func(a *flowcare.Actor) error {
			id := target()
			_, err := f.svc.GrantRole(as(a), id, spec)
			if err != nil {
				if gs := f.actor(id, "").Grants; len(gs) != 0 {
					t.Errorf("refused grant still wrote %v", gs)
				}
			}
			return err
		}
	}
	// A director in Chaoyang whose only grant sits inside Chaoyang: the subject
	// of revoke, disable and look-up.
	subject := func() (*flowcare.Actor, string) {
		n++
		s := f.user(fmt.Sprintf("m.subject%03d", n), pw, area(flowcare.RoleChildDirector, "110105001001"))
		return s, s.Grants[0].ID
	}
	actions := []struct {
		name string
		run  func(*flowcare.Actor) error
	}{
		{"grant director in Chaoyang", grantAction(area(flowcare.RoleChildDirector, "110105001001"))},
		{"grant director in Haidian", grantAction(area(flowcare.RoleChildDirector, "110108001001"))},
		{"grant supervisor in Chaoyang", grantAction(area(flowcare.RoleChildSupervisor, "110105001"))},
		{"grant civil affairs on Chaoyang", grantAction(area(flowcare.RoleCivilAffairs, "110105"))},
		{"grant civil affairs on city", grantAction(area(flowcare.RoleCivilAffairs, "110000"))},
		{"grant org staff of org A", grantAction(org(flowcare.RoleOrgStaff, f.orgs["orgA"]))},
		{"grant org staff of org B", grantAction(org(flowcare.RoleOrgStaff, f.orgs["orgB"]))},
		{"grant volunteer of org A", grantAction(org(flowcare.RoleVolunteer, f.orgs["orgA"]))},
		{"grant venue staff", grantAction(org(flowcare.RoleVenueStaff, f.orgs["libA"]))},
		{"grant admin", grantAction(area(flowcare.RoleAdmin, "110000"))},
		{"revoke Chaoyang director", func(a *flowcare.Actor) error {
			s, gid := subject()
			_, err := f.svc.RevokeRole(as(a), gid)
			if err != nil && len(f.actor(s.UserID, "").Grants) != 1 {
				t.Errorf("refused revoke still revoked")
			}
			return err
		}},
		{"disable Chaoyang director", func(a *flowcare.Actor) error {
			s, _ := subject()
			_, err := f.svc.SetUserDisabled(as(a), s.UserID, true)
			if u, _ := f.db.Users().UserByID(context.Background(), s.UserID); err != nil && u.Disabled {
				t.Errorf("refused disable still disabled")
			}
			return err
		}},
		{"view Chaoyang director", func(a *flowcare.Actor) error {
			s, _ := subject()
			_, err := f.svc.User(as(a), s.UserID)
			return err
		}},
		{"list users", func(a *flowcare.Actor) error { _, err := f.svc.ListUsers(as(a), "", flowcare.Page{}); return err }},
		{"read audit log", func(a *flowcare.Actor) error {
			_, err := f.svc.AuditEvents(as(a), "", flowcare.Page{})
			return err
		}},
	}
	// Columns follow actions above; 1 = allowed.
	matrix := map[string]string{
		"admin":          "111111111111111",
		"civil-city":     "111100000011110",
		"civil-chaoyang": "101000000011110",
		"supervisor":     "000000000000000",
		"director":       "000000000000000",
		"org-admin":      "000001010000010",
		"org-staff":      "000000000000000",
		"volunteer":      "000000000000000",
		"venue":          "000000000000000",
		"organiser":      "000000000000000",
		"auditor":        "000000000000001",
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
			t.Fatalf("matrix row %s has %d cells for %d actions", name, len(row), len(actions))
		}
		for i, act := range actions {
			cells++
			t.Run(name+"/"+act.name, func(t *testing.T) {
				err := act.run(actors[name])
				switch {
				case row[i] == '1' && err != nil:
					t.Fatalf("allowed action failed: %v", err)
				case row[i] == '0' && act.name == "view Chaoyang director":
					wantCode(t, err, flowcare.ENOTFOUND)
				case row[i] == '0':
					wantCode(t, err, flowcare.EFORBIDDEN)
				}
			})
		}
	}
	t.Logf("authorization matrix: %d roles-on-scope × %d actions = %d cells", len(matrix), len(actions), cells)
}

func TestListUsersIsScoped(t *testing.T) {
	f := setup(t)
	const pw = "correct horse battery"
	civil := f.user("s.civil.cy", pw, area(flowcare.RoleCivilAffairs, "110105"))
	f.user("s.dir.cy", pw, area(flowcare.RoleChildDirector, "110105001001"))
	f.user("s.dir.hd", pw, area(flowcare.RoleChildDirector, "110108001001"))
	f.user("s.staff.a", pw, org(flowcare.RoleOrgStaff, f.orgs["orgA"]))
	orgAdmin := f.user("s.orgadmin", pw, org(flowcare.RoleOrgAdmin, f.orgs["orgA"]))

	names := func(a *flowcare.Actor, search string) string {
		l, err := f.svc.ListUsers(as(a), search, flowcare.Page{First: 50})
		if err != nil {
			t.Fatal(err)
		}
		var ns []string
		for _, u := range l.Users {
			ns = append(ns, u.Username)
		}
		if l.TotalCount != len(ns) {
			t.Errorf("totalCount %d for %d users", l.TotalCount, len(ns))
		}
		return strings.Join(ns, ",")
	}
	if got := names(civil, ""); got != "s.dir.cy" {
		t.Errorf("civil affairs in Chaoyang sees %q, want only the Chaoyang director", got)
	}
	if got := names(orgAdmin, ""); got != "s.staff.a" {
		t.Errorf("org admin sees %q, want only their staff", got)
	}
	admin := f.user("s.admin", pw, area(flowcare.RoleAdmin, "110000"))
	if got := names(admin, "DIR"); got != "s.dir.cy,s.dir.hd" {
		t.Errorf("admin search for DIR gives %q", got)
	}
	if _, err := f.svc.ListUsers(as(admin), "", flowcare.Page{First: 201}); flowcare.ErrorCode(err) != flowcare.EINVALID {
		t.Errorf("a page of 201: %v", err)
	}
	// Pagination: pages of two walk the whole list once, in order.
	var seen []string
	after := ""
	for {
		l, err := f.svc.ListUsers(as(admin), "", flowcare.Page{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range l.Users {
			seen = append(seen, u.Username)
		}
		if !l.HasNext {
			break
		}
		after = l.Users[len(l.Users)-1].Username
	}
	if want := "s.admin,s.civil.cy,s.dir.cy,s.dir.hd,s.orgadmin,s.staff.a"; strings.Join(seen, ",") != want {
		t.Errorf("paged walk = %v, want %s", seen, want)
	}
}

func auditActions(t *testing.T, db *postgres.DB) []string {
	t.Helper()
	es, err := db.Audit().List(context.Background(), "", flowcare.Page{First: 200})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(es) - 1; i >= 0; i-- {
		out = append(out, es[i].Action)
	}
	return out
}

func TestSignInSessionsAndLockout(t *testing.T) {
	f := setup(t)
	ctx := flowcare.WithRequestInfo(context.Background(), flowcare.RequestInfo{IP: "127.0.0.9", UserAgent: "test", RequestID: "r1"})
	f.user("ana", "right password 1", area(flowcare.RoleCivilAffairs, "110105"))

	res, err := f.svc.SignIn(ctx, " ANA ", "right password 1")
	if err != nil {
		t.Fatalf("sign in: %v", err)
	}
	a, err := f.svc.Authenticate(ctx, res.Token)
	if err != nil || a.Username != "ana" || !a.HasRole(flowcare.RoleCivilAffairs) {
		t.Fatalf("authenticate = %+v, %v", a, err)
	}
	if err := f.svc.SignOut(flowcare.WithActor(ctx, a)); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Authenticate(ctx, res.Token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)

	// Unknown users and wrong passwords get the same answer.
	_, err = f.svc.SignIn(ctx, "nobody", "whatever12345")
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	if flowcare.ErrorMessage(err) != "用户名或密码不正确" {
		t.Errorf("message = %q", flowcare.ErrorMessage(err))
	}
	for i := 1; i <= 4; i++ {
		_, err = f.svc.SignIn(ctx, "ana", "wrong password")
		wantCode(t, err, flowcare.EUNAUTHENTICATED)
	}
	_, err = f.svc.SignIn(ctx, "ana", "wrong password")
	wantCode(t, err, flowcare.ELOCKED)
	// Locked: even the right password is refused until the lock runs out.
	_, err = f.svc.SignIn(ctx, "ana", "right password 1")
	wantCode(t, err, flowcare.ELOCKED)
	f.clock.add(16 * time.Minute)
	if _, err := f.svc.SignIn(ctx, "ana", "right password 1"); err != nil {
		t.Fatalf("sign in after lock expired: %v", err)
	}

	// Sessions expire.
	res, _ = f.svc.SignIn(ctx, "ana", "right password 1")
	f.clock.add(13 * time.Hour)
	_, err = f.svc.Authenticate(ctx, res.Token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)

	got := strings.Join(auditActions(t, f.db), " ")
	want := "auth.sign_in auth.sign_out auth.sign_in_failed auth.sign_in_failed auth.sign_in_failed auth.sign_in_failed auth.sign_in_failed auth.sign_in_failed auth.sign_in_failed auth.sign_in auth.sign_in"
	if got != want {
		t.Errorf("audit actions:\n got %s\nwant %s", got, want)
	}
	es, _ := f.db.Audit().List(context.Background(), flowcare.AuditSignIn, flowcare.Page{First: 1})
	if e := es[0]; e.IP == nil || *e.IP != "127.0.0.9" || e.RequestID == nil || *e.RequestID != "r1" || e.ActorUsername == nil || *e.ActorUsername != "ana" {
		t.Errorf("sign-in audit event lacks its origin: %+v", e)
	}
}

func TestDisabledUserIsSignedOutAndCannotSignIn(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	admin := f.user("adm", "admin password", area(flowcare.RoleAdmin, "110000"))
	bob := f.user("bob", "bob password 1", area(flowcare.RoleChildDirector, "110105001001"))
	res, err := f.svc.SignIn(ctx, "bob", "bob password 1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SetUserDisabled(as(admin), bob.UserID, true); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Authenticate(ctx, res.Token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	_, err = f.svc.SignIn(ctx, "bob", "bob password 1")
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	_, err = f.svc.SetUserDisabled(as(admin), admin.UserID, true)
	wantCode(t, err, flowcare.ECONFLICT)
	if _, err := f.svc.SetUserDisabled(as(admin), bob.UserID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SignIn(ctx, "bob", "bob password 1"); err != nil {
		t.Fatalf("re-enabled user cannot sign in: %v", err)
	}
}

func TestChangePassword(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.user("cy", "first password", access.GrantSpec{Role: flowcare.RoleVolunteer})
	other, _ := f.svc.SignIn(ctx, "cy", "first password")
	cur, _ := f.svc.SignIn(ctx, "cy", "first password")
	a, err := f.svc.Authenticate(ctx, cur.Token)
	if err != nil {
		t.Fatal(err)
	}
	actx := flowcare.WithActor(ctx, a)
	wantCode(t, f.svc.ChangePassword(actx, "wrong one!!", "second password"), flowcare.EINVALID)
	wantCode(t, f.svc.ChangePassword(actx, "first password", "short"), flowcare.EINVALID)
	if err := f.svc.ChangePassword(actx, "first password", "second password"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Authenticate(ctx, cur.Token); err != nil {
		t.Errorf("current session ended by password change: %v", err)
	}
	_, err = f.svc.Authenticate(ctx, other.Token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	_, err = f.svc.SignIn(ctx, "cy", "first password")
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	if _, err := f.svc.SignIn(ctx, "cy", "second password"); err != nil {
		t.Fatal(err)
	}
}

func TestCreateUserValidatesAndWritesNothingOnError(t *testing.T) {
	f := setup(t)
	admin := f.user("root.admin", "admin password", area(flowcare.RoleAdmin, "110000"))
	good := access.NewUser{Username: "new.director", DisplayName: "新主任", Password: "long enough pw", Grant: area(flowcare.RoleChildDirector, "110105001001")}
	bad := []struct {
		name  string
		edit  func(*access.NewUser)
		field string
	}{
		{"username with spaces", func(u *access.NewUser) { u.Username = "new director" }, "username"},
		{"username too short", func(u *access.NewUser) { u.Username = "ab" }, "username"},
		{"no display name", func(u *access.NewUser) { u.DisplayName = "  " }, "displayName"},
		{"short password", func(u *access.NewUser) { u.Password = "123456789" }, "password"},
		{"unknown role", func(u *access.NewUser) { u.Grant.Role = "KING" }, "role"},
		{"director on a street", func(u *access.NewUser) { u.Grant.AreaID = "110105001" }, "areaId"},
		{"unknown area", func(u *access.NewUser) { u.Grant.AreaID = "110105999999" }, "areaId"},
		{"area role with organisation", func(u *access.NewUser) { u.Grant.OrganisationID = f.orgs["orgA"] }, "organisationId"},
		{"venue staff of a social organisation", func(u *access.NewUser) { u.Grant = org(flowcare.RoleVenueStaff, f.orgs["orgA"]) }, "organisationId"},
		{"org role without organisation", func(u *access.NewUser) { u.Grant = access.GrantSpec{Role: flowcare.RoleOrgStaff} }, "organisationId"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			in := good
			c.edit(&in)
			_, err := f.svc.CreateUser(as(admin), in)
			wantCode(t, err, flowcare.EINVALID)
			if got := flowcare.ErrorField(err); got != c.field {
				t.Errorf("field = %q, want %q (%v)", got, c.field, err)
			}
			if _, err := f.db.Users().UserByUsername(context.Background(), in.Username); flowcare.ErrorCode(err) != flowcare.ENOTFOUND {
				t.Errorf("invalid input still created a user")
			}
		})
	}
	u, err := f.svc.CreateUser(as(admin), good)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.CreateUser(as(admin), good)
	wantCode(t, err, flowcare.ECONFLICT)
	if gs := f.actor(u.ID, "").Grants; len(gs) != 1 || gs[0].Role != flowcare.RoleChildDirector {
		t.Errorf("grants of new user = %+v", gs)
	}
	if _, err := f.svc.SignIn(context.Background(), "new.director", "long enough pw"); err != nil {
		t.Errorf("new user cannot sign in: %v", err)
	}
	// Revoking one's own grant is refused, so an admin cannot lock themselves out.
	_, err = f.svc.RevokeRole(as(admin), admin.Grants[0].ID)
	wantCode(t, err, flowcare.ECONFLICT)
}

func TestGrantableRolesFollowReach(t *testing.T) {
	f := setup(t)
	const pw = "correct horse battery"
	cases := map[string]struct {
		actor *flowcare.Actor
		want  string
	}{
		"admin":     {f.user("g.admin", pw, area(flowcare.RoleAdmin, "110000")), strings.Join(roleNames(flowcare.Roles), ",")},
		"civil":     {f.user("g.civil", pw, area(flowcare.RoleCivilAffairs, "110105")), "CIVIL_AFFAIRS,CHILD_SUPERVISOR,CHILD_DIRECTOR"},
		"org admin": {f.user("g.orgadmin", pw, org(flowcare.RoleOrgAdmin, f.orgs["orgA"])), "ORG_STAFF,VOLUNTEER"},
		"director":  {f.user("g.director", pw, area(flowcare.RoleChildDirector, "110105001001")), ""},
	}
	for name, c := range cases {
		rs, err := f.svc.GrantableRoles(as(c.actor))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(roleNames(rs), ","); got != c.want {
			t.Errorf("%s may grant %q, want %q", name, got, c.want)
		}
	}
}

func roleNames(rs []flowcare.Role) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = string(r)
	}
	return out
}
