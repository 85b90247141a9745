package main

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"sort"
	"time"

	"flowcare/internal/flowcare"
)

type genNeedEvent struct {
	status flowcare.NeedStatus
	at     time.Time
	note   string
	actor  string
}

type genNeed struct {
	child    int32
	cat      flowcare.Category
	status   flowcare.NeedStatus
	created  time.Time
	urgency  flowcare.Level
	windows  []flowcare.TimeWindow
	language string
	place    flowcare.NeedPlace
	desc     string
	history  []genNeedEvent
}

type genMatchEvent struct {
	from   flowcare.MatchStatus
	to     flowcare.MatchStatus
	reason flowcare.OutcomeReason
	note   string
	at     time.Time
	actor  string
}

type genSession struct {
	start      time.Time
	minutes    int
	attendance flowcare.Attendance
	hours      flowcare.HoursStatus
	approvedAt time.Time
}

type genMatch struct {
	need        int32
	entity      flowcare.Entity
	offer       int32
	status      flowcare.MatchStatus
	score       float64
	factors     []flowcare.ScoreFactor
	pairing     *flowcare.Pairing
	history     []genMatchEvent
	sessions    []genSession
	booking     flowcare.BookingStatus
	bookedAt    time.Time
	providerOrg int32
	providerVol int32
}

func (m *genMatch) created() time.Time { return m.history[0].at }
func (m *genMatch) updated() time.Time { return m.history[len(m.history)-1].at }

// entityMix is how each category's needs are met: by services, volunteers,
// venue slots and events.
var entityMix = map[flowcare.Category][4]float64{
	flowcare.CatReadingGuidance: {50, 20, 25, 5}, flowcare.CatLetterCompanionship: {30, 70, 0, 0}, flowcare.CatRecreation: {45, 10, 15, 30},
	flowcare.CatPsychologicalCounsel: {80, 5, 0, 15}, flowcare.CatRehabilitation: {100, 0, 0, 0}, flowcare.CatAutismSupport: {100, 0, 0, 0},
	flowcare.CatCityIntegration: {45, 10, 20, 25}, flowcare.CatPublicCulture: {15, 0, 60, 25}, flowcare.CatFamilyEducation: {60, 5, 10, 25},
	flowcare.CatLegalEducation: {50, 0, 0, 50}, flowcare.CatOneToOneSupport: {35, 55, 0, 10}, flowcare.CatParentEmployment: {80, 0, 0, 20},
}

var pairingCategories = map[flowcare.Category]bool{flowcare.CatReadingGuidance: true, flowcare.CatLetterCompanionship: true,
	flowcare.CatOneToOneSupport: true, flowcare.CatPsychologicalCounsel: true}

type offerKey struct {
	e        flowcare.Entity
	cat      flowcare.Category
	district int32 // -1: anywhere
}

// offerIndex finds live offers by kind, category and district; dated
// offers are sorted by when they start.
type offerIndex struct {
	lists map[offerKey][]int32
	start func(e flowcare.Entity, i int32) time.Time
}

func (p *cityPlan) indexOffers() *offerIndex {
	x := &offerIndex{lists: map[offerKey][]int32{}, start: func(e flowcare.Entity, i int32) time.Time {
		if e == flowcare.EntitySlot {
			return p.slots[i].start
		}
		return p.events[i].start
	}}
	add := func(e flowcare.Entity, cats []flowcare.Category, d int32, i int32) {
		for _, c := range cats {
			x.lists[offerKey{e, c, d}] = append(x.lists[offerKey{e, c, d}], i)
			x.lists[offerKey{e, c, -1}] = append(x.lists[offerKey{e, c, -1}], i)
		}
	}
	for i, s := range p.services {
		if s.status == flowcare.ServiceActive {
			add(flowcare.EntityService, s.cats, p.serviceDistrict(int32(i)), int32(i))
		}
	}
	for i, v := range p.volunteers {
		if v.vetting == vetFull || v.vetting == vetExpiring {
			add(flowcare.EntityVolunteer, v.skills, p.volunteerDistrict(int32(i)), int32(i))
		}
	}
	for i, s := range p.slots {
		if !s.cancelled {
			add(flowcare.EntitySlot, s.cats, p.slotDistrict(int32(i)), int32(i))
		}
	}
	for i, e := range p.events {
		if e.status == flowcare.EventPublished {
			add(flowcare.EntityEvent, e.cats, p.eventDistrict(int32(i)), int32(i))
		}
	}
	for k, l := range x.lists {
		if k.e == flowcare.EntitySlot || k.e == flowcare.EntityEvent {
			sort.SliceStable(l, func(a, b int) bool { return x.start(k.e, l[a]).Before(x.start(k.e, l[b])) })
		}
	}
	return x
}

