package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

// ClaimOutbox locks up to limit due rows; rows locked by another relay are
// skipped, so relays on several replicas share the outbox without waiting.
// It must run inside a transaction, which holds the locks until it ends.
func (s *directoryStore) ClaimOutbox(ctx context.Context, limit int, now time.Time) ([]flowcare.OutboxRow, error) {
	var rows []flowcare.OutboxRow
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT id, entity, entity_id, created_at, attempts FROM outbox
		WHERE available_at <= $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`, now, limit)
	return rows, mapError(err)
}

func (s *directoryStore) DeleteOutbox(ctx context.Context, ids []int64) error {
	_, err := s.q.ExecContext(ctx, `DELETE FROM outbox WHERE id = ANY($1)`, pq.Array(ids))
	return mapError(err)
}

func (s *directoryStore) DeferOutbox(ctx context.Context, ids []int64, reason string, until time.Time) error {
	if len(reason) > 500 {
		reason = reason[:500]
	}
	_, err := s.q.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = $2, available_at = $3 WHERE id = ANY($1)`,
		pq.Array(ids), reason, until)
	return mapError(err)
}

func (s *directoryStore) OutboxStats(ctx context.Context, now time.Time) (flowcare.OutboxStats, error) {
	var st struct {
		Pending int        `db:"pending"`
		Oldest  *time.Time `db:"oldest"`
		Failing int        `db:"failing"`
	}
	err := sqlx.GetContext(ctx, s.q, &st, `SELECT count(*) AS pending, min(created_at) AS oldest, count(*) FILTER (WHERE attempts > 0) AS failing FROM outbox`)
	return flowcare.OutboxStats{Pending: st.Pending, OldestAt: st.Oldest, FailingCount: st.Failing}, mapError(err)
}

var entityTables = map[flowcare.Entity]string{
	flowcare.EntityService: "services", flowcare.EntityVolunteer: "volunteers", flowcare.EntitySlot: "slots", flowcare.EntityEvent: "events",
}

