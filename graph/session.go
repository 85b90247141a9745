package graph

import (
	"context"
	"time"
)

// SessionCookies lets the sign-in and sign-out resolvers set and clear the
// session cookie on the HTTP response.
type SessionCookies interface {
	SetSession(token string, expires time.Time)
	ClearSession()
}

type cookiesKey struct{}

// WithSessionCookies attaches the response's cookie writer to ctx.
func WithSessionCookies(ctx context.Context, c SessionCookies) context.Context {
	return context.WithValue(ctx, cookiesKey{}, c)
}

func sessionCookies(ctx context.Context) SessionCookies {
	if c, ok := ctx.Value(cookiesKey{}).(SessionCookies); ok {
		return c
	}
	return noCookies{}
}

// noCookies serves callers without an HTTP response, such as tests of the schema.
type noCookies struct{}

func (noCookies) SetSession(string, time.Time) {}
func (noCookies) ClearSession()                {}
