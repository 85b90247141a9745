package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"time"

	"flowcare/internal/flowcare"
)

type genGuardian struct {
	name, relation, phone string
	primary               bool
}

type genChild struct {
	community  int32
	name       string
	gender     flowcare.Gender
	birth      time.Time
	origin     int32
	movedWith  flowcare.MovedWith
	arrived    time.Time
	registered time.Time
	active     bool
	idNumber   string
	noIDReason string
	school     string
	langs      []string
	disability string
	address    string
	guardians  []genGuardian
	// consents: none when the family has not been asked yet.
	consented bool
	share     bool
	services  bool
	stats     bool
	withdrawn time.Time
	reviews   []time.Time
	ledger    int32 // index in plan.ledger, or -1
}

type genVisit struct {
	on       time.Time
	form     flowcare.VisitForm
	findings string
	followUp string
	status   flowcare.VisitStatus
}

type genLedgerEntry struct {
	child    int32
	reasons  []flowcare.LedgerReason
	risk     flowcare.Level
	oldRisk  flowcare.Level // set when the risk was changed once
	changed  time.Time
	entered  time.Time
	left     time.Time
	leftWhy  string
	nextDue  time.Time
	visits   []genVisit
	cadenceD int
}

var disabilities = []string{"听力残疾", "视力残疾", "肢体残疾", "智力残疾", "言语残疾", "孤独症谱系障碍"}

var noIDReasons = []string{"户籍地尚未办理身份证", "户口尚未登记", "证件遗失，正在补办"}

