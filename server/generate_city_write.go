package main

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/postgres"
)

// cityWriter turns a plan into rows.
type cityWriter struct {
	db     *sql.DB
	plan   *cityPlan
	sealer *postgres.Sealer
	batch  int
}

// stages are the parts of the set with the parts they refer to. Parts that
// do not refer to each other are written at the same time, the longest chain
// (children, needs, matches) first: the list's order is the priority.
func (w *cityWriter) stages() []*stage {
	p := w.plan
	return []*stage{
		{name: "people", total: len(p.users) + len(p.orgs), run: w.writePeople},
		{name: "children", deps: []string{"people"}, total: len(p.children), run: w.writeChildren},
		{name: "volunteers", deps: []string{"people"}, total: len(p.volunteers), run: w.writeVolunteers},
		// A need's history names who answered it: staff or a volunteer.
		{name: "needs", deps: []string{"children", "volunteers"}, total: len(p.needs), run: w.writeNeeds},
		{name: "services", deps: []string{"people"}, total: len(p.services), run: w.writeServices},
		{name: "slots", deps: []string{"people"}, total: len(p.slots), run: w.writeSlots},
		{name: "events", deps: []string{"people"}, total: len(p.events), run: w.writeEvents},
		{name: "ledger", deps: []string{"children"}, total: len(p.ledger), run: w.writeLedger},
		{name: "matches", deps: []string{"needs", "services", "slots", "events", "volunteers"}, total: len(p.matches), run: w.writeMatches},
		{name: "funding", deps: []string{"matches", "ledger"}, total: len(p.funding.contracts), run: w.writeFunding},
	}
}

var (
	userCols  = []string{"id", "username", "display_name", "password_hash", "created_at"}
	grantCols = []string{"id", "user_id", "role", "area_id", "organisation_id", "granted_at", "granted_by"}
	orgCols   = []string{"id", "name", "kind", "area_id", "created_at", "registration_number", "contact_name", "description", "address",
		"latitude", "longitude", "areas_served", "verification_status", "verified_by", "verified_at", "updated_at"}
)

// writePeople writes staff, organisations and the staff's grants.
func (w *cityWriter) writePeople(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	b := newCopyBatch()
	city := p.userID(p.cityCivil)
	for i, u := range p.users {
		b.add("users", userCols, p.userID(int32(i)), u.username, u.name, p.hash, u.created)
	}
	for i, o := range p.orgs {
		dist := &p.geo.districts[o.district]
		st := &p.geo.streets[o.street]
		verified := o.created.Add(72 * time.Hour)
		b.add("organisations", orgCols, genID(kindOrg, i), o.name, string(o.kind), st.id, o.created, fmt.Sprintf("GEN%07d", i+1),
			adultContact(o.name), "生成的虚构机构，用于演示和容量测试。", dist.name+st.name+"（生成地址）", o.lat, o.lng,
			textArray([]string{dist.id}), string(flowcare.VerificationVerified), city, verified, verified)
	}
	for i, u := range p.users {
		var area, org any
		if u.area != "" {
			area = u.area
		}
		if u.org >= 0 {
			org = genID(kindOrg, int(u.org))
		}
		b.add("role_grants", grantCols, genID(kindGrant, i), p.userID(int32(i)), string(u.role), area, org, u.created, city)
	}
	if err := b.commit(ctx, w.db); err != nil {
		return err
	}
	sp.done.Add(int64(len(p.users) + len(p.orgs)))
	return nil
}

// adultContact is an organisation's contact person: invented, as its name.
func adultContact(org string) string {
	r := []rune(org)
	return string(r[0]) + "老师" + genMark
}

var (
	serviceCols  = []string{"id", "organisation_id", "name", "description", "categories", "min_age", "max_age", "areas_served", "schedule", "capacity", "languages", "funding", "status", "version", "created_at", "updated_at"}
	locationCols = []string{"id", "service_id", "position", "name", "address", "area_id", "latitude", "longitude"}
)

func (w *cityWriter) writeServices(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.services), w.batch, func(b *copyBatch, i int) error {
		s := &p.services[i]
		o := &p.orgs[s.org]
		id := genID(kindService, i)
		funding := flowcare.FundingFree
		if s.funded {
			funding = flowcare.FundingFunded
		}
		desc := fmt.Sprintf("面向 %d 至 %d 岁儿童的%s服务，由%s提供（生成数据）。", s.minAge, s.maxAge, categoryLabels[s.cats[0]], o.name)
		b.add("services", serviceCols, id, genID(kindOrg, int(s.org)), s.title, desc, categoryArray(s.cats), s.minAge, s.maxAge,
			textArray([]string{p.geo.districts[o.district].id}), windowsJSON(s.windows), s.capacity, textArray(s.langs), string(funding),
			string(s.status), 1, s.created, s.created)
		area, place := p.geo.streets[o.street].id, p.geo.streets[o.street].short+"社区服务站"+genMark
		if s.community >= 0 {
			area, place = p.geo.communities[s.community].id, p.geo.communities[s.community].name+"活动室"+genMark
		}
		b.add("service_locations", locationCols, genID(kindLocation, i), id, 0, place, "", area, s.lat, s.lng)
		return nil
	})
}

var (
	volunteerCols   = []string{"id", "user_id", "display_name", "phone", "bio", "skills", "languages", "home_area_id", "availability", "hours_per_month", "version", "created_at", "updated_at"}
	volunteerOrgCol = []string{"volunteer_id", "organisation_id"}
	vettingCols     = []string{"id", "volunteer_id", "kind", "status", "completed_on", "expires_on", "note", "recorded_by", "approved_by", "approved_at", "created_at"}
)

