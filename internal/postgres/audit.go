package postgres

import (
	"context"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

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

// RecordAll appends events in one statement, in their order, for a use case
// that audits thousands of records at once. Unlike Record it reads nothing
// back: the events keep the ids they came with.
func (s *auditStore) RecordAll(ctx context.Context, es []*flowcare.AuditEvent) error {
	if len(es) == 0 {
		return nil
	}
	n := len(es)
	at, actions, details := make([]string, n), make([]string, n), make([]string, n)
	actorIDs, actorNames, targets, ips, agents, requests := make([]*string, n), make([]*string, n), make([]*string, n),
		make([]*string, n), make([]*string, n), make([]*string, n)
	for i, e := range es {
		at[i], actions[i], details[i] = e.At.Format(time.RFC3339Nano), e.Action, e.Detail
		if details[i] == "" {
			details[i] = "{}"
		}
		actorIDs[i], actorNames[i], targets[i], ips[i], agents[i], requests[i] = e.ActorID, e.ActorUsername, e.Target, e.IP, e.UserAgent, e.RequestID
	}
	_, err := s.q.ExecContext(ctx, `
		INSERT INTO audit_events (at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail)
		SELECT at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail::jsonb
		FROM unnest($1::timestamptz[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
		     WITH ORDINALITY AS e (at, actor_id, actor_username, action, target, ip, user_agent, request_id, detail, ord)
		ORDER BY ord`,
		pq.Array(at), pq.Array(actorIDs), pq.Array(actorNames), pq.Array(actions), pq.Array(targets), pq.Array(ips),
		pq.Array(agents), pq.Array(requests), pq.Array(details))
	return mapError(err)
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
