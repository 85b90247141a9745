package postgres

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type serviceRow struct {
	flowcare.Service
	CategoriesDB  pq.StringArray  `db:"categories"`
	AreasServedDB pq.StringArray  `db:"areas_served"`
	LanguagesDB   pq.StringArray  `db:"languages"`
	ScheduleDB    json.RawMessage `db:"schedule"`
}

const serviceColumns = `id, organisation_id, name, description, categories, min_age, max_age, areas_served, schedule,
	capacity, languages, funding, status, version, created_at, updated_at`

func (r *serviceRow) domain() (*flowcare.Service, error) {
	s := r.Service
	s.Categories = categories(r.CategoriesDB)
	s.AreasServed = nonNil(r.AreasServedDB)
	s.Languages = nonNil(r.LanguagesDB)
	if err := json.Unmarshal(r.ScheduleDB, &s.Schedule); err != nil {
		return nil, flowcare.Internal(err)
	}
	s.Locations = []flowcare.Location{}
	return &s, nil
}

func categories(a pq.StringArray) []flowcare.Category {
	out := make([]flowcare.Category, len(a))
	for i, c := range a {
		out[i] = flowcare.Category(c)
	}
	return out
}

func categoryArray(cs []flowcare.Category) any {
	a := make([]string, len(cs))
	for i, c := range cs {
		a[i] = string(c)
	}
	return pq.Array(a)
}

func nonNil(a pq.StringArray) []string {
	if a == nil {
		return []string{}
	}
	return []string(a)
}

func windowsJSON(ws []flowcare.TimeWindow) string {
	if ws == nil {
		ws = []flowcare.TimeWindow{}
	}
	b, _ := json.Marshal(ws)
	return string(b)
}

func (s *directoryStore) selectServices(ctx context.Context, query string, args ...any) ([]*flowcare.Service, error) {
	var rows []serviceRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Service, len(rows))
	for i := range rows {
		sv, err := rows[i].domain()
		if err != nil {
			return nil, err
		}
		out[i] = sv
	}
	return out, nil
}

func (s *directoryStore) CreateService(ctx context.Context, sv *flowcare.Service) error {
	err := sqlx.GetContext(ctx, s.q, sv, `
		INSERT INTO services (organisation_id, name, description, categories, min_age, max_age, areas_served, schedule,
			capacity, languages, funding, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)
		RETURNING id, version, created_at, updated_at`,
		sv.OrganisationID, sv.Name, sv.Description, categoryArray(sv.Categories), sv.MinAge, sv.MaxAge,
		stringArray(sv.AreasServed), windowsJSON(sv.Schedule), sv.Capacity, stringArray(sv.Languages), sv.Funding, sv.Status)
	if err != nil {
		return mapError(err)
	}
	if err := s.replaceLocations(ctx, sv); err != nil {
		return err
	}
	return s.enqueue(ctx, flowcare.EntityService, sv.ID)
}

func (s *directoryStore) UpdateService(ctx context.Context, sv *flowcare.Service) error {
	err := sqlx.GetContext(ctx, s.q, sv, `
		UPDATE services SET name = $2, description = $3, categories = $4, min_age = $5, max_age = $6, areas_served = $7,
			schedule = $8::jsonb, capacity = $9, languages = $10, funding = $11, version = version + 1, updated_at = now()
		WHERE id = $1 RETURNING version, created_at, updated_at, status`,
		sv.ID, sv.Name, sv.Description, categoryArray(sv.Categories), sv.MinAge, sv.MaxAge, stringArray(sv.AreasServed),
		windowsJSON(sv.Schedule), sv.Capacity, stringArray(sv.Languages), sv.Funding)
	if err != nil {
		return notFound(err, "服务项目不存在")
	}
	if err := s.replaceLocations(ctx, sv); err != nil {
		return err
	}
	return s.enqueue(ctx, flowcare.EntityService, sv.ID)
}