// has reports whether any live offer of the kind meets the category.
func (x *offerIndex) has(e flowcare.Entity, c flowcare.Category) bool {
	return len(x.lists[offerKey{e, c, -1}]) > 0
}

// within returns the part of a dated list starting in [lo, hi).
func (x *offerIndex) within(e flowcare.Entity, l []int32, lo, hi time.Time) []int32 {
	a := sort.Search(len(l), func(i int) bool { return !x.start(e, l[i]).Before(lo) })
	b := sort.Search(len(l), func(i int) bool { return !x.start(e, l[i]).Before(hi) })
	return l[a:b]
}

func (p *cityPlan) planNeeds() {
	r := p.rng(9)
	x := p.indexOffers()
	var cats []flowcare.Category
	var cws []float64
	// Needs are of categories some service meets, so that each can be matched.
	for _, c := range flowcare.Categories {
		if x.has(flowcare.EntityService, c) {
			cats = append(cats, c)
			cws = append(cws, categoryWeights[c])
		}
	}
	var kids []int32
	var kws []float64
	for i, c := range p.children {
		if c.active {
			kids = append(kids, int32(i))
			w := 1.0
			if c.ledger >= 0 {
				w = 3
			}
			kws = append(kws, w)
		}
	}
	if len(cats) == 0 || len(kids) == 0 {
		return
	}
	catPick, kidPick := newWeighted(cws), newWeighted(kws)
	rest := p.counts.Needs - p.counts.OpenNeeds
	quota := []struct {
		st flowcare.NeedStatus
		n  int
	}{
		{flowcare.NeedOpen, p.counts.OpenNeeds},
		{flowcare.NeedMatching, rest * 14 / 100},
		{flowcare.NeedInService, rest * 25 / 100},
		{flowcare.NeedWithdrawn, rest * 11 / 100},
	}
	quota = append(quota, struct {
		st flowcare.NeedStatus
		n  int
	}{flowcare.NeedMet, rest - quota[1].n - quota[2].n - quota[3].n})
	days := func(d float64) time.Duration { return time.Duration(d * 24 * float64(time.Hour)) }
	for _, q := range quota {
		for range q.n {
			ci := kids[kidPick.pick(r)]
			c := &p.children[ci]
			n := genNeed{child: ci, cat: cats[catPick.pick(r)], status: q.st}
			u := r.Float64()
			switch q.st {
			case flowcare.NeedOpen:
				n.created = p.now.Add(-days(365 * u * u))
			case flowcare.NeedMatching:
				n.created = p.now.Add(-days(2 + 58*u))
			case flowcare.NeedInService:
				n.created = p.now.Add(-days(20 + 280*u))
			case flowcare.NeedMet:
				n.created = p.now.Add(-days(60 + 300*u))
			default:
				n.created = p.now.Add(-days(5 + 360*u))
			}
			if n.created.Before(c.registered) {
				n.created = c.registered.Add(time.Hour)
			}
			n.urgency = oneOf(r, []flowcare.Level{flowcare.LevelHigh, flowcare.LevelMedium, flowcare.LevelMedium, flowcare.LevelMedium, flowcare.LevelLow, flowcare.LevelLow})
			n.windows = windows(r, 1+r.IntN(2))
			if len(c.langs) > 1 && r.IntN(5) == 0 {
				n.language = c.langs[1]
			} else if r.IntN(2) == 0 {
				n.language = "普通话"
			}
			n.place = oneOf(r, []flowcare.NeedPlace{flowcare.PlaceNearHome, flowcare.PlaceNearHome, flowcare.PlaceNearHome, flowcare.PlaceNearSchool,
				flowcare.PlaceVenue, flowcare.PlaceAny, flowcare.PlaceAny})
			n.desc = oneOf(r, needDescriptions[n.cat]) + genMark
			p.needs = append(p.needs, n)
		}
	}
	// Needs appear in the order they were raised.
	sort.SliceStable(p.needs, func(i, j int) bool { return p.needs[i].created.Before(p.needs[j].created) })
	p.openNeeds = p.counts.OpenNeeds
	p.offers = x
}