func (p *cityPlan) planChildren() {
	r := p.rng(6)
	// A community's share: its district's weight, spread unevenly among the
	// district's communities as real neighbourhoods are.
	ws := make([]float64, len(p.geo.communities))
	for i, c := range p.geo.communities {
		ws[i] = p.geo.districts[c.district].profile.weight * math.Exp(r.NormFloat64()*0.7)
	}
	cpick := newWeighted(ws)
	ids := map[string]int{}
	ageWeights := newWeighted([]float64{0.5, 0.6, 0.7, 0.9, 0.9, 0.9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})
	days := func(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }
	for range p.counts.Children {
		c := genChild{community: int32(cpick.pick(r)), ledger: -1, active: r.IntN(100) >= 3}
		c.gender = flowcare.GenderFemale
		if r.IntN(100) < 52 {
			c.gender = flowcare.GenderMale
		}
		age := ageWeights.pick(r)
		c.birth = p.today.AddDate(-age, 0, -r.IntN(365))
		if !c.birth.After(p.today.AddDate(-16, 0, 0)) {
			c.birth = p.today.AddDate(-16, 0, 1+r.IntN(60))
		}
		c.origin = int32(originsCache.cum.pick(r))
		o := &p.origins[c.origin]
		switch x := r.IntN(100); {
		case x < 55:
			c.movedWith = flowcare.MovedWithBothGuardians
		case x < 90:
			c.movedWith = flowcare.MovedWithOneGuardian
		case x < 99:
			c.movedWith = flowcare.MovedWithOtherCarer
		default:
			c.movedWith = flowcare.MovedAlone
		}
		lived := p.today.Sub(c.birth)
		if r.IntN(100) < 8 {
			c.arrived = day0(p.now.Add(-days(r.IntN(180))))
		} else {
			c.arrived = day0(p.now.Add(-time.Duration(r.Float64() * float64(min(lived, days(8*365))))))
		}
		if c.arrived.Before(c.birth) {
			c.arrived = c.birth
		}
		// Registered at any time in the platform's two years, and some weeks
		// after arriving for a child who came since.
		c.registered = p.now.Add(-time.Duration(r.Float64() * float64(days(730))))
		if arrival := beijingAt(c.arrived, 9*60); c.registered.Before(arrival.Add(days(7))) {
			c.registered = arrival.Add(days(7 + r.IntN(54)))
			if limit := p.now.Add(-time.Hour); c.registered.After(limit) {
				// Arrived lately: registered some time since.
				c.registered = arrival.Add(time.Duration(r.Float64() * float64(limit.Sub(arrival))))
			}
		}
		if day0(c.registered).Before(c.arrived) {
			c.arrived = day0(c.registered)
		}
		cm := &p.geo.communities[c.community]
		st := &p.geo.streets[cm.street]
		dist := &p.geo.districts[cm.district]
		family := surname(r)
		c.name = childName(r, family, c.gender)
		if r.IntN(100) < 85 {
			key := o.code + c.birth.Format("20060102")
			n := ids[key]
			ids[key] = n + 1
			// Sequence numbers in the 9xx range mark invented people, as the
			// demo's do (900–903, so these start at 910); the last digit is
			// odd for boys.
			seq := 910 + 2*n
			if c.gender == flowcare.GenderMale {
				seq++
			}
			if seq <= 999 {
				c.idNumber = fictionalID(o.code, c.birth, seq)
			}
		}
		if c.idNumber == "" {
			c.noIDReason = oneOf(r, noIDReasons) + genMark
		}
		switch a := flowcare.AgeOn(c.birth, p.today); {
		case a >= 12:
			c.school = fmt.Sprintf("%s第%d中学%s", dist.name, 1+r.IntN(40), genMark)
		case a >= 6:
			c.school = st.short + oneOf(r, []string{"中心小学", "实验小学", "第一小学", "第二小学"}) + genMark
		case a >= 3:
			c.school = st.short + oneOf(r, []string{"幼儿园", "第一幼儿园", "社区幼儿园"}) + genMark
		}
		c.langs = []string{"普通话"}
		if d := dialects[o.province]; d != "" && r.IntN(10) < 7 {
			c.langs = append(c.langs, d)
		}
		if r.IntN(1000) < 25 {
			c.disability = oneOf(r, disabilities)
		}
		c.address = fmt.Sprintf("%s%s%s%d号楼%d单元%d室%s", dist.name, st.name, cm.name, 1+r.IntN(30), 1+r.IntN(6), 101+r.IntN(20)*100+r.IntN(4), genMark)
		c.guardians = guardiansFor(p, &c, family)
		if p.now.Sub(c.registered) > days(3) && r.IntN(100) < 95 {
			c.consented = true
			c.services = r.IntN(100) < 96
			c.share = r.IntN(100) < 88
			c.stats = r.IntN(100) < 97
			if c.share && r.IntN(100) < 2 {
				c.withdrawn = c.registered.Add(time.Duration(r.Int64N(int64(p.now.Sub(c.registered)))))
			}
		}
		// Half-yearly monitoring reviews, of the last 18 months; some are overdue.
		overdue := r.IntN(100) < 8
		for t := c.registered.Add(days(182 + r.IntN(31) - 15)); t.Before(p.now) && c.active; t = t.Add(days(182 + r.IntN(31) - 15)) {
			if overdue && p.now.Sub(t) < days(200) {
				break
			}
			if t.After(p.now.AddDate(0, -18, 0)) {
				c.reviews = append(c.reviews, day0(t))
			}
		}
		p.directorOf(c.community)
		p.children = append(p.children, c)
	}
}

