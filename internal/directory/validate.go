package directory

import (
	"context"
	"regexp"
	"strings"

	"flowcare/internal/flowcare"
)

func optText(field, label string, v *string, max int) (*string, error) {
	if v == nil {
		return nil, nil
	}
	t, err := flowcare.Text(field, label, *v, false, max)
	if err != nil || t == "" {
		return nil, err
	}
	return &t, nil
}

func checkCategories(field string, cs []flowcare.Category, required bool) ([]flowcare.Category, error) {
	if required && len(cs) == 0 {
		return nil, flowcare.Invalid(field, "请至少选择一个服务类别")
	}
	seen := map[flowcare.Category]bool{}
	out := []flowcare.Category{}
	for _, c := range cs {
		if !c.Valid() {
			return nil, flowcare.Invalid(field, "未知的服务类别“%s”", c)
		}
		if !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out, nil
}

func checkAges(min, max int) error {
	switch {
	case min < 0 || max > 18:
		return flowcare.Invalid("minAge", "适用年龄需在 0 到 18 岁之间")
	case min > max:
		return flowcare.Invalid("maxAge", "年龄范围有误：最小年龄 %d 岁大于最大年龄 %d 岁", min, max)
	}
	return nil
}

func checkCapacity(c int) error {
	if c < 1 {
		return flowcare.Invalid("capacity", "容量至少为 1")
	}
	if c > 10000 {
		return flowcare.Invalid("capacity", "容量不能超过 10000")
	}
	return nil
}

func checkWindows(field string, ws []flowcare.TimeWindow) ([]flowcare.TimeWindow, error) {
	if len(ws) > 50 {
		return nil, flowcare.Invalid(field, "时间段不能超过 50 个")
	}
	for _, w := range ws {
		if w.Day < 1 || w.Day > 7 {
			return nil, flowcare.Invalid(field, "星期需为 1（周一）到 7（周日）")
		}
		if w.Start < 0 || w.End > 24*60 || w.Start >= w.End {
			return nil, flowcare.Invalid(field, "时间段的结束时间需晚于开始时间，且在当天之内")
		}
	}
	if ws == nil {
		ws = []flowcare.TimeWindow{}
	}
	return ws, nil
}

func checkPoint(field string, lat, lng float64) error {
	if !flowcare.InBeijing(lat, lng) {
		return flowcare.Invalid(field, "坐标 (%.4f, %.4f) 不在北京市范围内", lat, lng)
	}
	return nil
}

func checkLanguages(ls []string) ([]string, error) {
	return flowcare.Texts("languages", "语言", ls, 10, 20)
}

var phoneRE = regexp.MustCompile(`^1[3-9]\d{9}$`)

func checkPhone(field string, p *string) (*string, error) {
	if p == nil || strings.TrimSpace(*p) == "" {
		return nil, nil
	}
	v := strings.TrimSpace(*p)
	if !phoneRE.MatchString(v) {
		return nil, flowcare.Invalid(field, "手机号码需为 11 位数字，以 1 开头")
	}
	return &v, nil
}

// areasAt loads areas by id and checks each exists and is at one of levels.
func areasAt(ctx context.Context, st flowcare.AreaStore, field string, ids []string, levels ...flowcare.AreaLevel) (map[string]*flowcare.Area, error) {
	out := map[string]*flowcare.Area{}
	if len(ids) == 0 {
		return out, nil
	}
	as, err := st.AreasByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	for _, a := range as {
		out[a.ID] = a
	}
	for _, id := range ids {
		a, ok := out[id]
		if !ok {
			return nil, flowcare.Invalid(field, "区域“%s”不存在", id)
		}
		okLevel := len(levels) == 0
		for _, l := range levels {
			okLevel = okLevel || a.Level == l
		}
		if !okLevel {
			return nil, flowcare.Invalid(field, "“%s”不是可选的区域层级", a.Name)
		}
	}
	return out, nil
}

func dedupe(ids []string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, id := range ids {
		if id != "" && !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
