package children_test

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"flowcare/internal/children"
	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/internal/secrets"
)

var now = time.Date(2026, 11, 28, 2, 0, 0, 0, time.UTC)

type fixture struct {
	t   testing.TB
	db  *postgres.DB
	svc *children.Service
	org string
}

func setup(t *testing.T) *fixture { return setupB(t) }

func setupB(t testing.TB) *fixture {
	t.Helper()
	db := pgtest.New(t)
	ctx := context.Background()
	for _, a := range [][3]string{
		{"110105001", "110105", "STREET"}, {"110105001001", "110105001", "COMMUNITY"}, {"110105001002", "110105001", "COMMUNITY"},
		{"110108001", "110108", "STREET"}, {"110108001001", "110108001", "COMMUNITY"}, {"110112001", "110112", "STREET"},
		{"110112001001", "110112001", "COMMUNITY"},
	} {
		p := a[1]
		if _, err := db.Areas().UpsertArea(ctx, &flowcare.Area{ID: a[0], ParentID: &p, Level: flowcare.AreaLevel(a[2]), Name: a[0]}); err != nil {
			t.Fatal(err)
		}
	}
	o := &flowcare.Organisation{Name: "测试机构", Kind: flowcare.OrgSocial, AreaID: "110105"}
	if err := db.Directory().CreateOrganisation(ctx, o); err != nil {
		t.Fatal(err)
	}
	return &fixture{t: t, db: db, svc: children.New(db, func() time.Time { return now }), org: o.ID}
}

func (f *fixture) actorB(_ testing.TB, name string, role flowcare.Role, area string) *flowcare.Actor {
	return f.actor(name, role, area, false)
}

func (f *fixture) actor(name string, role flowcare.Role, area string, org bool) *flowcare.Actor {
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
	if org {
		g.OrganisationID = &f.org
	}
	if err := f.db.Users().CreateGrant(ctx, g, ""); err != nil {
		f.t.Fatal(err)
	}
	gs, _ := f.db.Users().ActiveGrants(ctx, []string{u.ID})
	return &flowcare.Actor{UserID: u.ID, Username: name, Grants: gs[u.ID]}
}

func as(a *flowcare.Actor) context.Context { return flowcare.WithActor(context.Background(), a) }

func idFor(birth time.Time, seq int) string {
	first17 := fmt.Sprintf("411681%s%03d", birth.Format("20060102"), seq)
	return first17 + string(flowcare.IDCheckChar(first17))
}

func goodChild(name string, seq int) children.ChildInput {
	birth := time.Date(2017, 5, 12, 0, 0, 0, 0, time.UTC)
	return children.ChildInput{Name: name, Gender: flowcare.GenderFemale, BirthDate: birth, IDNumber: idFor(birth, seq),
		Hukou:     flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"},
		MovedWith: flowcare.MovedWithBothGuardians, CommunityID: "110105001001", ArrivedOn: time.Date(2024, 9, 1, 0, 0, 0, 0, time.UTC),
		Address: "示例路 1 号院 3 单元", Languages: []string{"河南话"},
		Guardians: []children.GuardianInput{{Name: "测试家长", Relation: "母亲", Phone: "13912345678"}}}
}

// writes is a fingerprint of everything a use case may write: counts of
// the child tables and the audit log, and the content of every child's
// record and guardians, so that a change leaving the counts alone shows.
func (f *fixture) writes() string { return f.state(true) }

// childData is writes without the audit log.
func (f *fixture) childData() string { return f.state(false) }

func (f *fixture) state(withAudit bool) string {
	var n [8]int
	var content string
	err := f.db.SQL().QueryRow(`SELECT (SELECT count(*) FROM children), (SELECT count(*) FROM consents),
		(SELECT count(*) FROM child_reviews), (SELECT count(*) FROM audit_events), (SELECT count(*) FROM ledger_entries),
		(SELECT count(*) FROM visits WHERE status <> 'PENDING_REVIEW'), (SELECT count(*) FROM needs), (SELECT days FROM visit_cadence WHERE risk_level = 'LOW'),
		coalesce((SELECT md5(string_agg(row_to_json(c)::text, ',' ORDER BY c.id)) FROM children c), '') ||
		coalesce((SELECT md5(string_agg(row_to_json(g)::text, ',' ORDER BY g.id)) FROM guardians g), '')`).
		Scan(&n[0], &n[1], &n[2], &n[3], &n[4], &n[5], &n[6], &n[7], &content)
	if err != nil {
		f.t.Fatal(err)
	}
	if !withAudit {
		n[3] = 0
	}
	return fmt.Sprint(n) + content
}

func mustDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := flowcare.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