// planMatches gives every need the matches its status implies, with their
// history, seats, sessions and volunteer hours, and the need's own history.
func (p *cityPlan) planMatches() {
	r := p.rng(10)
	x := p.offers
	if x == nil {
		return
	}
	for ni := range p.needs {
		n := &p.needs[ni]
		c := &p.children[n.child]
		director := p.userID(p.directors[c.community])
		n.history = []genNeedEvent{{status: flowcare.NeedOpen, at: n.created, actor: director}}
		t := n.created
		prior := func(outcomes ...flowcare.MatchStatus) {
			if m, end, ok := p.planMatch(r, x, int32(ni), oneOf(r, outcomes), t); ok {
				p.matches = append(p.matches, m)
				t = end
			}
		}
		switch n.status {
		case flowcare.NeedOpen:
			if r.IntN(5) == 0 {
				prior(flowcare.MatchDeclined, flowcare.MatchCancelled, flowcare.MatchFailed)
			}
		case flowcare.NeedMatching:
			prior(flowcare.MatchProposed, flowcare.MatchRequested)
		case flowcare.NeedInService:
			if r.IntN(10) == 0 {
				prior(flowcare.MatchDeclined)
			}
			prior(flowcare.MatchAccepted, flowcare.MatchInProgress, flowcare.MatchInProgress)
		case flowcare.NeedMet:
			if r.IntN(10) == 0 {
				prior(flowcare.MatchDeclined, flowcare.MatchFailed)
			}
			prior(flowcare.MatchCompleted)
		case flowcare.NeedWithdrawn:
			if r.IntN(2) == 0 {
				prior(flowcare.MatchCancelled)
			}
			at := minTime(t.Add(time.Duration(1+r.IntN(240))*time.Hour), p.now.Add(-time.Minute))
			n.history = append(n.history, genNeedEvent{status: flowcare.NeedWithdrawn, at: maxTime(at, t), note: "家庭已不需要这项服务", actor: director})
		}
		// A need whose match could not be planned (no offer fits) stays open.
		if last := n.history[len(n.history)-1].status; last != n.status {
			n.status = last
		}
	}
	p.openNeeds = 0
	for _, n := range p.needs {
		if n.status == flowcare.NeedOpen {
			p.openNeeds++
		}
	}
	for _, m := range p.matches {
		p.sessionCount += len(m.sessions)
	}
}