func (s *directoryStore) replaceLocations(ctx context.Context, sv *flowcare.Service) error {
	if _, err := s.q.ExecContext(ctx, `DELETE FROM service_locations WHERE service_id = $1`, sv.ID); err != nil {
		return mapError(err)
	}
	for i := range sv.Locations {
		l := &sv.Locations[i]
		err := sqlx.GetContext(ctx, s.q, &l.ID, `
			INSERT INTO service_locations (service_id, position, name, address, area_id, latitude, longitude)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			sv.ID, i, l.Name, l.Address, l.AreaID, l.Latitude, l.Longitude)
		if err != nil {
			return mapError(err)
		}
	}
	return nil
}

func (s *directoryStore) SetServiceStatus(ctx context.Context, id string, status flowcare.ServiceStatus) error {
	_, err := s.q.ExecContext(ctx, `UPDATE services SET status = $2, version = version + 1, updated_at = now() WHERE id = $1`, id, status)
	if err != nil {
		return mapError(err)
	}
	return s.enqueue(ctx, flowcare.EntityService, id)
}

func (s *directoryStore) ServicesByIDs(ctx context.Context, ids []string) ([]*flowcare.Service, error) {
	return s.selectServices(ctx, `SELECT `+serviceColumns+` FROM services WHERE id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
}

// ListServices returns a page of an organisation's services with their
// locations, and how many services match in all, in one statement: a list is
// read on every visit to an organisation's page, and the count, the page and
// the locations were three round trips.
func (s *directoryStore) ListServices(ctx context.Context, orgID string, status flowcare.ServiceStatus, p flowcare.Page) ([]*flowcare.Service, int, error) {
	if !validUUID(orgID) {
		return []*flowcare.Service{}, 0, nil
	}
	cond, args := `organisation_id = $1`, []any{orgID}
	if status != "" {
		args = append(args, status)
		cond += ` AND status = $` + itoa(len(args))
	}
	count := `SELECT count(*) FROM services WHERE ` + cond
	page := cond
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		args = append(args, p.After)
		page += ` AND (created_at, id) < (SELECT created_at, id FROM services WHERE id = $` + itoa(len(args)) + `)`
	}
	// The page is cut first, so that only its services have their locations
	// gathered; they come as arrays, which scan for a fraction of what
	// decoding the same locations as JSON costs.
	var rows []servicePageRow
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT p.*, l.location_ids, l.location_names, l.location_addresses, l.location_areas, l.location_lats, l.location_lngs
		FROM (SELECT `+serviceColumns+`, (`+count+`) AS total FROM services WHERE `+page+`
		      ORDER BY created_at DESC, id DESC LIMIT `+itoa(p.Limit()+1)+`) p
		LEFT JOIN LATERAL (
		  SELECT array_agg(id::text ORDER BY position) location_ids, array_agg(name ORDER BY position) location_names,
		         array_agg(address ORDER BY position) location_addresses, array_agg(area_id ORDER BY position) location_areas,
		         array_agg(latitude ORDER BY position) location_lats, array_agg(longitude ORDER BY position) location_lngs
		  FROM service_locations WHERE service_id = p.id) l ON true
		ORDER BY p.created_at DESC, p.id DESC`, args...)
	if err != nil {
		return nil, 0, mapError(err)
	}
	out := make([]*flowcare.Service, len(rows))
	for i := range rows {
		r := &rows[i]
		sv, err := r.domain()
		if err != nil {
			return nil, 0, err
		}
		n := len(r.LocationIDs)
		if len(r.LocationNames) != n || len(r.LocationAddresses) != n || len(r.LocationAreas) != n || len(r.LocationLats) != n || len(r.LocationLngs) != n {
			return nil, 0, flowcare.Internal(fmt.Errorf("service %s: location arrays of unequal length", sv.ID))
		}
		sv.Locations = make([]flowcare.Location, n)
		for j := range n {
			sv.Locations[j] = flowcare.Location{ID: r.LocationIDs[j], Name: r.LocationNames[j], Address: r.LocationAddresses[j],
				AreaID: r.LocationAreas[j], Latitude: r.LocationLats[j], Longitude: r.LocationLngs[j]}
		}
		out[i] = sv
	}
	total := 0
	switch {
	case len(rows) > 0:
		total = rows[0].Total
	case p.After != "":
		// Past the last page the rows that would carry the count are gone.
		if err := sqlx.GetContext(ctx, s.q, &total, count, args[:len(args)-1]...); err != nil {
			return nil, 0, mapError(err)
		}
	}
	return out, total, nil
}

type servicePageRow struct {
	serviceRow
	Total             int             `db:"total"`
	LocationIDs       pq.StringArray  `db:"location_ids"`
	LocationNames     pq.StringArray  `db:"location_names"`
	LocationAddresses pq.StringArray  `db:"location_addresses"`
	LocationAreas     pq.StringArray  `db:"location_areas"`
	LocationLats      pq.Float64Array `db:"location_lats"`
	LocationLngs      pq.Float64Array `db:"location_lngs"`
}

func (s *directoryStore) LocationsOf(ctx context.Context, serviceIDs []string) (map[string][]flowcare.Location, error) {
	var rows []struct {
		ServiceID string `db:"service_id"`
		flowcare.Location
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT service_id, id, name, address, area_id, latitude, longitude FROM service_locations
		WHERE service_id = ANY($1::uuid[]) ORDER BY service_id, position`, pq.Array(validUUIDs(serviceIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string][]flowcare.Location, len(serviceIDs))
	for _, r := range rows {
		out[r.ServiceID] = append(out[r.ServiceID], r.Location)
	}
	return out, nil
}
