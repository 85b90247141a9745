package postgres

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

type careStore struct {
	q    sqlx.ExtContext
	keys *secrets.Keyring
}

const (
	fVisitFindings = "visits.findings"
	fVisitFollowUp = "visits.follow_up"
)

func (s *careStore) Cadence(ctx context.Context) (map[flowcare.Level]int, error) {
	var rows []struct {
		Level string `db:"risk_level"`
		Days  int    `db:"days"`
	}
	if err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT risk_level, days FROM visit_cadence`); err != nil {
		return nil, mapError(err)
	}
	out := map[flowcare.Level]int{}
	for _, r := range rows {
		out[flowcare.Level(r.Level)] = r.Days
	}
	return out, nil
}

func (s *careStore) SetCadence(ctx context.Context, l flowcare.Level, days int) error {
	_, err := s.q.ExecContext(ctx, `UPDATE visit_cadence SET days = $2 WHERE risk_level = $1`, l, days)
	return mapError(err)
}

type ledgerRow struct {
	ChildID      string         `db:"child_id"`
	Reasons      pq.StringArray `db:"reasons"`
	Risk         string         `db:"risk_level"`
	EnteredOn    time.Time      `db:"entered_on"`
	LeftOn       *time.Time     `db:"left_on"`
	LeftReason   *string        `db:"left_reason"`
	NextVisitDue time.Time      `db:"next_visit_due"`
	AreaPath     string         `db:"area_path"`
}

func (r *ledgerRow) domain() *flowcare.LedgerEntry {
	e := &flowcare.LedgerEntry{ChildID: r.ChildID, Risk: flowcare.Level(r.Risk), EnteredOn: r.EnteredOn, LeftOn: r.LeftOn,
		NextVisitDue: r.NextVisitDue, AreaPath: r.AreaPath}
	for _, x := range r.Reasons {
		e.Reasons = append(e.Reasons, flowcare.LedgerReason(x))
	}
	if r.LeftReason != nil {
		e.LeftReason = *r.LeftReason
	}
	return e
}

const ledgerSelect = `
	SELECT l.child_id, l.reasons, l.risk_level, l.entered_on, l.left_on, l.left_reason, l.next_visit_due, a.path AS area_path
	FROM ledger_entries l JOIN children c ON c.id = l.child_id JOIN areas a ON a.id = c.community_id`

func (s *careStore) LedgerEntry(ctx context.Context, childID string) (*flowcare.LedgerEntry, error) {
	if !validUUID(childID) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "该儿童不在关爱台账中")
	}
	var r ledgerRow
	err := sqlx.GetContext(ctx, s.q, &r, ledgerSelect+` WHERE l.child_id = $1`, childID)
	if err != nil {
		return nil, notFound(err, "该儿童不在关爱台账中")
	}
	return r.domain(), nil
}

func (s *careStore) LedgerEntries(ctx context.Context, childIDs []string) ([]*flowcare.LedgerEntry, error) {
	var rs []ledgerRow
	if err := sqlx.SelectContext(ctx, s.q, &rs, ledgerSelect+` WHERE l.child_id = ANY($1::uuid[])`, pq.Array(childIDs)); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.LedgerEntry, len(rs))
	for i := range rs {
		out[i] = rs[i].domain()
	}
	return out, nil
}

func (s *careStore) SaveLedgerEntry(ctx context.Context, e *flowcare.LedgerEntry) error {
	reasons := make([]string, len(e.Reasons))
	for i, r := range e.Reasons {
		reasons[i] = string(r)
	}
	_, err := s.q.ExecContext(ctx, `
		INSERT INTO ledger_entries (child_id, reasons, risk_level, entered_on, left_on, left_reason, next_visit_due)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), $7)
		ON CONFLICT (child_id) DO UPDATE SET reasons = EXCLUDED.reasons, risk_level = EXCLUDED.risk_level,
			entered_on = EXCLUDED.entered_on, left_on = EXCLUDED.left_on, left_reason = EXCLUDED.left_reason,
			next_visit_due = EXCLUDED.next_visit_due, updated_at = now()`,
		e.ChildID, pq.Array(reasons), e.Risk, e.EnteredOn, e.LeftOn, e.LeftReason, e.NextVisitDue)
	return mapError(err)
}

func (s *careStore) AddLedgerEvent(ctx context.Context, childID, event string, detail map[string]any, at time.Time, by string) error {
	b, _ := json.Marshal(detail)
	_, err := s.q.ExecContext(ctx, `INSERT INTO ledger_history (child_id, event, detail, at, actor) VALUES ($1, $2, $3::jsonb, $4, NULLIF($5, '')::uuid)`,
		childID, event, string(b), at, by)
	return mapError(err)
}

func (s *careStore) LedgerHistory(ctx context.Context, childID string) ([]flowcare.LedgerEvent, error) {
	var out []flowcare.LedgerEvent
	err := sqlx.SelectContext(ctx, s.q, &out, `
		SELECT h.id, h.child_id, h.event, h.detail::text AS detail, h.at, u.username AS actor_username
		FROM ledger_history h LEFT JOIN users u ON u.id = h.actor WHERE h.child_id = $1 ORDER BY h.id`, childID)
	return out, mapError(err)
}

func (s *careStore) ListLedger(ctx context.Context, areaPath string, overdueOn *time.Time, p flowcare.Page) ([]*flowcare.LedgerEntry, int, error) {
	where := []string{"l.left_on IS NULL", "(a.path = $1 OR a.path LIKE $2)"}
	args := []any{areaPath, escapeLike(areaPath) + "/%"}
	if overdueOn != nil {
		args = append(args, *overdueOn)
		where = append(where, "l.next_visit_due < $"+itoa(len(args)))
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM ledger_entries l JOIN children c ON c.id = l.child_id
		JOIN areas a ON a.id = c.community_id WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += " AND (l.next_visit_due, l.child_id) > (SELECT next_visit_due, child_id FROM ledger_entries WHERE child_id = $" + itoa(len(args)) + ")"
	}
	var rows []ledgerRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, ledgerSelect+` WHERE `+cond+` ORDER BY l.next_visit_due, l.child_id LIMIT `+itoa(p.Limit()+1), args...); err != nil {
		return nil, 0, mapError(err)
	}
	out := make([]*flowcare.LedgerEntry, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, total, nil
}

type visitRow struct {
	ID          string     `db:"id"`
	ChildID     string     `db:"child_id"`
	VisitedOn   time.Time  `db:"visited_on"`
	VisitorID   string     `db:"visitor"`
	Visitor     string     `db:"visitor_username"`
	Form        string     `db:"form"`
	FindingsEnc string     `db:"findings_enc"`
	FollowUpEnc *string    `db:"follow_up_enc"`
	NextVisitOn *time.Time `db:"next_visit_on"`
	Status      string     `db:"status"`
	ReviewedBy  *string    `db:"reviewed_by_username"`
	ReviewedAt  *time.Time `db:"reviewed_at"`
	ReviewNote  *string    `db:"review_note"`
	CreatedAt   time.Time  `db:"created_at"`
}

const visitSelect = `
	SELECT v.id, v.child_id, v.visited_on, v.visitor, vu.username AS visitor_username, v.form, v.findings_enc, v.follow_up_enc,
	       v.next_visit_on, v.status, ru.username AS reviewed_by_username, v.reviewed_at, v.review_note, v.created_at
	FROM visits v JOIN users vu ON vu.id = v.visitor LEFT JOIN users ru ON ru.id = v.reviewed_by`

func (s *careStore) selectVisits(ctx context.Context, query string, args ...any) ([]*flowcare.Visit, error) {
	if s.keys == nil {
		return nil, flowcare.Internal(errNoKeys)
	}
	var rows []visitRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Visit, len(rows))
	for i, r := range rows {
		v := &flowcare.Visit{ID: r.ID, ChildID: r.ChildID, VisitedOn: r.VisitedOn, VisitorID: r.VisitorID, Visitor: r.Visitor,
			Form: flowcare.VisitForm(r.Form), NextVisitOn: r.NextVisitOn, Status: flowcare.VisitStatus(r.Status), ReviewedAt: r.ReviewedAt,
			CreatedAt: r.CreatedAt}
		var err error
		if v.Findings, err = s.keys.Decrypt(fVisitFindings, r.FindingsEnc); err != nil {
			return nil, flowcare.Internal(err)
		}
		if r.FollowUpEnc != nil {
			if v.FollowUp, err = s.keys.Decrypt(fVisitFollowUp, *r.FollowUpEnc); err != nil {
				return nil, flowcare.Internal(err)
			}
		}
		if r.ReviewedBy != nil {
			v.ReviewedBy = *r.ReviewedBy
		}
		if r.ReviewNote != nil {
			v.ReviewNote = *r.ReviewNote
		}
		out[i] = v
	}
	return out, nil
}

func (s *careStore) CreateVisit(ctx context.Context, v *flowcare.Visit) error {
	if s.keys == nil {
		return flowcare.Internal(errNoKeys)
	}
	findings, follow, err := (&Sealer{keys: s.keys}).Visit(v)
	if err != nil {
		return err
	}
	return mapError(s.q.QueryRowxContext(ctx, `
		INSERT INTO visits (child_id, visited_on, visitor, form, findings_enc, follow_up_enc, next_visit_on, status)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, ''), $7, $8) RETURNING id, created_at`,
		v.ChildID, v.VisitedOn, v.VisitorID, v.Form, findings, follow, v.NextVisitOn, v.Status).Scan(&v.ID, &v.CreatedAt))
}

func (s *careStore) VisitByID(ctx context.Context, id string) (*flowcare.Visit, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "走访记录不存在")
	}
	vs, err := s.selectVisits(ctx, visitSelect+` WHERE v.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "走访记录不存在")
	}
	return vs[0], nil
}