func (s *directoryStore) ScanIDs(ctx context.Context, e flowcare.Entity, after string, limit int) ([]string, error) {
	table, ok := entityTables[e]
	if !ok {
		return nil, flowcare.Invalid("entity", "未知的索引类型“%s”", e)
	}
	if after == "" {
		after = "00000000-0000-0000-0000-000000000000"
	}
	var ids []string
	err := sqlx.SelectContext(ctx, s.q, &ids, `SELECT id FROM `+table+` WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	return ids, mapError(err)
}

func (s *directoryStore) EnqueueChangedSince(ctx context.Context, e flowcare.Entity, t time.Time) (int, error) {
	table, ok := entityTables[e]
	if !ok {
		return 0, flowcare.Invalid("entity", "未知的索引类型“%s”", e)
	}
	res, err := s.q.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id) SELECT $1, id FROM `+table+` WHERE updated_at >= $2`, e, t)
	if err != nil {
		return 0, mapError(err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// goneVersion removes the document of a row that no longer exists: no row
// will ever be written with a higher version.
const goneVersion = int64(1) << 62

// areaFacts expands area ids to themselves and their ancestors, and finds the
// nearest known centroid of each.
type areaFacts struct {
	ancestors map[string][]string
	centroid  map[string]*flowcare.GeoPoint
}

func (s *directoryStore) loadAreaFacts(ctx context.Context, ids []string) (*areaFacts, error) {
	f := &areaFacts{ancestors: map[string][]string{}, centroid: map[string]*flowcare.GeoPoint{}}
	var direct []struct {
		ID   string `db:"id"`
		Path string `db:"path"`
	}
	if err := sqlx.SelectContext(ctx, s.q, &direct, `SELECT id, path FROM areas WHERE id = ANY($1)`, pq.Array(ids)); err != nil {
		return nil, mapError(err)
	}
	var all []string
	for _, d := range direct {
		f.ancestors[d.ID] = strings.Split(d.Path, "/")
		all = append(all, f.ancestors[d.ID]...)
	}
	var pts []struct {
		ID  string   `db:"id"`
		Lat *float64 `db:"latitude"`
		Lon *float64 `db:"longitude"`
	}
	if err := sqlx.SelectContext(ctx, s.q, &pts, `SELECT id, latitude, longitude FROM areas WHERE id = ANY($1)`, pq.Array(all)); err != nil {
		return nil, mapError(err)
	}
	own := map[string]*flowcare.GeoPoint{}
	for _, p := range pts {
		if p.Lat != nil {
			own[p.ID] = &flowcare.GeoPoint{Lat: *p.Lat, Lon: *p.Lon}
		}
	}
	for id, anc := range f.ancestors {
		for i := len(anc) - 1; i >= 0; i-- {
			if p := own[anc[i]]; p != nil {
				f.centroid[id] = p
				break
			}
		}
	}
	return f, nil
}

func (f *areaFacts) expand(ids ...string) []string {
	seen := map[string]bool{}
	out := []string{}
	for _, id := range ids {
		for _, a := range f.ancestors[id] {
			if !seen[a] {
				seen[a] = true
				out = append(out, a)
			}
		}
	}
	return out
}

func (s *directoryStore) orgsByID(ctx context.Context, ids []string) (map[string]*flowcare.Organisation, error) {
	os, err := (&areaStore{q: s.q}).OrganisationsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	m := make(map[string]*flowcare.Organisation, len(os))
	for _, o := range os {
		m[o.ID] = o
	}
	return m, nil
}

// related loads, in two queries, the organisations and areas a batch of
// documents refers to.
func (s *directoryStore) related(ctx context.Context, orgIDs, areaIDs []string) (map[string]*flowcare.Organisation, *areaFacts, error) {
	orgs, err := s.orgsByID(ctx, orgIDs)
	if err != nil {
		return nil, nil, err
	}
	facts, err := s.loadAreaFacts(ctx, areaIDs)
	return orgs, facts, err
}

// SearchDocs builds the current search documents of the given rows. A thing
// that is not published (or whose organisation is not verified) becomes a
// delete, so the search copy only ever holds what may be offered.
func (s *directoryStore) SearchDocs(ctx context.Context, e flowcare.Entity, ids []string, now time.Time) ([]flowcare.SearchDoc, error) {
	docs := make([]flowcare.SearchDoc, 0, len(ids))
	found := map[string]bool{}
	var err error
	switch e {
	case flowcare.EntityService:
		docs, err = s.serviceDocs(ctx, ids, found)
	case flowcare.EntityVolunteer:
		docs, err = s.volunteerDocs(ctx, ids, found, now)
	case flowcare.EntitySlot:
		docs, err = s.slotDocs(ctx, ids, found)
	case flowcare.EntityEvent:
		docs, err = s.eventDocs(ctx, ids, found)
	default:
		return nil, flowcare.Invalid("entity", "未知的索引类型“%s”", e)
	}
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if !found[id] {
			docs = append(docs, flowcare.SearchDoc{Entity: e, ID: id, Version: goneVersion, Delete: true})
		}
	}
	return docs, nil
}

func (s *directoryStore) serviceDocs(ctx context.Context, ids []string, found map[string]bool) ([]flowcare.SearchDoc, error) {
	svs, err := s.ServicesByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	locs, err := s.LocationsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	var orgIDs, areaIDs []string
	for _, sv := range svs {
		orgIDs = append(orgIDs, sv.OrganisationID)
		areaIDs = append(areaIDs, sv.AreasServed...)
		for _, l := range locs[sv.ID] {
			areaIDs = append(areaIDs, l.AreaID)
		}
	}
	orgs, facts, err := s.related(ctx, orgIDs, areaIDs)
	if err != nil {
		return nil, err
	}
	loads, err := (&matchStore{q: s.q}).Load(ctx, flowcare.EntityService, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]flowcare.SearchDoc, 0, len(svs))
	for _, sv := range svs {
		found[sv.ID] = true
		sv.Locations = locs[sv.ID]
		org := orgs[sv.OrganisationID]
		d := flowcare.SearchDoc{Entity: flowcare.EntityService, ID: sv.ID, Version: sv.Version, Service: sv, OrganisationName: org.Name,
			Load: loads[sv.ID]}
		if sv.Status != flowcare.ServiceActive || org.Verification != flowcare.VerificationVerified {
			d.Delete = true
		}
		ids := append([]string{}, sv.AreasServed...)
		for _, l := range sv.Locations {
			ids = append(ids, l.AreaID)
			d.Points = append(d.Points, flowcare.GeoPoint{Lat: l.Latitude, Lon: l.Longitude})
		}
		d.Areas = facts.expand(ids...)
		docs = append(docs, d)
	}
	return docs, nil
}

func (s *directoryStore) volunteerDocs(ctx context.Context, ids []string, found map[string]bool, now time.Time) ([]flowcare.SearchDoc, error) {
	vs, err := s.VolunteersByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	var areaIDs []string
	for _, v := range vs {
		areaIDs = append(areaIDs, v.HomeAreaID)
	}
	facts, err := s.loadAreaFacts(ctx, areaIDs)
	if err != nil {
		return nil, err
	}
	loads, err := (&matchStore{q: s.q}).Load(ctx, flowcare.EntityVolunteer, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]flowcare.SearchDoc, 0, len(vs))
	for _, v := range vs {
		found[v.ID] = true
		d := flowcare.SearchDoc{Entity: flowcare.EntityVolunteer, ID: v.ID, Version: v.Version, Volunteer: v, Areas: facts.expand(v.HomeAreaID),
			Load: loads[v.ID]}
		if p := facts.centroid[v.HomeAreaID]; p != nil {
			d.Points = []flowcare.GeoPoint{*p}
		}
		d.Vetted, d.VettingExpires = v.VettedAt(now)
		docs = append(docs, d)
	}
	return docs, nil
}

