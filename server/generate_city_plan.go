package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"sync"
	"time"

	"flowcare/internal/flowcare"
)

// cityPlan is the whole set, decided before anything is written: every row
// and every id follow from the seed, and the stages only turn the plan into
// rows.
type cityPlan struct {
	opts   cityOptions
	counts cityCounts
	now    time.Time
	// today is the Beijing day, at midnight UTC as dates are kept.
	today time.Time
	geo   *cityGeo
	// hash is the demo password's hash, which every generated user shares.
	hash string

	users       []genUser
	cityCivil   int32
	civil       []int32         // by district
	supervisors map[int32]int32 // by street
	directors   map[int32]int32 // by community

	orgs       []genOrg
	services   []genService
	volunteers []genVolunteer
	slots      []genSlot
	events     []genEvent

	origins  []origin
	children []genChild
	ledger   []genLedgerEntry
	needs    []genNeed
	matches  []genMatch
	funding  *genFunding
	offers   *offerIndex

	ledgerCount, openNeeds, sessionCount int
}

type genUser struct {
	username, name string
	role           flowcare.Role
	area           string
	org            int32
	created        time.Time
}

type genOrg struct {
	kind     flowcare.OrganisationKind
	name     string
	district int32
	street   int32
	lat, lng float64
	cats     []flowcare.Category
	admin    int32
	staff    int32
	created  time.Time
}

type genService struct {
	org       int32
	title     string
	cats      []flowcare.Category
	minAge    int
	maxAge    int
	capacity  int
	langs     []string
	funded    bool
	status    flowcare.ServiceStatus
	community int32
	lat, lng  float64
	windows   []flowcare.TimeWindow
	created   time.Time
}

// Vetting of a generated volunteer.
const (
	vetFull = iota
	vetExpiring
	vetExpired
	vetPartial
	vetPending
	vetNone
)

type genVolunteer struct {
	name    string
	skills  []flowcare.Category
	langs   []string
	street  int32
	orgs    []int32
	vetting int
	hours   int
	windows []flowcare.TimeWindow
	created time.Time
}

type genSlot struct {
	venue     int32
	series    int32
	title     string
	cats      []flowcare.Category
	start     time.Time
	minutes   int
	capacity  int
	minAge    int
	maxAge    int
	perAdult  int
	cancelled bool
	booked    int
}

type genEvent struct {
	org       int32
	title     string
	cats      []flowcare.Category
	start     time.Time
	minutes   int
	community int32
	lat, lng  float64
	capacity  int
	minAge    int
	maxAge    int
	opens     time.Time
	status    flowcare.EventStatus
	booked    int
}

// volunteerUserBase starts the user numbers of volunteers, apart from staff.
const volunteerUserBase = 1 << 32

func (p *cityPlan) userID(u int32) string          { return genID(kindUser, int(u)) }
func (p *cityPlan) volunteerUserID(v int32) string { return genID(kindUser, volunteerUserBase+int(v)) }

// rng gives each part of the plan its own stream, so a change to one part
// leaves the others as they were.
func (p *cityPlan) rng(part uint64) *rand.Rand {
	return rand.New(rand.NewPCG(p.opts.Seed, part))
}

// cumulative weights, for choosing by weight with a binary search.
type weighted []float64

func newWeighted(ws []float64) weighted {
	cum := make(weighted, len(ws))
	sum := 0.0
	for i, w := range ws {
		sum += w
		cum[i] = sum
	}
	return cum
}

func (w weighted) pick(r *rand.Rand) int {
	x := r.Float64() * w[len(w)-1]
	return min(sort.SearchFloat64s(w, x), len(w)-1)
}

func (w weighted) empty() bool { return len(w) == 0 || w[len(w)-1] == 0 }

