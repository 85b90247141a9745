package postgres

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type areaStore struct{ q sqlx.ExtContext }

const areaColumns = `id, parent_id, level, name, name_en, path, latitude, longitude`

// AreasByIDs looks the codes up. Asked as id = ANY(…), PostgreSQL prices the
// tens of index probes of a page's areas above one scan of the ~110 pages of
// the table and scans it, comparing every row with the codes: about three
// times the time of the probes, which the lateral subquery (OFFSET 0 keeps it
// from being flattened into a join) makes it take. From some hundreds of
// codes on, as an import asks, the scan is the cheaper and is left to it.
func (s *areaStore) AreasByIDs(ctx context.Context, ids []string) ([]*flowcare.Area, error) {
	var as []*flowcare.Area
	ids = distinctStrings(ids)
	q := `SELECT a.` + strings.ReplaceAll(areaColumns, ", ", ", a.") + `
		FROM unnest($1::text[]) k(id) CROSS JOIN LATERAL (SELECT * FROM areas WHERE areas.id = k.id OFFSET 0) a`
	if len(ids) > probedAreas {
		q = `SELECT ` + areaColumns + ` FROM areas WHERE id = ANY($1)`
	}
	err := sqlx.SelectContext(ctx, s.q, &as, q, pq.Array(ids))
	return as, mapError(err)
}

// AreasWithAncestors reads the ancestors off the areas' paths in the same
// statement, so a page showing areas with their parents costs one statement
// instead of a round for each level.
func (s *areaStore) AreasWithAncestors(ctx context.Context, ids []string) ([]*flowcare.Area, error) {
	var as []*flowcare.Area
	err := sqlx.SelectContext(ctx, s.q, &as, `SELECT `+areaColumns+` FROM areas WHERE id IN (
		SELECT DISTINCT unnest(string_to_array(path, '/')) FROM areas WHERE id = ANY($1))`, pq.Array(distinctStrings(ids)))
	return as, mapError(err)
}

// probedAreas is how many codes AreasByIDs looks up one by one at most.
const probedAreas = 300

// distinctStrings drops repeated values, keeping the first of each.
func distinctStrings(ss []string) []string {
	seen := make(map[string]bool, len(ss))
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (s *areaStore) ChildAreas(ctx context.Context, parentID string, level flowcare.AreaLevel) ([]*flowcare.Area, error) {
	var as []*flowcare.Area
	var parentPath string
	switch err := sqlx.GetContext(ctx, s.q, &parentPath, `SELECT path FROM areas WHERE id = $1`, parentID); {
	case errors.Is(err, sql.ErrNoRows):
		return as, nil
	case err != nil:
		return nil, mapError(err)
	}
	q := `SELECT ` + areaColumns + ` FROM areas WHERE path LIKE $1`
	args := []any{escapeLike(parentPath) + "/%"}
	if level != "" {
		q += ` AND level = $2`
		args = append(args, level)
	} else {
		q += ` AND parent_id = $2`
		args = append(args, parentID)
	}
	err := sqlx.SelectContext(ctx, s.q, &as, q+` ORDER BY id`, args...)
	return as, mapError(err)
}

func (s *areaStore) AreasByParents(ctx context.Context, parentIDs []string) ([]*flowcare.Area, error) {
	var as []*flowcare.Area
	err := sqlx.SelectContext(ctx, s.q, &as, `SELECT `+areaColumns+` FROM areas WHERE parent_id = ANY($1) ORDER BY id`, pq.Array(parentIDs))
	return as, mapError(err)
}

// UpsertArea inserts or updates an area; its path is derived from the parent's
// so that the hierarchy stays consistent.
func (s *areaStore) UpsertArea(ctx context.Context, a *flowcare.Area) (bool, error) {
	var created bool
	err := sqlx.GetContext(ctx, s.q, &created, `
		INSERT INTO areas (id, parent_id, level, name, name_en, path, latitude, longitude)
		SELECT $1, p.id, $3, $4, $5, p.path || '/' || $1, $6, $7 FROM areas p WHERE p.id = $2
		ON CONFLICT (id) DO UPDATE SET
			parent_id = EXCLUDED.parent_id, level = EXCLUDED.level, name = EXCLUDED.name,
			name_en = EXCLUDED.name_en, path = EXCLUDED.path,
			latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
		RETURNING (xmax = 0)`,
		a.ID, a.ParentID, a.Level, a.Name, a.NameEn, a.Latitude, a.Longitude)
	if err != nil {
		return false, notFound(err, "上级区域“"+deref(a.ParentID)+"”不存在")
	}
	return created, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// AddAreas inserts level by level in one statement each, so that a whole
// city's divisions go in with a handful of round trips.
func (s *areaStore) AddAreas(ctx context.Context, as []*flowcare.Area) (int, int, error) {
	added, located := 0, 0
	for _, level := range []flowcare.AreaLevel{flowcare.AreaDistrict, flowcare.AreaStreet, flowcare.AreaCommunity} {
		var ids, parents, names []string
		var lats, lngs []sql.NullFloat64
		for _, a := range as {
			if a.Level != level {
				continue
			}
			ids, parents, names = append(ids, a.ID), append(parents, deref(a.ParentID)), append(names, a.Name)
			lats, lngs = append(lats, nullFloat(a.Latitude)), append(lngs, nullFloat(a.Longitude))
		}
		if len(ids) == 0 {
			continue
		}
		var inserted []bool
		err := sqlx.SelectContext(ctx, s.q, &inserted, `
			INSERT INTO areas AS a (id, parent_id, level, name, path, latitude, longitude)
			SELECT n.id, p.id, $6, n.name, p.path || '/' || n.id, n.lat, n.lng
			FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[]) AS n (id, parent, name, lat, lng)
			JOIN areas p ON p.id = n.parent
			ON CONFLICT (id) DO UPDATE SET latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
				WHERE a.latitude IS NULL AND EXCLUDED.latitude IS NOT NULL
			RETURNING (xmax = 0)`,
			pq.Array(ids), pq.Array(parents), pq.Array(names), pq.Array(lats), pq.Array(lngs), level)
		if err != nil {
			return added, located, mapError(err)
		}
		for _, ins := range inserted {
			if ins {
				added++
			} else {
				located++
			}
		}
	}
	return added, located, nil
}

// SetAreaPoint sets or clears the point an area is measured from.
func (s *areaStore) SetAreaPoint(ctx context.Context, id string, lat, lng *float64) error {
	res, err := s.q.ExecContext(ctx, `UPDATE areas SET latitude = $2, longitude = $3 WHERE id = $1`, id, lat, lng)
	if err != nil {
		return mapError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return flowcare.Errorf(flowcare.ENOTFOUND, "区域“%s”不存在", id)
	}
	return nil
}

func nullFloat(f *float64) sql.NullFloat64 {
	if f == nil {
		return sql.NullFloat64{}
	}
	return sql.NullFloat64{Float64: *f, Valid: true}
}
