package reference_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
	"flowcare/internal/reference"
)

// snapshot is every area with its row version, so that "changes nothing"
// means no row was even rewritten.
func snapshot(t *testing.T, db *postgres.DB) string {
	t.Helper()
	var s string
	if err := db.SQL().QueryRow(`SELECT string_agg(concat_ws('|', id, xmin::text, parent_id, level, name, latitude, longitude), E'\n' ORDER BY id) FROM areas`).Scan(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLoadingBeijingsDivisionsTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	svc := reference.New(db, time.Now)
	// A district whose point was cleared gets the GeoJSON centre back; a
	// street someone renamed through the area import keeps its name.
	if _, err := db.SQL().Exec(`UPDATE areas SET latitude = NULL, longitude = NULL WHERE id = '110119'`); err != nil {
		t.Fatal(err)
	}
	first, err := svc.LoadDivisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Total != 16+349+7535 || first.Added != 349+7535 || first.Located != 1 {
		t.Fatalf("first load = %+v, want 7900 areas, 7884 added, 1 located", first)
	}
	var streets, communities, suffixed int
	if err := db.SQL().QueryRow(`SELECT count(*) FILTER (WHERE level = 'STREET' AND parent_id = '110105'),
		count(*) FILTER (WHERE level = 'COMMUNITY' AND path LIKE '110000/110105/%'),
		count(*) FILTER (WHERE name LIKE '%社区居委会' OR name LIKE '%村委会' OR name LIKE '%村民委员会')
		FROM areas`).Scan(&streets, &communities, &suffixed); err != nil {
		t.Fatal(err)
	}
	if streets != 43 || communities < 400 || suffixed != 0 {
		t.Fatalf("朝阳区 has %d streets and %d communities; %d names keep a committee suffix", streets, communities, suffixed)
	}
	kids, err := svc.Areas(ctx, "110105026", "")
	if err != nil || len(kids) == 0 || !strings.HasPrefix(kids[0].Path, "110000/110105/110105026/") {
		t.Fatalf("望京街道's communities = %d, %v", len(kids), err)
	}

	if _, err := db.SQL().Exec(`UPDATE areas SET name = '建外街道（更正）' WHERE id = '110105001';
		UPDATE areas SET latitude = 39.9, longitude = 116.45 WHERE id = '110105001024'`); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, db)
	again, err := svc.LoadDivisions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if again.Added != 0 || again.Located != 0 {
		t.Fatalf("second load = %+v, want nothing added or located", again)
	}
	if after := snapshot(t, db); after != before {
		t.Fatal("loading the divisions again rewrote areas")
	}
	if !strings.Contains(before, "110105001|") || !strings.Contains(before, "建外街道（更正）") {
		t.Fatal("the corrected street name was not kept")
	}
}

