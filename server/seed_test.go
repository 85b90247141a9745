package main

import (
	"bytes"
	"strings"
	"testing"

	"flowcare/internal/flowcare"
	"flowcare/internal/reference"
)

// The demo's communities are invented and must never take the code of a real
// one; its streets are real and must carry their real names.
func TestDemoCommunitiesSitUnderRealStreetsWithCodesOfTheirOwn(t *testing.T) {
	real, err := reference.BeijingDivisions()
	if err != nil {
		t.Fatal(err)
	}
	byCode := map[string]*flowcare.Area{}
	for _, a := range real {
		byCode[a.ID] = a
	}
	demo, err := reference.ParseAreasCSV(bytes.NewReader(demoAreas))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range demo {
		r := byCode[a.ID]
		switch a.Level {
		case flowcare.AreaStreet:
			if r == nil || r.Name != a.Name {
				t.Errorf("demo street %s %s: the real one is %v", a.ID, a.Name, r)
			}
		case flowcare.AreaCommunity:
			if r != nil {
				t.Errorf("demo community %s %s takes the code of %s", a.ID, a.Name, r.Name)
			}
			if byCode[*a.ParentID] == nil || !strings.Contains(a.Name, "演示") {
				t.Errorf("demo community %s %s must be marked 演示 and sit under a real street", a.ID, a.Name)
			}
		}
	}
}
