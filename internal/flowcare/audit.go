package flowcare

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// RecordAudit appends an audit event carrying the request's origin, so that
// every use case writes events of the same shape.
func RecordAudit(ctx context.Context, st AuditStore, at time.Time, actor *Actor, action, target string, detail map[string]any) error {
	e, err := NewAuditEvent(ctx, at, actor, action, target, detail)
	if err != nil {
		return err
	}
	return st.Record(ctx, e)
}

// NewAuditEvent is the event RecordAudit appends, for a use case that
// appends many at once with AuditStore.RecordAll.
func NewAuditEvent(ctx context.Context, at time.Time, actor *Actor, action, target string, detail map[string]any) (*AuditEvent, error) {
	ri := RequestInfoFrom(ctx)
	e := &AuditEvent{At: at, Action: action, Detail: "{}"}
	if actor != nil {
		e.ActorID, e.ActorUsername = &actor.UserID, &actor.Username
	}
	if target != "" {
		e.Target = &target
	}
	if ri.IP != "" {
		e.IP = &ri.IP
	}
	if ri.UserAgent != "" {
		e.UserAgent = &ri.UserAgent
	}
	if ri.RequestID != "" {
		e.RequestID = &ri.RequestID
	}
	if len(detail) > 0 {
		b, err := json.Marshal(detail)
		if err != nil {
			return nil, Internal(err)
		}
		e.Detail = string(b)
	}
	return e, nil
}

// SafeCell keeps a spreadsheet from reading text as a formula: a cell that
// starts with = + - @ or a control character is written with a leading
// apostrophe.
func SafeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
