package scalar

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

// at is the context gqlgen gives a scalar while it reads input.startsAt, or
// the path given.
func at(path ...any) context.Context {
	ctx := context.Background()
	for _, p := range path {
		switch p := p.(type) {
		case string:
			ctx = graphql.WithPathContext(ctx, graphql.NewPathWithField(p))
		case int:
			ctx = graphql.WithPathContext(ctx, graphql.NewPathWithIndex(p))
		}
	}
	return ctx
}

func wantInvalid(t *testing.T, what string, err error, field string) {
	t.Helper()
	if flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != field || flowcare.ErrorMessage(err) == "" {
		t.Errorf("%s: %v (field %q), want INVALID about %s", what, err, flowcare.ErrorField(err), field)
	}
}

// TestTimeIsRFC3339WithAZone: gqlgen's own Time refused a malformed value
// with a plain error, which the API answered as INTERNAL, and read a time
// without a zone in the server's.
func TestTimeIsRFC3339WithAZone(t *testing.T) {
	ctx := at("input", "startsAt")
	for _, v := range []any{"yesterday", "2026-09-01T10:00:00", "2026-09-01 10:00:00", "", 1700000000, json.Number("1700000000"), true} {
		_, err := UnmarshalTime(ctx, v)
		wantInvalid(t, "time "+string(must(json.Marshal(v))), err, "startsAt")
	}
	got, err := UnmarshalTime(ctx, "2026-09-01T10:00:00+08:00")
	if err != nil || !got.Equal(time.Date(2026, 9, 1, 2, 0, 0, 0, time.UTC)) {
		t.Fatalf("a zoned time = %v, %v", got, err)
	}
	frac, err := UnmarshalTime(ctx, "2026-09-01T02:00:00.5Z")
	if err != nil || frac.Nanosecond() != 5e8 {
		t.Fatalf("fractional seconds = %v, %v", frac, err)
	}
	var buf bytes.Buffer
	if err := MarshalTime(frac).MarshalGQLContext(ctx, &buf); err != nil || buf.String() != `"2026-09-01T02:00:00.5Z"` {
		t.Errorf("marshalled = %s, %v", buf.String(), err)
	}
	if err := MarshalTime(time.Time{}).MarshalGQLContext(ctx, &buf); flowcare.ErrorCode(err) != flowcare.EINTERNAL {
		t.Errorf("zero time marshalled without an internal error: %v", err)
	}
}

func TestDateNamesItsField(t *testing.T) {
	for _, v := range []any{"2026-02-30", "9999-99-99", "", 20260901} {
		_, err := UnmarshalDate(at("input", "guardians", 1, "givenOn"), v)
		wantInvalid(t, "date "+string(must(json.Marshal(v))), err, "guardians[1].givenOn")
	}
	_, err := UnmarshalDate(at("periodTo"), "2026-13-01")
	wantInvalid(t, "a top-level date argument", err, "periodTo")
	if d, err := UnmarshalDate(at("periodTo"), "2026-02-28"); err != nil || d != time.Date(2026, 2, 28, 0, 0, 0, 0, time.UTC) {
		t.Errorf("a good date = %v, %v", d, err)
	}
}

// TestFenRefusesStringsAndFractions: Fen is a number of fen; "100" used to
// be read as one hundred.
func TestFenRefusesStringsAndFractions(t *testing.T) {
	ctx := at("input", "amount")
	for _, v := range []any{"100", "一百", 1.5, json.Number("1.5"), json.Number("1e17"), float64(1 << 60), int64(1 << 60), true} {
		_, err := UnmarshalFen(ctx, v)
		wantInvalid(t, "fen "+string(must(json.Marshal(v))), err, "amount")
	}
	for v, want := range map[any]flowcare.Fen{json.Number("12345"): 12345, int64(-5): -5, 100.0: 100, 7: 7} {
		if got, err := UnmarshalFen(ctx, v); err != nil || got != want {
			t.Errorf("fen %v = %d, %v; want %d", v, got, err, want)
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
