package scalar

import (
	"encoding/json"
	"io"
	"math"
	"strconv"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/internal/flowcare"
)

// maxFen is the largest whole number a JavaScript client holds exactly.
const maxFen = 1<<53 - 1

// MarshalFen writes an amount of fen as a JSON number.
func MarshalFen(f flowcare.Fen) graphql.Marshaler {
	return graphql.WriterFunc(func(w io.Writer) {
		_, _ = io.WriteString(w, strconv.FormatInt(int64(f), 10))
	})
}

// UnmarshalFen reads a whole number of fen and refuses fractions: money is
// never a float.
func UnmarshalFen(v any) (flowcare.Fen, error) {
	var n int64
	switch x := v.(type) {
	case int:
		n = int64(x)
	case int64:
		n = x
	case json.Number:
		i, err := x.Int64()
		if err != nil {
			return 0, flowcare.Errorf(flowcare.EINVALID, "金额“%s”无效：需为以分为单位的整数（如 12345 表示 123.45 元）", x.String())
		}
		n = i
	case float64:
		if x != math.Trunc(x) {
			return 0, flowcare.Errorf(flowcare.EINVALID, "金额 %v 无效：需为以分为单位的整数（如 12345 表示 123.45 元）", x)
		}
		if math.Abs(x) > maxFen {
			return 0, flowcare.Errorf(flowcare.EINVALID, "金额过大")
		}
		n = int64(x)
	case string:
		i, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, flowcare.Errorf(flowcare.EINVALID, "金额“%s”无效：需为以分为单位的整数（如 12345 表示 123.45 元）", x)
		}
		n = i
	default:
		return 0, flowcare.Errorf(flowcare.EINVALID, "金额需为以分为单位的整数")
	}
	if n > maxFen || n < -maxFen {
		return 0, flowcare.Errorf(flowcare.EINVALID, "金额过大")
	}
	return flowcare.Fen(n), nil
}
