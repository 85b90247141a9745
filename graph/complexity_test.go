package graph

import (
	"reflect"
	"strings"
	"testing"

	"flowcare/graph/generated"
)

// Every list a query can ask for must be costed by its size, or a client
// can ask for many large pages under the complexity limit; this walks the
// schema so that a new list field cannot be forgotten.
func TestEveryListFieldIsCostedBySize(t *testing.T) {
	c := Config(&Resolver{})
	schema := generated.NewExecutableSchema(c).Schema()
	costs := reflect.ValueOf(c.Complexity)
	checked := 0
	for _, def := range schema.Types {
		if strings.HasPrefix(def.Name, "__") || len(def.Fields) == 0 || def.Kind != "OBJECT" {
			continue
		}
		for _, f := range def.Fields {
			paged := f.Arguments.ForName("first") != nil
			rootList := def.Name == "Query" && (f.Type.Elem != nil || strings.HasSuffix(f.Type.Name(), "Connection"))
			if !paged && !rootList {
				continue
			}
			checked++
			typ := costs.FieldByName(def.Name)
			if !typ.IsValid() {
				t.Errorf("%s has no complexity functions", def.Name)
				continue
			}
			fn := typ.FieldByName(goName(f.Name))
			if !fn.IsValid() {
				t.Errorf("%s.%s: no complexity function field %s", def.Name, f.Name, goName(f.Name))
				continue
			}
			if fn.IsNil() {
				t.Errorf("%s.%s is a list but is not costed by its size in graph/complexity.go", def.Name, f.Name)
			}
		}
	}
	if checked < 30 {
		t.Fatalf("only %d list fields found: the walk is not reading the schema", checked)
	}
}

func goName(field string) string {
	s := strings.ToUpper(field[:1]) + field[1:]
	if strings.HasSuffix(s, "Id") {
		s = strings.TrimSuffix(s, "Id") + "ID"
	}
	return s
}
