package graph

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"regexp"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"flowcare/internal/flowcare"
)

// suggestion is the "Did you mean …?" gqlparser appends to validation
// messages about unknown fields, arguments, input fields, enum values and
// types. It names what the schema holds, so outside dev it is cut.
var suggestion = regexp.MustCompile(`\s*Did you mean [^?]*\?`)

// ErrorPresenter shows domain errors as their code and message and hides
// everything else behind a generic message; internal detail goes to the log.
// Outside dev (describeSchema false) no message describes the schema.
func ErrorPresenter(log *slog.Logger, describeSchema bool) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var ge *gqlerror.Error
		// Parse and validation errors come from gqlparser and are about the
		// query itself, so they are safe to show.
		if errors.As(err, &ge) && ge.Err == nil {
			if ge.Extensions == nil {
				ge.Extensions = map[string]any{}
			}
			if _, ok := ge.Extensions["code"]; !ok {
				ge.Extensions["code"] = "GRAPHQL_VALIDATION_FAILED"
			}
			if !describeSchema {
				ge.Message = suggestion.ReplaceAllString(ge.Message, "")
			}
			return ge
		}
		out := graphql.DefaultErrorPresenter(ctx, err)
		code := flowcare.ErrorCode(err)
		field := flowcare.ErrorField(err)
		if code == flowcare.EINTERNAL {
			log.ErrorContext(ctx, "request failed", "error", err.Error(), "path", out.Path.String())
		} else {
			// A client's mistake, worth a line but no alarm; its message may
			// repeat what was entered, so only the code and field are kept.
			log.InfoContext(ctx, "request refused", "code", code, "field", field, "path", out.Path.String())
		}
		out.Message = flowcare.ErrorMessage(err)
		out.Extensions = map[string]any{"code": code}
		if field != "" {
			out.Extensions["field"] = field
		}
		return out
	}
}

// Recover turns a panic in a resolver into an internal error and logs it.
func Recover(log *slog.Logger) graphql.RecoverFunc {
	return func(ctx context.Context, p any) error {
		log.ErrorContext(ctx, "panic in resolver", "panic", fmt.Sprint(p))
		return flowcare.Internal(fmt.Errorf("panic: %v", p))
	}
}
