package postgres_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
	"flowcare/internal/postgres/pgtest"
)

func TestMigrationsApplyToAnEmptyDatabase(t *testing.T) {
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.NewURL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before, err := postgres.Status(ctx, db.SQL())
	if err != nil {
		t.Fatal(err)
	}
	if before.Current != 0 || len(before.Pending) == 0 {
		t.Fatalf("empty database reports %+v", before)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if err := postgres.Migrate(ctx, db.SQL(), log); err != nil {
		t.Fatal(err)
	}
	after, err := postgres.Status(ctx, db.SQL())
	if err != nil {
		t.Fatal(err)
	}
	if after.Current != after.Latest || len(after.Pending) != 0 {
		t.Fatalf("after migrating: %+v", after)
	}
	// Applying again is a no-op.
	if err := postgres.Migrate(ctx, db.SQL(), log); err != nil {
		t.Fatal(err)
	}
	districts, err := db.Areas().ChildAreas(ctx, flowcare.CityAreaID, flowcare.AreaDistrict)
	if err != nil {
		t.Fatal(err)
	}
	if len(districts) != 17 {
		t.Errorf("got %d districts, want Beijing's 16 and the development area", len(districts))
	}
	for _, d := range districts {
		if d.Latitude == nil || !flowcare.InBeijing(*d.Latitude, *d.Longitude) {
			t.Errorf("district %s has no centroid inside Beijing", d.Name)
		}
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	e := &flowcare.AuditEvent{Action: "test.event", Detail: `{"a":1}`}
	if err := db.Audit().Record(ctx, e); err != nil {
		t.Fatal(err)
	}
	_, err := db.SQL().ExecContext(ctx, `UPDATE audit_events SET action = 'x' WHERE id = $1`, e.ID)
	if err == nil || !strings.Contains(err.Error(), "append-only") {
		t.Fatalf("update of an audit event: %v", err)
	}
	_, err = db.SQL().ExecContext(ctx, `DELETE FROM audit_events WHERE id = $1`, e.ID)
	if err == nil {
		t.Fatal("delete of an audit event succeeded")
	}
}

func TestConstraintViolationsBecomeCodedErrors(t *testing.T) {
	ctx := context.Background()
	db := pgtest.New(t)
	u := &flowcare.User{Username: "dup", DisplayName: "重复", PasswordHash: "x"}
	if err := db.Users().CreateUser(ctx, u); err != nil {
		t.Fatal(err)
	}
	err := db.Users().CreateUser(ctx, &flowcare.User{Username: "dup", DisplayName: "重复", PasswordHash: "x"})
	if flowcare.ErrorCode(err) != flowcare.ECONFLICT || flowcare.ErrorField(err) != "username" {
		t.Fatalf("duplicate username: %v", err)
	}
	if strings.Contains(flowcare.ErrorMessage(err), "unique") || strings.Contains(flowcare.ErrorMessage(err), "users_") {
		t.Errorf("message leaks SQL: %q", flowcare.ErrorMessage(err))
	}
	_, err = db.Users().UserByID(ctx, "not-a-uuid")
	if flowcare.ErrorCode(err) != flowcare.ENOTFOUND {
		t.Fatalf("malformed id: %v", err)
	}
	// A failure inside a transaction leaves nothing behind.
	err = db.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().CreateUser(ctx, &flowcare.User{Username: "half", DisplayName: "半", PasswordHash: "x"}); err != nil {
			return err
		}
		return tx.Users().CreateUser(ctx, &flowcare.User{Username: "dup", DisplayName: "重复", PasswordHash: "x"})
	})
	if flowcare.ErrorCode(err) != flowcare.ECONFLICT {
		t.Fatalf("transaction error: %v", err)
	}
	if _, err := db.Users().UserByUsername(ctx, "half"); flowcare.ErrorCode(err) != flowcare.ENOTFOUND {
		t.Fatalf("rolled-back user still there: %v", err)
	}
}
