package graph

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"

	"flowcare/graph/generated"
	"flowcare/internal/flowcare"
)

// TestNoSuggestionsOutsideDev: gqlgen's switch for suggestions covers
// unknown fields only; arguments, input fields, enum values and type names
// still came back with "Did you mean …?", naming what the schema holds.
func TestNoSuggestionsOutsideDev(t *testing.T) {
	schema := generated.NewExecutableSchema(Config(&Resolver{})).Schema()
	for _, q := range []string{
		`{ users(frist: 5) { totalCount } }`,
		`{ areas(level: DISTRIC) { id } }`,
		`mutation { signIn(input: {usrname: "a", password: "b"}) { token } }`,
		`{ ...F } fragment F on Quer { me { username } }`,
		`{ mee { username } }`,
	} {
		_, errs := gqlparser.LoadQuery(schema, q)
		if len(errs) == 0 || !strings.Contains(errs.Error(), "Did you mean") {
			t.Fatalf("%s: the validator did not suggest (%v); the test no longer tests anything", q, errs)
		}
		for _, e := range errs {
			msg := e.Message
			prod := ErrorPresenter(slog.New(slog.DiscardHandler), false)(context.Background(), e)
			if strings.Contains(prod.Message, "Did you mean") || prod.Message == "" {
				t.Errorf("%s: outside dev %q", q, prod.Message)
			}
			if prod.Extensions["code"] != "GRAPHQL_VALIDATION_FAILED" {
				t.Errorf("%s: code %v", q, prod.Extensions["code"])
			}
			e.Message = msg
			if dev := ErrorPresenter(slog.New(slog.DiscardHandler), true)(context.Background(), e); dev.Message != msg {
				t.Errorf("%s: in dev %q, want %q", q, dev.Message, msg)
			}
		}
	}
}

// TestClientMistakesAreLoggedAtInfo: an INVALID is a client's mistake, not
// an alarm; only internal failures are errors in the log, and no message
// (which may repeat what was entered) is logged for a mistake.
func TestClientMistakesAreLoggedAtInfo(t *testing.T) {
	var logs bytes.Buffer
	present := ErrorPresenter(slog.New(slog.NewJSONHandler(&logs, nil)), false)
	out := present(context.Background(), flowcare.Invalid("idNumber", "身份证号码 110105201705120000 校验失败"))
	if out.Extensions["code"] != flowcare.EINVALID || out.Extensions["field"] != "idNumber" {
		t.Fatalf("presented = %+v", out)
	}
	if !strings.Contains(logs.String(), `"level":"INFO"`) || !strings.Contains(logs.String(), `"field":"idNumber"`) ||
		strings.Contains(logs.String(), "110105201705120000") {
		t.Errorf("log of a mistake = %s", logs.String())
	}
	logs.Reset()
	out = present(context.Background(), errors.New("pq: connection refused"))
	if out.Extensions["code"] != flowcare.EINTERNAL || strings.Contains(out.Message, "pq") || !strings.Contains(logs.String(), `"level":"ERROR"`) {
		t.Errorf("internal failure presented %+v, logged %s", out, logs.String())
	}
}
