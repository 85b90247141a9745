package postgres

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type matchStore struct{ q sqlx.ExtContext }

func (t tx) Matches() flowcare.MatchStore { return &matchStore{q: t.q} }

// Matches returns the match store outside any transaction.
func (d *DB) Matches() flowcare.MatchStore { return tx{q: d.db}.Matches() }

type matchRow struct {
	ID                  string    `db:"id"`
	NeedID              string    `db:"need_id"`
	ChildID             string    `db:"child_id"`
	Category            string    `db:"category"`
	Entity              string    `db:"entity"`
	OfferID             string    `db:"offer_id"`
	OfferTitle          string    `db:"offer_title"`
	ProviderOrgID       *string   `db:"provider_org_id"`
	ProviderVolunteerID *string   `db:"provider_volunteer_id"`
	Status              string    `db:"status"`
	Reason              *string   `db:"reason"`
	Note                string    `db:"note"`
	Score               *float64  `db:"score"`
	Factors             []byte    `db:"factors"`
	Pairing             []byte    `db:"pairing"`
	ConsentOverride     *string   `db:"consent_override"`
	AreaPath            string    `db:"area_path"`
	CreatedBy           *string   `db:"created_by"`
	CreatedAt           time.Time `db:"created_at"`
	UpdatedAt           time.Time `db:"updated_at"`
}

const matchSelect = `SELECT m.id, m.need_id, m.child_id, m.category, m.entity, m.offer_id, m.offer_title, m.provider_org_id,
	m.provider_volunteer_id, m.status, m.reason, m.note, m.score, m.factors, m.pairing, m.consent_override, a.path AS area_path,
	m.created_by, m.created_at, m.updated_at
	FROM matches m JOIN children c ON c.id = m.child_id JOIN areas a ON a.id = c.community_id`

func (r *matchRow) domain() (*flowcare.Match, error) {
	m := &flowcare.Match{ID: r.ID, NeedID: r.NeedID, ChildID: r.ChildID, Category: flowcare.Category(r.Category),
		Entity: flowcare.Entity(r.Entity), OfferID: r.OfferID, OfferTitle: r.OfferTitle, ProviderOrgID: r.ProviderOrgID,
		ProviderVolunteerID: r.ProviderVolunteerID, Status: flowcare.MatchStatus(r.Status), Note: r.Note, Score: r.Score,
		ConsentOverride: r.ConsentOverride, AreaPath: r.AreaPath, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	if r.Reason != nil {
		reason := flowcare.OutcomeReason(*r.Reason)
		m.Reason = &reason
	}
	if len(r.Factors) > 0 {
		if err := json.Unmarshal(r.Factors, &m.Factors); err != nil {
			return nil, flowcare.Internal(err)
		}
	}
	if len(r.Pairing) > 0 && string(r.Pairing) != "null" {
		m.Pairing = &flowcare.Pairing{}
		if err := json.Unmarshal(r.Pairing, m.Pairing); err != nil {
			return nil, flowcare.Internal(err)
		}
	}
	return m, nil
}

func (s *matchStore) selectMatches(ctx context.Context, query string, args ...any) ([]*flowcare.Match, error) {
	var rows []matchRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Match, len(rows))
	for i := range rows {
		m, err := rows[i].domain()
		if err != nil {
			return nil, err
		}
		out[i] = m
	}
	return out, nil
}

func (s *matchStore) CreateMatch(ctx context.Context, m *flowcare.Match, by string) error {
	factors, err := json.Marshal(m.Factors)
	if err != nil {
		return flowcare.Internal(err)
	}
	if m.Factors == nil {
		factors = []byte("[]")
	}
	var pairing any
	if m.Pairing != nil {
		b, err := json.Marshal(m.Pairing)
		if err != nil {
			return flowcare.Internal(err)
		}
		pairing = string(b)
	}
	err = s.q.QueryRowxContext(ctx, `
		INSERT INTO matches (need_id, child_id, category, entity, offer_id, offer_title, provider_org_id, provider_volunteer_id,
			status, note, score, factors, pairing, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, NULLIF($14, '')::uuid)
		RETURNING id, created_at, updated_at`,
		m.NeedID, m.ChildID, m.Category, m.Entity, m.OfferID, m.OfferTitle, m.ProviderOrgID, m.ProviderVolunteerID,
		m.Status, m.Note, m.Score, string(factors), pairing, by).Scan(&m.ID, &m.CreatedAt, &m.UpdatedAt)
	if err != nil {
		if isUniqueViolation(err) {
			return flowcare.Errorf(flowcare.ECONFLICT, "这个需求已有一条进行中的匹配指向“%s”", m.OfferTitle)
		}
		return mapError(err)
	}
	if _, err := s.q.ExecContext(ctx, `INSERT INTO match_history (match_id, from_status, to_status, note, at, actor)
		VALUES ($1, NULL, $2, $3, $4, NULLIF($5, '')::uuid)`, m.ID, m.Status, m.Note, m.CreatedAt, by); err != nil {
		return mapError(err)
	}
	return s.touchOffer(ctx, m.Entity, m.OfferID)
}