// planMatch plans one match of need ni ending in final, starting after t,
// and records what it did to the need. It returns when the match ended (or
// t for one still open).
func (p *cityPlan) planMatch(r *rand.Rand, x *offerIndex, ni int32, final flowcare.MatchStatus, t time.Time) (genMatch, time.Time, bool) {
	n := &p.needs[ni]
	c := &p.children[n.child]
	cm := &p.geo.communities[c.community]
	director := p.userID(p.directors[c.community])
	hour := time.Hour
	m := genMatch{need: ni, status: final, providerOrg: -1, providerVol: -1}
	proposed := t.Add(time.Duration(2+r.IntN(120)) * hour)
	if proposed.After(p.now) {
		proposed = t.Add(p.now.Sub(t) / 3)
	}
	ended := final == flowcare.MatchCompleted || final == flowcare.MatchFailed || final == flowcare.MatchDeclined || final == flowcare.MatchCancelled
	served := final == flowcare.MatchInProgress || final == flowcare.MatchCompleted || final == flowcare.MatchFailed
	// Choose the kind of offer, then the offer.
	mix := entityMix[n.cat]
	ws := make([]float64, 4)
	for i, e := range flowcare.Entities {
		if x.has(e, n.cat) {
			ws[i] = mix[i] + 0.01
		}
	}
	if final == flowcare.MatchInProgress {
		ws[2], ws[3] = 0, 0
	}
	if newWeighted(ws).empty() {
		ws = []float64{1, 1, 0, 0}
		if !x.has(flowcare.EntityService, n.cat) && !x.has(flowcare.EntityVolunteer, n.cat) {
			return m, t, false
		}
	}
	age := flowcare.AgeOn(c.birth, day0(proposed))
	var start time.Time
	found := false
	// Four tries by the category's mix, near the child first; then any
	// service, and any volunteer, anywhere: a need whose status says it was
	// matched always is.
	for try := 0; try < 6 && !found; try++ {
		district := cm.district
		if try >= 2 {
			district = -1
		}
		switch try {
		case 4:
			m.entity = flowcare.EntityService
		case 5:
			m.entity = flowcare.EntityVolunteer
		default:
			m.entity = flowcare.Entities[newWeighted(ws).pick(r)]
		}
		l := x.lists[offerKey{m.entity, n.cat, district}]
		dated := m.entity == flowcare.EntitySlot || m.entity == flowcare.EntityEvent
		if dated {
			lo, hi := proposed.Add(72*hour), p.now.Add(-24*hour)
			if !served && !ended || final == flowcare.MatchDeclined || final == flowcare.MatchCancelled {
				lo, hi = maxTime(p.now.Add(48*hour), proposed.Add(72*hour)), p.now.Add(60*24*hour)
			}
			if !lo.Before(hi) {
				continue
			}
			l = x.within(m.entity, l, lo, hi)
		}
		for k := 0; k < 8 && len(l) > 0; k++ {
			o := l[r.IntN(len(l))]
			if ok := p.fits(m.entity, o, age, final); ok || k == 7 {
				if !ok && dated {
					break
				}
				m.offer, found = o, true
				if dated {
					start = x.start(m.entity, o)
				}
				break
			}
		}
	}
	if !found {
		return m, t, false
	}
	provider := ""
	switch m.entity {
	case flowcare.EntityService:
		m.providerOrg = p.services[m.offer].org
	case flowcare.EntitySlot:
		m.providerOrg = p.slots[m.offer].venue
	case flowcare.EntityEvent:
		m.providerOrg = p.events[m.offer].org
	default:
		m.providerVol = m.offer
		provider = p.volunteerUserID(m.offer)
	}
	if m.providerOrg >= 0 {
		provider = p.userID(p.orgs[m.providerOrg].staff)
	}
	title := p.offerTitle(m.entity, m.offer)
	m.score, m.factors = p.scoreOf(r, m.entity, m.offer, cm, n)
	if pairingCategories[n.cat] && (m.entity == flowcare.EntityVolunteer || m.entity == flowcare.EntityService) && r.IntN(3) == 0 {
		m.pairing = &flowcare.Pairing{TimesPerMonth: oneOf(r, []int{2, 4, 4, 8}), Weeks: oneOf(r, []int{8, 12, 24})}
	}
	if !start.IsZero() && proposed.After(start.Add(-72*hour)) {
		proposed = start.Add(-72 * hour)
	}
	if proposed.Before(t) {
		proposed = t.Add(time.Minute)
	}
	move := func(to flowcare.MatchStatus, at time.Time, actor string, reason flowcare.OutcomeReason, note string) {
		from := flowcare.MatchStatus("")
		if len(m.history) > 0 {
			from = m.history[len(m.history)-1].to
		}
		m.history = append(m.history, genMatchEvent{from: from, to: to, reason: reason, note: note, at: at, actor: actor})
	}
	needTo := func(st flowcare.NeedStatus, at time.Time, note, actor string) {
		if n.history[len(n.history)-1].status != st {
			n.history = append(n.history, genNeedEvent{status: st, at: at, note: note, actor: actor})
		}
	}
	move(flowcare.MatchProposed, proposed, director, "", "")
	needTo(flowcare.NeedMatching, proposed, "已提出匹配："+title, director)
	if final == flowcare.MatchProposed {
		return m, proposed, true
	}
	limit := p.now.Add(-time.Minute)
	requested := minTime(proposed.Add(time.Duration(r.IntN(48))*hour+time.Minute), limit)
	if final == flowcare.MatchCancelled && r.IntN(3) == 0 {
		at := minTime(proposed.Add(time.Duration(1+r.IntN(72))*hour), limit)
		move(flowcare.MatchCancelled, at, director, flowcare.OutcomeNoLongerInterested, "")
		needTo(flowcare.NeedOpen, at, "没有进行中的匹配，重新开放", director)
		return m, at, true
	}
	move(flowcare.MatchRequested, requested, director, "", "")
	if final == flowcare.MatchRequested {
		return m, requested, true
	}
	responded := minTime(requested.Add(time.Duration(2+r.IntN(96))*hour), limit)
	if !start.IsZero() && responded.After(start.Add(-25*hour)) {
		responded = maxTime(requested.Add(time.Minute), start.Add(-26*hour))
	}
	if final == flowcare.MatchDeclined {
		move(flowcare.MatchDeclined, responded, provider, oneOf(r, []flowcare.OutcomeReason{flowcare.OutcomeNoCapacity, flowcare.OutcomeScheduleConflict,
			flowcare.OutcomeNotEligible}), "")
		needTo(flowcare.NeedOpen, responded, "没有进行中的匹配，重新开放", provider)
		return m, responded, true
	}
	if final == flowcare.MatchCancelled {
		at := minTime(requested.Add(time.Duration(1+r.IntN(72))*hour), limit)
		move(flowcare.MatchCancelled, at, director, oneOf(r, []flowcare.OutcomeReason{flowcare.OutcomeNoLongerInterested, flowcare.OutcomeGotHelp}), "")
		needTo(flowcare.NeedOpen, at, "没有进行中的匹配，重新开放", director)
		return m, at, true
	}
	move(flowcare.MatchAccepted, responded, provider, "", "")
	needTo(flowcare.NeedInService, responded, "提供方已接受："+title, provider)
	if !start.IsZero() {
		m.booking, m.bookedAt = flowcare.BookingBooked, responded
	}
	if final == flowcare.MatchAccepted {
		p.takeSeat(&m)
		return m, responded, true
	}
	// Sessions: one at a dated offer's time, weekly for services and volunteers.
	var sessions []genSession
	if !start.IsZero() {
		if final == flowcare.MatchFailed {
			m.booking = flowcare.BookingNoShow
			at := minTime(start.Add(3*hour), limit)
			move(flowcare.MatchFailed, at, provider, flowcare.OutcomeCouldNotContact, "儿童未到场")
			needTo(flowcare.NeedOpen, at, "没有进行中的匹配，重新开放", provider)
			return m, at, true
		}
		sessions = []genSession{{start: start, minutes: p.datedMinutes(m.entity, m.offer), attendance: flowcare.AttendancePresent}}
		m.booking = flowcare.BookingAttended
	} else {
		w := p.offerWindow(r, m.entity, m.offer)
		want := 1 + r.IntN(8)
		if final == flowcare.MatchCompleted {
			want = 4 + r.IntN(9)
		} else if final == flowcare.MatchFailed {
			want = 1 + r.IntN(3)
		}
		first := day0(responded.Add(time.Duration(3+r.IntN(7)) * 24 * hour))
		first = first.AddDate(0, 0, (w.Day-isoWeekday(first)+7)%7)
		minutes := max(45, min(120, w.End-w.Start))
		for k := 0; k < want; k++ {
			s := beijingAt(first.AddDate(0, 0, 7*k), w.Start)
			if !s.Add(time.Duration(minutes+90) * time.Minute).Before(p.now) {
				break
			}
			sessions = append(sessions, genSession{start: s, minutes: minutes, attendance: attendance(r)})
		}
		if len(sessions) == 0 {
			mid := responded.Add(p.now.Sub(responded) / 2).Truncate(time.Minute)
			if p.now.Sub(mid) < 3*hour {
				// Too little time to have served anyone: the match stays
				// accepted, or one meant to fail is called off.
				if final == flowcare.MatchFailed {
					m.status = flowcare.MatchCancelled
					at := minTime(responded.Add(time.Hour), limit)
					move(flowcare.MatchCancelled, at, director, flowcare.OutcomeScheduleConflict, "")
					needTo(flowcare.NeedOpen, at, "没有进行中的匹配，重新开放", director)
					return m, at, true
				}
				m.status = flowcare.MatchAccepted
				return m, responded, true
			}
			sessions = []genSession{{start: mid, minutes: 60, attendance: flowcare.AttendancePresent}}
		}
		if final == flowcare.MatchFailed {
			sessions[len(sessions)-1].attendance = flowcare.AttendanceNoShow
		}
	}
	for k := range sessions {
		s := &sessions[k]
		s.hours = flowcare.HoursNone
		if m.entity == flowcare.EntityVolunteer && s.attendance == flowcare.AttendancePresent {
			s.hours = flowcare.HoursPending
			if p.now.Sub(s.start) > 14*24*hour || r.IntN(2) == 0 {
				s.hours = flowcare.HoursApproved
				if r.IntN(100) < 5 {
					s.hours = flowcare.HoursRejected
				}
				s.approvedAt = minTime(s.start.Add(time.Duration(26+r.IntN(140))*hour), limit)
			}
		}
	}
	m.sessions = sessions
	firstEnd := sessions[0].start.Add(time.Duration(sessions[0].minutes) * time.Minute)
	move(flowcare.MatchInProgress, minTime(firstEnd.Add(30*time.Minute), limit), provider, "", "已登记第一次服务")
	last := sessions[len(sessions)-1]
	lastEnd := last.start.Add(time.Duration(last.minutes) * time.Minute)
	switch final {
	case flowcare.MatchInProgress:
		p.takeSeat(&m)
		return m, lastEnd, true
	case flowcare.MatchFailed:
		at := minTime(lastEnd.Add(time.Duration(24+r.IntN(72))*hour), limit)
		move(flowcare.MatchFailed, at, provider, oneOf(r, []flowcare.OutcomeReason{flowcare.OutcomeCouldNotContact, flowcare.OutcomeMovedAway}), "")
		needTo(flowcare.NeedOpen, at, "没有进行中的匹配，重新开放", provider)
		return m, at, true
	}
	done := minTime(lastEnd.Add(time.Duration(1+r.IntN(72))*hour), limit)
	move(flowcare.MatchCompleted, done, provider, flowcare.OutcomeServiceDelivered, "")
	needTo(flowcare.NeedMet, done, "匹配的服务已完成", provider)
	p.takeSeat(&m)
	return m, done, true
}

