package children_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"flowcare/internal/children"
	"flowcare/internal/flowcare"
)

// The words of the issue, pinned: the same whichever district holds the child.
const registeredElsewhere = "已在其他地区登记，请联系民政部门核实"

const matchElsewhere = "child.match_outside_scope"

// elsewhereAudits returns the audit entries of records matching a child from
// outside its area, oldest first.
func (f *fixture) elsewhereAudits(childID string) []*flowcare.AuditEvent {
	f.t.Helper()
	es, err := f.db.Audit().ListByTarget(context.Background(), matchElsewhere, "child:"+childID, flowcare.Page{First: 100})
	if err != nil {
		f.t.Fatal(err)
	}
	for i, j := 0, len(es)-1; i < j; i, j = i+1, j-1 {
		es[i], es[j] = es[j], es[i]
	}
	return es
}

func detail(t *testing.T, e *flowcare.AuditEvent) map[string]any {
	t.Helper()
	var d map[string]any
	if err := json.Unmarshal([]byte(e.Detail), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestImportCannotTakeOverAChildOfAnotherDistrict is the case of the
// review: a street supervisor imports one line carrying the ID number of a
// child registered in another district, with a community of their own
// street. The line must be a conflict that says only "registered
// elsewhere"; the child keeps its name, guardian and community; the
// supervisor still cannot read the file; and both attempts are audited on
// the child's file.
func TestImportCannotTakeOverAChildOfAnotherDistrict(t *testing.T) {
	f := setup(t)
	haidian := f.actor("civil.hd", flowcare.RoleCivilAffairs, "110108", false)
	supervisor := f.actor("sup.cy", flowcare.RoleChildSupervisor, "110105001", false)
	in := goodChild("海淀儿童", 1)
	in.CommunityID, in.Guardians[0].Name, in.Address = "110108001001", "原监护人", "海淀某路 9 号"
	child, err := f.svc.Register(as(haidian), in, false)
	if err != nil {
		t.Fatal(err)
	}
	file := importHeader + importLine("改名儿童", "2017-05-12", child.IDNumber, "110105001001", "2024-09-01")

	p, err := f.svc.PreviewImport(as(supervisor), flowcare.SourcePublicSecurity, "takeover.csv", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if p.Matched != 0 || p.Conflicts != 1 || p.Lines[0].Outcome != children.OutcomeConflict || p.Lines[0].Reason != registeredElsewhere {
		t.Fatalf("preview = %+v", p)
	}
	if p.Lines[0].ChildID != "" {
		t.Errorf("the preview names the other district's child: %q", p.Lines[0].ChildID)
	}

	before := f.childData()
	imp, err := f.svc.ApplyImport(as(supervisor), flowcare.SourcePublicSecurity, "takeover.csv", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if imp.Updated != 0 || imp.Created != 0 || imp.Conflicts != 1 {
		t.Fatalf("import = %+v", imp)
	}
	if f.childData() != before {
		t.Error("the import wrote to the other district's child")
	}
	got, err := f.svc.File(as(haidian), child.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != "海淀儿童" || got.CommunityID != "110108001001" || len(got.Guardians) != 1 || got.Guardians[0].Name != "原监护人" ||
		got.Address != "海淀某路 9 号" || got.School != in.School {
		t.Fatalf("the child was changed: %+v", got)
	}
	_, err = f.svc.File(as(supervisor), child.ID, nil)
	wantCode(t, err, flowcare.ENOTFOUND)

	es := f.elsewhereAudits(child.ID)
	if len(es) != 2 {
		t.Fatalf("%d audit entries of the attempts, want 2 (preview and import)", len(es))
	}
	for i, via := range []string{"import_preview", "import"} {
		d := detail(t, es[i])
		if *es[i].ActorUsername != "sup.cy" || d["via"] != via || d["match"] != "id_number" || d["community"] != "110105001001" || d["line"] != 2.0 {
			t.Errorf("audit entry %d = %s by %s", i, es[i].Detail, *es[i].ActorUsername)
		}
	}
	if d := detail(t, es[1]); d["import"] != imp.ID {
		t.Errorf("the import's audit entry does not name it: %s", es[1].Detail)
	}
}

// TestAMatchByNameAndBirthDateElsewhereIsAConflictToo: without an ID number
// the same name and birth date in another district is neither matched nor
// described; inside the importer's area the usual message stays.
func TestAMatchByNameAndBirthDateElsewhereIsAConflictToo(t *testing.T) {
	f := setup(t)
	haidian := f.actor("civil.hd", flowcare.RoleCivilAffairs, "110108", false)
	chaoyang := f.actor("civil.cy", flowcare.RoleCivilAffairs, "110105", false)
	far := goodChild("同名儿童", 1)
	far.CommunityID = "110108001001"
	if _, err := f.svc.Register(as(haidian), far, false); err != nil {
		t.Fatal(err)
	}
	near := goodChild("本区儿童", 2)
	if _, err := f.svc.Register(as(chaoyang), near, false); err != nil {
		t.Fatal(err)
	}
	file := importHeader +
		importLine("同名儿童", "2017-05-12", "", "110105001001", "2024-09-01") +
		importLine("本区儿童", "2017-05-12", "", "110105001001", "2024-09-01")
	p, err := f.svc.PreviewImport(as(chaoyang), flowcare.SourceEducation, "names.csv", strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if p.Conflicts != 2 || p.Lines[0].Reason != registeredElsewhere || !strings.Contains(p.Lines[1].Reason, "同名且出生日期相同") {
		t.Fatalf("preview = %+v", p.Lines)
	}
}

// TestRegisterTellsNothingOfChildrenOutsideTheCallersArea: registering a
// child whose ID number, or name and birth date, is registered in another
// district answers with the same neutral words for every district, names
// no field, cannot be confirmed away, writes nothing but an audit entry on
// the matched child's file, and changing a record to such an ID number
// answers the same. Inside the caller's area the duplicate messages stay.
func TestRegisterTellsNothingOfChildrenOutsideTheCallersArea(t *testing.T) {
	f := setup(t)
	city := f.actor("civil.city", flowcare.RoleCivilAffairs, "110000", false)
	director := f.actor("dir.cy", flowcare.RoleChildDirector, "110105001001", false)
	inHaidian := goodChild("海淀儿童", 1)
	inHaidian.CommunityID = "110108001001"
	a, err := f.svc.Register(as(city), inHaidian, false)
	if err != nil {
		t.Fatal(err)
	}
	inTongzhou := goodChild("通州儿童", 2)
	inTongzhou.CommunityID = "110112001001"
	b, err := f.svc.Register(as(city), inTongzhou, false)
	if err != nil {
		t.Fatal(err)
	}

	before := f.childData()
	attempts := []struct {
		name    string
		in      children.ChildInput
		confirm bool
		target  string
		match   string
	}{
		{"Haidian's ID number", goodChild("别的名字", 1), false, a.ID, "id_number"},
		{"Tongzhou's ID number", goodChild("别的名字", 2), false, b.ID, "id_number"},
		{"Haidian's name and birth date", goodChild("海淀儿童", 3), false, a.ID, "name_birth"},
		{"Haidian's name and birth date, confirmed different", goodChild("海淀儿童", 3), true, a.ID, "name_birth"},
	}
	for _, at := range attempts {
		_, err := f.svc.Register(as(director), at.in, at.confirm)
		wantCode(t, err, flowcare.ECONFLICT)
		if msg := flowcare.ErrorMessage(err); msg != registeredElsewhere {
			t.Errorf("%s: message %q", at.name, msg)
		}
		if field := flowcare.ErrorField(err); field != "" {
			t.Errorf("%s: the answer names the field %q", at.name, field)
		}
	}
	if f.childData() != before {
		t.Fatal("a refused registration wrote a child")
	}
	want := map[string][]string{}
	for _, at := range attempts {
		want[at.target] = append(want[at.target], at.match)
	}
	for target, matches := range want {
		es := f.elsewhereAudits(target)
		if len(es) != len(matches) {
			t.Fatalf("%d attempts audited on %s, want %d", len(es), target, len(matches))
		}
		for i, e := range es {
			d := detail(t, e)
			if *e.ActorUsername != "dir.cy" || d["via"] != "register" || d["match"] != matches[i] || d["community"] != "110105001001" {
				t.Errorf("audit entry on %s = %s", target, e.Detail)
			}
		}
	}

	// Changing an own child's record to an ID number registered elsewhere.
	own, err := f.svc.Register(as(director), goodChild("本社区儿童", 4), false)
	if err != nil {
		t.Fatal(err)
	}
	change := goodChild("本社区儿童", 1)
	_, err = f.svc.Update(as(director), own.ID, change)
	wantCode(t, err, flowcare.ECONFLICT)
	if flowcare.ErrorMessage(err) != registeredElsewhere || flowcare.ErrorField(err) != "" {
		t.Errorf("update answer: %v", err)
	}
	if es := f.elsewhereAudits(a.ID); len(es) != 4 || detail(t, es[3])["via"] != "update" {
		t.Errorf("the update attempt was not audited on the matched child: %d entries", len(es))
	}

	// Inside the caller's area the duplicate is named, and a namesake can be confirmed.
	_, err = f.svc.Register(as(city), goodChild("别的名字", 1), false)
	wantCode(t, err, flowcare.ECONFLICT)
	if flowcare.ErrorField(err) != "idNumber" || flowcare.ErrorMessage(err) == registeredElsewhere {
		t.Errorf("in-scope duplicate ID: %v", err)
	}
	namesake := goodChild("海淀儿童", 5)
	namesake.CommunityID = "110108001001"
	_, err = f.svc.Register(as(city), namesake, false)
	if flowcare.ErrorField(err) != "name" {
		t.Errorf("in-scope namesake: %v", err)
	}
	if _, err := f.svc.Register(as(city), namesake, true); err != nil {
		t.Errorf("in-scope namesake, confirmed: %v", err)
	}
}

// TestEveryImportedChildIsAuditedOnItsFile: a child an import creates or
// changes has an audit entry on its own file naming the import and line,
// not only the import's own entry.
func TestEveryImportedChildIsAuditedOnItsFile(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110105", false)
	existing, err := f.svc.Register(as(civil), goodChild("已登记儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	newID := idFor(mustDate("2016-03-04"), 42)
	file := importHeader +
		importLine("新儿童", "2016-03-04", newID, "110105001001", "2023-01-01") +
		importLine("已登记儿童", "2017-05-12", existing.IDNumber, "110105001002", "2024-09-01")
	imp, err := f.svc.ApplyImport(as(civil), flowcare.SourceEducation, "pupils.csv", strings.NewReader(file))
	if err != nil || imp.Created != 1 || imp.Updated != 1 {
		t.Fatalf("import = %+v, %v", imp, err)
	}
	l, err := f.svc.List(as(civil), children.ListQuery{IDNumber: newID}, flowcare.Page{})
	if err != nil || l.Total != 1 {
		t.Fatalf("new child: %+v, %v", l, err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		child, action string
		line          float64
	}{{l.Children[0].ID, "child.registered", 2}, {existing.ID, "child.updated", 3}} {
		es, err := f.db.Audit().ListByTarget(ctx, c.action, "child:"+c.child, flowcare.Page{})
		if err != nil {
			t.Fatal(err)
		}
		var found bool
		for _, e := range es {
			d := detail(t, e)
			found = found || d["import"] == imp.ID && d["line"] == c.line && d["source"] == string(flowcare.SourceEducation)
		}
		if !found {
			t.Errorf("no %s entry on child:%s naming the import: %d entries", c.action, c.child, len(es))
		}
	}
	es, _ := f.db.Audit().ListByTarget(ctx, "child.updated", "child:"+existing.ID, flowcare.Page{})
	if len(es) == 0 || detail(t, es[0])["moved_from"] != "110105001001" {
		t.Errorf("the move is not in the audit entry")
	}
}
