package postgres

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

const orgColumns = `o.id, o.name, o.kind, o.area_id, o.registration_number, o.contact_name, o.contact_phone, o.description,
	o.address, o.latitude, o.longitude, o.areas_served, o.verification_status, o.verification_note, o.verified_at, o.updated_at`

type orgRow struct {
	flowcare.Organisation
	AreasServedDB pq.StringArray `db:"areas_served"`
}

func (r *orgRow) domain() *flowcare.Organisation {
	o := r.Organisation
	o.AreasServed = []string(r.AreasServedDB)
	if o.AreasServed == nil {
		o.AreasServed = []string{}
	}
	return &o
}

func selectOrgs(ctx context.Context, q sqlx.QueryerContext, query string, args ...any) ([]*flowcare.Organisation, error) {
	var rows []orgRow
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Organisation, len(rows))
	for i := range rows {
		out[i] = rows[i].domain()
	}
	return out, nil
}

func (s *areaStore) OrganisationsByIDs(ctx context.Context, ids []string) ([]*flowcare.Organisation, error) {
	return selectOrgs(ctx, s.q, `SELECT `+orgColumns+` FROM organisations o WHERE o.id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
}

func (s *areaStore) ListOrganisations(ctx context.Context, f flowcare.OrganisationFilter, p flowcare.Page) ([]*flowcare.Organisation, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + itoa(len(args)) }
	if f.Search != "" {
		where = append(where, "lower(o.name) LIKE "+arg("%"+escapeLike(strings.ToLower(f.Search))+"%"))
	}
	if f.Kind != "" {
		where = append(where, "o.kind = "+arg(f.Kind))
	}
	if f.Verification != "" {
		where = append(where, "o.verification_status = "+arg(f.Verification))
	}
	if f.AreaPath != "" {
		where = append(where, "(a.path = "+arg(f.AreaPath)+" OR a.path LIKE "+arg(escapeLike(f.AreaPath)+"/%")+")")
	}
	cond := "TRUE"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	from := ` FROM organisations o JOIN areas a ON a.id = o.area_id WHERE `
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*)`+from+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		cond += " AND o.name > " + arg(p.After)
	}
	os, err := selectOrgs(ctx, s.q, `SELECT `+orgColumns+from+cond+` ORDER BY o.name LIMIT `+itoa(p.Limit()+1), args...)
	return os, total, err
}

// UpsertOrganisation creates the organisation or, when one of that name
// exists, updates its kind and area and returns its id.
func (s *areaStore) UpsertOrganisation(ctx context.Context, o *flowcare.Organisation) error {
	return mapError(sqlx.GetContext(ctx, s.q, &o.ID, `
		INSERT INTO organisations (name, kind, area_id) VALUES ($1, $2, $3)
		ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, area_id = EXCLUDED.area_id
		RETURNING id`, o.Name, o.Kind, o.AreaID))
}

type directoryStore struct{ q sqlx.ExtContext }

func (s *directoryStore) CreateOrganisation(ctx context.Context, o *flowcare.Organisation) error {
	err := sqlx.GetContext(ctx, s.q, o, `
		INSERT INTO organisations (name, kind, area_id, registration_number, contact_name, contact_phone, description,
			address, latitude, longitude, areas_served)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		RETURNING id, verification_status, updated_at`,
		o.Name, o.Kind, o.AreaID, o.RegistrationNumber, o.ContactName, o.ContactPhone, o.Description,
		o.Address, o.Latitude, o.Longitude, stringArray(o.AreasServed))
	return orgConflict(err, o)
}

func orgConflict(err error, o *flowcare.Organisation) error {
	if err == nil {
		return nil
	}
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Code.Name() == "unique_violation" {
		if strings.Contains(pe.Constraint, "registration") {
			return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "registrationNumber", Message: "登记证号已被其他机构使用", Err: err}
		}
		return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "name", Message: "已有名为“" + o.Name + "”的机构", Err: err}
	}
	return mapError(err)
}

// UpdateOrganisation changes the profile and re-indexes everything that
// carries the organisation's name.
func (s *directoryStore) UpdateOrganisation(ctx context.Context, o *flowcare.Organisation) error {
	_, err := s.q.ExecContext(ctx, `
		UPDATE organisations SET name = $2, registration_number = $3, contact_name = $4, contact_phone = $5,
			description = $6, address = $7, latitude = $8, longitude = $9, areas_served = $10, updated_at = now()
		WHERE id = $1`,
		o.ID, o.Name, o.RegistrationNumber, o.ContactName, o.ContactPhone, o.Description, o.Address,
		o.Latitude, o.Longitude, stringArray(o.AreasServed))
	if err != nil {
		return orgConflict(err, o)
	}
	return s.touchOrganisation(ctx, o.ID)
}

func (s *directoryStore) SetVerification(ctx context.Context, id string, status flowcare.VerificationStatus, note *string, by string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `
		UPDATE organisations SET verification_status = $2, verification_note = $3, verified_by = NULLIF($4, '')::uuid, verified_at = $5, updated_at = now()
		WHERE id = $1`, id, status, note, by, at)
	if err != nil {
		return mapError(err)
	}
	return s.touchOrganisation(ctx, id)
}

// touchOrganisation bumps the version of every indexed thing of the
// organisation and enqueues it: their documents carry its name and its
// verification decides whether they are published at all.
func (s *directoryStore) touchOrganisation(ctx context.Context, orgID string) error {
	_, err := s.q.ExecContext(ctx, `
		WITH sv AS (UPDATE services SET version = version + 1, updated_at = now() WHERE organisation_id = $1 RETURNING id),
		     sl AS (UPDATE slots SET version = version + 1, updated_at = now() WHERE venue_id = $1 RETURNING id),
		     ev AS (UPDATE events SET version = version + 1, updated_at = now() WHERE organisation_id = $1 RETURNING id)
		INSERT INTO outbox (entity, entity_id)
		SELECT 'service', id FROM sv UNION ALL SELECT 'slot', id FROM sl UNION ALL SELECT 'event', id FROM ev`, orgID)
	return mapError(err)
}

func (s *directoryStore) enqueue(ctx context.Context, e flowcare.Entity, ids ...string) error {
	_, err := s.q.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id) SELECT $1, unnest($2::uuid[])`, e, pq.Array(ids))
	return mapError(err)
}