func (s *directoryStore) slotDocs(ctx context.Context, ids []string, found map[string]bool) ([]flowcare.SearchDoc, error) {
	sls, err := s.selectSlots(ctx, `SELECT `+slotColumns+` FROM slots WHERE id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
	if err != nil {
		return nil, err
	}
	var orgIDs []string
	for _, sl := range sls {
		orgIDs = append(orgIDs, sl.VenueID)
	}
	orgs, err := s.orgsByID(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	var areaIDs []string
	for _, o := range orgs {
		areaIDs = append(areaIDs, o.AreaID)
	}
	facts, err := s.loadAreaFacts(ctx, areaIDs)
	if err != nil {
		return nil, err
	}
	docs := make([]flowcare.SearchDoc, 0, len(sls))
	for _, sl := range sls {
		found[sl.ID] = true
		venue := orgs[sl.VenueID]
		d := flowcare.SearchDoc{Entity: flowcare.EntitySlot, ID: sl.ID, Version: sl.Version, Slot: sl, OrganisationName: venue.Name,
			Areas: facts.expand(venue.AreaID)}
		if venue.Latitude != nil {
			d.Points = []flowcare.GeoPoint{{Lat: *venue.Latitude, Lon: *venue.Longitude}}
		} else if p := facts.centroid[venue.AreaID]; p != nil {
			d.Points = []flowcare.GeoPoint{*p}
		}
		d.Delete = sl.Status != flowcare.SlotPublished || venue.Verification != flowcare.VerificationVerified
		docs = append(docs, d)
	}
	return docs, nil
}

func (s *directoryStore) eventDocs(ctx context.Context, ids []string, found map[string]bool) ([]flowcare.SearchDoc, error) {
	evs, err := s.selectEvents(ctx, `SELECT `+eventColumns+` FROM events WHERE id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
	if err != nil {
		return nil, err
	}
	var orgIDs, areaIDs []string
	for _, e := range evs {
		orgIDs = append(orgIDs, e.OrganisationID)
		areaIDs = append(areaIDs, e.AreaID)
	}
	orgs, facts, err := s.related(ctx, orgIDs, areaIDs)
	if err != nil {
		return nil, err
	}
	docs := make([]flowcare.SearchDoc, 0, len(evs))
	for _, e := range evs {
		found[e.ID] = true
		org := orgs[e.OrganisationID]
		d := flowcare.SearchDoc{Entity: flowcare.EntityEvent, ID: e.ID, Version: e.Version, Event: e, OrganisationName: org.Name,
			Areas: facts.expand(e.AreaID), Points: []flowcare.GeoPoint{{Lat: e.Latitude, Lon: e.Longitude}}}
		d.Delete = e.Status != flowcare.EventPublished || org.Verification != flowcare.VerificationVerified
		docs = append(docs, d)
	}
	return docs, nil
}