// TestChildDataAuthorizationMatrix runs every role, on scopes inside and
// outside the child's area, through every child-data action. Refusals must
// not reveal the child (NOT_FOUND) where the actor may not see it, and must
// write nothing — not even an audit entry.
func TestChildDataAuthorizationMatrix(t *testing.T) {
	f := setup(t)
	civil := f.actor("owner", flowcare.RoleCivilAffairs, "110000", false)
	child, err := f.svc.Register(as(civil), goodChild("矩阵儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	guardian := child.Guardians[0].ID
	actors := map[string]*flowcare.Actor{
		"admin":            f.actor("admin", flowcare.RoleAdmin, "110000", false),
		"civil-city":       f.actor("civil.city", flowcare.RoleCivilAffairs, "110000", false),
		"civil-chaoyang":   f.actor("civil.cy", flowcare.RoleCivilAffairs, "110105", false),
		"civil-haidian":    f.actor("civil.hd", flowcare.RoleCivilAffairs, "110108", false),
		"supervisor":       f.actor("sup", flowcare.RoleChildSupervisor, "110105001", false),
		"supervisor-other": f.actor("sup.other", flowcare.RoleChildSupervisor, "110108001", false),
		"director":         f.actor("dir", flowcare.RoleChildDirector, "110105001001", false),
		"director-next":    f.actor("dir.next", flowcare.RoleChildDirector, "110105001002", false),
		"org-admin":        f.actor("orgadmin", flowcare.RoleOrgAdmin, "", true),
		"org-staff":        f.actor("orgstaff", flowcare.RoleOrgStaff, "", true),
		"volunteer":        f.actor("vol", flowcare.RoleVolunteer, "", false),
		"venue":            f.actor("venue", flowcare.RoleVenueStaff, "", true),
		"organiser":        f.actor("organiser", flowcare.RoleEventOrganiser, "", true),
		"auditor":          f.actor("auditor", flowcare.RoleAuditor, "110000", false),
		"auditor-haidian":  f.actor("auditor.hd", flowcare.RoleAuditor, "110108", false),
	}
	seq := 100
	director := actors["director"]
	ledgerChild, err := f.svc.Register(as(civil), goodChild("台账儿童", 2), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.EnterLedger(as(civil), ledgerChild.ID, []flowcare.LedgerReason{flowcare.ReasonFamilyHardship}, flowcare.LevelHigh); err != nil {
		t.Fatal(err)
	}
	visit := children.VisitInput{VisitedOn: now.AddDate(0, 0, -1), Form: flowcare.VisitHome, Findings: "生活稳定"}
	// A community each actor covers, or the child's own for those who cover none.
	communityOf := func(a *flowcare.Actor) string {
		switch a.Username {
		case "civil.hd", "sup.other", "auditor.hd":
			return "110108001001"
		case "dir.next":
			return "110105001002"
		}
		return "110105001001"
	}
	// answeredElsewhere turns the neutral answer into the denial the matrix
	// checks, once the attempt is found audited on the child's file.
	answeredElsewhere := func(a *flowcare.Actor, audits int) error {
		es := f.elsewhereAudits(child.ID)
		if len(es) != audits+1 || *es[len(es)-1].ActorUsername != a.Username {
			return fmt.Errorf("the attempt was not audited on the child's file (%d entries, %d before)", len(es), audits)
		}
		return flowcare.Errorf(flowcare.ECONFLICT, "%s", registeredElsewhere)
	}
	var prepared string
	actions := []struct {
		name    string
		denial  string
		prepare func()
		run     func(*flowcare.Actor) error
	}{
		{"register in the child's community", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			seq++
			_, err := f.svc.Register(as(a), goodChild(fmt.Sprintf("新儿童%d", seq), seq), false)
			return err
		}},
		{"read the file", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.File(as(a), child.ID, []string{children.PartProfile})
			return err
		}},
		{"update the record", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.Update(as(a), child.ID, goodChild("矩阵儿童", 1))
			return err
		}},
		{"record a review", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.RecordReview(as(a), child.ID, "")
			return err
		}},
		{"record consent", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.RecordConsent(as(a), child.ID, children.ConsentInput{Purpose: flowcare.ConsentServices, Granted: true,
				GuardianID: guardian, Method: flowcare.ConsentWritten, GivenOn: now.AddDate(0, 0, -1)})
			return err
		}},
		{"list Chaoyang's children", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.List(as(a), children.ListQuery{AreaID: "110105"}, flowcare.Page{})
			return err
		}},
		{"see who viewed the file", "", nil, func(a *flowcare.Actor) error {
			_, err := f.svc.Viewers(as(a), child.ID, flowcare.Page{})
			return err
		}},
		{"enter a child on the ledger", flowcare.ENOTFOUND, func() {
			seq++
			c, err := f.svc.Register(as(civil), goodChild(fmt.Sprintf("待入台账%d", seq), seq), false)
			if err != nil {
				t.Fatal(err)
			}
			prepared = c.ID
		}, func(a *flowcare.Actor) error {
			_, err := f.svc.EnterLedger(as(a), prepared, []flowcare.LedgerReason{flowcare.ReasonDisability}, flowcare.LevelMedium)
			return err
		}},
		{"record a visit", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.RecordVisit(as(a), ledgerChild.ID, visit)
			return err
		}},
		{"accept a director's visit", "", func() {
			v, err := f.svc.RecordVisit(as(director), ledgerChild.ID, visit)
			if err != nil || v.Status != flowcare.VisitPending {
				t.Fatalf("director's visit = %+v, %v", v, err)
			}
			prepared = v.ID
		}, func(a *flowcare.Actor) error {
			_, err := f.svc.ReviewVisit(as(a), prepared, true, "")
			return err
		}},
		{"list Chaoyang's ledger", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.Ledger(as(a), "110105", false, flowcare.Page{})
			return err
		}},
		{"record a need", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.CreateNeed(as(a), ledgerChild.ID, children.NeedInput{Category: flowcare.CatReadingGuidance, Description: "需要阅读陪伴",
				Urgency: flowcare.LevelMedium, Place: flowcare.PlaceNearHome})
			return err
		}},
		{"set the visit cadence", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.SetCadence(as(a), flowcare.LevelLow, 180)
			return err
		}},
		{"change the ledger entry", flowcare.ENOTFOUND, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.ChangeLedger(as(a), ledgerChild.ID, []flowcare.LedgerReason{flowcare.ReasonFamilyHardship}, flowcare.LevelHigh, "复核后维持")
			return err
		}},
		{"take a child off the ledger", flowcare.ENOTFOUND, func() {
			seq++
			c, err := f.svc.Register(as(civil), goodChild(fmt.Sprintf("待移出%d", seq), seq), false)
			if err == nil {
				_, err = f.svc.EnterLedger(as(civil), c.ID, []flowcare.LedgerReason{flowcare.ReasonVagrancy}, flowcare.LevelLow)
			}
			if err != nil {
				t.Fatal(err)
			}
			prepared = c.ID
		}, func(a *flowcare.Actor) error {
			_, err := f.svc.LeaveLedger(as(a), prepared, "随家人离京")
			return err
		}},
		{"move a need along", flowcare.ENOTFOUND, func() {
			n, err := f.svc.CreateNeed(as(civil), ledgerChild.ID, children.NeedInput{Category: flowcare.CatRecreation, Description: "文体活动",
				Urgency: flowcare.LevelLow, Place: flowcare.PlaceAny})
			if err != nil {
				t.Fatal(err)
			}
			prepared = n.ID
		}, func(a *flowcare.Actor) error {
			_, err := f.svc.SetNeedStatus(as(a), prepared, flowcare.NeedMatching, "")
			return err
		}},
		{"preview an import", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.PreviewImport(as(a), flowcare.SourceEducation, "list.csv",
				strings.NewReader(importHeader+importLine("预览儿童", "2016-03-04", "", "110105001001", "2023-01-01")))
			return err
		}},
		{"preview an import line carrying the child's ID number", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			n := len(f.elsewhereAudits(child.ID))
			p, err := f.svc.PreviewImport(as(a), flowcare.SourceEducation, "match.csv",
				strings.NewReader(importHeader+importLine("矩阵儿童", "2017-05-12", child.IDNumber, communityOf(a), "2024-09-01")))
			if err != nil {
				return err
			}
			switch l := p.Lines[0]; {
			case l.Outcome == children.OutcomeMatched && l.ChildID == child.ID:
				return nil
			case l.Outcome == children.OutcomeConflict && l.Reason == registeredElsewhere && l.ChildID == "":
				return answeredElsewhere(a, n)
			}
			return fmt.Errorf("preview line = %+v", p.Lines[0])
		}},
		{"import a line carrying the child's ID number", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			n := len(f.elsewhereAudits(child.ID))
			imp, err := f.svc.ApplyImport(as(a), flowcare.SourceEducation, "match.csv",
				strings.NewReader(importHeader+importLine("矩阵儿童", "2017-05-12", child.IDNumber, communityOf(a), "2024-09-01")))
			switch {
			case err != nil:
				return err
			case imp.Updated == 1:
				return nil
			case imp.Conflicts == 1 && strings.Contains(imp.Summary, registeredElsewhere):
				return answeredElsewhere(a, n)
			}
			return fmt.Errorf("import = %+v", imp)
		}},
		{"register another child with the child's ID number", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			n := len(f.elsewhereAudits(child.ID))
			in := goodChild("另一名儿童", 1)
			in.CommunityID = communityOf(a)
			_, err := f.svc.Register(as(a), in, false)
			switch {
			case err == nil:
				return fmt.Errorf("a second child with the same ID number was registered")
			case flowcare.ErrorCode(err) != flowcare.ECONFLICT:
				return err
			case flowcare.ErrorField(err) == "idNumber":
				// Told of a child they may see: the allowed answer.
				return nil
			case flowcare.ErrorMessage(err) == registeredElsewhere && flowcare.ErrorField(err) == "":
				return answeredElsewhere(a, n)
			}
			return fmt.Errorf("answer: %v", err)
		}},
		{"register a namesake born the same day, confirmed different", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			n := len(f.elsewhereAudits(child.ID))
			seq++
			in := goodChild("矩阵儿童", seq)
			in.CommunityID = communityOf(a)
			_, err := f.svc.Register(as(a), in, true)
			if flowcare.ErrorCode(err) == flowcare.ECONFLICT {
				if flowcare.ErrorMessage(err) == registeredElsewhere && flowcare.ErrorField(err) == "" {
					return answeredElsewhere(a, n)
				}
				return fmt.Errorf("answer: %v", err)
			}
			return err
		}},
		{"export Chaoyang's monitoring report", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, _, err := f.svc.MonitoringReport(as(a), "110105")
			return err
		}},
		{"see Chaoyang's overview", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.Overview(as(a), "110105")
			return err
		}},
		{"see Chaoyang's review workload", flowcare.EFORBIDDEN, nil, func(a *flowcare.Actor) error {
			_, err := f.svc.ReviewWorkload(as(a), "110105")
			return err
		}},
	}
	// Columns follow the actions above.
	matrix := map[string]string{
		"admin":            "000000000000000000000000",
		"civil-city":       "111111111111111111111111",
		"civil-chaoyang":   "111111111111011111111111",
		"civil-haidian":    "000000000000000010000000",
		"supervisor":       "111110011101011111111000",
		"supervisor-other": "000000000000000010000000",
		"director":         "111110011001011100011000",
		"director-next":    "000000000000000000000000",
		"org-admin":        "000000000000000000000000",
		"org-staff":        "000000000000000000000000",
		"volunteer":        "000000000000000000000000",
		"venue":            "000000000000000000000000",
		"organiser":        "000000000000000000000000",
		"auditor":          "010001100010000000000011",
		"auditor-haidian":  "000000000000000000000000",
	}
	// Staff who may register or import elsewhere are refused a match with
	// the child by the neutral answer (CONFLICT), audited on the child's
	// file, rather than by FORBIDDEN; nothing of the child is written.
	elsewhere := map[string][]string{
		"preview an import line carrying the child's ID number":      {"civil-haidian", "supervisor-other"},
		"import a line carrying the child's ID number":               {"civil-haidian", "supervisor-other"},
		"register another child with the child's ID number":          {"civil-haidian", "supervisor-other", "director-next"},
		"register a namesake born the same day, confirmed different": {"civil-haidian", "supervisor-other", "director-next"},
	}
	names := make([]string, 0, len(matrix))
	for n := range matrix {
		names = append(names, n)
	}
	sort.Strings(names)
	cells := 0
	for _, name := range names {
		row := matrix[name]
		for i, act := range actions {
			cells++
			t.Run(name+"/"+act.name, func(t *testing.T) {
				if act.prepare != nil {
					act.prepare()
				}
				before, beforeData := f.writes(), f.childData()
				err := act.run(actors[name])
				if row[i] == '1' {
					if err != nil {
						t.Fatalf("allowed action failed: %v", err)
					}
					return
				}
				want := act.denial
				if want == "" {
					// Those who may read the file learn the child exists; others do not.
					want = flowcare.ENOTFOUND
					if row[1] == '1' {
						want = flowcare.EFORBIDDEN
					}
				}
				audited := slices.Contains(elsewhere[act.name], name)
				if audited {
					want = flowcare.ECONFLICT
				}
				wantCode(t, err, want)
				if audited {
					if f.childData() != beforeData {
						t.Errorf("a refused action wrote to a child: %s -> %s", beforeData, f.childData())
					}
				} else if f.writes() != before {
					t.Errorf("a refused action wrote something: %s -> %s", before, f.writes())
				}
			})
		}
	}
	t.Logf("child-data authorization matrix: %d roles-on-scope × %d actions = %d cells", len(matrix), len(actions), cells)
}