// categoryWeights is how often each category is asked for, and offered.
var categoryWeights = map[flowcare.Category]float64{
	flowcare.CatReadingGuidance: 14, flowcare.CatLetterCompanionship: 6, flowcare.CatRecreation: 14,
	flowcare.CatPsychologicalCounsel: 9, flowcare.CatRehabilitation: 3, flowcare.CatAutismSupport: 2,
	flowcare.CatCityIntegration: 12, flowcare.CatPublicCulture: 12, flowcare.CatFamilyEducation: 9,
	flowcare.CatLegalEducation: 5, flowcare.CatOneToOneSupport: 8, flowcare.CatParentEmployment: 6,
}

// ageRanges are the ages a category's offers usually take.
var ageRanges = map[flowcare.Category][2]int{
	flowcare.CatReadingGuidance: {3, 12}, flowcare.CatLetterCompanionship: {8, 15}, flowcare.CatRecreation: {6, 15},
	flowcare.CatPsychologicalCounsel: {6, 16}, flowcare.CatRehabilitation: {0, 14}, flowcare.CatAutismSupport: {2, 14},
	flowcare.CatCityIntegration: {6, 15}, flowcare.CatPublicCulture: {4, 15}, flowcare.CatFamilyEducation: {0, 16},
	flowcare.CatLegalEducation: {8, 16}, flowcare.CatOneToOneSupport: {6, 15}, flowcare.CatParentEmployment: {0, 16},
}

func ages(r *rand.Rand, c flowcare.Category) (int, int) {
	a := ageRanges[c]
	lo := max(0, a[0]+r.IntN(3)-1)
	hi := min(18, a[1]+r.IntN(3)-1)
	return lo, max(lo+2, hi)
}

// weeklyWindows are the times community services usually run.
var weeklyWindows = []flowcare.TimeWindow{
	{Day: 6, Start: 9 * 60, End: 11 * 60}, {Day: 6, Start: 14 * 60, End: 16 * 60}, {Day: 7, Start: 9*60 + 30, End: 11*60 + 30},
	{Day: 7, Start: 14 * 60, End: 17 * 60}, {Day: 3, Start: 16 * 60, End: 18 * 60}, {Day: 5, Start: 18*60 + 30, End: 20 * 60},
	{Day: 2, Start: 19 * 60, End: 20*60 + 30}, {Day: 6, Start: 10 * 60, End: 12 * 60},
}

func windows(r *rand.Rand, n int) []flowcare.TimeWindow {
	out := make([]flowcare.TimeWindow, 0, n)
	for _, i := range r.Perm(len(weeklyWindows))[:n] {
		out = append(out, weeklyWindows[i])
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Day < out[j].Day || out[i].Day == out[j].Day && out[i].Start < out[j].Start
	})
	return out
}

// orgKindShares are the kinds of organisation, by share of the total.
var orgKindShares = []struct {
	kind  flowcare.OrganisationKind
	share float64
}{
	{flowcare.OrgLibrary, 0.09}, {flowcare.OrgMuseum, 0.04}, {flowcare.OrgYouthLeague, 0.07},
	{flowcare.OrgWomensFederation, 0.06}, {flowcare.OrgOther, 0.02},
}

