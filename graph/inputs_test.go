package graph

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator"

	"flowcare/graph/generated"
	"flowcare/internal/flowcare"
)

// checkRequest runs RequestChecks on an operation as the server would, after
// parsing, validation and the coercion of its variables.
func checkRequest(t *testing.T, query string, vars map[string]any, introspection bool) *gqlerror.Error {
	t.Helper()
	es := generated.NewExecutableSchema(Config(&Resolver{}))
	c := &RequestChecks{}
	if err := c.Validate(es); err != nil {
		t.Fatal(err)
	}
	doc, errs := gqlparser.LoadQuery(es.Schema(), query)
	if errs != nil {
		t.Fatalf("%s: %v", query, errs)
	}
	op := doc.Operations[0]
	coerced, err := validator.VariableValues(es.Schema(), op, vars)
	if err != nil {
		t.Fatalf("%s: variables: %v", query, err)
	}
	return c.MutateOperationContext(context.Background(), &graphql.OperationContext{
		Doc: doc, Operation: op, Variables: coerced, DisableIntrospection: !introspection})
}

// TestRequestChecksRefuseWhatNoFieldTakes: a NUL byte in any string reached
// PostgreSQL, which refused it, and the API answered INTERNAL; strings of any
// length were stored or searched; a year beyond 32 bits overflowed a query.
// Each is now INVALID before any resolver runs, naming the input.
func TestRequestChecksRefuseWhatNoFieldTakes(t *testing.T) {
	const service = `mutation($in: ServiceInput!) { createService(organisationId: "o", input: $in) { id } }`
	serviceWith := func(languages ...string) map[string]any {
		ls := make([]any, len(languages))
		for i, l := range languages {
			ls[i] = l
		}
		return map[string]any{"in": map[string]any{"name": "阅读", "categories": []any{"READING_GUIDANCE"}, "minAge": 6, "maxAge": 12,
			"capacity": 10, "funding": "FREE", "languages": ls}}
	}
	refused := []struct {
		name, query string
		vars        map[string]any
		field       string
	}{
		{"NUL in a literal input field", `mutation { signIn(input: {username: "demo\u0000", password: "x"}) { token } }`, nil, "username"},
		{"NUL in a variable", `query($s: String) { users(search: $s) { totalCount } }`, map[string]any{"s": "a\x00b"}, "search"},
		{"NUL in a list inside a variable", service, serviceWith("普通话", "粤\x00语"), "languages[1]"},
		{"escape character", `query { organisations(search: "a\u001bb") { totalCount } }`, nil, "search"},
		{"C1 control character", `query($s: String) { users(search: $s) { totalCount } }`, map[string]any{"s": "a\u0085b"}, "search"},
		{"NUL in an argument of a nested field", `query { child(id: "c") { services(after: "\u0000") { totalCount } } }`, nil, "after"},
		{"NUL in a scalar other than String", `query($t: Time) { slots(venueId: "v", from: $t) { totalCount } }`,
			map[string]any{"t": "2026-09-01T10:00:00Z\x00"}, "from"},
		{"10,001 characters", `query($s: String) { users(search: $s) { totalCount } }`,
			map[string]any{"s": strings.Repeat("a", MaxInputString+1)}, "search"},
		{"100,000 characters in a list", service, serviceWith(strings.Repeat("话", 100_000)), "languages[0]"},
		{"year beyond 32 bits as a variable", `query($y: Int) { budgetLines(year: $y) { id } }`,
			map[string]any{"y": json.Number("2147483648")}, "year"},
		{"year beyond 32 bits as a literal", `query { fundingReport(year: 2147483648) { budgetLines { key } } }`, nil, "year"},
		{"a large negative Int", `query { users(first: -2147483649) { totalCount } }`, nil, "first"},
		{"introspection of the schema", `query { __schema { queryType { name } } }`, nil, "__schema"},
		{"introspection of a type in a fragment", `query { ...F } fragment F on Query { __type(name: "Query") { name } }`, nil, "__type"},
	}
	for _, c := range refused {
		t.Run(c.name, func(t *testing.T) {
			err := checkRequest(t, c.query, c.vars, false)
			if err == nil {
				t.Fatal("taken")
			}
			if err.Extensions["code"] != flowcare.EINVALID || err.Extensions["field"] != c.field || err.Message == "" {
				t.Fatalf("refusal = %q %v, want INVALID about %s", err.Message, err.Extensions, c.field)
			}
		})
	}

	taken := []struct {
		name, query string
		vars        map[string]any
	}{
		{"10,000 wide characters", `query($s: String) { users(search: $s) { totalCount } }`,
			map[string]any{"s": strings.Repeat("长", MaxInputString)}},
		{"tabs and line breaks", `query($s: String) { users(search: $s) { totalCount } }`, map[string]any{"s": "a\tb\r\nc"}},
		{"a whole CSV file", `mutation($csv: String!) { importAreas(csv: $csv) { created } }`,
			map[string]any{"csv": strings.Repeat("110105001,110105,STREET,建外街道,,,\r\n", 2000)}},
		{"the largest Int", `query { users(first: 2147483647) { totalCount } }`, nil},
		{"introspection where it is enabled", `query { __schema { queryType { name } } }`, nil},
		{"__typename", `query { __typename }`, nil},
	}
	for _, c := range taken {
		t.Run(c.name, func(t *testing.T) {
			if err := checkRequest(t, c.query, c.vars, c.name == "introspection where it is enabled"); err != nil {
				t.Fatalf("refused: %q %v", err.Message, err.Extensions)
			}
		})
	}
}
