package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// DepthLimit refuses operations nested deeper than Max, so that a client
// cannot make the server walk an association chain without end.
// Introspection fields are not counted: they are bounded by the schema.
type DepthLimit struct{ Max int }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = DepthLimit{}

func (DepthLimit) ExtensionName() string                   { return "DepthLimit" }
func (DepthLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (d DepthLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	if depth := selectionDepth(oc.Operation.SelectionSet, 0); depth > d.Max {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("查询嵌套层级过深，最多允许 %d 层", d.Max),
			Extensions: map[string]any{"code": "DEPTH_LIMIT_EXCEEDED"},
		}
	}
	return nil
}

func selectionDepth(ss ast.SelectionSet, depth int) int {
	max := depth
	for _, s := range ss {
		var d int
		switch s := s.(type) {
		case *ast.Field:
			if strings.HasPrefix(s.Name, "__") {
				continue
			}
			d = depth + 1
			if len(s.SelectionSet) > 0 {
				d = selectionDepth(s.SelectionSet, depth+1)
			}
		case *ast.InlineFragment:
			d = selectionDepth(s.SelectionSet, depth)
		case *ast.FragmentSpread:
			if s.Definition != nil {
				d = selectionDepth(s.Definition.SelectionSet, depth)
			}
		}
		if d > max {
			max = d
		}
	}
	return max
}

// OperationLimit refuses operations with more aliased fields or root fields
// than allowed: aliases let one request repeat a costly field many times
// over, under the complexity limit of each copy.
type OperationLimit struct {
	MaxAliases    int
	MaxRootFields int
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = OperationLimit{}

func (OperationLimit) ExtensionName() string                   { return "OperationLimit" }
func (OperationLimit) Validate(graphql.ExecutableSchema) error { return nil }

func (l OperationLimit) MutateOperationContext(_ context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if oc.Operation == nil {
		return nil
	}
	c := fieldCounter{fragments: map[string]fieldCount{}}
	root := c.count(oc.Operation.SelectionSet, true)
	if root.roots > l.MaxRootFields {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("一次请求最多包含 %d 个顶层字段", l.MaxRootFields),
			Extensions: map[string]any{"code": "OPERATION_LIMIT_EXCEEDED"},
		}
	}
	if root.aliases > l.MaxAliases {
		return &gqlerror.Error{
			Message:    fmt.Sprintf("一次请求最多使用 %d 个别名", l.MaxAliases),
			Extensions: map[string]any{"code": "OPERATION_LIMIT_EXCEEDED"},
		}
	}
	return nil
}

type fieldCount struct{ roots, aliases int }

// fieldCounter counts each fragment once and reuses the count wherever the
// fragment is spread, so that nested spreads cannot make the count itself
// expensive.
type fieldCounter struct{ fragments map[string]fieldCount }

func (c fieldCounter) count(ss ast.SelectionSet, root bool) fieldCount {
	var n fieldCount
	add := func(m fieldCount) {
		n.aliases += m.aliases
		if root {
			n.roots += m.roots
		}
	}
	for _, s := range ss {
		switch s := s.(type) {
		case *ast.Field:
			if root {
				n.roots++
			}
			if s.Alias != "" && s.Alias != s.Name {
				n.aliases++
			}
			n.aliases += c.count(s.SelectionSet, false).aliases
		case *ast.InlineFragment:
			add(c.count(s.SelectionSet, root))
		case *ast.FragmentSpread:
			if s.Definition == nil {
				continue
			}
			key := s.Name
			if root {
				key = "root:" + key
			}
			m, ok := c.fragments[key]
			if !ok {
				m = c.count(s.Definition.SelectionSet, root)
				c.fragments[key] = m
			}
			add(m)
		}
	}
	return n
}

type websocketKey struct{}

// OverWebsocket marks a context as a websocket connection's.
func OverWebsocket(ctx context.Context) context.Context {
	return context.WithValue(ctx, websocketKey{}, true)
}

// SubscriptionsOnlyOverWebsocket refuses queries and mutations sent over a
// websocket: they would escape the limits an HTTP request passes (sign-in
// attempts, admission), and the web app sends only subscriptions there.
type SubscriptionsOnlyOverWebsocket struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = SubscriptionsOnlyOverWebsocket{}

func (SubscriptionsOnlyOverWebsocket) ExtensionName() string                   { return "SubscriptionsOnlyOverWebsocket" }
func (SubscriptionsOnlyOverWebsocket) Validate(graphql.ExecutableSchema) error { return nil }

func (SubscriptionsOnlyOverWebsocket) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	if ws, _ := ctx.Value(websocketKey{}).(bool); ws && oc.Operation != nil && oc.Operation.Operation != ast.Subscription {
		return &gqlerror.Error{
			Message:    "WebSocket 连接只用于订阅；查询和修改请用 HTTP POST 发送",
			Extensions: map[string]any{"code": "BAD_REQUEST"},
		}
	}
	return nil
}
