package postgres

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type slotRow struct {
	flowcare.Slot
	CategoriesDB pq.StringArray `db:"categories"`
}

const slotColumns = `id, venue_id, series_id, title, description, categories, starts_at, ends_at, capacity, min_age, max_age,
	children_per_adult, booking_cutoff, status, version, booked`

func (s *directoryStore) selectSlots(ctx context.Context, query string, args ...any) ([]*flowcare.Slot, error) {
	var rows []slotRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Slot, len(rows))
	for i := range rows {
		sl := rows[i].Slot
		sl.Categories = categories(rows[i].CategoriesDB)
		out[i] = &sl
	}
	return out, nil
}

func (s *directoryStore) CreateSlots(ctx context.Context, slots []*flowcare.Slot) error {
	ids := make([]string, 0, len(slots))
	for _, sl := range slots {
		err := sqlx.GetContext(ctx, s.q, sl, `
			INSERT INTO slots (venue_id, series_id, title, description, categories, starts_at, ends_at, capacity, min_age, max_age,
				children_per_adult, booking_cutoff, status)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id, version`,
			sl.VenueID, sl.SeriesID, sl.Title, sl.Description, categoryArray(sl.Categories), sl.StartsAt, sl.EndsAt, sl.Capacity,
			sl.MinAge, sl.MaxAge, sl.ChildrenPerAdult, sl.BookingCutoff, sl.Status)
		if err != nil {
			return mapError(err)
		}
		ids = append(ids, sl.ID)
	}
	return s.enqueue(ctx, flowcare.EntitySlot, ids...)
}

func (s *directoryStore) SlotByID(ctx context.Context, id string) (*flowcare.Slot, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "时段不存在")
	}
	sls, err := s.selectSlots(ctx, `SELECT `+slotColumns+` FROM slots WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(sls) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "时段不存在")
	}
	return sls[0], nil
}

func (s *directoryStore) SetSlotStatus(ctx context.Context, id string, status flowcare.SlotStatus) error {
	if _, err := s.q.ExecContext(ctx, `UPDATE slots SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, id, status); err != nil {
		return mapError(err)
	}
	return s.enqueue(ctx, flowcare.EntitySlot, id)
}

func (s *directoryStore) ListSlots(ctx context.Context, venueID string, from, to *time.Time, p flowcare.Page) ([]*flowcare.Slot, int, error) {
	if !validUUID(venueID) {
		return []*flowcare.Slot{}, 0, nil
	}
	cond, args := `venue_id = $1`, []any{venueID}
	if from != nil {
		args = append(args, *from)
		cond += ` AND ends_at >= $` + itoa(len(args))
	}
	if to != nil {
		args = append(args, *to)
		cond += ` AND starts_at <= $` + itoa(len(args))
	}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM slots WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += ` AND (starts_at, id) > (SELECT starts_at, id FROM slots WHERE id = $` + itoa(len(args)) + `)`
	}
	out, err := s.selectSlots(ctx, `SELECT `+slotColumns+` FROM slots WHERE `+cond+` ORDER BY starts_at, id LIMIT `+itoa(p.Limit()+1), args...)
	return out, total, err
}

type eventRow struct {
	flowcare.Event
	CategoriesDB pq.StringArray `db:"categories"`
}

const eventColumns = `id, organisation_id, title, description, categories, starts_at, ends_at, place, area_id, latitude, longitude,
	capacity, min_age, max_age, registration_opens, registration_closes, status, version, booked`

func (s *directoryStore) selectEvents(ctx context.Context, query string, args ...any) ([]*flowcare.Event, error) {
	var rows []eventRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Event, len(rows))
	for i := range rows {
		e := rows[i].Event
		e.Categories = categories(rows[i].CategoriesDB)
		out[i] = &e
	}
	return out, nil
}

func (s *directoryStore) CreateEvent(ctx context.Context, e *flowcare.Event) error {
	err := sqlx.GetContext(ctx, s.q, e, `
		INSERT INTO events (organisation_id, title, description, categories, starts_at, ends_at, place, area_id, latitude, longitude,
			capacity, min_age, max_age, registration_opens, registration_closes, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id, version`,
		e.OrganisationID, e.Title, e.Description, categoryArray(e.Categories), e.StartsAt, e.EndsAt, e.Place, e.AreaID,
		e.Latitude, e.Longitude, e.Capacity, e.MinAge, e.MaxAge, e.RegistrationOpens, e.RegistrationCloses, e.Status)
	if err != nil {
		return mapError(err)
	}
	return s.enqueue(ctx, flowcare.EntityEvent, e.ID)
}

func (s *directoryStore) UpdateEvent(ctx context.Context, e *flowcare.Event) error {
	err := sqlx.GetContext(ctx, s.q, e, `
		UPDATE events SET title = $2, description = $3, categories = $4, starts_at = $5, ends_at = $6, place = $7, area_id = $8,
			latitude = $9, longitude = $10, capacity = $11, min_age = $12, max_age = $13, registration_opens = $14,
			registration_closes = $15, version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, status`,
		e.ID, e.Title, e.Description, categoryArray(e.Categories), e.StartsAt, e.EndsAt, e.Place, e.AreaID, e.Latitude, e.Longitude,
		e.Capacity, e.MinAge, e.MaxAge, e.RegistrationOpens, e.RegistrationCloses)
	if err != nil {
		return notFound(err, "活动不存在")
	}
	return s.enqueue(ctx, flowcare.EntityEvent, e.ID)
}

func (s *directoryStore) SetEventStatus(ctx context.Context, id string, status flowcare.EventStatus) error {
	if _, err := s.q.ExecContext(ctx, `UPDATE events SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, id, status); err != nil {
		return mapError(err)
	}
	return s.enqueue(ctx, flowcare.EntityEvent, id)
}

func (s *directoryStore) EventByID(ctx context.Context, id string) (*flowcare.Event, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "活动不存在")
	}
	es, err := s.selectEvents(ctx, `SELECT `+eventColumns+` FROM events WHERE id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "活动不存在")
	}
	return es[0], nil
}

func (s *directoryStore) ListEvents(ctx context.Context, orgID string, publishedOnly bool, p flowcare.Page) ([]*flowcare.Event, int, error) {
	if !validUUID(orgID) {
		return []*flowcare.Event{}, 0, nil
	}
	cond, args := `organisation_id = $1`, []any{orgID}
	if publishedOnly {
		cond += ` AND status = 'PUBLISHED'`
	}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM events WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += ` AND (starts_at, id) < (SELECT starts_at, id FROM events WHERE id = $2)`
	}
	out, err := s.selectEvents(ctx, `SELECT `+eventColumns+` FROM events WHERE `+cond+` ORDER BY starts_at DESC, id DESC LIMIT `+itoa(p.Limit()+1), args...)
	return out, total, err
}
