// Package scalar holds the GraphQL scalars the schema defines.
package scalar

import (
	"io"
	"strconv"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

const dateLayout = "2006-01-02"

// MarshalDate writes a calendar day as YYYY-MM-DD.
func MarshalDate(t time.Time) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.Quote(t.Format(dateLayout)))
	})
}

// UnmarshalDate reads YYYY-MM-DD as midnight UTC of that day.
func UnmarshalDate(v any) (time.Time, error) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, flowcare.Errorf(flowcare.EINVALID, "日期需为 YYYY-MM-DD 格式的字符串")
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, flowcare.Errorf(flowcare.EINVALID, "日期“%s”无效，需为 YYYY-MM-DD 格式", s)
	}
	return t, nil
}
