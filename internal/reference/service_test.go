package reference_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/internal/reference"
)

const header = "code,parent_code,level,name,name_en,latitude,longitude\n"

func admin() context.Context {
	return flowcare.WithActor(context.Background(), &flowcare.Actor{UserID: "00000000-0000-0000-0000-000000000001", Username: "a",
		Grants: []flowcare.Grant{{Role: flowcare.RoleAdmin}}})
}

func count(t *testing.T, db *postgres.DB) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRow(`SELECT count(*) FROM areas`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportAreas(t *testing.T) {
	db := pgtest.New(t)
	// The actor must exist for the audit event's foreign key.
	if _, err := db.SQL().Exec(`INSERT INTO users (id, username, display_name, password_hash) VALUES ('00000000-0000-0000-0000-000000000001', 'a', 'A', 'x')`); err != nil {
		t.Fatal(err)
	}
	svc := reference.New(db, time.Now)
	good := header +
		"110105001,110105,STREET,建外街道,Jianwai,39.908,116.448\n" +
		"110105001001,110105001,COMMUNITY,示例社区,,39.9075,116.4502\n"
	res, err := svc.ImportAreas(admin(), strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Updated != 0 {
		t.Fatalf("first import = %+v", res)
	}
	res, err = svc.ImportAreas(admin(), strings.NewReader(strings.Replace(good, "示例社区", "示例社区（改名）", 1)))
	if err != nil || res.Created != 0 || res.Updated != 2 {
		t.Fatalf("second import = %+v, %v", res, err)
	}
	kids, err := svc.Areas(admin(), "110105001", "")
	if err != nil || len(kids) != 1 || kids[0].Name != "示例社区（改名）" || kids[0].Path != "110000/110105/110105001/110105001001" {
		t.Fatalf("children of the street = %+v, %v", kids, err)
	}
	before := count(t, db)

	bad := []struct{ name, csv, want string }{
		{"wrong header", "a,b\n1,2\n", "表头"},
		{"no rows", header, "没有数据行"},
		{"bad level", header + "110105002,110105,DISTRICT,x,,,\n", "第 2 行"},
		{"short code", header + "11010500,110105,STREET,x,,,\n", "9 位数字"},
		{"outside Beijing code", header + "120105002,110105,STREET,x,,,\n", "不属于北京市"},
		{"coordinates outside Beijing", header + "110105002,110105,STREET,x,,31.2,121.5\n", "不在北京市范围内"},
		{"half coordinates", header + "110105002,110105,STREET,x,,39.9,\n", "同时填写"},
		{"unknown parent", header + "110105002,110105,STREET,x,,,\n110105009001,110105009,COMMUNITY,y,,,\n", "第 3 行：上级区域 110105009 不存在"},
		{"community under a district", header + "110105002001,110105,COMMUNITY,y,,,\n", "不是上一级区域"},
		{"moving an area", header + "110105001001,110105002,COMMUNITY,y,,,\n110105002,110105,STREET,x,,,\n", "不能改到"},
		{"duplicate code", header + "110105002,110105,STREET,x,,,\n110105002,110105,STREET,x,,,\n", "重复"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.ImportAreas(admin(), strings.NewReader(c.csv))
			if flowcare.ErrorCode(err) != flowcare.EINVALID || !strings.Contains(flowcare.ErrorMessage(err), c.want) {
				t.Fatalf("got %v, want INVALID mentioning %q", err, c.want)
			}
			if n := count(t, db); n != before {
				t.Fatalf("a refused import changed the area count from %d to %d", before, n)
			}
		})
	}

	civil := flowcare.WithActor(context.Background(), &flowcare.Actor{UserID: "x", Grants: []flowcare.Grant{{Role: flowcare.RoleCivilAffairs}}})
	if _, err := svc.ImportAreas(civil, strings.NewReader(good)); flowcare.ErrorCode(err) != flowcare.EFORBIDDEN {
		t.Fatalf("civil affairs import: %v", err)
	}
	// The hierarchy is public: volunteers pick their street before they have an account.
	if ds, err := svc.Areas(context.Background(), "", flowcare.AreaDistrict); err != nil || len(ds) != 17 {
		t.Fatalf("anonymous district listing = %d, %v", len(ds), err)
	}
	es, _ := db.Audit().List(context.Background(), flowcare.AuditAreasImported, flowcare.Page{})
	if len(es) != 2 {
		t.Fatalf("%d import audit events, want 2 (one per successful import)", len(es))
	}
}