// writeVolunteers writes volunteers with their accounts, organisations and
// vetting: most fully vetted, some expiring, expired, partial or pending.
func (w *cityWriter) writeVolunteers(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	city := p.userID(p.cityCivil)
	return batched(ctx, w.db, sp, len(p.volunteers), w.batch, func(b *copyBatch, i int) error {
		v := &p.volunteers[i]
		uid := p.volunteerUserID(int32(i))
		id := genID(kindVolunteer, i)
		b.add("users", userCols, uid, fmt.Sprintf("gen.vol%06d", i), v.name, p.hash, v.created)
		b.add("role_grants", grantCols, genID(kindGrant, volunteerUserBase+i), uid, string(flowcare.RoleVolunteer), nil, nil, v.created, city)
		skills := make([]string, len(v.skills))
		for k, s := range v.skills {
			skills[k] = string(s)
		}
		b.add("volunteers", volunteerCols, id, uid, v.name, nil, "生成的虚构志愿者，用于演示和容量测试。", textArray(skills), textArray(v.langs),
			p.geo.streets[v.street].id, windowsJSON(v.windows), v.hours, 1, v.created, v.created)
		staff := city
		for _, o := range v.orgs {
			b.add("volunteer_organisations", volunteerOrgCol, id, genID(kindOrg, int(o)))
		}
		if len(v.orgs) > 0 {
			staff = p.userID(p.orgs[v.orgs[0]].admin)
		}
		kinds := flowcare.VettingKinds
		switch v.vetting {
		case vetNone:
			kinds = nil
		case vetPartial:
			kinds = kinds[:2]
		}
		// Checks were done some months ago and last a year or more.
		completed := p.today.AddDate(0, 0, -30-i%300)
		for k, kind := range kinds {
			done, expires := completed, completed.AddDate(1, 0, 60)
			status := flowcare.VettingApproved
			switch {
			case v.vetting == vetExpiring && k == 0:
				expires = p.today.AddDate(0, 0, 1+i%29)
			case v.vetting == vetExpired && k == 0:
				done, expires = p.today.AddDate(-1, 0, -40-i%60), p.today.AddDate(0, 0, -1-i%40)
			case v.vetting == vetPending && k == 2:
				status = flowcare.VettingPending
			}
			var by, approvedAt any
			if status == flowcare.VettingApproved {
				by, approvedAt = staff, beijingAt(done, 15*60).Add(48*time.Hour)
			}
			b.add("vetting_items", vettingCols, genID(kindVetting, i*4+k), id, string(kind), string(status), dateOf(done), dateOf(expires), nil,
				staff, by, approvedAt, beijingAt(done, 11*60))
		}
		return nil
	})
}

var slotCols = []string{"id", "venue_id", "series_id", "title", "description", "categories", "starts_at", "ends_at", "capacity", "min_age", "max_age", "children_per_adult", "booking_cutoff", "status", "version", "created_at", "updated_at", "booked"}

func (w *cityWriter) writeSlots(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.slots), w.batch, func(b *copyBatch, i int) error {
		s := &p.slots[i]
		status := flowcare.SlotPublished
		if s.cancelled {
			status = flowcare.SlotCancelled
		}
		// A series is published some weeks before its first session.
		created := minTime(p.today.AddDate(0, 0, -7*slotWeeksBack-30).Add(time.Duration(s.series%500)*time.Hour), p.now.Add(-24*time.Hour))
		b.add("slots", slotCols, genID(kindSlot, i), genID(kindOrg, int(s.venue)), genID(kindSeries, int(s.series)), s.title,
			fmt.Sprintf("%s的每周活动，适合 %d 至 %d 岁儿童（生成数据）。", p.orgs[s.venue].name, s.minAge, s.maxAge), categoryArray(s.cats),
			s.start, s.start.Add(time.Duration(s.minutes)*time.Minute), s.capacity, s.minAge, s.maxAge, s.perAdult, s.start.Add(-24*time.Hour),
			string(status), 1, created, created, s.booked)
		return nil
	})
}

var eventCols = []string{"id", "organisation_id", "title", "description", "categories", "starts_at", "ends_at", "place", "area_id", "latitude", "longitude", "capacity", "min_age", "max_age", "registration_opens", "registration_closes", "status", "version", "created_at", "updated_at", "booked"}

func (w *cityWriter) writeEvents(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.events), w.batch, func(b *copyBatch, i int) error {
		e := &p.events[i]
		o := &p.orgs[e.org]
		area, place := p.geo.streets[o.street].id, p.geo.streets[o.street].short+"文化中心"+genMark
		if e.community >= 0 {
			area, place = p.geo.communities[e.community].id, p.geo.communities[e.community].name+"礼堂"+genMark
		}
		created := minTime(e.opens.Add(-24*time.Hour), p.now.Add(-24*time.Hour))
		b.add("events", eventCols, genID(kindEvent, i), genID(kindOrg, int(e.org)), e.title, o.name+"组织的活动（生成数据）。",
			categoryArray(e.cats), e.start, e.start.Add(time.Duration(e.minutes)*time.Minute), place, area, e.lat, e.lng, e.capacity,
			e.minAge, e.maxAge, e.opens, e.start.Add(-24*time.Hour), string(e.status), 1, created, created, e.booked)
		return nil
	})
}
