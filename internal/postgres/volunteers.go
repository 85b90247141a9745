package postgres

import (
	"context"
	"encoding/json"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type volunteerRow struct {
	flowcare.Volunteer
	SkillsDB       pq.StringArray  `db:"skills"`
	LanguagesDB    pq.StringArray  `db:"languages"`
	AvailabilityDB json.RawMessage `db:"availability"`
	OrgsDB         pq.StringArray  `db:"organisation_ids"`
}

const volunteerSelect = `
	SELECT v.id, v.user_id, v.display_name, v.phone, v.bio, v.skills, v.languages, v.home_area_id, v.availability,
	       v.hours_per_month, v.version, v.created_at, v.updated_at,
	       coalesce((SELECT array_agg(vo.organisation_id::text ORDER BY vo.organisation_id) FROM volunteer_organisations vo
	                 WHERE vo.volunteer_id = v.id), '{}') AS organisation_ids
	FROM volunteers v`

const vettingSelect = `
	SELECT i.id, i.volunteer_id, i.kind, i.status, i.completed_on, i.expires_on, i.note,
	       ru.username AS recorded_by_username, au.username AS approved_by_username, i.approved_at
	FROM vetting_items i
	LEFT JOIN users ru ON ru.id = i.recorded_by
	LEFT JOIN users au ON au.id = i.approved_by`

// selectVolunteers loads volunteers with their organisations and vetting in
// two queries, however many there are.
func (s *directoryStore) selectVolunteers(ctx context.Context, query string, args ...any) ([]*flowcare.Volunteer, error) {
	var rows []volunteerRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Volunteer, len(rows))
	ids := make([]string, len(rows))
	byID := map[string]*flowcare.Volunteer{}
	for i := range rows {
		v := rows[i].Volunteer
		v.Skills = categories(rows[i].SkillsDB)
		v.Languages = nonNil(rows[i].LanguagesDB)
		v.OrganisationIDs = nonNil(rows[i].OrgsDB)
		if err := json.Unmarshal(rows[i].AvailabilityDB, &v.Availability); err != nil {
			return nil, flowcare.Internal(err)
		}
		v.Vetting = []flowcare.VettingItem{}
		out[i], ids[i], byID[v.ID] = &v, v.ID, &v
	}
	if len(ids) == 0 {
		return out, nil
	}
	var items []flowcare.VettingItem
	if err := sqlx.SelectContext(ctx, s.q, &items, vettingSelect+` WHERE i.volunteer_id = ANY($1::uuid[]) ORDER BY i.kind, i.completed_on DESC, i.id`, pq.Array(ids)); err != nil {
		return nil, mapError(err)
	}
	for _, it := range items {
		byID[it.VolunteerID].Vetting = append(byID[it.VolunteerID].Vetting, it)
	}
	return out, nil
}

func (s *directoryStore) CreateVolunteer(ctx context.Context, v *flowcare.Volunteer) error {
	err := sqlx.GetContext(ctx, s.q, v, `
		INSERT INTO volunteers (user_id, display_name, phone, bio, skills, languages, home_area_id, availability, hours_per_month)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9) RETURNING id, version, created_at, updated_at`,
		v.UserID, v.DisplayName, v.Phone, v.Bio, categoryArray(v.Skills), stringArray(v.Languages), v.HomeAreaID,
		windowsJSON(v.Availability), v.HoursPerMonth)
	if err != nil {
		return mapError(err)
	}
	if err := s.setVolunteerOrgs(ctx, v); err != nil {
		return err
	}
	return s.enqueue(ctx, flowcare.EntityVolunteer, v.ID)
}

func (s *directoryStore) UpdateVolunteer(ctx context.Context, v *flowcare.Volunteer) error {
	err := sqlx.GetContext(ctx, s.q, v, `
		UPDATE volunteers SET display_name = $2, phone = $3, bio = $4, skills = $5, languages = $6, home_area_id = $7,
			availability = $8::jsonb, hours_per_month = $9, version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, created_at, updated_at`,
		v.ID, v.DisplayName, v.Phone, v.Bio, categoryArray(v.Skills), stringArray(v.Languages), v.HomeAreaID,
		windowsJSON(v.Availability), v.HoursPerMonth)
	if err != nil {
		return notFound(err, "志愿者不存在")
	}
	if err := s.setVolunteerOrgs(ctx, v); err != nil {
		return err
	}
	return s.enqueue(ctx, flowcare.EntityVolunteer, v.ID)
}