func (p *cityPlan) directorOf(c int32) int32 {
	p.supervisor(p.geo.communities[c].street)
	return p.director(c)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// guardiansFor lists a child's guardians, the primary one first.
func guardiansFor(p *cityPlan, c *genChild, family string) []genGuardian {
	r := p.rng(uint64(7_000_000_000) + uint64(len(p.children)))
	mother := genGuardian{name: adultName(r, surname(r), false), relation: "母亲", phone: fictionalPhone(r)}
	father := genGuardian{name: adultName(r, family, true), relation: "父亲", phone: fictionalPhone(r)}
	var gs []genGuardian
	switch c.movedWith {
	case flowcare.MovedWithBothGuardians:
		gs = []genGuardian{mother, father}
		if r.IntN(100) < 45 {
			gs[0], gs[1] = father, mother
		}
		if r.IntN(100) < 30 {
			gs = gs[:1]
		} else if r.IntN(100) < 30 {
			gs[1].phone = ""
		}
	case flowcare.MovedWithOneGuardian:
		gs = []genGuardian{mother}
		if r.IntN(100) < 40 {
			gs = []genGuardian{father}
		}
	default:
		rel := oneOf(r, []string{"祖母", "祖父", "外祖母", "舅舅", "姑姑"})
		male := rel == "祖父" || rel == "舅舅"
		name := family
		if rel == "外祖母" || rel == "舅舅" {
			name = surname(r)
		}
		gs = []genGuardian{{name: adultName(r, name, male), relation: rel, phone: fictionalPhone(r)}}
	}
	gs[0].primary = true
	return gs
}

var cadenceDays = map[flowcare.Level]int{flowcare.LevelHigh: 30, flowcare.LevelMedium: 91, flowcare.LevelLow: 182}

// planLedger puts about a tenth of the children on the key-care ledger,
// those with a disability or without their parents first, with visits at
// their risk's cadence over the last 18 months; some are overdue.
func (p *cityPlan) planLedger() {
	r := p.rng(8)
	type cand struct {
		child int32
		key   float64
	}
	var cands []cand
	for i, c := range p.children {
		if !c.active || p.now.Sub(c.registered) < 7*24*time.Hour {
			continue
		}
		w := 1.0
		if c.disability != "" {
			w *= 6
		}
		if c.movedWith == flowcare.MovedWithOtherCarer || c.movedWith == flowcare.MovedAlone {
			w *= 4
		}
		// Weighted sampling without replacement: the largest u^(1/w) win.
		cands = append(cands, cand{int32(i), math.Pow(r.Float64(), 1/w)})
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].key > cands[j].key })
	n := min(len(cands), int(math.Round(ledgerShare*float64(len(p.children)))))
	chosen := cands[:n]
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].child < chosen[j].child })
	earliest := p.now.AddDate(0, -18, 0)
	for _, cd := range chosen {
		c := &p.children[cd.child]
		e := genLedgerEntry{child: cd.child}
		switch {
		case c.disability != "":
			e.reasons = []flowcare.LedgerReason{flowcare.ReasonDisability}
			if r.IntN(10) < 4 {
				e.reasons = append(e.reasons, flowcare.ReasonFamilyHardship)
			}
		case c.movedWith == flowcare.MovedWithOtherCarer || c.movedWith == flowcare.MovedAlone:
			e.reasons = []flowcare.LedgerReason{flowcare.ReasonNoGuardianship}
		default:
			e.reasons = []flowcare.LedgerReason{oneOf(r, []flowcare.LedgerReason{flowcare.ReasonFamilyHardship, flowcare.ReasonFamilyHardship,
				flowcare.ReasonPsychological, flowcare.ReasonPsychological, flowcare.ReasonOwnRequest, flowcare.ReasonVagrancy})}
			if r.IntN(4) == 0 && e.reasons[0] != flowcare.ReasonPsychological {
				e.reasons = append(e.reasons, flowcare.ReasonPsychological)
			}
		}
		switch x := r.IntN(100); {
		case x < 20:
			e.risk = flowcare.LevelHigh
		case x < 70:
			e.risk = flowcare.LevelMedium
		default:
			e.risk = flowcare.LevelLow
		}
		from := maxTime(c.registered, earliest)
		e.entered = day0(from.Add(time.Duration(r.Int64N(int64(p.now.Sub(from)) + 1))))
		if r.IntN(100) < 15 {
			mid := e.entered.Add(p.today.Sub(e.entered) / 2)
			e.oldRisk, e.changed = e.risk, mid
			e.risk = oneOf(r, []flowcare.Level{flowcare.LevelHigh, flowcare.LevelMedium, flowcare.LevelLow})
			if e.risk == e.oldRisk {
				e.oldRisk = ""
			}
		}
		end := p.today
		if r.IntN(100) < 6 && p.today.Sub(e.entered) > 60*24*time.Hour {
			e.left = e.entered.AddDate(0, 0, 30+r.IntN(int(p.today.Sub(e.entered).Hours()/24)-29))
			e.leftWhy = oneOf(r, []string{"随家庭离开北京", "情况好转，退出台账"})
			end = e.left
		}
		e.cadenceD = cadenceDays[e.risk]
		for t := e.entered.AddDate(0, 0, r.IntN(6)); !t.After(end); t = t.AddDate(0, 0, int(float64(e.cadenceD)*(0.85+0.15*r.Float64()))) {
			v := genVisit{on: t, findings: oneOf(r, visitFindings) + genMark, status: flowcare.VisitAccepted,
				form: oneOf(r, []flowcare.VisitForm{flowcare.VisitHome, flowcare.VisitHome, flowcare.VisitHome, flowcare.VisitSchool, flowcare.VisitPhone})}
			if f := oneOf(r, visitFollowUps); f != "" {
				v.followUp = f + genMark
			}
			if r.IntN(100) < 2 {
				v.status = flowcare.VisitReturned
			}
			e.visits = append(e.visits, v)
		}
		// Some are overdue: their last visits were not made.
		if e.left.IsZero() && r.IntN(100) < 15 {
			for len(e.visits) > 0 && !p.today.After(e.visits[len(e.visits)-1].on.AddDate(0, 0, e.cadenceD)) {
				e.visits = e.visits[:len(e.visits)-1]
			}
		}
		last := e.entered
		if len(e.visits) > 0 {
			last = e.visits[len(e.visits)-1].on
			if lv := &e.visits[len(e.visits)-1]; p.today.Sub(lv.on) < 14*24*time.Hour && r.IntN(10) < 4 {
				lv.status = flowcare.VisitPending
			}
		}
		e.nextDue = last.AddDate(0, 0, e.cadenceD)
		c.ledger = int32(len(p.ledger))
		p.ledger = append(p.ledger, e)
	}
	p.ledgerCount = len(p.ledger)
}

