package reference_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres/pgtest"
	"flowcare/internal/reference"
)

// TestAreasOfAnUnknownParentAreInvalid: the code of no area is a mistake to
// point out, not a place without children (a community has none, and says so
// with an empty list). It used to fail as INTERNAL.
func TestAreasOfAnUnknownParentAreInvalid(t *testing.T) {
	svc := reference.New(pgtest.New(t), time.Now)
	ctx := context.Background()
	_, err := svc.Areas(ctx, "110199999", "")
	if flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "parentId" {
		t.Fatalf("areas of an unknown parent: %v, want INVALID about parentId", err)
	}
	districts, err := svc.Areas(ctx, "", flowcare.AreaDistrict)
	if err != nil || len(districts) != 17 {
		t.Fatalf("districts of the city = %d, %v", len(districts), err)
	}
	if none, err := svc.Areas(ctx, "110105", flowcare.AreaCommunity); err != nil || len(none) != 0 {
		t.Fatalf("communities of a district without any = %v, %v", none, err)
	}
}

// TestAreaNamesAndOrganisationSearchAreBounded: a 100,000-character area
// name was imported and stored.
func TestAreaNamesAndOrganisationSearchAreBounded(t *testing.T) {
	for name, csv := range map[string]string{
		"name":    header + "110105002,110105,STREET," + strings.Repeat("街", 100_000) + ",,,\n",
		"name_en": header + "110105002,110105,STREET,街道," + strings.Repeat("x", 101) + ",,\n",
	} {
		_, err := reference.ParseAreasCSV(strings.NewReader(csv))
		if flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "csv" || !strings.Contains(flowcare.ErrorMessage(err), "不能超过") {
			t.Errorf("a long %s: %v", name, err)
		}
	}
	if _, err := reference.ParseAreasCSV(strings.NewReader(header + "110105002,110105,STREET," + strings.Repeat("街", 50) + ",,,\n")); err != nil {
		t.Errorf("a 50-character name: %v", err)
	}
	svc := reference.New(pgtest.New(t), time.Now)
	_, err := svc.Organisations(context.Background(), reference.OrganisationQuery{Search: strings.Repeat("社", 101)}, flowcare.Page{})
	if flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "search" {
		t.Errorf("a 101-character search: %v", err)
	}
}
