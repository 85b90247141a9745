package scalar

import (
	"context"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// FieldName names an input value the way INVALID errors name their field:
// input-object fields joined with dots, list items as [i]. The argument
// called "input" is left out, since a client's form knows its fields by their
// own names (startsAt, guardians[0].phone); other arguments keep their name
// (year, parentId).
func FieldName(path ast.Path) string {
	if len(path) > 1 {
		if n, ok := path[0].(ast.PathName); ok && n == "input" {
			path = path[1:]
		}
	}
	var b strings.Builder
	for _, el := range path {
		switch el := el.(type) {
		case ast.PathIndex:
			b.WriteString("[" + strconv.Itoa(int(el)) + "]")
		case ast.PathName:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(string(el))
		}
	}
	return b.String()
}

// inputField is the name of the input value being read: gqlgen keeps the
// path of arguments and input fields apart from the response path.
func inputField(ctx context.Context) string {
	var rev ast.Path
	for pc := graphql.GetPathContext(ctx); pc != nil; pc = pc.Parent {
		switch {
		case pc.Index != nil:
			rev = append(rev, ast.PathIndex(*pc.Index))
		case pc.Field != nil:
			rev = append(rev, ast.PathName(*pc.Field))
		}
	}
	path := make(ast.Path, len(rev))
	for i, el := range rev {
		path[len(rev)-1-i] = el
	}
	return FieldName(path)
}