// touchOffer puts an offer back on the outbox: its load, seats and record
// are part of its search document.
func (s *matchStore) touchOffer(ctx context.Context, e flowcare.Entity, id string) error {
	table := map[flowcare.Entity]string{flowcare.EntityService: "services", flowcare.EntityVolunteer: "volunteers",
		flowcare.EntitySlot: "slots", flowcare.EntityEvent: "events"}[e]
	if table == "" {
		return flowcare.Invalid("entity", "未知的提供方类型“%s”", e)
	}
	if _, err := s.q.ExecContext(ctx, `UPDATE `+table+` SET version = version + 1 WHERE id = $1`, id); err != nil {
		return mapError(err)
	}
	_, err := s.q.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)`, e, id)
	return mapError(err)
}

func (s *matchStore) MatchByID(ctx context.Context, id string) (*flowcare.Match, error) {
	return s.oneMatch(ctx, matchSelect+` WHERE m.id = $1`, id)
}

func (s *matchStore) LockMatch(ctx context.Context, id string) (*flowcare.Match, error) {
	return s.oneMatch(ctx, matchSelect+` WHERE m.id = $1 FOR UPDATE OF m`, id)
}

func (s *matchStore) oneMatch(ctx context.Context, query, id string) (*flowcare.Match, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
	}
	ms, err := s.selectMatches(ctx, query, id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
	}
	return ms[0], nil
}

func (s *matchStore) MatchesByIDs(ctx context.Context, ids []string) ([]*flowcare.Match, error) {
	return s.selectMatches(ctx, matchSelect+` WHERE m.id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
}

func (s *matchStore) ListMatches(ctx context.Context, f flowcare.MatchFilter, p flowcare.Page) ([]*flowcare.Match, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + itoa(len(args)) }
	if f.AreaPath != "" {
		where = append(where, "(a.path = "+arg(f.AreaPath)+" OR a.path LIKE "+arg(escapeLike(f.AreaPath)+"/%")+")")
	}
	if f.Provider {
		var or []string
		if len(f.ProviderOrgIDs) > 0 {
			or = append(or, "m.provider_org_id = ANY("+arg(pq.Array(validUUIDs(f.ProviderOrgIDs)))+"::uuid[])")
		}
		if validUUID(f.ProviderVolunteerID) {
			or = append(or, "m.provider_volunteer_id = "+arg(f.ProviderVolunteerID))
		}
		if len(or) == 0 {
			return nil, 0, nil
		}
		// A provider never sees what staff have only proposed.
		where = append(where, "("+strings.Join(or, " OR ")+")", "m.status <> 'PROPOSED'")
	}
	if f.NeedID != "" {
		if !validUUID(f.NeedID) {
			return nil, 0, nil
		}
		where = append(where, "m.need_id = "+arg(f.NeedID))
	}
	if f.ChildID != "" {
		if !validUUID(f.ChildID) {
			return nil, 0, nil
		}
		where = append(where, "m.child_id = "+arg(f.ChildID))
	}
	if len(f.Statuses) > 0 {
		st := make([]string, len(f.Statuses))
		for i, x := range f.Statuses {
			st[i] = string(x)
		}
		where = append(where, "m.status = ANY("+arg(pq.Array(st))+"::text[])")
	}
	cond := "TRUE"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM matches m JOIN children c ON c.id = m.child_id
		JOIN areas a ON a.id = c.community_id WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		cond += " AND (m.updated_at, m.id) < (SELECT updated_at, id FROM matches WHERE id = " + arg(p.After) + ")"
	}
	ms, err := s.selectMatches(ctx, matchSelect+` WHERE `+cond+` ORDER BY m.updated_at DESC, m.id DESC LIMIT `+itoa(p.Limit()+1), args...)
	return ms, total, err
}

