package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"flowcare/graph/scalar"
	"flowcare/internal/flowcare"
)

// MaxInputString is the most characters any string argument may carry. Each
// use case keeps its own, tighter, limit per field (flowcare.Text); this one
// is the floor under all of them, so that a field someone forgot to bound
// still cannot be made to store or search a megabyte.
const MaxInputString = 10_000

// fileArguments carry a whole file as text: the request body limit bounds
// them instead of MaxInputString.
var fileArguments = map[string]bool{"Mutation.importAreas.csv": true}

// RequestChecks refuses, before any resolver runs, what no field accepts:
// introspection where it is disabled, and argument values — literals and
// variables alike, however deep in input objects and lists — that are
// strings holding control characters (PostgreSQL cannot store NUL), strings
// that are not UTF-8 or longer than MaxInputString, or Ints outside 32 bits.
// Every refusal is INVALID and names the input it is about.
//
// Use it after extension.Introspection, whose choice it reads.
type RequestChecks struct {
	schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = &RequestChecks{}

func (*RequestChecks) ExtensionName() string { return "RequestChecks" }

func (c *RequestChecks) Validate(es graphql.ExecutableSchema) error {
	c.schema = es.Schema()
	return nil
}

func (c *RequestChecks) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if oc.DisableIntrospection {
		if name := introspectionField(oc.Operation.SelectionSet); name != "" {
			return &gqlerror.Error{
				Message:    "本服务不提供架构自省（introspection）查询，请按 API 文档编写请求",
				Extensions: map[string]any{"code": flowcare.EINVALID, "field": name},
			}
		}
	}
	return c.checkSelections(oc.Operation.SelectionSet, oc.Variables)
}

// introspectionField is the first __schema or __type field selected at the
// root, where the only ones are; __typename describes nothing and is fine.
func introspectionField(ss ast.SelectionSet) string {
	for _, s := range ss {
		switch s := s.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				return s.Name
			}
		case *ast.InlineFragment:
			if n := introspectionField(s.SelectionSet); n != "" {
				return n
			}
		case *ast.FragmentSpread:
			if s.Definition != nil {
				if n := introspectionField(s.Definition.SelectionSet); n != "" {
					return n
				}
			}
		}
	}
	return ""
}

func (c *RequestChecks) checkSelections(ss ast.SelectionSet, vars map[string]any) *gqlerror.Error {
	for _, s := range ss {
		var err *gqlerror.Error
		switch s := s.(type) {
		case *ast.Field:
			err = c.checkField(s, vars)
			if err == nil {
				err = c.checkSelections(s.SelectionSet, vars)
			}
		case *ast.InlineFragment:
			err = c.checkSelections(s.SelectionSet, vars)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				err = c.checkSelections(s.Definition.SelectionSet, vars)
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *RequestChecks) checkField(f *ast.Field, vars map[string]any) *gqlerror.Error {
	if f.Definition == nil {
		return nil
	}
	owner := ""
	if f.ObjectDefinition != nil {
		owner = f.ObjectDefinition.Name
	}
	for _, arg := range f.Arguments {
		def := f.Definition.Arguments.ForName(arg.Name)
		if def == nil || arg.Value == nil {
			continue
		}
		v, err := arg.Value.Value(vars)
		if err != nil {
			// The validator has refused this already; nothing to add.
			continue
		}
		chk := valueCheck{schema: c.schema, file: fileArguments[owner+"."+f.Name+"."+arg.Name]}
		if err := chk.value(v, def.Type, ast.Path{ast.PathName(arg.Name)}); err != nil {
			return err
		}
	}
	return nil
}

type valueCheck struct {
	schema *ast.Schema
	// file: the value is a whole file's text, bounded by the body limit.
	file bool
}

func (c valueCheck) value(v any, t *ast.Type, path ast.Path) *gqlerror.Error {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return c.text(x, path)
	case []any:
		elem := t
		if t.Elem != nil {
			elem = t.Elem
		}
		for i, e := range x {
			if err := c.value(e, elem, append(path[:len(path):len(path)], ast.PathIndex(i))); err != nil {
				return err
			}
		}
		return nil
	case map[string]any:
		var def *ast.Definition
		if c.schema != nil && t.Elem == nil {
			def = c.schema.Types[t.NamedType]
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		// In order, so that of two bad fields the same one is named each time.
		sort.Strings(keys)
		for _, k := range keys {
			e := x[k]
			ft := &ast.Type{NamedType: "String"}
			if def != nil {
				if fd := def.Fields.ForName(k); fd != nil {
					ft = fd.Type
				}
			}
			if err := c.value(e, ft, append(path[:len(path):len(path)], ast.PathName(k))); err != nil {
				return err
			}
		}
		return nil
	}
	if t.Elem == nil && t.NamedType == "Int" {
		return intIn32(v, path)
	}
	return nil
}

func (c valueCheck) text(s string, path ast.Path) *gqlerror.Error {
	if !utf8.ValidString(s) {
		return invalidInput(path, "输入内容不是有效的 UTF-8 文本")
	}
	n := 0
	for _, r := range s {
		n++
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return invalidInput(path, "输入内容含有无法保存的控制字符（如 NUL），请删除后再提交")
		}
	}
	if n > MaxInputString && !c.file {
		return invalidInput(path, fmt.Sprintf("输入内容过长：最多 %d 个字符", MaxInputString))
	}
	return nil
}

// intIn32 holds Int to what the GraphQL specification says it is, a signed
// 32-bit integer; a larger one would otherwise reach PostgreSQL's integer
// columns as an overflow.
func intIn32(v any, path ast.Path) *gqlerror.Error {
	var n int64
	switch x := v.(type) {
	case int64:
		n = x
	case int:
		n = int64(x)
	case json.Number:
		i, err := strconv.ParseInt(string(x), 10, 64)
		if err != nil {
			return invalidInput(path, "数值需为整数，且在 -2147483648 到 2147483647 之间")
		}
		n = i
	default:
		return nil
	}
	if n < math.MinInt32 || n > math.MaxInt32 {
		return invalidInput(path, "数值超出范围：需在 -2147483648 到 2147483647 之间")
	}
	return nil
}

func invalidInput(path ast.Path, msg string) *gqlerror.Error {
	return &gqlerror.Error{Message: msg, Extensions: map[string]any{"code": flowcare.EINVALID, "field": scalar.FieldName(path)}}
}
