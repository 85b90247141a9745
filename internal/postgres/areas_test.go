package postgres_test

import (
	"context"
	"slices"
	"testing"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres/pgtest"
)

// TestAreasWithAncestorsReadsEveryLevelAbove: the areas asked for, each once,
// with every area above them; unknown codes are left out.
func TestAreasWithAncestorsReadsEveryLevelAbove(t *testing.T) {
	db := pgtest.New(t)
	ctx := context.Background()
	street := &flowcare.Area{ID: "110105001", ParentID: ptr("110105"), Level: flowcare.AreaStreet, Name: "建外街道"}
	community := &flowcare.Area{ID: "110105001001", ParentID: ptr("110105001"), Level: flowcare.AreaCommunity, Name: "示例社区（生成）"}
	if err := db.InTx(ctx, func(tx flowcare.Tx) error {
		_, _, err := tx.Areas().AddAreas(ctx, []*flowcare.Area{street, community})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	as, err := db.Areas().AreasWithAncestors(ctx, []string{"110105001001", "110108", "110105001001", "999999"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range as {
		got = append(got, a.ID)
	}
	slices.Sort(got)
	want := []string{"110000", "110105", "110105001", "110105001001", "110108"}
	if !slices.Equal(got, want) {
		t.Fatalf("areas with ancestors: %v, want %v", got, want)
	}
}

func ptr[T any](v T) *T { return &v }
