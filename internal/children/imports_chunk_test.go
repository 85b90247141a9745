package children_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"flowcare/internal/children"
	"flowcare/internal/flowcare"
)

// chunkFile mixes new lines (with and without ID numbers, languages, a
// landline, no phone) with a matched line that moves its child, a conflict
// and an invalid line, so that chunks of three end in the middle of each.
func chunkFile(existing *flowcare.Child) string {
	birth := mustDate("2016-03-04")
	return benchImportHeader +
		"新儿童甲,女,2016-03-04," + idFor(birth, 1) + ",,河南省,周口市,项城市,父母双方,110105001001,2023-01-01,示例小学,普通话、河南话,家长甲,母亲,13912345678\n" +
		"新儿童乙,男,2015-07-01,,户口尚未迁移,四川省,南充市,仪陇县,父母一方,110105001002,2022-05-01,,,家长乙,父亲,010-66667777\n" +
		"已登记儿童,女,2017-05-12," + existing.IDNumber + ",,河南省,周口市,项城市,父母双方,110105001002,2024-09-01,新学校,,新家长,祖母,13700000000\n" +
		"新儿童丙,女,2016-03-04," + idFor(birth, 2) + ",,安徽省,阜阳市,临泉县,其他照料人,110105001001,2023-02-01,示例小学,,家长丙,外祖父,\n" +
		"已登记儿童,女,2017-05-12,,未办理,河南省,周口市,项城市,父母双方,110105001001,2024-09-01,,,家长,母亲,\n" + // same name and birth date
		"新儿童丁,男,2014-01-09," + idFor(mustDate("2014-01-09"), 3) + ",,山东省,菏泽市,曹县,父母双方,110105001002,2020-09-01,示例中学,普通话,家长丁,父亲,13811112222\n" +
		"坏日期,男,2014-13-40,,未办理,山东省,菏泽市,曹县,父母双方,110105001002,2020-09-01,,,家长,父亲,\n" +
		"新儿童戊,女,2019-10-10,,未办理,河北省,保定市,涿州市,父母双方,110105001001,2024-01-01,,普通话,家长戊,母亲,13600000000\n" +
		"新儿童己,男,2013-06-06," + idFor(mustDate("2013-06-06"), 4) + ",,湖北省,黄冈市,麻城市,父母一方,110105001002,2021-03-01,,,家长己,父亲,13500000000\n"
}

// importedState is every child's record and guardians as stored, and the
// audit entries on each child's file (without the import's id, which
// differs between databases), one line per child, sorted.
func importedState(t *testing.T, f *fixture) []string {
	t.Helper()
	ctx := context.Background()
	var ids []string
	rows, err := f.db.SQL().Query(`SELECT id FROM children`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	var out []string
	for _, id := range ids {
		c, err := f.db.Children().ChildByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s|%s|%s|%s|%s|%v|%s|%s|%s|%s|%s|%v|%s|%s|%s|", c.Name, c.Gender, c.BirthDate.Format("2006-01-02"), c.IDNumber, c.NoIDReason,
			c.Hukou, c.MovedWith, c.CommunityID, c.ArrivedOn.Format("2006-01-02"), c.School, c.Address, c.Languages, c.Disability, c.Status, c.RegisteredBy)
		for _, g := range c.Guardians {
			fmt.Fprintf(&b, "[%s %s %s %v]", g.Name, g.Relation, g.Phone, g.Primary)
		}
		es, err := f.db.Audit().ListByTarget(ctx, "", "child:"+id, flowcare.Page{})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			d := detail(t, e)
			delete(d, "import")
			fmt.Fprintf(&b, " %s %v", e.Action, d)
		}
		out = append(out, b.String())
	}
	slices.Sort(out)
	return out
}