func TestSetAreaPointByRoleAndScope(t *testing.T) {
	db := pgtest.New(t)
	svc := reference.New(db, time.Now)
	if _, err := svc.LoadDivisions(context.Background()); err != nil {
		t.Fatal(err)
	}
	const chaoyangCommunity, haidianStreet = "110105001024", "110108011"
	area := func(id string) *string { return &id }
	users := map[string][]flowcare.Grant{
		"admin":            {{Role: flowcare.RoleAdmin}},
		"civil city":       {{Role: flowcare.RoleCivilAffairs, AreaID: area("110000"), AreaPath: area("110000")}},
		"civil 朝阳":         {{Role: flowcare.RoleCivilAffairs, AreaID: area("110105"), AreaPath: area("110000/110105")}},
		"supervisor 建外":    {{Role: flowcare.RoleChildSupervisor, AreaID: area("110105001"), AreaPath: area("110000/110105/110105001")}},
		"director":         {{Role: flowcare.RoleChildDirector, AreaID: area(chaoyangCommunity), AreaPath: area("110000/110105/110105001/" + chaoyangCommunity)}},
		"auditor city":     {{Role: flowcare.RoleAuditor, AreaID: area("110000"), AreaPath: area("110000")}},
		"org admin":        {{Role: flowcare.RoleOrgAdmin, OrganisationID: area("00000000-0000-0000-0000-00000000000a")}},
		"volunteer":        {{Role: flowcare.RoleVolunteer}},
		"signed out (nil)": nil,
	}
	allowed := map[string]map[string]bool{
		"admin":      {chaoyangCommunity: true, haidianStreet: true},
		"civil city": {chaoyangCommunity: true, haidianStreet: true},
		"civil 朝阳":   {chaoyangCommunity: true},
	}
	n := 0
	for name, grants := range users {
		n++
		userID := fmt.Sprintf("00000000-0000-0000-0000-%012d", n)
		if _, err := db.SQL().Exec(`INSERT INTO users (id, username, display_name, password_hash) VALUES ($1, $2, $2, 'x')`, userID, fmt.Sprintf("u%d", n)); err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		if grants != nil {
			ctx = flowcare.WithActor(ctx, &flowcare.Actor{UserID: userID, Username: fmt.Sprintf("u%d", n), Grants: grants})
		}
		for _, id := range []string{chaoyangCommunity, haidianStreet} {
			t.Run(name+" on "+id, func(t *testing.T) {
				lat, lng := 39.9+float64(n)/1000, 116.4
				before := snapshot(t, db)
				got, err := svc.SetAreaPoint(ctx, id, &lat, &lng)
				switch {
				case grants == nil:
					if flowcare.ErrorCode(err) != flowcare.EUNAUTHENTICATED {
						t.Fatalf("got %v, want UNAUTHENTICATED", err)
					}
				case allowed[name][id]:
					if err != nil || got.Latitude == nil || *got.Latitude != lat {
						t.Fatalf("got %+v, %v; want the point set", got, err)
					}
					var audited int
					if err := db.SQL().QueryRow(`SELECT count(*) FROM audit_events WHERE action = $1 AND target = $2 AND actor_id = $3`,
						flowcare.AuditAreaPointSet, "area:"+id, userID).Scan(&audited); err != nil || audited != 1 {
						t.Fatalf("audited %d times (%v), want once", audited, err)
					}
					return
				default:
					if flowcare.ErrorCode(err) != flowcare.EFORBIDDEN {
						t.Fatalf("got %v, want FORBIDDEN", err)
					}
				}
				if snapshot(t, db) != before {
					t.Fatal("a refused change moved an area")
				}
			})
		}
	}
}

func TestSetAreaPointRefusesWhatCannotBe(t *testing.T) {
	db := pgtest.New(t)
	svc := reference.New(db, time.Now)
	if _, err := db.SQL().Exec(`INSERT INTO users (id, username, display_name, password_hash) VALUES ('00000000-0000-0000-0000-000000000001', 'a', 'A', 'x')`); err != nil {
		t.Fatal(err)
	}
	f := func(v float64) *float64 { return &v }
	before := snapshot(t, db)
	for _, c := range []struct {
		name     string
		id       string
		lat, lng *float64
		code     string
		want     string
	}{
		{"outside Beijing", "110105", f(31.23), f(121.47), flowcare.EINVALID, "不在北京市范围内"},
		{"half a point", "110105", f(39.9), nil, flowcare.EINVALID, "同时"},
		{"clearing the city", "110000", nil, nil, flowcare.EINVALID, "不能清空"},
		{"unknown area", "110105999", f(39.9), f(116.4), flowcare.ENOTFOUND, "不存在"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.SetAreaPoint(admin(), c.id, c.lat, c.lng)
			if flowcare.ErrorCode(err) != c.code || !strings.Contains(flowcare.ErrorMessage(err), c.want) {
				t.Fatalf("got %v, want %s mentioning %q", err, c.code, c.want)
			}
		})
	}
	if snapshot(t, db) != before {
		t.Fatal("a refused change moved an area")
	}
	// Clearing a district's point is allowed: matching then measures from the city.
	got, err := svc.SetAreaPoint(admin(), "110119", nil, nil)
	if err != nil || got.Latitude != nil {
		t.Fatalf("clearing 延庆区 = %+v, %v", got, err)
	}
}