func attendance(r *rand.Rand) flowcare.Attendance {
	switch x := r.IntN(100); {
	case x < 88:
		return flowcare.AttendancePresent
	case x < 95:
		return flowcare.AttendanceExcused
	}
	return flowcare.AttendanceNoShow
}

// fits reports whether a child of age can take the offer, with a seat left
// when the match holds one.
func (p *cityPlan) fits(e flowcare.Entity, o int32, age int, final flowcare.MatchStatus) bool {
	seat := final == flowcare.MatchAccepted || final == flowcare.MatchCompleted || final == flowcare.MatchInProgress
	switch e {
	case flowcare.EntityService:
		s := &p.services[o]
		return age >= s.minAge && age <= s.maxAge
	case flowcare.EntitySlot:
		s := &p.slots[o]
		return age >= s.minAge && age <= s.maxAge && (!seat || s.booked < s.capacity)
	case flowcare.EntityEvent:
		ev := &p.events[o]
		return age >= ev.minAge && age <= ev.maxAge && (!seat || ev.booked < ev.capacity)
	}
	return true
}

// takeSeat counts a booked or attended seat on the offer.
func (p *cityPlan) takeSeat(m *genMatch) {
	if m.booking != flowcare.BookingBooked && m.booking != flowcare.BookingAttended {
		return
	}
	switch m.entity {
	case flowcare.EntitySlot:
		p.slots[m.offer].booked++
	case flowcare.EntityEvent:
		p.events[m.offer].booked++
	}
}