// TestChunkedImportWritesWhatLineByLineWrites: an import written in chunks
// stores every child, guardian and audit entry exactly as one written line
// by line, each child's guardian and sealed values on its own record.
func TestChunkedImportWritesWhatLineByLineWrites(t *testing.T) {
	var states [][]string
	var summaries []string
	for _, chunk := range []int{1, 3} {
		f := setup(t)
		civil := f.actor("civil", flowcare.RoleCivilAffairs, "110105", false)
		in := goodChild("已登记儿童", 1)
		in.Guardians = append(in.Guardians, children.GuardianInput{Name: "第二家长", Relation: "父亲", Phone: "13900000000"})
		existing, err := f.svc.Register(as(civil), in, false)
		if err != nil {
			t.Fatal(err)
		}
		f.svc.SetImportChunk(chunk)
		imp, err := f.svc.ApplyImport(as(civil), flowcare.SourceEducation, "chunks.csv", strings.NewReader(chunkFile(existing)))
		if err != nil {
			t.Fatalf("chunk %d: %v", chunk, err)
		}
		if imp.Created != 6 || imp.Updated != 1 || imp.Conflicts != 1 || imp.Invalid != 1 {
			t.Fatalf("chunk %d: import = %+v", chunk, imp)
		}
		state := importedState(t, f)
		if len(state) != 7 {
			t.Fatalf("chunk %d: %d children stored, want 7", chunk, len(state))
		}
		states, summaries = append(states, state), append(summaries, imp.Summary)

		// What both must hold, so that agreeing on a wrong answer fails too.
		l, err := f.svc.List(as(civil), children.ListQuery{IDNumber: idFor(mustDate("2016-03-04"), 2)}, flowcare.Page{})
		if err != nil || l.Total != 1 {
			t.Fatalf("chunk %d: 新儿童丙 by ID number: %+v, %v", chunk, l, err)
		}
		c, err := f.db.Children().ChildByID(context.Background(), l.Children[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if c.Name != "新儿童丙" || c.Hukou.County != "临泉县" || len(c.Guardians) != 1 || c.Guardians[0].Name != "家长丙" ||
			c.Guardians[0].Phone != "" || !c.Guardians[0].Primary || c.RegisteredBy != "civil" || len(c.Languages) != 0 {
			t.Errorf("chunk %d: 新儿童丙 = %+v", chunk, c)
		}
		es, err := f.db.Audit().ListByTarget(context.Background(), "child.registered", "child:"+c.ID, flowcare.Page{})
		if err != nil || len(es) != 1 || detail(t, es[0])["line"] != 5.0 || detail(t, es[0])["import"] != imp.ID ||
			detail(t, es[0])["community"] != "110105001001" || *es[0].ActorUsername != "civil" {
			t.Errorf("chunk %d: audit of 新儿童丙 = %+v, %v", chunk, es, err)
		}
		moved, err := f.db.Children().ChildByID(context.Background(), existing.ID)
		if err != nil {
			t.Fatal(err)
		}
		if moved.CommunityID != "110105001002" || len(moved.Guardians) != 2 || moved.Guardians[0].Name != "新家长" ||
			moved.Guardians[1].Name != "第二家长" || moved.Address != existing.Address {
			t.Errorf("chunk %d: matched child = %+v", chunk, moved)
		}
	}
	if summaries[0] != summaries[1] {
		t.Errorf("summaries differ:\n%s\n%s", summaries[0], summaries[1])
	}
	for i := range states[0] {
		if states[0][i] != states[1][i] {
			t.Errorf("line by line and in chunks differ:\n%s\n%s", states[0][i], states[1][i])
		}
	}
}

// TestChunkedImportThatFailsLateWritesNothing: a statement that fails in the
// last chunk takes the chunks written before it back with it.
func TestChunkedImportThatFailsLateWritesNothing(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110105", false)
	// A trigger stands in for what no check before the insert can see, such as
	// a child registered by someone else a moment earlier.
	if _, err := f.db.SQL().Exec(`
		CREATE FUNCTION refuse_guardian() RETURNS trigger LANGUAGE plpgsql AS $$
		BEGIN
			IF NEW.relation = '拒收' THEN RAISE EXCEPTION 'refused'; END IF;
			RETURN NEW;
		END $$;
		CREATE TRIGGER refuse_guardian BEFORE INSERT ON guardians FOR EACH ROW EXECUTE FUNCTION refuse_guardian()`); err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	sb.WriteString(importHeader)
	for n := range 7 {
		sb.WriteString(importLine(fmt.Sprintf("分批儿童%d", n), "2016-03-04", idFor(mustDate("2016-03-04"), 10+n), "110105001001", "2023-01-01"))
	}
	file := sb.String()
	last := strings.LastIndex(file, "母亲")
	file = file[:last] + "拒收" + file[last+len("母亲"):]
	f.svc.SetImportChunk(3)
	before := f.writes()
	if _, err := f.svc.ApplyImport(as(civil), flowcare.SourceEducation, "late.csv", strings.NewReader(file)); err == nil {
		t.Fatal("the import went through")
	}
	if f.writes() != before {
		t.Fatal("the chunks before the failing one were kept")
	}
}

// TestCreateChildrenRefusesARegisteredIDNumber: the batch insert maps a
// clash with a stored ID number to the conflict CreateChild reports.
func TestCreateChildrenRefusesARegisteredIDNumber(t *testing.T) {
	f := setup(t)
	civil := f.actor("civil", flowcare.RoleCivilAffairs, "110105", false)
	existing, err := f.svc.Register(as(civil), goodChild("已登记儿童", 1), false)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	child := func(name, id string) *flowcare.Child {
		return &flowcare.Child{Name: name, Gender: flowcare.GenderMale, BirthDate: existing.BirthDate, IDNumber: id,
			Hukou: existing.Hukou, MovedWith: flowcare.MovedWithBothGuardians, CommunityID: "110105001001", ArrivedOn: existing.ArrivedOn,
			Status: flowcare.ChildActive, Guardians: []flowcare.Guardian{{Name: "家长", Relation: "母亲", Primary: true}}}
	}
	before := f.writes()
	err = f.db.InTx(ctx, func(tx flowcare.Tx) error {
		return tx.Children().CreateChildren(ctx, []*flowcare.Child{child("甲", idFor(existing.BirthDate, 7)), child("乙", existing.IDNumber)})
	})
	wantCode(t, err, flowcare.ECONFLICT)
	if flowcare.ErrorField(err) != "idNumber" {
		t.Errorf("field = %q", flowcare.ErrorField(err))
	}
	if f.writes() != before {
		t.Fatal("a refused batch wrote something")
	}
}
