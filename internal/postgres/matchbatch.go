package postgres

import (
	"context"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

// GoodMatchesOf is GoodMatches for many children in one query: for each
// child, by entity, the offers its matches completed or are delivering.
// Children without any are left out.
func (d *DB) GoodMatchesOf(ctx context.Context, childIDs []string) (map[string]map[flowcare.Entity][]string, error) {
	var rows []struct {
		ChildID string `db:"child_id"`
		Entity  string `db:"entity"`
		OfferID string `db:"offer_id"`
	}
	err := sqlx.SelectContext(ctx, d.db, &rows, `SELECT DISTINCT child_id, entity, offer_id FROM matches
		WHERE child_id = ANY($1::uuid[]) AND status IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED')
		ORDER BY child_id, entity, offer_id`, pq.Array(validUUIDs(childIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := map[string]map[flowcare.Entity][]string{}
	for _, r := range rows {
		if out[r.ChildID] == nil {
			out[r.ChildID] = map[flowcare.Entity][]string{}
		}
		out[r.ChildID][flowcare.Entity(r.Entity)] = append(out[r.ChildID][flowcare.Entity(r.Entity)], r.OfferID)
	}
	return out, nil
}

// OpenMatchesOf lists the open matches (proposed, requested, accepted or in
// progress) of many needs in one query.
func (d *DB) OpenMatchesOf(ctx context.Context, needIDs []string) ([]*flowcare.Match, error) {
	s := &matchStore{q: d.db}
	return s.selectMatches(ctx, matchSelect+` WHERE m.need_id = ANY($1::uuid[])
		AND m.status IN ('PROPOSED', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS')`, pq.Array(validUUIDs(needIDs)))
}