func (p *cityPlan) datedMinutes(e flowcare.Entity, o int32) int {
	if e == flowcare.EntitySlot {
		return p.slots[o].minutes
	}
	return p.events[o].minutes
}

// offerWindow is the weekly time a service or volunteer meets the child.
func (p *cityPlan) offerWindow(r *rand.Rand, e flowcare.Entity, o int32) flowcare.TimeWindow {
	var ws []flowcare.TimeWindow
	if e == flowcare.EntityService {
		ws = p.services[o].windows
	} else {
		ws = p.volunteers[o].windows
	}
	if len(ws) == 0 {
		return flowcare.TimeWindow{Day: 6, Start: 10 * 60, End: 11*60 + 30}
	}
	return oneOf(r, ws)
}

func (p *cityPlan) offerPoint(e flowcare.Entity, o int32) (float64, float64) {
	switch e {
	case flowcare.EntityService:
		return p.services[o].lat, p.services[o].lng
	case flowcare.EntityVolunteer:
		s := &p.geo.streets[p.volunteers[o].street]
		return s.lat, s.lng
	case flowcare.EntitySlot:
		v := &p.orgs[p.slots[o].venue]
		return v.lat, v.lng
	}
	return p.events[o].lat, p.events[o].lng
}

// scoreOf explains a match's rank as the matcher would: the factors add up
// to the score.
func (p *cityPlan) scoreOf(r *rand.Rand, e flowcare.Entity, o int32, cm *genCommunity, n *genNeed) (float64, []flowcare.ScoreFactor) {
	w := flowcare.DefaultMatchWeights
	lat, lng := p.offerPoint(e, o)
	km := flowcare.DistanceKm(flowcare.GeoPoint{Lat: cm.lat, Lon: cm.lng}, flowcare.GeoPoint{Lat: lat, Lon: lng})
	share := []float64{0.5, 1, 1}[r.IntN(3)]
	lang := 0.0
	if n.language == "" || n.language == "普通话" || r.IntN(2) == 0 {
		lang = 1
	}
	rate := 0.5 + 0.4*r.Float64()
	load := float64(r.IntN(4))
	round := func(v float64) float64 { return math.Round(v*100) / 100 }
	fs := []flowcare.ScoreFactor{
		{Factor: flowcare.FactorDistance, Value: round(km), Points: round(w.Distance * flowcare.Gauss(km, w.DistanceOffsetKm, w.DistanceScaleKm, w.DistanceDecay)), Max: w.Distance},
		{Factor: flowcare.FactorSchedule, Value: share, Points: round(w.Schedule * share), Max: w.Schedule},
		{Factor: flowcare.FactorLanguage, Value: lang, Points: round(w.Language * lang), Max: w.Language},
		{Factor: flowcare.FactorContinuity, Value: 0, Points: 0, Max: w.Continuity},
		{Factor: flowcare.FactorCompletion, Value: round(rate), Points: round(w.Completion * rate), Max: w.Completion},
		{Factor: flowcare.FactorLoad, Value: load, Points: round(w.Load * flowcare.Gauss(load, 0, w.LoadScale, w.LoadDecay)), Max: w.Load},
	}
	total := 0.0
	for _, f := range fs {
		total += f.Points
	}
	return round(total), fs
}