var (
	childCols    = []string{"id", "name_enc", "name_birth_hash", "gender", "birth_date", "id_number_enc", "id_number_hash", "no_id_reason", "hukou_province", "hukou_city", "hukou_county", "moved_with", "community_id", "address_enc", "arrived_on", "school", "languages", "disability", "status", "last_reviewed_on", "registered_by", "created_at", "updated_at"}
	guardianCols = []string{"id", "child_id", "position", "name_enc", "relation", "phone_enc", "is_primary"}
	consentCols  = []string{"id", "child_id", "purpose", "granted", "guardian_id", "method", "given_on", "recorded_by", "recorded_at", "withdrawn_at"}
	reviewCols   = []string{"id", "child_id", "reviewed_on", "reviewer", "note", "created_at"}
)

// writeChildren writes children with their guardians, consents and reviews,
// sealing the personal data as registration does.
func (w *cityWriter) writeChildren(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.children), w.batch, func(b *copyBatch, i int) error {
		c := &p.children[i]
		cm := &p.geo.communities[c.community]
		o := &p.origins[c.origin]
		dom := &flowcare.Child{Name: c.name, BirthDate: c.birth, IDNumber: c.idNumber, Address: c.address}
		sealed, err := w.sealer.Child(dom)
		if err != nil {
			return err
		}
		id := genID(kindChild, i)
		status := flowcare.ChildActive
		if !c.active {
			status = flowcare.ChildInactive
		}
		var lastReview any
		if len(c.reviews) > 0 {
			lastReview = dateOf(c.reviews[len(c.reviews)-1])
		}
		director := p.userID(p.directors[c.community])
		updated := c.registered
		if len(c.reviews) > 0 {
			updated = beijingAt(c.reviews[len(c.reviews)-1], 16*60)
		}
		b.add("children", childCols, id, sealed.Name, sealed.NameBirthHash, string(c.gender), dateOf(c.birth), sealed.IDNumber, sealed.IDHash,
			orNull(c.noIDReason), o.province, o.city, o.county, string(c.movedWith), cm.id, sealed.Address, dateOf(c.arrived), c.school,
			textArray(c.langs), c.disability, string(status), lastReview, director, c.registered, updated)
		for k := range c.guardians {
			g := &c.guardians[k]
			name, phone, err := w.sealer.Guardian(&flowcare.Guardian{Name: g.name, Phone: g.phone})
			if err != nil {
				return err
			}
			b.add("guardians", guardianCols, genID(kindGuardian, i*4+k), id, k, name, g.relation, orNull(phone), g.primary)
		}
		if c.consented {
			method := []flowcare.ConsentMethod{flowcare.ConsentWritten, flowcare.ConsentWritten, flowcare.ConsentWritten, flowcare.ConsentOnline,
				flowcare.ConsentVerbal}[i%5]
			for k, pc := range []struct {
				purpose flowcare.ConsentPurpose
				granted bool
			}{{flowcare.ConsentServices, c.services}, {flowcare.ConsentShare, c.share}, {flowcare.ConsentStatistics, c.stats}} {
				var withdrawn any
				if pc.purpose == flowcare.ConsentShare {
					withdrawn = nullTime(c.withdrawn)
				}
				b.add("consents", consentCols, genID(kindConsent, i*3+k), id, string(pc.purpose), pc.granted, genID(kindGuardian, i*4),
					string(method), dateOf(day0(c.registered)), director, c.registered.Add(time.Duration(k+1)*time.Minute), withdrawn)
			}
		}
		for k, on := range c.reviews {
			reviewer := director
			if k%3 == 2 {
				reviewer = p.userID(p.supervisors[cm.street])
			}
			b.add("child_reviews", reviewCols, genID(kindReview, i*8+k), id, dateOf(on), reviewer, "", beijingAt(on, 16*60))
		}
		return nil
	})
}

