package scalar

import (
	"context"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

const timeExample = "2026-09-01T10:00:00+08:00"

// MarshalTime writes an instant in RFC 3339 with its zone. The zero time is
// no stored instant but a bug upstream: it fails the field (written as null
// with an internal error), as gqlgen's own Time did.
func MarshalTime(t time.Time) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		if t.IsZero() {
			return flowcare.Internal(errors.New("a zero time was to be sent"))
		}
		_, err := io.WriteString(w, strconv.Quote(t.Format(time.RFC3339Nano)))
		return err
	})
}

// UnmarshalTime reads an RFC 3339 instant, which always carries its zone: a
// local time without one would be read in whatever zone the server runs in.
// Its error names the input it was reading.
func UnmarshalTime(ctx context.Context, v any) (time.Time, error) {
	field := inputField(ctx)
	s, ok := v.(string)
	if !ok {
		return time.Time{}, flowcare.Invalid(field, "时间需为带时区的字符串，如 %s", timeExample)
	}
	if s == "" {
		return time.Time{}, flowcare.Invalid(field, "请填写时间")
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, flowcare.Invalid(field, "时间“%s”无效，需为带时区的格式，如 %s", echo(s), timeExample)
	}
	return t, nil
}

// echo is an entered value short enough to repeat in a message.
func echo(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
