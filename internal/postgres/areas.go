package postgres

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type areaStore struct{ q sqlx.ExtContext }

const areaColumns = `id, parent_id, level, name, name_en, path, latitude, longitude`

func (s *areaStore) AreasByIDs(ctx context.Context, ids []string) ([]*flowcare.Area, error) {
	var as []*flowcare.Area
	err := sqlx.SelectContext(ctx, s.q, &as, `SELECT `+areaColumns+` FROM areas WHERE id = ANY($1)`, pq.Array(ids))
	return as, mapError(err)
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