func (s *careStore) ReviewVisit(ctx context.Context, id string, st flowcare.VisitStatus, by, note string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE visits SET status = $2, reviewed_by = $3, review_note = NULLIF($4, ''), reviewed_at = $5 WHERE id = $1`,
		id, st, by, note, at)
	return mapError(err)
}

func (s *careStore) ResubmitVisit(ctx context.Context, v *flowcare.Visit) error {
	if s.keys == nil {
		return flowcare.Internal(errNoKeys)
	}
	findings, follow, err := (&Sealer{keys: s.keys}).Visit(v)
	if err != nil {
		return err
	}
	_, err = s.q.ExecContext(ctx, `
		UPDATE visits SET visited_on = $2, form = $3, findings_enc = $4, follow_up_enc = NULLIF($5, ''), next_visit_on = $6,
			status = 'PENDING_REVIEW', reviewed_by = NULL, reviewed_at = NULL, review_note = NULL
		WHERE id = $1 AND status = 'RETURNED'`, v.ID, v.VisitedOn, v.Form, findings, follow, v.NextVisitOn)
	return mapError(err)
}

func (s *careStore) Visits(ctx context.Context, childID string) ([]*flowcare.Visit, error) {
	return s.selectVisits(ctx, visitSelect+` WHERE v.child_id = $1 ORDER BY v.visited_on DESC, v.created_at DESC`, childID)
}

func (s *careStore) PendingVisits(ctx context.Context, areaPath string) ([]*flowcare.Visit, error) {
	return s.selectVisits(ctx, visitSelect+`
		JOIN children c ON c.id = v.child_id JOIN areas a ON a.id = c.community_id
		WHERE v.status = 'PENDING_REVIEW' AND (a.path = $1 OR a.path LIKE $2) ORDER BY v.created_at`, areaPath, escapeLike(areaPath)+"/%")
}

type needRow struct {
	flowcare.Need
	WindowsDB json.RawMessage `db:"windows"`
}

const needColumns = `id, child_id, category, description, urgency, windows, language, place, status, created_at, updated_at`

func (s *careStore) selectNeeds(ctx context.Context, query string, args ...any) ([]*flowcare.Need, error) {
	var rows []needRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Need, len(rows))
	for i := range rows {
		n := rows[i].Need
		if err := json.Unmarshal(rows[i].WindowsDB, &n.Windows); err != nil {
			return nil, flowcare.Internal(err)
		}
		out[i] = &n
	}
	return out, nil
}

func (s *careStore) CreateNeed(ctx context.Context, n *flowcare.Need, by string) error {
	err := s.q.QueryRowxContext(ctx, `
		INSERT INTO needs (child_id, category, description, urgency, windows, language, place, status, created_by)
		VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, NULLIF($9, '')::uuid) RETURNING id, created_at, updated_at`,
		n.ChildID, n.Category, n.Description, n.Urgency, windowsJSON(n.Windows), n.Language, n.Place, n.Status, by).
		Scan(&n.ID, &n.CreatedAt, &n.UpdatedAt)
	if err != nil {
		return mapError(err)
	}
	_, err = s.q.ExecContext(ctx, `INSERT INTO need_history (need_id, status, at, actor) VALUES ($1, $2, $3, NULLIF($4, '')::uuid)`,
		n.ID, n.Status, n.CreatedAt, by)
	return mapError(err)
}

func (s *careStore) UpdateNeed(ctx context.Context, n *flowcare.Need) error {
	return mapError(s.q.QueryRowxContext(ctx, `
		UPDATE needs SET category = $2, description = $3, urgency = $4, windows = $5::jsonb, language = $6, place = $7, updated_at = now()
		WHERE id = $1 RETURNING updated_at`, n.ID, n.Category, n.Description, n.Urgency, windowsJSON(n.Windows), n.Language, n.Place).
		Scan(&n.UpdatedAt))
}

func (s *careStore) NeedByID(ctx context.Context, id string) (*flowcare.Need, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "需求不存在")
	}
	ns, err := s.selectNeeds(ctx, `SELECT `+needColumns+` FROM needs WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "需求不存在")
	}
	return ns[0], nil
}