func (s *directoryStore) setVolunteerOrgs(ctx context.Context, v *flowcare.Volunteer) error {
	if _, err := s.q.ExecContext(ctx, `DELETE FROM volunteer_organisations WHERE volunteer_id = $1`, v.ID); err != nil {
		return mapError(err)
	}
	_, err := s.q.ExecContext(ctx, `INSERT INTO volunteer_organisations (volunteer_id, organisation_id) SELECT $1, unnest($2::uuid[])`,
		v.ID, stringArray(v.OrganisationIDs))
	return mapError(err)
}

func (s *directoryStore) VolunteerByUserID(ctx context.Context, userID string) (*flowcare.Volunteer, error) {
	if !validUUID(userID) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "尚未填写志愿者资料")
	}
	vs, err := s.selectVolunteers(ctx, volunteerSelect+` WHERE v.user_id = $1`, userID)
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "尚未填写志愿者资料")
	}
	return vs[0], nil
}

func (s *directoryStore) VolunteersByIDs(ctx context.Context, ids []string) ([]*flowcare.Volunteer, error) {
	return s.selectVolunteers(ctx, volunteerSelect+` WHERE v.id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
}

func (s *directoryStore) ListVolunteers(ctx context.Context, orgID string, p flowcare.Page) ([]*flowcare.Volunteer, int, error) {
	if !validUUID(orgID) {
		return []*flowcare.Volunteer{}, 0, nil
	}
	cond := `EXISTS (SELECT 1 FROM volunteer_organisations vo WHERE vo.volunteer_id = v.id AND vo.organisation_id = $1)`
	args := []any{orgID}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM volunteers v WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		cond += ` AND (v.display_name, v.id) > (SELECT display_name, id FROM volunteers WHERE id = $2)`
	}
	vs, err := s.selectVolunteers(ctx, volunteerSelect+` WHERE `+cond+` ORDER BY v.display_name, v.id LIMIT `+itoa(p.Limit()+1), args...)
	return vs, total, err
}

// CreateVetting records an item and re-indexes the volunteer, whose vetted
// state may have changed.
func (s *directoryStore) CreateVetting(ctx context.Context, it *flowcare.VettingItem, by string) error {
	err := sqlx.GetContext(ctx, s.q, &it.ID, `
		INSERT INTO vetting_items (volunteer_id, kind, status, completed_on, expires_on, note, recorded_by)
		VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid) RETURNING id`,
		it.VolunteerID, it.Kind, it.Status, it.CompletedOn, it.ExpiresOn, it.Note, by)
	if err != nil {
		return mapError(err)
	}
	return s.touchVolunteer(ctx, it.VolunteerID)
}

func (s *directoryStore) touchVolunteer(ctx context.Context, id string) error {
	if _, err := s.q.ExecContext(ctx, `UPDATE volunteers SET version = version + 1, updated_at = now() WHERE id = $1`, id); err != nil {
		return mapError(err)
	}
	return s.enqueue(ctx, flowcare.EntityVolunteer, id)
}

func (s *directoryStore) VettingByID(ctx context.Context, id string) (*flowcare.VettingItem, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "审核项不存在")
	}
	var it flowcare.VettingItem
	err := sqlx.GetContext(ctx, s.q, &it, vettingSelect+` WHERE i.id = $1`, id)
	return &it, notFound(err, "审核项不存在")
}

func (s *directoryStore) SetVettingStatus(ctx context.Context, id string, status flowcare.VettingStatus, note *string, by string, at time.Time) error {
	var volunteerID string
	err := sqlx.GetContext(ctx, s.q, &volunteerID, `
		UPDATE vetting_items SET status = $2, note = coalesce($3, note), approved_by = NULLIF($4, '')::uuid, approved_at = $5
		WHERE id = $1 RETURNING volunteer_id`, id, status, note, by, at)
	if err != nil {
		return notFound(err, "审核项不存在")
	}
	return s.touchVolunteer(ctx, volunteerID)
}

func (s *directoryStore) ExpiringVetting(ctx context.Context, orgID string, from, to time.Time) ([]*flowcare.VettingItem, error) {
	var items []*flowcare.VettingItem
	if !validUUID(orgID) {
		return items, nil
	}
	err := sqlx.SelectContext(ctx, s.q, &items, vettingSelect+`
		WHERE i.status = 'APPROVED' AND i.expires_on BETWEEN $2 AND $3
		  AND EXISTS (SELECT 1 FROM volunteer_organisations vo WHERE vo.volunteer_id = i.volunteer_id AND vo.organisation_id = $1)
		ORDER BY i.expires_on, i.id`, orgID, from, to)
	return items, mapError(err)
}
