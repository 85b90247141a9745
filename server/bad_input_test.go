package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestProductionDescribesNoSchema: outside dev, gqlgen left "Did you mean …?"
// on unknown arguments, input fields, enum values and fragment types, and
// refused introspection with an error the API answered as INTERNAL.
func TestProductionDescribesNoSchema(t *testing.T) {
	probes := []string{
		`{ users(frist: 5) { totalCount } }`,
		`{ areas(level: DISTRIC) { id } }`,
		`mutation { signIn(input: {usrname: "a", password: "b"}) { token } }`,
		`{ ...F } fragment F on Quer { me { username } }`,
		`{ mee { username } }`,
	}
	prod := newTestServer(t, "prod")
	for _, q := range probes {
		r := prod.query(q, nil)
		if len(r.Errors) == 0 {
			t.Fatalf("%s: answered", q)
		}
		for _, e := range r.Errors {
			if strings.Contains(e.Message, "Did you mean") {
				t.Errorf("%s: %q", q, e.Message)
			}
		}
	}
	for _, q := range []string{`{ __schema { types { name } } }`, `{ __type(name: "Child") { fields { name } } }`} {
		r := prod.query(q, nil)
		if r.code() != "INVALID" || !strings.Contains(r.Errors[0].Message, "introspection") {
			t.Errorf("%s: %+v, want INVALID saying introspection is not offered", q, r.Errors)
		}
	}
	for _, line := range strings.Split(prod.logs.String(), "\n") {
		if strings.Contains(line, `"level":"ERROR"`) {
			t.Errorf("a refused probe was logged as an error: %s", clip([]byte(line)))
		}
	}

	// In dev the same probes are helped, which shows they would have been.
	dev := newTestServer(t, "dev")
	for _, q := range probes {
		r, helped := dev.query(q, nil), false
		for _, e := range r.Errors {
			helped = helped || strings.Contains(e.Message, "Did you mean")
		}
		if !helped {
			t.Errorf("dev %s: %+v, want a suggestion", q, r.Errors)
		}
	}
	if r := dev.query(`{ __type(name: "Child") { name } }`, nil); r.code() != "" {
		t.Errorf("dev introspection: %+v", r.Errors)
	}
}

// TestFundingReportYearIsChecked: a year beyond PostgreSQL's integer made
// the download answer 500.
func TestFundingReportYearIsChecked(t *testing.T) {
	s := newTestServer(t, "prod")
	s.query(signIn, map[string]any{"u": "demo.civil", "p": DemoPassword})
	get := func(year string) (int, string) {
		res, err := s.client.Get(s.URL + "/reports/funding.xlsx?year=" + year)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(b)
	}
	for _, year := range []string{"2147483648", "99999999999999999999", "-1", "1999", "abc"} {
		code, body := get(year)
		var e struct {
			Error struct{ Code, Message string }
		}
		if err := json.Unmarshal([]byte(body), &e); code != http.StatusBadRequest || err != nil || e.Error.Code != "INVALID" || e.Error.Message == "" {
			t.Errorf("year=%s: %d %s", year, code, clip([]byte(body)))
		}
		if strings.Contains(body, year) && len(year) > 4 {
			t.Errorf("year=%s: the refusal repeats the value: %s", year, body)
		}
	}
	if code, _ := get("2026"); code != http.StatusOK {
		t.Errorf("year=2026: %d", code)
	}
}
