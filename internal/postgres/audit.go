package postgres

import (
	"context"
	"strconv"

	"github.com/jmoiron/sqlx"

	"flowcare/internal/flowcare"
)

type auditStore struct{ q sqlx.ExtContext }

func (s *auditStore) Record(ctx context.Context, e *flowcare.AuditEvent) error {
	detail := e.Detail
	if detail == "" {
		detail = "{}"
	}
	return mapError(sqlx.GetContext(ctx, s.q, e, `
		INSERT INTO audit_events (at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
		RETURNING id, at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail::text`,
		e.At, e.ActorID, e.ActorUsername, e.Action, e.Target, e.IP, e.UserAgent, e.RequestID, detail))
}

// List pages backwards through the log; the cursor is the last id seen.
func (s *auditStore) List(ctx context.Context, action string, p flowcare.Page) ([]*flowcare.AuditEvent, error) {
	return s.ListByTarget(ctx, action, "", p)
}

// ListByTarget is List narrowed to events about one target when target is set.
func (s *auditStore) ListByTarget(ctx context.Context, action, target string, p flowcare.Page) ([]*flowcare.AuditEvent, error) {
	q := `SELECT id, at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail::text FROM audit_events WHERE TRUE`
	var args []any
	if target != "" {
		args = append(args, target)
		q += ` AND target = $` + itoa(len(args))
	}
	if action != "" {
		args = append(args, action)
		q += ` AND action = $` + itoa(len(args))
	}
	if p.After != "" {
		after, err := strconv.ParseInt(p.After, 10, 64)
		if err != nil {
			return nil, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, after)
		q += ` AND id < $` + itoa(len(args))
	}
	var es []*flowcare.AuditEvent
	err := sqlx.SelectContext(ctx, s.q, &es, q+` ORDER BY id DESC LIMIT `+itoa(p.Limit()+1), args...)
	return es, mapError(err)
}