func (s *matchStore) MoveMatch(ctx context.Context, m *flowcare.Match, to flowcare.MatchStatus, reason *flowcare.OutcomeReason, note, by string, at time.Time) error {
	err := s.q.QueryRowxContext(ctx, `UPDATE matches SET status = $2, reason = COALESCE($3, reason), note = $4, updated_at = $5
		WHERE id = $1 RETURNING updated_at`, m.ID, to, reason, note, at).Scan(&m.UpdatedAt)
	if err != nil {
		return mapError(err)
	}
	if _, err := s.q.ExecContext(ctx, `INSERT INTO match_history (match_id, from_status, to_status, reason, note, at, actor)
		VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid)`, m.ID, m.Status, to, reason, note, at, by); err != nil {
		return mapError(err)
	}
	m.Status = to
	if reason != nil {
		m.Reason = reason
	}
	m.Note = note
	return s.touchOffer(ctx, m.Entity, m.OfferID)
}

func (s *matchStore) SetConsentOverride(ctx context.Context, matchID, reason string) error {
	_, err := s.q.ExecContext(ctx, `UPDATE matches SET consent_override = $2 WHERE id = $1`, matchID, reason)
	return mapError(err)
}

func (s *matchStore) MatchHistory(ctx context.Context, matchID string) ([]flowcare.MatchEvent, error) {
	var out []flowcare.MatchEvent
	err := sqlx.SelectContext(ctx, s.q, &out, `
		SELECT h.id, h.match_id, h.from_status, h.to_status, h.reason, h.note, h.at, u.username AS actor_username
		FROM match_history h LEFT JOIN users u ON u.id = h.actor WHERE h.match_id = $1 ORDER BY h.id`, matchID)
	return out, mapError(err)
}

func (s *matchStore) GoodMatches(ctx context.Context, childID string) (map[flowcare.Entity][]string, error) {
	var rows []struct {
		Entity  string `db:"entity"`
		OfferID string `db:"offer_id"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT DISTINCT entity, offer_id FROM matches
		WHERE child_id = $1 AND status IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')`, childID)
	if err != nil {
		return nil, mapError(err)
	}
	out := map[flowcare.Entity][]string{}
	for _, r := range rows {
		out[flowcare.Entity(r.Entity)] = append(out[flowcare.Entity(r.Entity)], r.OfferID)
	}
	return out, nil
}

func (s *matchStore) OpenNeeds(ctx context.Context, areaPath string, limit int) ([]*flowcare.Need, error) {
	cs := &careStore{q: s.q}
	return cs.selectNeeds(ctx, `SELECT `+prefixed("n.", needColumns)+` FROM needs n JOIN children c ON c.id = n.child_id
		JOIN areas a ON a.id = c.community_id
		WHERE n.status = 'OPEN' AND c.status = 'ACTIVE' AND (a.path = $1 OR a.path LIKE $2)
		AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.need_id = n.id AND m.status IN ('PROPOSED', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS'))
		ORDER BY CASE n.urgency WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, n.created_at, n.id LIMIT $3`,
		areaPath, escapeLike(areaPath)+"/%", limit)
}

func prefixed(p, columns string) string {
	cols := strings.Split(columns, ", ")
	for i := range cols {
		cols[i] = p + cols[i]
	}
	return strings.Join(cols, ", ")
}

// seatTable is the table holding the seat count of a bookable entity.
func seatTable(e flowcare.Entity) (string, error) {
	switch e {
	case flowcare.EntitySlot:
		return "slots", nil
	case flowcare.EntityEvent:
		return "events", nil
	}
	return "", flowcare.Invalid("entity", "只有场馆时段和活动可以预约座位")
}

const bookingColumns = `id, match_id, entity, offer_id, status, position, starts_at, created_at`

