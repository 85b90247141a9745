package scalar

import (
	"context"
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

// maxFen is the largest whole number a JavaScript client holds exactly.
const maxFen = 1<<53 - 1

const fenHint = "需为以分为单位的整数（如 12345 表示 123.45 元）"

// MarshalFen writes an amount of fen as a JSON number.
func MarshalFen(f flowcare.Fen) graphql.ContextMarshaler {
	return graphql.ContextWriterFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, strconv.FormatInt(int64(f), 10))
		return err
	})
}

// UnmarshalFen reads a whole number of fen. It refuses fractions, since
// money is never a float, and strings, since the schema says Fen is a number
// and a client sending "100" has its types wrong somewhere else too.
func UnmarshalFen(ctx context.Context, v any) (flowcare.Fen, error) {
	field := inputField(ctx)
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			if f, ferr := x.Float64(); ferr == nil && f == math.Trunc(f) {
				return 0, flowcare.Invalid(field, "金额过大")
			}
			return 0, flowcare.Invalid(field, "金额 %s 无效：%s", echo(x.String()), fenHint)
		}
		n = i
	case float64:
		if x != math.Trunc(x) {
			return 0, flowcare.Invalid(field, "金额 %v 无效：%s", x, fenHint)
		}
		if math.Abs(x) > maxFen {
			return 0, flowcare.Invalid(field, "金额过大")
		}
		n = int64(x)
	case string:
		return 0, flowcare.Invalid(field, "金额需为数字而不是字符串：%s", fenHint)
	default:
		return 0, flowcare.Invalid(field, "金额%s", fenHint)
	}
	if n > maxFen || n < -maxFen {
		return 0, flowcare.Invalid(field, "金额过大")
	}
	return flowcare.Fen(n), nil
}