func TestEveryFileReadIsAuditedWithItsParts(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110105", false)
	auditor := f.actor("auditor", flowcare.RoleAuditor, "110000", false)
	c, err := f.svc.Register(as(civil), goodChild("被查看的儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	ctx := flowcare.WithRequestInfo(as(auditor), flowcare.RequestInfo{IP: "10.1.2.3"})
	if _, err := f.svc.File(ctx, c.ID, []string{children.PartProfile, children.PartGuardians}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.File(as(civil), c.ID, []string{children.PartProfile}); err != nil {
		t.Fatal(err)
	}
	l, err := f.svc.Viewers(as(civil), c.ID, flowcare.Page{})
	if err != nil {
		t.Fatal(err)
	}
	views := l.Views
	if len(views) != 2 || l.HasNext || *views[0].ActorUsername != "civil" || *views[1].ActorUsername != "auditor" ||
		*views[1].IP != "10.1.2.3" || !strings.Contains(views[1].Detail, "guardians") {
		t.Fatalf("views = %+v", views)
	}
	// Pages of one walk the reads newest first.
	first, err := f.svc.Viewers(as(civil), c.ID, flowcare.Page{First: 1})
	if err != nil || len(first.Views) != 1 || !first.HasNext {
		t.Fatalf("first page = %+v, %v", first, err)
	}
	second, err := f.svc.Viewers(as(civil), c.ID, flowcare.Page{First: 1, After: fmt.Sprint(first.Views[0].ID)})
	if err != nil || len(second.Views) != 1 || second.HasNext || *second.Views[0].ActorUsername != "auditor" {
		t.Fatalf("second page = %+v, %v", second, err)
	}
}

func TestBadInputIsRefusedAndWritesNothing(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110000", false)
	cases := []struct {
		name, field string
		edit        func(*children.ChildInput)
	}{
		{"birth date in the future", "birthDate", func(c *children.ChildInput) { c.BirthDate = now.AddDate(0, 1, 0) }},
		{"sixteen or over", "birthDate", func(c *children.ChildInput) {
			c.BirthDate = time.Date(2010, 11, 28, 0, 0, 0, 0, time.UTC)
			c.IDNumber = ""
			c.NoIDReason = "测试"
		}},
		{"bad check digit", "idNumber", func(c *children.ChildInput) {
			last := c.IDNumber[17]
			c.IDNumber = c.IDNumber[:17] + map[bool]string{true: "1", false: "0"}[last == '0']
		}},
		{"ID birth date differs", "idNumber", func(c *children.ChildInput) { c.BirthDate = c.BirthDate.AddDate(0, 0, 1) }},
		{"no ID and no reason", "noIdReason", func(c *children.ChildInput) { c.IDNumber = "" }},
		{"unknown community", "communityId", func(c *children.ChildInput) { c.CommunityID = "110199001001" }},
		{"a street, not a community", "communityId", func(c *children.ChildInput) { c.CommunityID = "110105001" }},
		{"arrived before birth", "arrivedOn", func(c *children.ChildInput) { c.ArrivedOn = c.BirthDate.AddDate(0, 0, -1) }},
		{"arrival in the future", "arrivedOn", func(c *children.ChildInput) { c.ArrivedOn = now.AddDate(0, 0, 3) }},
		{"no guardian", "guardians", func(c *children.ChildInput) { c.Guardians = nil }},
		{"guardian phone malformed", "guardians", func(c *children.ChildInput) { c.Guardians[0].Phone = "12-34" }},
		{"no hukou province", "hukouProvince", func(c *children.ChildInput) { c.Hukou.Province = " " }},
		{"unknown moved-with", "movedWith", func(c *children.ChildInput) { c.MovedWith = "BY_TRAIN" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := goodChild("坏输入", 7)
			c.edit(&in)
			before := f.writes()
			_, err := f.svc.Register(as(civil), in, false)
			wantCode(t, err, flowcare.EINVALID)
			if flowcare.ErrorField(err) != c.field {
				t.Errorf("field = %q, want %q (%v)", flowcare.ErrorField(err), c.field, err)
			}
			if f.writes() != before {
				t.Errorf("invalid input wrote something")
			}
		})
	}
}

func TestDuplicatesAreCaughtByIDAndByNameAndBirthDate(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110000", false)
	if _, err := f.svc.Register(as(civil), goodChild("重复儿童", 1), false); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.Register(as(civil), goodChild("另一个名字", 1), false)
	wantCode(t, err, flowcare.ECONFLICT)
	sameNameBirth := goodChild("重复儿童", 2)
	_, err = f.svc.Register(as(civil), sameNameBirth, false)
	wantCode(t, err, flowcare.ECONFLICT)
	if flowcare.ErrorField(err) != "name" {
		t.Errorf("field = %q", flowcare.ErrorField(err))
	}
	if _, err := f.svc.Register(as(civil), sameNameBirth, true); err != nil {
		t.Fatalf("confirmed different child refused: %v", err)
	}
}

func TestPersonalDataIsEncryptedAtRestAndKeysRotate(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110000", false)
	in := goodChild("加密测试儿童", 3)
	c, err := f.svc.Register(as(civil), in, false)
	if err != nil {
		t.Fatal(err)
	}
	var row, guardians string
	if err := f.db.SQL().QueryRow(`SELECT row_to_json(c)::text FROM children c WHERE id = $1`, c.ID).Scan(&row); err != nil {
		t.Fatal(err)
	}
	if err := f.db.SQL().QueryRow(`SELECT string_agg(row_to_json(g)::text, ',') FROM guardians g WHERE child_id = $1`, c.ID).Scan(&guardians); err != nil {
		t.Fatal(err)
	}
	for _, plain := range []string{in.Name, in.IDNumber, in.Address, "示例路", in.Guardians[0].Name, in.Guardians[0].Phone} {
		if strings.Contains(row, plain) || strings.Contains(guardians, plain) {
			t.Fatalf("plaintext %q found in the stored row", plain)
		}
	}
	if !strings.Contains(row, `"name_enc":"t1.`) {
		t.Fatalf("name not stored under key t1: %s", row)
	}

	// Rotate: t2 becomes current, t1 stays readable until everything moves.
	rotated, err := secrets.New([]string{pgtest.TestKey1, pgtest.TestKey2}, "t2", pgtest.TestHashKey)
	if err != nil {
		t.Fatal(err)
	}
	f.db.UseKeyring(rotated)
	total := 0
	for {
		n := 0
		if err := f.db.InTx(ctx, func(tx flowcare.Tx) error {
			var err error
			n, err = tx.Children().ReencryptBatch(ctx, 1)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		total += n
	}
	if total != 1 {
		t.Fatalf("re-encrypted %d children, want 1", total)
	}
	var left int
	if err := f.db.SQL().QueryRow(`SELECT count(*) FROM children WHERE name_enc LIKE 't1.%' OR id_number_enc LIKE 't1.%' OR address_enc LIKE 't1.%'`).Scan(&left); err != nil || left != 0 {
		t.Fatalf("%d values still under t1 (%v)", left, err)
	}
	// Only t2 is needed now; the ID-number hash still finds the child.
	onlyNew, _ := secrets.New([]string{pgtest.TestKey2}, "t2", pgtest.TestHashKey)
	f.db.UseKeyring(onlyNew)
	got, err := f.svc.File(as(civil), c.ID, nil)
	if err != nil || got.Name != in.Name || got.IDNumber != in.IDNumber || got.Guardians[0].Phone != in.Guardians[0].Phone {
		t.Fatalf("read after rotation = %+v, %v", got, err)
	}
	l, err := f.svc.List(as(civil), children.ListQuery{IDNumber: strings.ToLower(in.IDNumber)}, flowcare.Page{})
	if err != nil || l.Total != 1 {
		t.Fatalf("find by ID number after rotation = %+v, %v", l, err)
	}
	if l.Children[0].IDNumber != "" || l.Children[0].Address != "" {
		t.Error("a list carries an ID number or address")
	}
}

func TestReviewsAndTheActiveList(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110000", false)
	c, err := f.svc.Register(as(civil), goodChild("复核儿童", 4), false)
	if err != nil {
		t.Fatal(err)
	}
	// A record created six months and a day ago, never reviewed, is due.
	if _, err := f.db.SQL().Exec(`UPDATE children SET created_at = $2 WHERE id = $1`, c.ID, now.AddDate(0, -6, -1)); err != nil {
		t.Fatal(err)
	}
	due, err := f.svc.List(as(civil), children.ListQuery{ReviewDue: true}, flowcare.Page{})
	if err != nil || due.Total != 1 {
		t.Fatalf("review due = %+v, %v", due, err)
	}
	work, err := f.svc.ReviewWorkload(as(civil), "")
	if err != nil || len(work) != 1 || work[0].Worker != "civil" || work[0].Overdue != 1 {
		t.Fatalf("workload = %+v, %v", work, err)
	}
	if _, err := f.svc.RecordReview(as(civil), c.ID, "已入户核实"); err != nil {
		t.Fatal(err)
	}
	if due, _ := f.svc.List(as(civil), children.ListQuery{ReviewDue: true}, flowcare.Page{}); due.Total != 0 {
		t.Fatalf("still due after review: %d", due.Total)
	}
	if work, _ := f.svc.ReviewWorkload(as(civil), ""); len(work) != 0 {
		t.Fatalf("workload after the review = %+v", work)
	}
	if rs, err := f.svc.ReviewsOf(context.Background(), c.ID); err != nil || len(rs) != 1 || rs[0].Note != "已入户核实" || *rs[0].Reviewer != "civil" {
		t.Fatalf("reviews = %+v, %v", rs, err)
	}
	// Turning 16 takes a child off the active list but keeps the record.
	older := goodChild("将满十六岁", 5)
	older.BirthDate, older.IDNumber, older.NoIDReason = time.Date(2010, 12, 1, 0, 0, 0, 0, time.UTC), "", "测试"
	o, err := f.svc.Register(as(civil), older, false)
	if err != nil {
		t.Fatal(err)
	}
	if o.Eligibility.TurnsSixteenOn.Format("2006-01-02") != "2026-12-01" {
		t.Errorf("turns 16 on %v", o.Eligibility.TurnsSixteenOn)
	}
	later := children.New(f.db, func() time.Time { return now.AddDate(0, 0, 5) })
	active, _ := later.List(as(civil), children.ListQuery{}, flowcare.Page{})
	all, _ := later.List(as(civil), children.ListQuery{IncludeInactive: true}, flowcare.Page{})
	if active.Total != 1 || all.Total != 2 {
		t.Fatalf("after the birthday: active %d, all %d", active.Total, all.Total)
	}
	file, err := later.File(as(civil), o.ID, nil)
	if err != nil || file.Eligibility.Eligible || file.Eligibility.Reasons[0] != flowcare.IneligibleAge16 {
		t.Fatalf("file after the birthday = %+v, %v", file.Eligibility, err)
	}
}

func TestLedgerVisitsAndReview(t *testing.T) {
	f := setup(t)
	director := f.actor("dir", flowcare.RoleChildDirector, "110105001001", false)
	supervisor := f.actor("sup", flowcare.RoleChildSupervisor, "110105001", false)
	c, err := f.svc.Register(as(director), goodChild("台账流程儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.RecordVisit(as(director), c.ID, children.VisitInput{VisitedOn: now, Form: flowcare.VisitHome, Findings: "x"})
	wantCode(t, err, flowcare.ECONFLICT) // not on the ledger yet
	e, err := f.svc.EnterLedger(as(director), c.ID, []flowcare.LedgerReason{flowcare.ReasonFamilyHardship, flowcare.ReasonPsychological}, flowcare.LevelHigh)
	if err != nil {
		t.Fatal(err)
	}
	today := f.svc.Today()
	if !e.NextVisitDue.Equal(today.AddDate(0, 0, 30)) {
		t.Fatalf("first visit due %v, want 30 days after entry", e.NextVisitDue)
	}
	_, err = f.svc.EnterLedger(as(director), c.ID, []flowcare.LedgerReason{flowcare.ReasonDisability}, flowcare.LevelLow)
	wantCode(t, err, flowcare.ECONFLICT)

	visitedOn := today.AddDate(0, 0, -2)
	v, err := f.svc.RecordVisit(as(director), c.ID, children.VisitInput{VisitedOn: visitedOn, Form: flowcare.VisitHome,
		Findings: "家中 3 口人，父亲在建外工地务工（演示）", FollowUp: "联系社工机构提供阅读陪伴"})
	if err != nil || v.Status != flowcare.VisitPending {
		t.Fatalf("director's visit = %+v, %v", v, err)
	}
	pending, err := f.svc.PendingVisits(as(supervisor))
	if err != nil || len(pending) != 1 || pending[0].ID != v.ID || pending[0].Findings == "" {
		t.Fatalf("supervisor's pending visits = %+v, %v", pending, err)
	}
	_, err = f.svc.ReviewVisit(as(supervisor), v.ID, false, "")
	wantCode(t, err, flowcare.EINVALID) // returning needs a note
	_, err = f.svc.ReviewVisit(as(director), v.ID, true, "")
	wantCode(t, err, flowcare.EFORBIDDEN)
	// Returned with a note, corrected by the visitor alone, then accepted.
	_, err = f.svc.ResubmitVisit(as(director), v.ID, children.VisitInput{VisitedOn: visitedOn, Form: flowcare.VisitHome, Findings: "改"})
	wantCode(t, err, flowcare.ECONFLICT) // not returned yet
	if _, err := f.svc.ReviewVisit(as(supervisor), v.ID, false, "请补充监护人就业情况"); err != nil {
		t.Fatal(err)
	}
	other := f.actor("dir2", flowcare.RoleChildDirector, "110105001001", false)
	corrected := children.VisitInput{VisitedOn: visitedOn, Form: flowcare.VisitHome, Findings: "父亲在建外工地务工，母亲待业（演示）"}
	_, err = f.svc.ResubmitVisit(as(other), v.ID, corrected)
	wantCode(t, err, flowcare.EFORBIDDEN)
	if r, err := f.svc.ResubmitVisit(as(director), v.ID, corrected); err != nil || r.Status != flowcare.VisitPending {
		t.Fatalf("resubmit = %+v, %v", r, err)
	}
	if got, _ := f.db.Care().VisitByID(context.Background(), v.ID); got.Findings != corrected.Findings || got.ReviewNote != "" {
		t.Fatalf("resubmitted visit = %+v", got)
	}
	if _, err := f.svc.ReviewVisit(as(supervisor), v.ID, true, "情况属实"); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.ReviewVisit(as(supervisor), v.ID, true, "")
	wantCode(t, err, flowcare.ECONFLICT)
	e, _, err = f.svc.LedgerOf(context.Background(), c.ID)
	if err != nil || !e.NextVisitDue.Equal(visitedOn.AddDate(0, 0, 30)) {
		t.Fatalf("next visit after acceptance = %v, %v", e.NextVisitDue, err)
	}
	// The findings are stored encrypted.
	var stored string
	if err := f.db.SQL().QueryRow(`SELECT findings_enc FROM visits WHERE id = $1`, v.ID).Scan(&stored); err != nil || strings.Contains(stored, "工地") {
		t.Fatalf("findings stored as %q (%v)", stored, err)
	}
	// A visit a month and a day ago without a newer one is overdue.
	if _, err := f.db.SQL().Exec(`UPDATE ledger_entries SET next_visit_due = $2 WHERE child_id = $1`, c.ID, today.AddDate(0, 0, -1)); err != nil {
		t.Fatal(err)
	}
	overdue, err := f.svc.Ledger(as(supervisor), "", true, flowcare.Page{})
	if err != nil || overdue.Total != 1 {
		t.Fatalf("overdue list = %+v, %v", overdue, err)
	}
	if _, err := f.svc.ChangeLedger(as(supervisor), c.ID, []flowcare.LedgerReason{flowcare.ReasonFamilyHardship}, flowcare.LevelLow, "心理状况好转"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.LeaveLedger(as(supervisor), c.ID, ""); flowcare.ErrorCode(err) != flowcare.EINVALID {
		t.Fatalf("leaving without a reason: %v", err)
	}
	if _, err := f.svc.LeaveLedger(as(supervisor), c.ID, "随父母返乡"); err != nil {
		t.Fatal(err)
	}
	_, h, err := f.svc.LedgerOf(context.Background(), c.ID)
	if err != nil || len(h) != 3 || h[0].Event != "ENTERED" || h[1].Event != "CHANGED" || h[2].Event != "LEFT" || !strings.Contains(h[1].Detail, "心理状况好转") {
		t.Fatalf("history = %+v, %v", h, err)
	}
	if l, _ := f.svc.Ledger(as(supervisor), "", false, flowcare.Page{}); l.Total != 0 {
		t.Fatalf("a child who left is still on the current ledger")
	}
}

func TestNeedsFollowTheirLife(t *testing.T) {
	f := setup(t)
	director := f.actor("dir", flowcare.RoleChildDirector, "110105001001", false)
	c, err := f.svc.Register(as(director), goodChild("需求儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	in := children.NeedInput{Category: flowcare.CatLetterCompanionship, Description: "希望有书信伙伴", Urgency: flowcare.LevelLow,
		Place: flowcare.PlaceAny, Language: "河南话", Windows: []flowcare.TimeWindow{{Day: 6, Start: 540, End: 660}}}
	bad := in
	bad.Category = "KNITTING"
	_, err = f.svc.CreateNeed(as(director), c.ID, bad)
	wantCode(t, err, flowcare.EINVALID)
	n, err := f.svc.CreateNeed(as(director), c.ID, in)
	if err != nil || n.Status != flowcare.NeedOpen {
		t.Fatalf("need = %+v, %v", n, err)
	}
	for _, st := range []flowcare.NeedStatus{flowcare.NeedMatching, flowcare.NeedInService, flowcare.NeedMet} {
		if _, err := f.svc.SetNeedStatus(as(director), n.ID, st, ""); err != nil {
			t.Fatalf("to %s: %v", st, err)
		}
	}
	_, err = f.svc.SetNeedStatus(as(director), n.ID, flowcare.NeedOpen, "")
	wantCode(t, err, flowcare.ECONFLICT)
	h, err := f.svc.NeedHistory(context.Background(), n.ID)
	if err != nil || len(h) != 4 || h[3].Status != flowcare.NeedMet {
		t.Fatalf("history = %+v, %v", h, err)
	}
	n2, _ := f.svc.CreateNeed(as(director), c.ID, in)
	_, err = f.svc.SetNeedStatus(as(director), n2.ID, flowcare.NeedWithdrawn, "")
	wantCode(t, err, flowcare.EINVALID)
}
