package postgres

import (
	"context"
	"encoding/json"
	"math"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

// MatchBaseline answers a match query from PostgreSQL alone, with the same
// hard filters and the same scoring as the search copy: distance by the
// haversine formula in the query, windows read from JSON, load and record
// counted from the matches table. It exists to measure what the search
// copy buys; the product ranks through Elasticsearch.
func (d *DB) MatchBaseline(ctx context.Context, q flowcare.MatchQuery) ([]flowcare.MatchCandidate, error) {
	w := q.Weights
	sigma2 := func(scale, decay float64) float64 { return -scale * scale / (2 * math.Log(decay)) }
	windows, err := json.Marshal(q.Windows)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	if q.Windows == nil {
		windows = []byte("[]")
	}
	per := q.PerEntity
	if per <= 0 {
		per = 10
	}
	langs := []string{}
	for _, l := range append([]string{q.Language}, q.Languages...) {
		if l != "" {
			langs = append(langs, l)
		}
	}
	lang := ""
	if q.RequireLanguage {
		lang = q.Language
	}
	ids := func(e flowcare.Entity) any { return pq.Array(validUUIDs(q.Continuity[e])) }
	args := map[string]any{
		"lat": q.Origin.Lat, "lon": q.Origin.Lon, "maxkm": q.MaxKm, "cat": string(q.Category), "age": q.Age,
		"windows": string(windows), "nwin": len(q.Windows), "lang": lang, "langs": pq.Array(langs), "now": q.Now,
		"wd": w.Distance, "off": w.DistanceOffsetKm, "s2d": sigma2(w.DistanceScaleKm, w.DistanceDecay),
		"ws": w.Schedule, "wl": w.Language, "wc": w.Continuity, "wr": w.Completion, "wload": w.Load,
		"s2l": sigma2(w.LoadScale, w.LoadDecay), "per": per,
		"cs": ids(flowcare.EntityService), "cv": ids(flowcare.EntityVolunteer), "csl": ids(flowcare.EntitySlot), "ce": ids(flowcare.EntityEvent),
	}
	query, qargs, err := sqlx.Named(baselineSQL, args)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	var rows []struct {
		Entity string  `db:"entity"`
		ID     string  `db:"id"`
		Title  string  `db:"title"`
		Km     float64 `db:"km"`
		Score  float64 `db:"score"`
	}
	if err := sqlx.SelectContext(ctx, d.db, &rows, d.db.Rebind(query), qargs...); err != nil {
		return nil, mapError(err)
	}
	out := make([]flowcare.MatchCandidate, len(rows))
	for i, r := range rows {
		km := r.Km
		out[i] = flowcare.MatchCandidate{Entity: flowcare.Entity(r.Entity), ID: r.ID, Title: r.Title, DistanceKm: &km, Score: r.Score}
	}
	return out, nil
}

// The four offers' places, windows and facts are gathered per entity, then
// one expression filters and scores them all alike.
const baselineSQL = `
WITH nw AS (SELECT CAST(x->>'day' AS int) AS day, CAST(x->>'start' AS int) AS s, CAST(x->>'end' AS int) AS e
            FROM jsonb_array_elements(CAST(:windows AS jsonb)) x),
loads AS (
  SELECT entity, offer_id,
         count(*) FILTER (WHERE status IN ('ACCEPTED', 'IN_PROGRESS')) AS active,
         (count(*) FILTER (WHERE status = 'COMPLETED') + 1.0) / (count(*) FILTER (WHERE status IN ('COMPLETED', 'FAILED')) + 2.0) AS rate
  FROM matches GROUP BY entity, offer_id),
offers AS (
  SELECT 'service' AS entity, s.id, s.name AS title, s.languages,
         (SELECT min(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(l.latitude - CAST(:lat AS float8)) / 2), 2)
              + cos(radians(CAST(:lat AS float8))) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - CAST(:lon AS float8)) / 2), 2)))))
          FROM service_locations l WHERE l.service_id = s.id) AS km,
         (SELECT count(*) FROM nw WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(s.schedule) x
            WHERE CAST(x->>'day' AS int) = nw.day AND CAST(x->>'start' AS int) < nw.e AND nw.s < CAST(x->>'end' AS int))) AS covered,
         s.id = ANY(CAST(:cs AS uuid[])) AS continued,
         coalesce(ld.active, 0) AS active, coalesce(ld.rate, 0.5) AS rate, s.capacity - coalesce(ld.active, 0) AS room, TRUE AS people
  FROM services s JOIN organisations o ON o.id = s.organisation_id
  LEFT JOIN loads ld ON ld.entity = 'service' AND ld.offer_id = s.id
  WHERE s.status = 'ACTIVE' AND o.verification_status = 'VERIFIED' AND :cat = ANY(s.categories)
    AND CAST(:age AS int) BETWEEN s.min_age AND s.max_age AND (:lang = '' OR :lang = ANY(s.languages))
  UNION ALL
  SELECT 'volunteer', v.id, v.display_name, v.languages,
         2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(a.latitude - CAST(:lat AS float8)) / 2), 2)
              + cos(radians(CAST(:lat AS float8))) * cos(radians(a.latitude)) * power(sin(radians(a.longitude - CAST(:lon AS float8)) / 2), 2)))),
         (SELECT count(*) FROM nw WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(v.availability) x
            WHERE CAST(x->>'day' AS int) = nw.day AND CAST(x->>'start' AS int) < nw.e AND nw.s < CAST(x->>'end' AS int))),
         v.id = ANY(CAST(:cv AS uuid[])),
         coalesce(ld.active, 0), coalesce(ld.rate, 0.5), greatest(1, (v.hours_per_month + 3) / 4) - coalesce(ld.active, 0), TRUE
  FROM volunteers v JOIN areas a ON a.id = v.home_area_id
  LEFT JOIN loads ld ON ld.entity = 'volunteer' AND ld.offer_id = v.id
  WHERE :cat = ANY(v.skills) AND (:lang = '' OR :lang = ANY(v.languages))
    AND (SELECT count(DISTINCT i.kind) FROM vetting_items i WHERE i.volunteer_id = v.id AND i.status = 'APPROVED'
         AND i.expires_on >= CAST(CAST(:now AS timestamptz) AS date)) = 3
  UNION ALL
  SELECT 'slot', sl.id, sl.title, CAST('{}' AS text[]),
         2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(coalesce(o.latitude, a.latitude) - CAST(:lat AS float8)) / 2), 2)
              + cos(radians(CAST(:lat AS float8))) * cos(radians(coalesce(o.latitude, a.latitude)))
              * power(sin(radians(coalesce(o.longitude, a.longitude) - CAST(:lon AS float8)) / 2), 2)))),
         (SELECT count(*) FROM nw WHERE nw.day = extract(isodow FROM sl.starts_at AT TIME ZONE 'Asia/Shanghai')
            AND extract(hour FROM sl.starts_at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM sl.starts_at AT TIME ZONE 'Asia/Shanghai') < nw.e
            AND nw.s < extract(hour FROM sl.ends_at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM sl.ends_at AT TIME ZONE 'Asia/Shanghai')),
         sl.id = ANY(CAST(:csl AS uuid[])), 0, 0.5, sl.capacity - sl.booked, FALSE
  FROM slots sl JOIN organisations o ON o.id = sl.venue_id JOIN areas a ON a.id = o.area_id
  WHERE sl.status = 'PUBLISHED' AND o.verification_status = 'VERIFIED' AND :cat = ANY(sl.categories)
    AND CAST(:age AS int) BETWEEN sl.min_age AND sl.max_age AND sl.booking_cutoff > :now
  UNION ALL
  SELECT 'event', e.id, e.title, CAST('{}' AS text[]),
         2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(e.latitude - CAST(:lat AS float8)) / 2), 2)
              + cos(radians(CAST(:lat AS float8))) * cos(radians(e.latitude)) * power(sin(radians(e.longitude - CAST(:lon AS float8)) / 2), 2)))),
         (SELECT count(*) FROM nw WHERE nw.day = extract(isodow FROM e.starts_at AT TIME ZONE 'Asia/Shanghai')
            AND extract(hour FROM e.starts_at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM e.starts_at AT TIME ZONE 'Asia/Shanghai') < nw.e
            AND nw.s < extract(hour FROM e.ends_at AT TIME ZONE 'Asia/Shanghai') * 60 + extract(minute FROM e.ends_at AT TIME ZONE 'Asia/Shanghai')),
         e.id = ANY(CAST(:ce AS uuid[])), 0, 0.5, e.capacity - e.booked, FALSE
  FROM events e JOIN organisations o ON o.id = e.organisation_id
  WHERE e.status = 'PUBLISHED' AND o.verification_status = 'VERIFIED' AND :cat = ANY(e.categories)
    AND CAST(:age AS int) BETWEEN e.min_age AND e.max_age AND e.registration_opens <= :now AND e.registration_closes > :now),
scored AS (
  SELECT entity, id, title, km,
         CAST(:wd AS float8) * exp(-power(greatest(0, km - CAST(:off AS float8)), 2) / (2 * CAST(:s2d AS float8)))
         + CASE WHEN CAST(:nwin AS int) > 0 THEN CAST(:ws AS float8) * covered / CAST(:nwin AS int) ELSE 0 END
         + CASE WHEN people AND languages && CAST(:langs AS text[]) THEN CAST(:wl AS float8) ELSE 0 END
         + CASE WHEN continued THEN CAST(:wc AS float8) ELSE 0 END
         + CASE WHEN people THEN CAST(:wr AS float8) * rate + CAST(:wload AS float8) * exp(-power(active, 2) / (2 * CAST(:s2l AS float8))) ELSE 0 END AS score,
         row_number() OVER (PARTITION BY entity ORDER BY
           CAST(:wd AS float8) * exp(-power(greatest(0, km - CAST(:off AS float8)), 2) / (2 * CAST(:s2d AS float8)))
           + CASE WHEN CAST(:nwin AS int) > 0 THEN CAST(:ws AS float8) * covered / CAST(:nwin AS int) ELSE 0 END
           + CASE WHEN people AND languages && CAST(:langs AS text[]) THEN CAST(:wl AS float8) ELSE 0 END
           + CASE WHEN continued THEN CAST(:wc AS float8) ELSE 0 END
           + CASE WHEN people THEN CAST(:wr AS float8) * rate + CAST(:wload AS float8) * exp(-power(active, 2) / (2 * CAST(:s2l AS float8))) ELSE 0 END DESC, id) AS rank
  FROM offers
  WHERE room > 0 AND km IS NOT NULL AND (CAST(:maxkm AS float8) = 0 OR km <= CAST(:maxkm AS float8)) AND (CAST(:nwin AS int) = 0 OR covered > 0))
SELECT entity, id, title, km, score FROM scored WHERE rank <= CAST(:per AS int) ORDER BY score DESC, id`
