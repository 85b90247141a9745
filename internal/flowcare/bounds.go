package flowcare

import "time"

// EarliestDate is the earliest day any record may carry: no one the platform
// serves or employs was born before it, and nothing it plans or pays happened
// before it. A date before it is a typing mistake (0202 for 2025).
var EarliestDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)

// PlanningYears is how far ahead anything may be planned or valid: slots,
// events, contracts, invoice periods, vetting that expires. Further than
// that is a mistake (9999 for an open end), and would sit in every list of
// what is coming, ahead of all real things, for ever.
const PlanningYears = 5

// SaneTime checks that a recorded or planned instant (or day) lies between
// EarliestDate and PlanningYears after now. The error names the field.
func SaneTime(field, label string, t, now time.Time) error {
	if t.Before(EarliestDate) {
		return Invalid(field, "%s不能早于 %d 年", label, EarliestDate.Year())
	}
	if latest := now.AddDate(PlanningYears, 0, 0); t.After(latest) {
		return Invalid(field, "%s不能晚于 %s（最多 %d 年之后）", label, latest.In(Beijing).Format("2006-01-02"), PlanningYears)
	}
	return nil
}

// Years a report or budget may be asked about: fiscal years of a platform
// started in the 2020s, with room on both sides.
const (
	MinYear = 2000
	MaxYear = 2100
)

// Year checks a year argument before it reaches a query, where one beyond
// PostgreSQL's integer would fail as an overflow instead of matching nothing.
func Year(field string, y int) error {
	if y < MinYear || y > MaxYear {
		return Invalid(field, "年度需在 %d 到 %d 之间", MinYear, MaxYear)
	}
	return nil
}

// Texts checks a list of short entered texts (languages, tags): each
// trimmed, empty ones and repeats left out, at most maxItems of at most
// maxLen characters. The error names the field.
func Texts(field, label string, vs []string, maxItems, maxLen int) ([]string, error) {
	out := []string{}
	seen := map[string]bool{}
	for _, v := range vs {
		t, err := Text(field, label, v, false, maxLen)
		if err != nil {
			return nil, err
		}
		if t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	if len(out) > maxItems {
		return nil, Invalid(field, "%s最多填写 %d 项", label, maxItems)
	}
	return out, nil
}
