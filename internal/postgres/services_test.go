package postgres_test

import (
	"context"
	"fmt"
	"testing"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres/pgtest"
)

// TestListServicesPagesWithCountAndLocations: each page carries the count of
// all matching services, whatever the cursor, and every service its
// locations in their order, also past the last page and under a status.
func TestListServicesPagesWithCountAndLocations(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	org := &flowcare.Organisation{Name: "示例社会组织（生成）", Kind: flowcare.OrgSocial, AreaID: "110105"}
	if err := db.Areas().UpsertOrganisation(ctx, org); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		sv := &flowcare.Service{OrganisationID: org.ID, Name: fmt.Sprintf("生成的服务 %d", i), Categories: []flowcare.Category{flowcare.CatRecreation},
			MinAge: 6, MaxAge: 12, Capacity: 5, Funding: flowcare.FundingFree, Status: flowcare.ServiceActive}
		if i%2 == 1 {
			sv.Status = flowcare.ServiceDraft
		}
		for p := range i % 3 {
			sv.Locations = append(sv.Locations, flowcare.Location{Name: fmt.Sprintf("地点 %d", p), Address: "生成地址", AreaID: "110105", Latitude: 39.9 + float64(p)/100, Longitude: 116.4})
		}
		if err := db.InTx(ctx, func(tx flowcare.Tx) error { return tx.Directory().CreateService(ctx, sv) }); err != nil {
			t.Fatal(err)
		}
	}
	dir := db.Directory()
	var seen []string
	after := ""
	for range 3 {
		page, total, err := dir.ListServices(ctx, org.ID, "", flowcare.Page{First: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if total != 5 {
			t.Fatalf("after %q: total %d, want 5", after, total)
		}
		for _, sv := range page[:min(2, len(page))] {
			seen = append(seen, sv.ID)
			want, err := dir.LocationsOf(ctx, []string{sv.ID})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(sv.Locations) != fmt.Sprint(want[sv.ID]) {
				t.Fatalf("%s: locations %+v, want %+v", sv.Name, sv.Locations, want[sv.ID])
			}
			if sv.Locations == nil {
				t.Fatalf("%s: locations nil, want an empty list", sv.Name)
			}
		}
		if len(page) > 0 {
			after = page[min(2, len(page))-1].ID
		}
	}
	if len(seen) != 5 {
		t.Fatalf("three pages of 2 listed %d services, want all 5", len(seen))
	}
	page, total, err := dir.ListServices(ctx, org.ID, "", flowcare.Page{First: 2, After: after})
	if err != nil || len(page) != 0 || total != 5 {
		t.Fatalf("past the last page: %d services, total %d, %v; want none of 5", len(page), total, err)
	}
	page, total, err = dir.ListServices(ctx, org.ID, flowcare.ServiceActive, flowcare.Page{First: 10})
	if err != nil || len(page) != 3 || total != 3 {
		t.Fatalf("active only: %d services, total %d, %v; want 3 of 3", len(page), total, err)
	}
}