func (s *matchStore) Book(ctx context.Context, matchID string, e flowcare.Entity, offerID string, at time.Time) (*flowcare.Booking, error) {
	table, err := seatTable(e)
	if err != nil {
		return nil, err
	}
	// The conditional update takes the seat and holds the offer's row until
	// commit, so concurrent bookings queue here and each sees the count the
	// one before it left; the table's check constraint backs it up.
	var startsAt time.Time
	status := flowcare.BookingBooked
	err = s.q.QueryRowxContext(ctx, `UPDATE `+table+` SET booked = booked + 1, version = version + 1, updated_at = now()
		WHERE id = $1 AND booked < capacity RETURNING starts_at`, offerID).Scan(&startsAt)
	if isNoRows(err) {
		status = flowcare.BookingWaitlisted
		err = s.q.QueryRowxContext(ctx, `SELECT starts_at FROM `+table+` WHERE id = $1 FOR UPDATE`, offerID).Scan(&startsAt)
	}
	if err != nil {
		return nil, notFound(err, "要预约的时段或活动不存在")
	}
	b := &flowcare.Booking{}
	err = sqlx.GetContext(ctx, s.q, b, `INSERT INTO bookings (match_id, entity, offer_id, status, starts_at, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING `+bookingColumns, matchID, e, offerID, status, startsAt, at)
	if err != nil {
		if isUniqueViolation(err) {
			return nil, flowcare.Errorf(flowcare.ECONFLICT, "这条匹配已经预约了这个时段")
		}
		return nil, mapError(err)
	}
	if _, err := s.q.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)`, e, offerID); err != nil {
		return nil, mapError(err)
	}
	return b, nil
}

func (s *matchStore) ReleaseBooking(ctx context.Context, bookingID string, to flowcare.BookingStatus) (*flowcare.Booking, error) {
	var b flowcare.Booking
	if err := sqlx.GetContext(ctx, s.q, &b, `SELECT `+bookingColumns+` FROM bookings WHERE id = $1`, bookingID); err != nil {
		return nil, notFound(err, "预约不存在")
	}
	table, err := seatTable(b.Entity)
	if err != nil {
		return nil, err
	}
	// Lock the offer first, in the same order as Book, so a release and a
	// booking of one offer never deadlock and the waitlist is read whole.
	if _, err := s.q.ExecContext(ctx, `SELECT 1 FROM `+table+` WHERE id = $1 FOR UPDATE`, b.OfferID); err != nil {
		return nil, mapError(err)
	}
	var was string
	err = s.q.QueryRowxContext(ctx, `UPDATE bookings b SET status = $2, updated_at = now()
		FROM bookings old WHERE b.id = $1 AND old.id = b.id AND b.status IN ('BOOKED', 'WAITLISTED') RETURNING old.status`,
		bookingID, to).Scan(&was)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, mapError(err)
	}
	if was != string(flowcare.BookingBooked) {
		return nil, nil
	}
	var promoted flowcare.Booking
	err = sqlx.GetContext(ctx, s.q, &promoted, `UPDATE bookings SET status = 'BOOKED', updated_at = now()
		WHERE id = (SELECT id FROM bookings WHERE entity = $1 AND offer_id = $2 AND status = 'WAITLISTED' ORDER BY position LIMIT 1)
		RETURNING `+bookingColumns, b.Entity, b.OfferID)
	if isNoRows(err) {
		_, err = s.q.ExecContext(ctx, `UPDATE `+table+` SET booked = booked - 1, version = version + 1, updated_at = now() WHERE id = $1`, b.OfferID)
		if err == nil {
			_, err = s.q.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id) VALUES ($1, $2)`, b.Entity, b.OfferID)
		}
		return nil, mapError(err)
	}
	if err != nil {
		return nil, mapError(err)
	}
	return &promoted, nil
}

func (s *matchStore) SetBookingStatus(ctx context.Context, bookingID string, st flowcare.BookingStatus) error {
	_, err := s.q.ExecContext(ctx, `UPDATE bookings SET status = $2, updated_at = now() WHERE id = $1`, bookingID, st)
	return mapError(err)
}

func (s *matchStore) BookingsOf(ctx context.Context, matchIDs []string) (map[string][]flowcare.Booking, error) {
	var rows []flowcare.Booking
	if err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT `+bookingColumns+` FROM bookings WHERE match_id = ANY($1::uuid[])
		ORDER BY starts_at, position`, pq.Array(validUUIDs(matchIDs))); err != nil {
		return nil, mapError(err)
	}
	out := map[string][]flowcare.Booking{}
	for _, b := range rows {
		out[b.MatchID] = append(out[b.MatchID], b)
	}
	return out, nil
}

func (s *matchStore) BookingsOfOffer(ctx context.Context, e flowcare.Entity, offerID string) ([]flowcare.Booking, error) {
	var rows []flowcare.Booking
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT `+bookingColumns+` FROM bookings WHERE entity = $1 AND offer_id = $2
		ORDER BY position`, e, offerID)
	return rows, mapError(err)
}