var (
	needCols         = []string{"id", "child_id", "category", "description", "urgency", "windows", "language", "place", "status", "created_by", "created_at", "updated_at"}
	needHistoryCols  = []string{"need_id", "status", "note", "at", "actor"}
	matchCols        = []string{"id", "need_id", "child_id", "category", "entity", "offer_id", "offer_title", "provider_org_id", "provider_volunteer_id", "status", "reason", "note", "score", "factors", "pairing", "created_by", "created_at", "updated_at"}
	matchHistoryCols = []string{"match_id", "from_status", "to_status", "reason", "note", "at", "actor"}
	bookingCols      = []string{"id", "match_id", "entity", "offer_id", "status", "starts_at", "created_at", "updated_at"}
	sessionCols      = []string{"id", "match_id", "starts_at", "ends_at", "attendance", "note", "volunteer_id", "hours_status", "hours_note", "approved_by", "approved_at", "logged_by", "created_at"}
)

func windowsJSON(ws []flowcare.TimeWindow) string {
	if ws == nil {
		ws = []flowcare.TimeWindow{}
	}
	b, _ := json.Marshal(ws)
	return string(b)
}

func (w *cityWriter) writeNeeds(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.needs), w.batch, func(b *copyBatch, i int) error {
		n := &p.needs[i]
		id := genID(kindNeed, i)
		c := &p.children[n.child]
		b.add("needs", needCols, id, genID(kindChild, int(n.child)), string(n.cat), n.desc, string(n.urgency), windowsJSON(n.windows),
			n.language, string(n.place), string(n.status), p.userID(p.directors[c.community]), n.created, n.history[len(n.history)-1].at)
		for _, h := range n.history {
			b.add("need_history", needHistoryCols, id, string(h.status), h.note, h.at, h.actor)
		}
		return nil
	})
}

