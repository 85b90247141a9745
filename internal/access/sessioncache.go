package access

import (
	"slices"
	"sync"
	"time"

	"flowcare/internal/flowcare"
)

// DefaultSessionCache is how long a session, once found in the database, is
// taken on its word. Every signed-in request authenticates; a page of the
// web app sends several at once and a list being scrolled sends one after
// another, and each would otherwise ask the database for the session, the
// user and the grants again.
//
// The window: within this process a sign-out, a password change, a disabled
// user and a granted or revoked role drop the cached sessions they concern
// before the call returns, so they take effect on the next request at once.
// What another replica does (or a change made in the database by hand) is
// seen here at most this long later. Subscriptions are re-checked against the
// database, never against the cache.
const DefaultSessionCache = 2 * time.Second

// maxCachedSessions bounds the memory the cache may take; past it, entries
// that ran out are swept, and if all are live the cache starts again empty.
const maxCachedSessions = 20000

// sessionCache remembers, by token hash, the actor a session stood for.
type sessionCache struct {
	ttl time.Duration

	mu      sync.Mutex
	entries map[string]cachedSession
	// gen counts invalidations. A look-up notes it before asking the
	// database and stores what it read only if no invalidation came in
	// between: otherwise a sign-out racing a request could be undone by the
	// request storing the session it read just before.
	gen uint64
}

type cachedSession struct {
	actor     flowcare.Actor
	expiresAt time.Time // the session's own end
	until     time.Time // when the entry stops being trusted
}

func newSessionCache(ttl time.Duration) *sessionCache {
	return &sessionCache{ttl: ttl, entries: map[string]cachedSession{}}
}

func (c *sessionCache) on() bool { return c != nil && c.ttl > 0 }

// get returns a copy of the cached actor, so that no request can change what
// another is handed.
func (c *sessionCache) get(hash string, now time.Time) (*flowcare.Actor, bool) {
	if !c.on() {
		return nil, false
	}
	c.mu.Lock()
	e, ok := c.entries[hash]
	c.mu.Unlock()
	if !ok || !now.Before(e.until) || !now.Before(e.expiresAt) {
		return nil, false
	}
	a := e.actor
	a.Grants = slices.Clone(e.actor.Grants)
	return &a, true
}

// generation is noted before a database look-up, for put.
func (c *sessionCache) generation() uint64 {
	if !c.on() {
		return 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

func (c *sessionCache) put(hash string, gen uint64, a *flowcare.Actor, sessionExpires, now time.Time) {
	if !c.on() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen != gen {
		return
	}
	if len(c.entries) >= maxCachedSessions {
		for h, e := range c.entries {
			if !now.Before(e.until) {
				delete(c.entries, h)
			}
		}
		if len(c.entries) >= maxCachedSessions {
			clear(c.entries)
		}
	}
	e := cachedSession{actor: *a, expiresAt: sessionExpires, until: now.Add(c.ttl)}
	e.actor.Grants = slices.Clone(a.Grants)
	c.entries[hash] = e
}

// drop forgets the sessions for which match is true.
func (c *sessionCache) drop(match func(hash string, a *flowcare.Actor) bool) {
	if !c.on() {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for h, e := range c.entries {
		if match(h, &e.actor) {
			delete(c.entries, h)
		}
	}
}

func (c *sessionCache) dropToken(hash string) {
	c.drop(func(h string, _ *flowcare.Actor) bool { return h == hash })
}

func (c *sessionCache) dropSession(id string) {
	c.drop(func(_ string, a *flowcare.Actor) bool { return a.SessionID == id })
}

func (c *sessionCache) dropUser(id string) {
	c.drop(func(_ string, a *flowcare.Actor) bool { return a.UserID == id })
}
