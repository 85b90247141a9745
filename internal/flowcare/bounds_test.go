package flowcare_test

import (
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
)

func TestSaneTimeKeepsDatesBetween1900AndTheHorizon(t *testing.T) {
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		at time.Time
		ok bool
	}{
		{now, true},
		{time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{now.AddDate(flowcare.PlanningYears, 0, 0), true},
		{time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC), false},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{now.AddDate(flowcare.PlanningYears, 0, 1), false},
		{time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), false},
	} {
		err := flowcare.SaneTime("startsAt", "开始时间", c.at, now)
		if (err == nil) != c.ok {
			t.Errorf("SaneTime(%s) = %v, want ok %v", c.at.Format(time.DateOnly), err, c.ok)
		}
		if err != nil && (flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "startsAt" ||
			!strings.Contains(flowcare.ErrorMessage(err), "开始时间")) {
			t.Errorf("SaneTime(%s) error = %v, want INVALID about startsAt", c.at.Format(time.DateOnly), err)
		}
	}
}

func TestYearRefusesWhatNoBudgetHas(t *testing.T) {
	for y, ok := range map[int]bool{2000: true, 2026: true, 2100: true, 1999: false, 2101: false, -1: false, 2147483648: false} {
		err := flowcare.Year("year", y)
		if (err == nil) != ok || err != nil && flowcare.ErrorField(err) != "year" {
			t.Errorf("Year(%d) = %v, want ok %v", y, err, ok)
		}
	}
}

func TestTextsBoundsEachEntryAndTheirNumber(t *testing.T) {
	got, err := flowcare.Texts("languages", "语言", []string{" 粤语 ", "", "粤语", "四川话"}, 10, 20)
	if err != nil || strings.Join(got, ",") != "粤语,四川话" {
		t.Fatalf("Texts = %v, %v; want trimmed, without empties and repeats", got, err)
	}
	if _, err := flowcare.Texts("languages", "语言", []string{strings.Repeat("话", 100_000)}, 10, 20); flowcare.ErrorField(err) != "languages" {
		t.Errorf("a 100,000-character entry: %v", err)
	}
	many := make([]string, 11)
	for i := range many {
		many[i] = strings.Repeat("话", i+1)
	}
	if _, err := flowcare.Texts("languages", "语言", many, 10, 20); flowcare.ErrorCode(err) != flowcare.EINVALID {
		t.Errorf("eleven entries: %v", err)
	}
}