func (p *cityPlan) offerID(e flowcare.Entity, o int32) string {
	switch e {
	case flowcare.EntityService:
		return genID(kindService, int(o))
	case flowcare.EntityVolunteer:
		return genID(kindVolunteer, int(o))
	case flowcare.EntitySlot:
		return genID(kindSlot, int(o))
	}
	return genID(kindEvent, int(o))
}

// writeMatches writes matches with their history, seats and sessions.
func (w *cityWriter) writeMatches(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.matches), w.batch, func(b *copyBatch, i int) error {
		m := &p.matches[i]
		n := &p.needs[m.need]
		id := genID(kindMatch, i)
		var org, vol, reason, pairing any
		if m.providerOrg >= 0 {
			org = genID(kindOrg, int(m.providerOrg))
		}
		if m.providerVol >= 0 {
			vol = genID(kindVolunteer, int(m.providerVol))
		}
		for _, h := range m.history {
			if h.reason != "" {
				reason = string(h.reason)
			}
		}
		if m.pairing != nil {
			b, _ := json.Marshal(m.pairing)
			pairing = string(b)
		}
		factors, _ := json.Marshal(m.factors)
		note := m.history[len(m.history)-1].note
		b.add("matches", matchCols, id, genID(kindNeed, int(m.need)), genID(kindChild, int(n.child)), string(n.cat), string(m.entity),
			p.offerID(m.entity, m.offer), p.offerTitle(m.entity, m.offer), org, vol, string(m.status), reason, note, m.score, string(factors),
			pairing, m.history[0].actor, m.created(), m.updated())
		for _, h := range m.history {
			var from, hr any
			if h.from != "" {
				from = string(h.from)
			}
			if h.reason != "" {
				hr = string(h.reason)
			}
			b.add("match_history", matchHistoryCols, id, from, string(h.to), hr, h.note, h.at, h.actor)
		}
		if m.booking != "" {
			var starts time.Time
			if m.entity == flowcare.EntitySlot {
				starts = p.slots[m.offer].start
			} else {
				starts = p.events[m.offer].start
			}
			b.add("bookings", bookingCols, genID(kindBooking, i), id, string(m.entity), p.offerID(m.entity, m.offer), string(m.booking),
				starts, m.bookedAt, m.updated())
		}
		provider := m.history[len(m.history)-1].actor
		for k, s := range m.sessions {
			var volunteer, approvedBy, approvedAt, hoursNote any
			if s.hours != flowcare.HoursNone {
				volunteer = vol
			}
			if !s.approvedAt.IsZero() {
				// Hours are approved by the volunteer's organisation.
				approvedAt = s.approvedAt
				if orgs := p.volunteers[m.providerVol].orgs; len(orgs) > 0 {
					approvedBy = p.userID(p.orgs[orgs[0]].admin)
				}
			}
			if s.hours == flowcare.HoursRejected {
				hoursNote = "签到记录缺失"
			}
			end := s.start.Add(time.Duration(s.minutes) * time.Minute)
			b.add("service_sessions", sessionCols, genID(kindSession, i*16+k), id, s.start, end, string(s.attendance), "",
				volunteer, string(s.hours), hoursNote, approvedBy, approvedAt, provider, minTime(end.Add(2*time.Hour), p.now.Add(-time.Minute)))
		}
		return nil
	})
}