var (
	ledgerCols        = []string{"child_id", "reasons", "risk_level", "entered_on", "left_on", "left_reason", "next_visit_due", "updated_at"}
	ledgerHistoryCols = []string{"child_id", "event", "detail", "at", "actor"}
	visitCols         = []string{"id", "child_id", "visited_on", "visitor", "form", "findings_enc", "follow_up_enc", "next_visit_on", "status", "reviewed_by", "reviewed_at", "review_note", "created_at"}
)

func detailJSON(v map[string]any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// writeLedger writes the key-care ledger, its history and the visits, whose
// findings are sealed as a recorded visit's are.
func (w *cityWriter) writeLedger(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	return batched(ctx, w.db, sp, len(p.ledger), w.batch/2, func(b *copyBatch, i int) error {
		e := &p.ledger[i]
		c := &p.children[e.child]
		cm := &p.geo.communities[c.community]
		childID := genID(kindChild, int(e.child))
		director := p.userID(p.directors[c.community])
		supervisor := p.userID(p.supervisors[cm.street])
		reasons := make([]string, len(e.reasons))
		for k, x := range e.reasons {
			reasons[k] = string(x)
		}
		var left, leftWhy any
		if !e.left.IsZero() {
			left, leftWhy = dateOf(e.left), e.leftWhy
		}
		updated := beijingAt(e.entered, 10*60)
		if n := len(e.visits); n > 0 {
			updated = beijingAt(e.visits[n-1].on, 18*60)
		}
		b.add("ledger_entries", ledgerCols, childID, textArray(reasons), string(e.risk), dateOf(e.entered), left, leftWhy, dateOf(e.nextDue), updated)
		first := e.risk
		if e.oldRisk != "" {
			first = e.oldRisk
		}
		b.add("ledger_history", ledgerHistoryCols, childID, "ENTERED", detailJSON(map[string]any{"risk": first, "reasons": e.reasons}),
			beijingAt(e.entered, 10*60), director)
		if e.oldRisk != "" {
			b.add("ledger_history", ledgerHistoryCols, childID, "CHANGED", detailJSON(map[string]any{"risk": e.risk}), beijingAt(e.changed, 11*60), director)
		}
		if !e.left.IsZero() {
			b.add("ledger_history", ledgerHistoryCols, childID, "LEFT", detailJSON(map[string]any{"reason": e.leftWhy}), beijingAt(e.left, 11*60), director)
		}
		for k := range e.visits {
			v := &e.visits[k]
			findings, follow, err := w.sealer.Visit(&flowcare.Visit{Findings: v.findings, FollowUp: v.followUp})
			if err != nil {
				return err
			}
			created := beijingAt(v.on, 17*60)
			var by, reviewedAt, note any
			if v.status != flowcare.VisitPending {
				by, reviewedAt = supervisor, minTime(created.Add(time.Duration(24+k%96)*time.Hour), p.now.Add(-time.Minute))
			}
			if v.status == flowcare.VisitReturned {
				note = "请补充走访照片和监护人签字"
			}
			b.add("visits", visitCols, genID(kindVisit, int(e.child)*64+k), childID, dateOf(v.on), director, string(v.form), findings, orNull(follow),
				dateOf(v.on.AddDate(0, 0, e.cadenceD)), string(v.status), by, reviewedAt, note, created)
		}
		return nil
	})
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
