// Package scalar holds the GraphQL scalars the schema defines. Each reads
// its input strictly and names the input it was reading when it refuses one.
package scalar

import (
	"context"
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

const dateLayout = "2006-01-02"

// MarshalDate writes a calendar day as YYYY-MM-DD.
func MarshalDate(t time.Time) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.Quote(t.Format(dateLayout)))
		return err
	})
}

// UnmarshalDate reads YYYY-MM-DD as midnight UTC of that day.
func UnmarshalDate(ctx context.Context, v any) (time.Time, error) {
	field := inputField(ctx)
	s, ok := v.(string)
	if !ok {
		return time.Time{}, flowcare.Invalid(field, "日期需为 YYYY-MM-DD 格式的字符串")
	}
	if s == "" {
		return time.Time{}, flowcare.Invalid(field, "请填写日期")
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, flowcare.Invalid(field, "日期“%s”无效，需为 YYYY-MM-DD 格式", echo(s))
	}
	return t, nil
}