func (s *matchStore) LaterSeriesSlots(ctx context.Context, seriesID string, after time.Time) ([]*flowcare.Slot, error) {
	ds := &directoryStore{q: s.q}
	return ds.selectSlots(ctx, `SELECT `+slotColumns+` FROM slots WHERE series_id = $1 AND starts_at > $2 AND status = 'PUBLISHED'
		ORDER BY starts_at`, seriesID, after)
}

const sessionSelect = `SELECT s.id, s.match_id, s.starts_at, s.ends_at, s.attendance, s.note, s.volunteer_id, s.hours_status,
	s.hours_note, ua.username AS approved_by_username, s.approved_at, ul.username AS logged_by_username, s.created_at, m.offer_title
	FROM service_sessions s JOIN matches m ON m.id = s.match_id
	LEFT JOIN users ua ON ua.id = s.approved_by LEFT JOIN users ul ON ul.id = s.logged_by`

func (s *matchStore) CreateSession(ctx context.Context, ss *flowcare.ServiceSession, by string) error {
	err := s.q.QueryRowxContext(ctx, `INSERT INTO service_sessions (match_id, starts_at, ends_at, attendance, note, volunteer_id,
		hours_status, logged_by) VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF($8, '')::uuid) RETURNING id, created_at`,
		ss.MatchID, ss.StartsAt, ss.EndsAt, ss.Attendance, ss.Note, ss.VolunteerID, ss.Hours, by).Scan(&ss.ID, &ss.CreatedAt)
	if isUniqueViolation(err) {
		return flowcare.Errorf(flowcare.ECONFLICT, "这个开始时间的服务记录已经登记过")
	}
	return mapError(err)
}

func (s *matchStore) SessionsOf(ctx context.Context, matchIDs []string) (map[string][]flowcare.ServiceSession, error) {
	var rows []flowcare.ServiceSession
	if err := sqlx.SelectContext(ctx, s.q, &rows, sessionSelect+` WHERE s.match_id = ANY($1::uuid[]) ORDER BY s.starts_at`,
		pq.Array(validUUIDs(matchIDs))); err != nil {
		return nil, mapError(err)
	}
	out := map[string][]flowcare.ServiceSession{}
	for _, r := range rows {
		out[r.MatchID] = append(out[r.MatchID], r)
	}
	return out, nil
}

func (s *matchStore) SessionsByIDs(ctx context.Context, ids []string) ([]*flowcare.ServiceSession, error) {
	var rows []*flowcare.ServiceSession
	err := sqlx.SelectContext(ctx, s.q, &rows, sessionSelect+` WHERE s.id = ANY($1::uuid[]) ORDER BY s.starts_at`, pq.Array(validUUIDs(ids)))
	return rows, mapError(err)
}

func (s *matchStore) SetHours(ctx context.Context, ids []string, st flowcare.HoursStatus, note *string, by string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE service_sessions SET hours_status = $2, hours_note = $3, approved_by = $4, approved_at = $5
		WHERE id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)), st, note, by, at)
	return mapError(err)
}

func (s *matchStore) pagedSessions(ctx context.Context, cond string, args []any, p flowcare.Page) ([]*flowcare.ServiceSession, int, error) {
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM service_sessions s WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += " AND (s.starts_at, s.id) < (SELECT starts_at, id FROM service_sessions WHERE id = $" + itoa(len(args)) + ")"
	}
	var rows []*flowcare.ServiceSession
	err := sqlx.SelectContext(ctx, s.q, &rows, sessionSelect+` WHERE `+cond+` ORDER BY s.starts_at DESC, s.id DESC LIMIT `+itoa(p.Limit()+1), args...)
	return rows, total, mapError(err)
}

func (s *matchStore) VolunteerSessions(ctx context.Context, volunteerID string, st []flowcare.HoursStatus, p flowcare.Page) ([]*flowcare.ServiceSession, int, error) {
	sts := make([]string, len(st))
	for i, x := range st {
		sts[i] = string(x)
	}
	return s.pagedSessions(ctx, `s.volunteer_id = $1 AND s.hours_status = ANY($2::text[])`, []any{volunteerID, pq.Array(sts)}, p)
}

