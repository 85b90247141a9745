package access

import (
	"context"
	"time"

	"flowcare/internal/flowcare"
)

// DefaultSessionRecheck is how often a long-lived connection re-checks the
// session it was opened with when nothing else made it check.
const DefaultSessionRecheck = time.Minute

type tokenKey struct{}

// WithSessionToken remembers the token a request or socket was authenticated
// with, so that a subscription outliving the request can authenticate it again.
func WithSessionToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, tokenKey{}, token)
}

func sessionToken(ctx context.Context) string {
	t, _ := ctx.Value(tokenKey{}).(string)
	return t
}

// errSessionChanged ends a subscription whose user lost a grant it was opened
// under; the client subscribes again with what the user holds now.
var errSessionChanged = flowcare.Errorf(flowcare.EFORBIDDEN, "您的授权已变更，请刷新页面")

// Reauthenticate checks again the token ctx's actor was authenticated with and
// returns the actor as the session stands now: UNAUTHENTICATED once the session
// is revoked or expired or the user disabled, FORBIDDEN once a grant the actor
// held is withdrawn. Any other error (PostgreSQL away) says nothing either way.
func (s *Service) Reauthenticate(ctx context.Context) (*flowcare.Actor, error) {
	was, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	// Past the cache: a subscription outlives any window the cache allows,
	// and its re-check is what ends it once another replica signed it out.
	token := sessionToken(ctx)
	if token == "" {
		return nil, flowcare.Errorf(flowcare.EUNAUTHENTICATED, "请先登录")
	}
	now, err := s.authenticate(ctx, HashToken(token), s.now())
	if err != nil {
		return nil, err
	}
	if now.SessionID != was.SessionID {
		return nil, flowcare.Errorf(flowcare.EUNAUTHENTICATED, "登录已失效，请重新登录")
	}
	for _, g := range was.Grants {
		if !holds(now.Grants, g.ID) {
			return nil, errSessionChanged
		}
	}
	return now, nil
}

func holds(gs []flowcare.Grant, id string) bool {
	for _, g := range gs {
		if g.ID == id {
			return true
		}
	}
	return false
}

// SessionEnded reports whether err from Reauthenticate means the session no
// longer stands, rather than that it could not be checked.
func SessionEnded(err error) bool {
	switch flowcare.ErrorCode(err) {
	case flowcare.EUNAUTHENTICATED, flowcare.EFORBIDDEN:
		return true
	}
	return false
}

// WatchSession returns a context that ends when ctx does or when a re-check,
// every SessionRecheck, finds the session no longer stands. A check that
// cannot reach the database keeps the watch going: revoking a session needs
// the database too, so the next check that gets through sees it.
func (s *Service) WatchSession(ctx context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(ctx)
	every := s.SessionRecheck
	if every <= 0 {
		every = DefaultSessionRecheck
	}
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if _, err := s.Reauthenticate(ctx); SessionEnded(err) {
					cancel()
					return
				}
			}
		}
	}()
	return ctx, cancel
}