func (s *careStore) SetNeedStatus(ctx context.Context, id string, st flowcare.NeedStatus, note, by string, at time.Time) error {
	if _, err := s.q.ExecContext(ctx, `UPDATE needs SET status = $2, updated_at = now() WHERE id = $1`, id, st); err != nil {
		return mapError(err)
	}
	_, err := s.q.ExecContext(ctx, `INSERT INTO need_history (need_id, status, note, at, actor) VALUES ($1, $2, $3, $4, NULLIF($5, '')::uuid)`,
		id, st, note, at, by)
	return mapError(err)
}

func (s *careStore) NeedsOf(ctx context.Context, childID string) ([]*flowcare.Need, error) {
	return s.selectNeeds(ctx, `SELECT `+needColumns+` FROM needs WHERE child_id = $1 ORDER BY created_at, id`, childID)
}

func (s *careStore) NeedHistory(ctx context.Context, needID string) ([]flowcare.NeedEvent, error) {
	var out []flowcare.NeedEvent
	err := sqlx.SelectContext(ctx, s.q, &out, `
		SELECT h.id, h.need_id, h.status, h.note, h.at, u.username AS actor_username
		FROM need_history h LEFT JOIN users u ON u.id = h.actor WHERE h.need_id = $1 ORDER BY h.id`, needID)
	return out, mapError(err)
}