func (s *matchStore) PendingHours(ctx context.Context, orgIDs []string, p flowcare.Page) ([]*flowcare.ServiceSession, int, error) {
	return s.pagedSessions(ctx, `s.hours_status = 'PENDING' AND EXISTS (SELECT 1 FROM volunteer_organisations vo
		WHERE vo.volunteer_id = s.volunteer_id AND vo.organisation_id = ANY($1::uuid[]))`, []any{pq.Array(validUUIDs(orgIDs))}, p)
}

func (s *matchStore) Load(ctx context.Context, e flowcare.Entity, ids []string) (map[string]flowcare.OfferLoad, error) {
	var rows []struct {
		OfferID   string `db:"offer_id"`
		Active    int    `db:"active"`
		Completed int    `db:"completed"`
		Failed    int    `db:"failed"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT offer_id,
		count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS')) AS active,
		count(*) FILTER (WHERE status = 'COMPLETED') AS completed,
		count(*) FILTER (WHERE status = 'FAILED') AS failed
		FROM matches WHERE entity = $1 AND offer_id = ANY($2::uuid[]) GROUP BY offer_id`, e, pq.Array(validUUIDs(ids)))
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]flowcare.OfferLoad, len(rows))
	for _, r := range rows {
		out[r.OfferID] = flowcare.OfferLoad{Active: r.Active, Completed: r.Completed, Failed: r.Failed}
	}
	return out, nil
}

func (s *matchStore) Notify(ctx context.Context, ns []flowcare.Notification) error {
	for i := range ns {
		n := &ns[i]
		if err := s.q.QueryRowxContext(ctx, `INSERT INTO notifications (user_id, kind, title, body, match_id)
			VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`, n.UserID, n.Kind, n.Title, n.Body, n.MatchID).
			Scan(&n.ID, &n.CreatedAt); err != nil {
			return mapError(err)
		}
		// Delivered on commit only, so a subscriber never hears of a
		// notification that was rolled back.
		if _, err := s.q.ExecContext(ctx, `SELECT pg_notify('flowcare_notifications', $1)`, n.UserID+" "+n.ID); err != nil {
			return mapError(err)
		}
	}
	return nil
}

func (s *matchStore) OrgUsers(ctx context.Context, orgID string, roles []flowcare.Role) ([]string, error) {
	rs := make([]string, len(roles))
	for i, r := range roles {
		rs[i] = string(r)
	}
	var ids []string
	err := sqlx.SelectContext(ctx, s.q, &ids, `SELECT DISTINCT g.user_id FROM role_grants g JOIN users u ON u.id = g.user_id
		WHERE g.organisation_id = $1 AND g.role = ANY($2::text[]) AND g.revoked_at IS NULL AND NOT u.disabled ORDER BY 1`,
		orgID, pq.Array(rs))
	return ids, mapError(err)
}

const notificationColumns = `id, user_id, kind, title, body, match_id, created_at, read_at`

func (s *matchStore) Notifications(ctx context.Context, userID string, unreadOnly bool, p flowcare.Page) ([]*flowcare.Notification, int, error) {
	cond := "user_id = $1"
	if unreadOnly {
		cond += " AND read_at IS NULL"
	}
	args := []any{userID}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM notifications WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += " AND (created_at, id) < (SELECT created_at, id FROM notifications WHERE id = $2)"
	}
	var rows []*flowcare.Notification
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT `+notificationColumns+` FROM notifications WHERE `+cond+
		` ORDER BY created_at DESC, id DESC LIMIT `+itoa(p.Limit()+1), args...)
	return rows, total, mapError(err)
}

func (s *matchStore) NotificationsByIDs(ctx context.Context, ids []string) ([]*flowcare.Notification, error) {
	var rows []*flowcare.Notification
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT `+notificationColumns+` FROM notifications WHERE id = ANY($1::uuid[])`,
		pq.Array(validUUIDs(ids)))
	return rows, mapError(err)
}

func (s *matchStore) UnreadCount(ctx context.Context, userID string) (int, error) {
	var n int
	err := sqlx.GetContext(ctx, s.q, &n, `SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL`, userID)
	return n, mapError(err)
}

func (s *matchStore) MarkRead(ctx context.Context, userID string, ids []string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
		userID, pq.Array(validUUIDs(ids)), at)
	return mapError(err)
}

func (s *matchStore) MarkAllRead(ctx context.Context, userID string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL`, userID, at)
	return mapError(err)
}
