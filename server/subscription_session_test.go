package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"

	"flowcare/internal/access"
	"flowcare/internal/flowcare"
)

type wsMessage struct {
	ID      string          `json:"id,omitempty"`
	Type    string          `json:"type"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

// signedIn is a session opened the way the web app opens one.
type signedIn struct {
	token, userID string
	grantIDs      []string
}

func (s *testServer) signIn(username string) signedIn {
	s.t.Helper()
	r := s.query(`mutation($u: String!, $p: String!) { signIn(input: {username: $u, password: $p}) {
		token user { id grants { id } } } }`, map[string]any{"u": username, "p": DemoPassword})
	out := must[struct {
		Token string
		User  struct {
			ID     string
			Grants []struct{ ID string }
		}
	}](s.t, r, "signIn")
	si := signedIn{token: out.Token, userID: out.User.ID}
	for _, g := range out.User.Grants {
		si.grantIDs = append(si.grantIDs, g.ID)
	}
	return si
}

// withCookie sends a GraphQL request carrying only the session cookie, as
// the browser does, through a client with no cookie jar of its own; with no
// token it is an anonymous request.
func (s *testServer) withCookie(token, q string, vars map[string]any) gqlResponse {
	s.t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: token})
	}
	res, err := (&http.Client{}).Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	var out gqlResponse
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		s.t.Fatalf("response is not JSON (%d): %v", res.StatusCode, err)
	}
	return out
}

// notify writes a notification for a user through the real store, which
// announces it to the listeners on commit.
func (s *testServer) notify(userID, title string) {
	s.t.Helper()
	ctx := context.Background()
	err := s.app.db.InTx(ctx, func(tx flowcare.Tx) error {
		return tx.Matches().Notify(ctx, []flowcare.Notification{{UserID: userID, Kind: "MATCH_REQUESTED", Title: title}})
	})
	if err != nil {
		s.t.Fatal(err)
	}
}

// subscription is a graphql-transport-ws socket with notificationAdded
// subscribed as id "1"; every message the server sends lands in msgs.
type subscription struct {
	t    *testing.T
	ws   *websocket.Conn
	msgs chan wsMessage
}

// dialWS opens a graphql-transport-ws socket and waits for its connection_ack.
func (s *testServer) dialWS(ctx context.Context, header http.Header) *websocket.Conn {
	s.t.Helper()
	ws, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(s.URL, "http")+"/graphql", &websocket.DialOptions{
		Subprotocols: []string{"graphql-transport-ws"}, HTTPHeader: header})
	if err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() { ws.CloseNow() })
	if err := wsjson.Write(ctx, ws, wsMessage{Type: "connection_init"}); err != nil {
		s.t.Fatal(err)
	}
	var ack wsMessage
	if err := wsjson.Read(ctx, ws, &ack); err != nil || ack.Type != "connection_ack" {
		s.t.Fatalf("connection_ack: %+v %v", ack, err)
	}
	return ws
}

func (s *testServer) subscribe(ctx context.Context, token string) *subscription {
	s.t.Helper()
	ws := s.dialWS(ctx, http.Header{"Cookie": {(&http.Cookie{Name: sessionCookie, Value: token}).String()}})
	sub := &subscription{t: s.t, ws: ws, msgs: make(chan wsMessage, 64)}
	go func() {
		defer close(sub.msgs)
		for {
			var m wsMessage
			if err := wsjson.Read(ctx, ws, &m); err != nil {
				return
			}
			if m.Type != "ping" && m.Type != "pong" {
				sub.msgs <- m
			}
		}
	}()
	sub.send("1")
	return sub
}

func (sub *subscription) send(id string) {
	sub.t.Helper()
	q, _ := json.Marshal(map[string]string{"query": `subscription { notificationAdded { title } }`})
	if err := wsjson.Write(context.Background(), sub.ws, wsMessage{ID: id, Type: "subscribe", Payload: q}); err != nil {
		sub.t.Fatal(err)
	}
}

// receives proves the subscription is live: the listener and the
// subscription both start asynchronously, so it notifies until one arrives.
func (sub *subscription) receives(s *testServer, userID string) {
	sub.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.notify(userID, "通知已送达")
		select {
		case m, ok := <-sub.msgs:
			if !ok {
				sub.t.Fatal("socket closed before the first notification")
			}
			if m.Type != "next" || !strings.Contains(string(m.Payload), "通知已送达") {
				sub.t.Fatalf("before the session ended: %s %s", m.Type, m.Payload)
			}
			// A notification sent before the listener was up is never
			// delivered; one delivered late must not be taken for a leak.
			for {
				select {
				case m := <-sub.msgs:
					if m.Type != "next" {
						sub.t.Fatalf("after the first notification: %s %s", m.Type, m.Payload)
					}
				case <-time.After(300 * time.Millisecond):
					return
				}
			}
		case <-time.After(500 * time.Millisecond):
		}
	}
	sub.t.Fatal("no notification pushed within 10 s")
}

// ends waits for the server to complete subscription "1"; a notification
// pushed instead is the leak this guards against.
func (sub *subscription) ends(within time.Duration) {
	sub.t.Helper()
	timeout := time.After(within)
	for {
		select {
		case m, ok := <-sub.msgs:
			if !ok {
				return // the server closed the socket: also an end
			}
			switch {
			case m.Type == "complete" && m.ID == "1":
				return
			case m.Type == "next":
				sub.t.Fatalf("pushed after the session ended: %s", m.Payload)
			}
		case <-timeout:
			sub.t.Fatalf("the subscription was still open %s after the session ended", within)
		}
	}
}

// staysQuiet notifies the user again and checks nothing reaches the socket.
func (sub *subscription) staysQuiet(s *testServer, userID string) {
	sub.t.Helper()
	s.notify(userID, "会话结束后的通知")
	select {
	case m, ok := <-sub.msgs:
		if ok && m.Type == "next" {
			sub.t.Fatalf("pushed after the subscription ended: %s", m.Payload)
		}
	case <-time.After(time.Second):
	}
}

func startNotifier(t *testing.T, s *testServer) {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	go runNotifier(ctx, s.cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), s.app.notifier)
}

// TestSignOutEndsTheSubscriptionAtTheNextEvent: with the periodic re-check a
// minute away, the first notification after signOut finds the session gone,
// ends the subscription and is not pushed; a new subscription on the same
// socket is refused.
func TestSignOutEndsTheSubscriptionAtTheNextEvent(t *testing.T) {
	s := newTestServer(t, "test")
	startNotifier(t, s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	v := s.signIn("demo.volunteer")
	sub := s.subscribe(ctx, v.token)
	sub.receives(s, v.userID)

	if r := s.withCookie(v.token, `mutation { signOut }`, nil); len(r.Errors) > 0 {
		t.Fatalf("signOut: %v", r.Errors)
	}
	s.notify(v.userID, "会话结束后的通知")
	sub.ends(5 * time.Second)
	sub.staysQuiet(s, v.userID)

	sub.send("2")
	select {
	case m := <-sub.msgs:
		// gqlgen answers a refused subscription with its errors as a result.
		var res gqlResponse
		_ = json.Unmarshal(m.Payload, &res)
		if m.ID != "2" || res.code() != "UNAUTHENTICATED" || len(res.Data) > 0 {
			t.Fatalf("subscribing on a signed-out socket: %s %s", m.Type, m.Payload)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("subscribing on a signed-out socket got no answer")
	}
}

// TestSessionEndEndsAnIdleSubscription: with no event to trigger a check,
// the periodic re-check ends the subscription when the session is signed
// out or expires, the user is disabled or loses the grant they held.
func TestSessionEndEndsAnIdleSubscription(t *testing.T) {
	s := newTestServer(t, "test")
	s.app.access.SessionRecheck = 200 * time.Millisecond
	startNotifier(t, s)
	admin := s.token("demo.admin")

	cases := []struct {
		name, user string
		end        func(s *testServer, si signedIn)
	}{
		{"signed out", "demo.volunteer", func(s *testServer, si signedIn) {
			if r := s.withCookie(si.token, `mutation { signOut }`, nil); len(r.Errors) > 0 {
				s.t.Fatalf("signOut: %v", r.Errors)
			}
		}},
		{"session expired", "demo.orgstaff", func(s *testServer, si signedIn) {
			if _, err := s.app.db.SQL().Exec(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
				access.HashToken(si.token)); err != nil {
				s.t.Fatal(err)
			}
		}},
		{"user disabled", "demo.venue", func(s *testServer, si signedIn) {
			if r := s.as(admin, `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { disabled } }`,
				map[string]any{"id": si.userID}); len(r.Errors) > 0 {
				s.t.Fatalf("setUserDisabled: %v", r.Errors)
			}
		}},
		{"grant revoked", "demo.organiser", func(s *testServer, si signedIn) {
			if len(si.grantIDs) != 1 {
				s.t.Fatalf("%d grants, want the one the demo gives", len(si.grantIDs))
			}
			if r := s.as(admin, `mutation($id: ID!) { revokeRole(grantId: $id) { revokedAt } }`,
				map[string]any{"id": si.grantIDs[0]}); len(r.Errors) > 0 {
				s.t.Fatalf("revokeRole: %v", r.Errors)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The same server, failing this subtest rather than its parent.
			here := *s
			here.t = t
			s := &here
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			si := s.signIn(c.user)
			sub := s.subscribe(ctx, si.token)
			sub.receives(s, si.userID)
			c.end(s, si)
			sub.ends(3 * time.Second)
			sub.staysQuiet(s, si.userID)
		})
	}
}
