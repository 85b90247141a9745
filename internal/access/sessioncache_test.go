package access_test

import (
	"context"
	"testing"
	"time"

	"flowcare/internal/access"
	"flowcare/internal/flowcare"
)

// signedIn signs a user in and authenticates the token once, so that the
// session sits in the cache from then on.
func (f *fixture) signedIn(username, password string) (string, *flowcare.Actor) {
	f.t.Helper()
	res, err := f.svc.SignIn(context.Background(), username, password)
	if err != nil {
		f.t.Fatal(err)
	}
	a, err := f.svc.Authenticate(context.Background(), res.Token)
	if err != nil {
		f.t.Fatal(err)
	}
	return res.Token, a
}

// TestCachedSessionsFollowChangesMadeHere: with the clock standing still, so
// that nothing leaves the cache by age, every change this process makes to a
// session, a user or a grant shows on the very next authentication.
func TestCachedSessionsFollowChangesMadeHere(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	admin := f.user("adm", "admin password", area(flowcare.RoleAdmin, "110000"))
	f.user("dora", "dora password 1", area(flowcare.RoleCivilAffairs, "110105"))

	token, dora := f.signedIn("dora", "dora password 1")
	g, err := f.svc.GrantRole(as(admin), dora.UserID, area(flowcare.RoleCivilAffairs, "110108"))
	if err != nil {
		t.Fatal(err)
	}
	if a, err := f.svc.Authenticate(ctx, token); err != nil || len(a.Grants) != 2 {
		t.Fatalf("after a grant: %+v, %v; want both grants", a, err)
	}
	if _, err := f.svc.RevokeRole(as(admin), g.ID); err != nil {
		t.Fatal(err)
	}
	if a, err := f.svc.Authenticate(ctx, token); err != nil || len(a.Grants) != 1 || a.Grants[0].ID == g.ID {
		t.Fatalf("after a revocation: %+v, %v; want the first grant only", a, err)
	}

	// A password change ends the other sessions, cached or not.
	other, _ := f.signedIn("dora", "dora password 1")
	cur, a := f.signedIn("dora", "dora password 1")
	if err := f.svc.ChangePassword(flowcare.WithActor(ctx, a), "dora password 1", "dora password 2"); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Authenticate(ctx, other)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	if _, err := f.svc.Authenticate(ctx, cur); err != nil {
		t.Fatalf("the session that changed the password: %v", err)
	}

	if err := f.svc.SignOut(flowcare.WithActor(ctx, a)); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Authenticate(ctx, cur)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)

	token, _ = f.signedIn("dora", "dora password 2")
	if _, err := f.svc.SetUserDisabled(as(admin), dora.UserID, true); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Authenticate(ctx, token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
}

// TestSessionCacheWindow: a session revoked behind this process's back (by
// another replica) still authenticates here until the cache window has run,
// never longer; the subscription re-check sees it at once, and so does every
// request after it.
func TestSessionCacheWindow(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	f.user("eve", "eve password 1", area(flowcare.RoleCivilAffairs, "110105"))

	token, eve := f.signedIn("eve", "eve password 1")
	revokeElsewhere := func(token string) {
		if _, err := f.db.SQL().Exec(`UPDATE sessions SET revoked_at = now() WHERE token_hash = $1`, access.HashToken(token)); err != nil {
			t.Fatal(err)
		}
	}
	revokeElsewhere(token)
	if _, err := f.svc.Authenticate(ctx, token); err != nil {
		t.Fatalf("within the window the cached session stands: %v", err)
	}
	f.clock.add(access.DefaultSessionCache)
	_, err := f.svc.Authenticate(ctx, token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)

	token, eve = f.signedIn("eve", "eve password 1")
	revokeElsewhere(token)
	_, err = f.svc.Reauthenticate(access.WithSessionToken(flowcare.WithActor(ctx, eve), token))
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
	_, err = f.svc.Authenticate(ctx, token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
}

// TestCachedSessionEndsWithTheSession: the cache never outlives the session
// it holds, however long it is configured to keep it.
func TestCachedSessionEndsWithTheSession(t *testing.T) {
	f := setup(t)
	svc, err := access.New(f.db, fastHasher, access.WithClock(f.clock.now),
		access.WithConfig(access.Config{SessionTTL: time.Second, LockAfter: 5, LockFor: time.Minute, SessionCache: time.Hour}))
	if err != nil {
		t.Fatal(err)
	}
	f.svc = svc
	f.user("fay", "fay password 1", area(flowcare.RoleCivilAffairs, "110105"))
	token, _ := f.signedIn("fay", "fay password 1")
	f.clock.add(999 * time.Millisecond)
	if _, err := svc.Authenticate(context.Background(), token); err != nil {
		t.Fatal(err)
	}
	f.clock.add(time.Millisecond)
	_, err = svc.Authenticate(context.Background(), token)
	wantCode(t, err, flowcare.EUNAUTHENTICATED)
}