func day0(t time.Time) time.Time {
	y, m, d := t.In(flowcare.Beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// at is a Beijing time on a day kept as a date.
func beijingAt(dayUTC time.Time, minutes int) time.Time {
	return time.Date(dayUTC.Year(), dayUTC.Month(), dayUTC.Day(), 0, minutes, 0, 0, flowcare.Beijing)
}

// planCity decides the whole set.
func planCity(geo *cityGeo, opts cityOptions, counts cityCounts, hash string) (*cityPlan, error) {
	p := &cityPlan{opts: opts, counts: counts, now: opts.Now, today: day0(opts.Now), geo: geo, hash: hash,
		supervisors: map[int32]int32{}, directors: map[int32]int32{}}
	var err error
	if p.origins, err = loadOriginsOnce(); err != nil {
		return nil, err
	}
	p.planStaff()
	p.planOrganisations()
	p.planServices()
	p.planVolunteers()
	p.planSlots()
	p.planEvents()
	p.planChildren()
	p.planLedger()
	p.planNeeds()
	p.planMatches()
	p.planFunding()
	return p, nil
}

// originsCache holds the counties, read once per process.
var originsCache struct {
	once sync.Once
	list []origin
	cum  weighted
	err  error
}

func loadOriginsOnce() ([]origin, error) {
	originsCache.once.Do(func() {
		var cum []float64
		originsCache.list, cum, originsCache.err = loadOrigins()
		originsCache.cum = cum
	})
	return originsCache.list, originsCache.err
}

func (p *cityPlan) addUser(u genUser) int32 {
	if u.created.IsZero() {
		u.created = p.now.AddDate(-1, 0, 0)
	}
	p.users = append(p.users, u)
	return int32(len(p.users) - 1)
}

// planStaff makes civil-affairs staff for the city and each district.
func (p *cityPlan) planStaff() {
	p.cityCivil = p.addUser(genUser{username: "gen.civil.110000", name: "生成·北京市民政局工作人员", role: flowcare.RoleCivilAffairs,
		area: flowcare.CityAreaID, org: -1, created: p.now.AddDate(-3, 0, 0)})
	for _, d := range p.geo.districts {
		p.civil = append(p.civil, p.addUser(genUser{username: "gen.civil." + d.id, name: "生成·" + d.name + "民政工作人员",
			role: flowcare.RoleCivilAffairs, area: d.id, org: -1, created: p.now.AddDate(-3, 0, 0)}))
	}
}

// director returns the child director of a community, made when first asked.
func (p *cityPlan) director(c int32) int32 {
	if u, ok := p.directors[c]; ok {
		return u
	}
	cm := &p.geo.communities[c]
	u := p.addUser(genUser{username: "gen.director." + cm.id, name: "生成·" + cm.name + "儿童主任", role: flowcare.RoleChildDirector,
		area: cm.id, org: -1, created: p.now.AddDate(-4, 0, 0)})
	p.directors[c] = u
	return u
}

// supervisor returns the child supervisor of a street, made when first asked.
func (p *cityPlan) supervisor(s int32) int32 {
	if u, ok := p.supervisors[s]; ok {
		return u
	}
	st := &p.geo.streets[s]
	u := p.addUser(genUser{username: "gen.supervisor." + st.id, name: "生成·" + st.name + "儿童督导员", role: flowcare.RoleChildSupervisor,
		area: st.id, org: -1, created: p.now.AddDate(-4, 0, 0)})
	p.supervisors[s] = u
	return u
}

// districtWeights is where children live, by district; places that serve
// them follow, with a floor so that every district has some.
func (p *cityPlan) districtWeights() []float64 {
	ws := make([]float64, len(p.geo.districts))
	total := 0.0
	for i, d := range p.geo.districts {
		ws[i] = float64(len(d.communities)) * d.profile.weight
		total += ws[i]
	}
	for i := range ws {
		ws[i] = 0.75*ws[i]/total + 0.25/float64(len(ws))
	}
	return ws
}

func (p *cityPlan) planOrganisations() {
	r := p.rng(1)
	n := p.counts.Organisations
	kinds := make([]flowcare.OrganisationKind, 0, n)
	for _, k := range orgKindShares {
		for range max(1, int(math.Round(k.share*float64(n)))) {
			kinds = append(kinds, k.kind)
		}
	}
	for len(kinds) < n {
		kinds = append(kinds, flowcare.OrgSocial)
	}
	kinds = kinds[:n]
	r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	dpick := newWeighted(p.districtWeights())
	names := map[string]bool{}
	for i, kind := range kinds {
		d := int32(dpick.pick(r))
		dist := &p.geo.districts[d]
		s := dist.streets[r.IntN(len(dist.streets))]
		st := &p.geo.streets[s]
		o := genOrg{kind: kind, district: d, street: s, created: p.now.AddDate(-1-r.IntN(6), -r.IntN(12), 0)}
		o.lat, o.lng = offsetKm(st.lat, st.lng, r.NormFloat64()*0.5, r.NormFloat64()*0.5)
		base := orgName(r, kind, dist, st)
		o.name = base + genMark
		for k := 2; names[o.name]; k++ {
			o.name = fmt.Sprintf("%s（生成·%d）", base, k)
		}
		names[o.name] = true
		if kind == flowcare.OrgSocial || kind == flowcare.OrgOther {
			for _, c := range r.Perm(len(flowcare.Categories))[:3+r.IntN(4)] {
				o.cats = append(o.cats, flowcare.Categories[c])
			}
		}
		staffRole := map[flowcare.OrganisationKind]flowcare.Role{flowcare.OrgLibrary: flowcare.RoleVenueStaff, flowcare.OrgMuseum: flowcare.RoleVenueStaff,
			flowcare.OrgYouthLeague: flowcare.RoleEventOrganiser, flowcare.OrgWomensFederation: flowcare.RoleEventOrganiser}[kind]
		if staffRole == "" {
			staffRole = flowcare.RoleOrgStaff
		}
		fam := surname(r)
		o.admin = p.addUser(genUser{username: fmt.Sprintf("gen.org%05d.admin", i), name: fam + "主任" + genMark, role: flowcare.RoleOrgAdmin,
			org: int32(i), created: o.created})
		o.staff = p.addUser(genUser{username: fmt.Sprintf("gen.org%05d.staff", i), name: adultName(r, surname(r), r.IntN(2) == 0),
			role: staffRole, org: int32(i), created: o.created})
		p.orgs = append(p.orgs, o)
	}
}

func orgName(r *rand.Rand, kind flowcare.OrganisationKind, d *genDistrict, s *genStreet) string {
	switch kind {
	case flowcare.OrgLibrary:
		return d.name + s.short + "图书馆分馆"
	case flowcare.OrgMuseum:
		return d.name + s.short + oneOf(r, museumThemes) + "博物馆"
	case flowcare.OrgYouthLeague:
		return d.name + s.short + "团工委"
	case flowcare.OrgWomensFederation:
		return d.name + s.short + "妇联"
	case flowcare.OrgOther:
		return d.name + oneOf(r, orgWords) + "公益基金会"
	}
	return s.short + oneOf(r, orgWords) + oneOf(r, socialSuffixes)
}

// orgsOf lists the organisations of some kinds.
func (p *cityPlan) orgsOf(kinds ...flowcare.OrganisationKind) []int32 {
	var out []int32
	for i, o := range p.orgs {
		for _, k := range kinds {
			if o.kind == k {
				out = append(out, int32(i))
			}
		}
	}
	return out
}

func (p *cityPlan) planServices() {
	r := p.rng(2)
	providers := p.orgsOf(flowcare.OrgSocial, flowcare.OrgOther)
	if len(providers) == 0 {
		return
	}
	// Some organisations run many services, most a few dozen.
	ws := make([]float64, len(providers))
	for i := range ws {
		ws[i] = math.Exp(r.NormFloat64() * 0.6)
	}
	opick := newWeighted(ws)
	for i := range p.counts.Services {
		oi := providers[opick.pick(r)]
		o := &p.orgs[oi]
		cat := oneOf(r, o.cats)
		if i < len(flowcare.Categories) {
			// Every category is offered somewhere, however small the set.
			cat = flowcare.Categories[i]
		}
		s := genService{org: oi, cats: []flowcare.Category{cat}, capacity: 5 + r.IntN(36), funded: r.IntN(10) < 4,
			created: p.now.Add(-time.Duration(30+r.IntN(700)) * 24 * time.Hour)}
		if second := oneOf(r, o.cats); second != cat && r.IntN(3) == 0 {
			s.cats = append(s.cats, second)
		}
		st := &p.geo.streets[o.street]
		s.title = st.short + oneOf(r, serviceTitles[cat]) + genMark
		s.minAge, s.maxAge = ages(r, cat)
		s.langs = []string{"普通话"}
		if r.IntN(5) == 0 {
			s.langs = append(s.langs, oneOf(r, []string{"河南话", "四川话", "山东话", "东北话", "粤语", "河北话", "湖北话"}))
		}
		switch x := r.IntN(100); {
		case x < 88 || i < len(flowcare.Categories):
			s.status = flowcare.ServiceActive
		case x < 93:
			s.status = flowcare.ServicePaused
		case x < 97:
			s.status = flowcare.ServiceDraft
		default:
			s.status = flowcare.ServiceEnded
		}
		// Delivered near the organisation, in one of its street's communities
		// when the street has any.
		s.community = -1
		if len(st.communities) > 0 {
			s.community = st.communities[r.IntN(len(st.communities))]
		}
		s.lat, s.lng = offsetKm(o.lat, o.lng, r.NormFloat64()*0.8, r.NormFloat64()*0.8)
		s.windows = windows(r, 1+r.IntN(3))
		p.services = append(p.services, s)
	}
}

func (p *cityPlan) planVolunteers() {
	r := p.rng(3)
	social := p.orgsOf(flowcare.OrgSocial)
	if len(social) == 0 {
		social = p.orgsOf(flowcare.OrgOther)
	}
	byDistrict := map[int32][]int32{}
	for _, o := range social {
		byDistrict[p.orgs[o].district] = append(byDistrict[p.orgs[o].district], o)
	}
	dpick := newWeighted(p.districtWeights())
	volunteerSkills := newWeighted([]float64{20, 15, 14, 4, 1, 1, 10, 5, 8, 3, 18, 1})
	for range p.counts.Volunteers {
		d := int32(dpick.pick(r))
		dist := &p.geo.districts[d]
		v := genVolunteer{street: dist.streets[r.IntN(len(dist.streets))], hours: 4 + r.IntN(17),
			created: p.now.Add(-time.Duration(20+r.IntN(900)) * 24 * time.Hour)}
		fam := surname(r)
		switch r.IntN(3) {
		case 0:
			v.name = "小" + fam + genMark
		case 1:
			v.name = fam + oneOf(r, []string{"老师", "阿姨", "叔叔", "姐姐", "哥哥"}) + genMark
		default:
			v.name = adultName(r, fam, r.IntN(2) == 0)
		}
		for range 1 + r.IntN(3) {
			c := flowcare.Categories[volunteerSkills.pick(r)]
			if !containsCat(v.skills, c) {
				v.skills = append(v.skills, c)
			}
		}
		v.langs = []string{"普通话"}
		if r.IntN(4) == 0 {
			v.langs = append(v.langs, oneOf(r, []string{"河南话", "四川话", "山东话", "东北话", "粤语", "英语"}))
		}
		local := byDistrict[d]
		if len(local) == 0 {
			local = social
		}
		if len(local) > 0 {
			v.orgs = []int32{local[r.IntN(len(local))]}
			if r.IntN(7) == 0 {
				if o := social[r.IntN(len(social))]; o != v.orgs[0] {
					v.orgs = append(v.orgs, o)
				}
			}
		}
		switch x := r.IntN(100); {
		case x < 78:
			v.vetting = vetFull
		case x < 85:
			v.vetting = vetExpiring
		case x < 90:
			v.vetting = vetExpired
		case x < 94:
			v.vetting = vetPartial
		case x < 97:
			v.vetting = vetPending
		default:
			v.vetting = vetNone
		}
		v.windows = windows(r, 1+r.IntN(3))
		p.volunteers = append(p.volunteers, v)
	}
}

func containsCat(cs []flowcare.Category, c flowcare.Category) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// slotWeeksBack and slotWeeksAhead are how far venues' weekly series run.
const slotWeeksBack, slotWeeksAhead = 26, 13

func (p *cityPlan) planSlots() {
	r := p.rng(4)
	venues := p.orgsOf(flowcare.OrgLibrary, flowcare.OrgMuseum)
	if len(venues) == 0 || p.counts.Slots == 0 {
		return
	}
	weeks := slotWeeksBack + slotWeeksAhead
	first := p.today.AddDate(0, 0, -7*slotWeeksBack)
	series := int32(0)
	for vi, v := range venues {
		n := p.counts.Slots / len(venues)
		if vi < p.counts.Slots%len(venues) {
			n++
		}
		for n > 0 {
			t := slotTitles[r.IntN(len(slotTitles))]
			wd := oneOf(r, []int{6, 6, 7, 7, 3, 5})
			hour := 9 + r.IntN(8)
			minutes := oneOf(r, []int{60, 90, 120})
			capacity := 10 + r.IntN(31)
			lo, hi := ages(r, t.cat)
			// The first session on the series' weekday on or after first.
			startDay := first.AddDate(0, 0, (wd-isoWeekday(first)+7)%7)
			k0 := r.IntN(4)
			for k := k0; k < weeks && n > 0; k++ {
				s := genSlot{venue: v, series: series, title: t.title + genMark, cats: []flowcare.Category{flowcare.CatPublicCulture, t.cat},
					start: beijingAt(startDay.AddDate(0, 0, 7*k), hour*60), minutes: minutes, capacity: capacity, minAge: lo, maxAge: hi,
					perAdult: 2 + r.IntN(3), cancelled: r.IntN(100) < 3}
				if t.cat == flowcare.CatPublicCulture {
					s.cats = s.cats[:1]
				}
				p.slots = append(p.slots, s)
				n--
			}
			series++
		}
	}
}

func isoWeekday(t time.Time) int {
	wd := int(t.Weekday())
	if wd == 0 {
		return 7
	}
	return wd
}

func (p *cityPlan) planEvents() {
	r := p.rng(5)
	orgs := p.orgsOf(flowcare.OrgYouthLeague, flowcare.OrgWomensFederation)
	if len(orgs) == 0 {
		return
	}
	span := 365 + 180
	for i := range p.counts.Events {
		oi := orgs[i%len(orgs)]
		o := &p.orgs[oi]
		t := eventTitles[r.IntN(len(eventTitles))]
		dayN := p.today.AddDate(0, 0, r.IntN(span)-365)
		startMin := oneOf(r, []int{9*60 + 30, 14 * 60, 14 * 60, 15 * 60, 19 * 60})
		e := genEvent{org: oi, title: t.title + genMark, cats: t.cats, start: beijingAt(dayN, startMin), minutes: oneOf(r, []int{90, 120, 180}),
			capacity: 20 + r.IntN(131), community: -1}
		st := &p.geo.streets[o.street]
		if len(st.communities) > 0 {
			e.community = st.communities[r.IntN(len(st.communities))]
		}
		e.lat, e.lng = offsetKm(o.lat, o.lng, r.NormFloat64()*1.2, r.NormFloat64()*1.2)
		e.minAge, e.maxAge = ages(r, t.cats[0])
		e.opens = e.start.AddDate(0, 0, -7-r.IntN(24))
		future := e.start.After(p.now)
		switch x := r.IntN(100); {
		case future && x < 8:
			e.status = flowcare.EventDraft
		case x < 12 && (future || x < 4):
			e.status = flowcare.EventCancelled
		default:
			e.status = flowcare.EventPublished
		}
		p.events = append(p.events, e)
	}
}

// place is where an offer's places lie, for matching by district.
func (p *cityPlan) serviceDistrict(i int32) int32 { return p.orgs[p.services[i].org].district }
func (p *cityPlan) volunteerDistrict(i int32) int32 {
	return p.geo.streets[p.volunteers[i].street].district
}
func (p *cityPlan) slotDistrict(i int32) int32  { return p.orgs[p.slots[i].venue].district }
func (p *cityPlan) eventDistrict(i int32) int32 { return p.orgs[p.events[i].org].district }

// offerTitle is an offer's title as a match records it.
func (p *cityPlan) offerTitle(e flowcare.Entity, i int32) string {
	switch e {
	case flowcare.EntityService:
		return p.services[i].title
	case flowcare.EntityVolunteer:
		return p.volunteers[i].name
	case flowcare.EntitySlot:
		return p.slots[i].title
	}
	return p.events[i].title
}
