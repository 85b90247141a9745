package matching

import (
	"context"
	"strings"
	"time"

	"flowcare/internal/flowcare"
)

// Store is what the matching use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Areas() flowcare.AreaStore
	Children() flowcare.ChildStore
	Care() flowcare.CareStore
	Directory() flowcare.DirectoryStore
	Matches() flowcare.MatchStore
	Audit() flowcare.AuditStore

	// GoodMatchesOf and OpenMatchesOf are GoodMatches and the open matches
	// of many children and needs at once, for batch proposals.
	GoodMatchesOf(ctx context.Context, childIDs []string) (map[string]map[flowcare.Entity][]string, error)
	OpenMatchesOf(ctx context.Context, needIDs []string) ([]*flowcare.Match, error)
}

// Config tunes matching.
type Config struct {
	// MaxKm is the farthest an offer may be from the child's community.
	MaxKm float64
	// PerEntity is how many candidates each index contributes.
	PerEntity int
	Weights   flowcare.MatchWeights
	// BatchWorkers is how many batches of needs a batch proposal works on
	// at once, each loading, ranking or writing while the others wait.
	BatchWorkers int
	// BatchSize is how many needs a batch proposal loads, ranks and writes
	// together.
	BatchSize int
}

// DefaultConfig suits a city: ten kilometres is about as far as a child
// travels for a weekly service.
var DefaultConfig = Config{MaxKm: 10, PerEntity: 10, Weights: flowcare.DefaultMatchWeights, BatchWorkers: 3, BatchSize: 20}

// Service runs the matching use cases.
type Service struct {
	store   Store
	matcher flowcare.Matcher
	cfg     Config
	now     func() time.Time
}

// New returns the matching use cases.
func New(store Store, matcher flowcare.Matcher, cfg Config, now func() time.Time) *Service {
	if cfg.PerEntity <= 0 {
		cfg.PerEntity = DefaultConfig.PerEntity
	}
	if cfg.Weights == (flowcare.MatchWeights{}) {
		cfg.Weights = DefaultConfig.Weights
	}
	if cfg.BatchWorkers <= 0 {
		cfg.BatchWorkers = DefaultConfig.BatchWorkers
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = DefaultConfig.BatchSize
	}
	return &Service{store: store, matcher: matcher, cfg: cfg, now: now}
}

// Candidate is a ranked offer for a need, with the open match already made
// for it, if any.
type Candidate struct {
	flowcare.MatchCandidate
	OpenMatchID *string
}

// CandidateList is the ranked offers for one need.
type CandidateList struct {
	Need  *flowcare.Need
	MaxKm float64
	// DistanceFrom is the level of the area distances are measured from: the
	// child's community, or the nearest area above it with a point, in which
	// case every distance is an estimate.
	DistanceFrom flowcare.AreaLevel
	Candidates   []Candidate
}

// needContext is a need with what matching knows of its child.
type needContext struct {
	need  *flowcare.Need
	child *flowcare.Child
	// distanceFrom is set by query: the level of the area distances are
	// measured from.
	distanceFrom flowcare.AreaLevel
}

func (s *Service) loadNeed(ctx context.Context, a *flowcare.Actor, needID string) (*needContext, error) {
	n, err := s.store.Care().NeedByID(ctx, needID)
	if err != nil {
		return nil, err
	}
	cs, err := s.store.Children().ChildrenByIDs(ctx, []string{n.ChildID})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 || !CanMatch(a, cs[0].AreaPath) {
		// Someone who may not match the need learns nothing about it.
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "需求不存在")
	}
	return &needContext{need: n, child: cs[0]}, nil
}

func matchable(n *flowcare.Need) error {
	if n.Status == flowcare.NeedMet || n.Status == flowcare.NeedWithdrawn {
		return flowcare.Errorf(flowcare.ECONFLICT, "这个需求已满足或已撤回，不能再匹配")
	}
	return nil
}

// origin is the centre of the child's community, or of the nearest area
// above it that has one, with that area's level.
func (s *Service) origin(ctx context.Context, c *flowcare.Child) (flowcare.GeoPoint, flowcare.AreaLevel, error) {
	areas, err := s.store.Areas().AreasByIDs(ctx, strings.Split(c.AreaPath, "/"))
	if err != nil {
		return flowcare.GeoPoint{}, "", err
	}
	byID := map[string]*flowcare.Area{}
	for _, a := range areas {
		byID[a.ID] = a
	}
	return originOf(c, byID)
}

// originOf finds the origin among areas already loaded by id.
func originOf(c *flowcare.Child, byID map[string]*flowcare.Area) (flowcare.GeoPoint, flowcare.AreaLevel, error) {
	ids := strings.Split(c.AreaPath, "/")
	for i := len(ids) - 1; i >= 0; i-- {
		if a := byID[ids[i]]; a != nil && a.Latitude != nil && a.Longitude != nil {
			return flowcare.GeoPoint{Lat: *a.Latitude, Lon: *a.Longitude}, a.Level, nil
		}
	}
	return flowcare.GeoPoint{}, "", flowcare.Errorf(flowcare.EINVALID, "儿童所在社区及其上级都没有坐标，无法按距离匹配")
}

func (s *Service) query(ctx context.Context, nc *needContext) (flowcare.MatchQuery, error) {
	// The child's areas and its good matches are read at the same time.
	var good map[flowcare.Entity][]string
	var goodErr error
	read := make(chan struct{})
	go func() {
		defer close(read)
		good, goodErr = s.store.Matches().GoodMatches(ctx, nc.child.ID)
	}()
	origin, level, err := s.origin(ctx, nc.child)
	<-read
	if err != nil {
		return flowcare.MatchQuery{}, err
	}
	if goodErr != nil {
		return flowcare.MatchQuery{}, goodErr
	}
	nc.distanceFrom = level
	return s.matchQuery(nc, origin, good), nil
}

// matchQuery is the search for a need from the child's origin, with the
// offers the child already had a good match with.
func (s *Service) matchQuery(nc *needContext, origin flowcare.GeoPoint, good map[flowcare.Entity][]string) flowcare.MatchQuery {
	now := s.now()
	q := flowcare.MatchQuery{
		Category: nc.need.Category, Age: flowcare.AgeOn(nc.child.BirthDate, now.In(flowcare.Beijing)),
		Origin: origin, MaxKm: s.cfg.MaxKm, Windows: nc.need.Windows, Language: nc.need.Language,
		Languages: nc.child.Languages, RequireLanguage: nc.need.Language != "", Now: now,
		Continuity: good, PerEntity: s.cfg.PerEntity, Weights: s.cfg.Weights,
	}
	// A child who can go anywhere is not held to the distance limit;
	// distance still ranks.
	if nc.need.Place == flowcare.PlaceAny {
		q.MaxKm = 0
	}
	return q
}

func (s *Service) rank(ctx context.Context, nc *needContext) ([]Candidate, error) {
	q, err := s.query(ctx, nc)
	if err != nil {
		return nil, err
	}
	// The need's open matches are read while the search runs.
	var open []*flowcare.Match
	var openErr error
	read := make(chan struct{})
	go func() {
		defer close(read)
		open, openErr = s.store.OpenMatchesOf(ctx, []string{nc.need.ID})
	}()
	found, err := s.matcher.Match(ctx, q)
	<-read
	if err != nil {
		return nil, flowcare.Wrap(err, "查找匹配的服务")
	}
	if openErr != nil {
		return nil, openErr
	}
	out := make([]Candidate, len(found))
	for i, c := range found {
		out[i] = Candidate{MatchCandidate: c}
		for _, m := range open {
			if m.Entity == c.Entity && m.OfferID == c.ID {
				id := m.ID
				out[i].OpenMatchID = &id
			}
		}
	}
	return out, nil
}

// Candidates ranks offers for one need, each with its explanation.
func (s *Service) Candidates(ctx context.Context, needID string) (*CandidateList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	nc, err := s.loadNeed(ctx, a, needID)
	if err != nil {
		return nil, err
	}
	if err := matchable(nc.need); err != nil {
		return nil, err
	}
	cs, err := s.rank(ctx, nc)
	if err != nil {
		return nil, err
	}
	maxKm := s.cfg.MaxKm
	if nc.need.Place == flowcare.PlaceAny {
		maxKm = 0
	}
	return &CandidateList{Need: nc.need, MaxKm: maxKm, DistanceFrom: nc.distanceFrom, Candidates: cs}, nil
}

// ProposeInput picks one candidate for a need.
type ProposeInput struct {
	Entity  flowcare.Entity
	OfferID string
	// Send makes the request to the provider at once instead of leaving a
	// proposal for review.
	Send    bool
	Pairing *flowcare.Pairing
	Note    string
}

// pairingCategories are the needs met by a long-term one-to-one companion.
var pairingCategories = map[flowcare.Category]bool{
	flowcare.CatReadingGuidance: true, flowcare.CatLetterCompanionship: true, flowcare.CatOneToOneSupport: true,
	flowcare.CatPsychologicalCounsel: true,
}

func checkPairing(p *flowcare.Pairing, e flowcare.Entity, c flowcare.Category) error {
	if p == nil {
		return nil
	}
	if e != flowcare.EntityVolunteer && e != flowcare.EntityService {
		return flowcare.Invalid("pairing", "只有志愿者或服务项目可以建立长期结对")
	}
	if !pairingCategories[c] {
		return flowcare.Invalid("pairing", "长期结对适用于阅读陪伴、书信陪伴、一对一帮扶和心理辅导需求")
	}
	if p.TimesPerMonth < 1 || p.TimesPerMonth > 31 {
		return flowcare.Invalid("pairing.timesPerMonth", "每月次数需在 1 到 31 之间")
	}
	if p.Weeks < 1 || p.Weeks > 104 {
		return flowcare.Invalid("pairing.weeks", "结对周数需在 1 到 104 之间")
	}
	return nil
}

func checkNote(field, label, v string, required bool) (string, error) {
	return flowcare.Text(field, label, v, required, 500)
}

// Propose makes a match between a need and one of its ranked candidates.
// The candidate is ranked again, so an offer that no longer passes the hard
// filters (distance, time, seats, vetting) cannot be matched.
func (s *Service) Propose(ctx context.Context, needID string, in ProposeInput) (*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	nc, err := s.loadNeed(ctx, a, needID)
	if err != nil {
		return nil, err
	}
	if err := matchable(nc.need); err != nil {
		return nil, err
	}
	if err := checkPairing(in.Pairing, in.Entity, nc.need.Category); err != nil {
		return nil, err
	}
	note, err := checkNote("note", "备注", in.Note, false)
	if err != nil {
		return nil, err
	}
	cs, err := s.rank(ctx, nc)
	if err != nil {
		return nil, err
	}
	var pick *Candidate
	for i := range cs {
		if cs[i].Entity == in.Entity && cs[i].ID == in.OfferID {
			pick = &cs[i]
		}
	}
	if pick == nil {
		return nil, flowcare.Invalid("offerId", "这个提供方现在不符合该需求的条件（类别、年龄、距离、时间、名额或审核），请从候选列表中选择")
	}
	if pick.OpenMatchID != nil {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "这个需求已有一条进行中的匹配指向“%s”", pick.Title)
	}
	var m *flowcare.Match
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		m, err = s.createMatch(ctx, tx, a, nc.need, pick, in.Pairing, note)
		if err != nil {
			return err
		}
		if in.Send {
			return s.send(ctx, tx, a, m)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Service) createMatch(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, n *flowcare.Need, c *Candidate, p *flowcare.Pairing, note string) (*flowcare.Match, error) {
	score := c.Score
	m := &flowcare.Match{NeedID: n.ID, ChildID: n.ChildID, Category: n.Category, Entity: c.Entity, OfferID: c.ID,
		OfferTitle: c.Title, Status: flowcare.MatchProposed, Score: &score, Factors: c.Factors, Pairing: p, Note: note}
	if c.Entity == flowcare.EntityVolunteer {
		id := c.ID
		m.ProviderVolunteerID = &id
	} else {
		if c.OrganisationID == "" {
			return nil, flowcare.Errorf(flowcare.EINTERNAL, "候选服务没有所属机构")
		}
		org := c.OrganisationID
		m.ProviderOrgID = &org
	}
	if err := tx.Matches().CreateMatch(ctx, m, a.UserID); err != nil {
		return nil, err
	}
	if n.Status == flowcare.NeedOpen {
		if err := tx.Care().SetNeedStatus(ctx, n.ID, flowcare.NeedMatching, "已提出匹配："+c.Title, a.UserID, s.now()); err != nil {
			return nil, err
		}
		n.Status = flowcare.NeedMatching
	}
	return m, nil
}

// send moves a proposal to a request and tells the provider.
func (s *Service) send(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, m *flowcare.Match) error {
	if err := s.move(ctx, tx, a, m, flowcare.MatchRequested, nil, m.Note); err != nil {
		return err
	}
	users, err := s.providerUsers(ctx, tx, m)
	if err != nil {
		return err
	}
	return s.notify(ctx, tx, users, "MATCH_REQUESTED", "新的服务请求："+m.OfferTitle,
		"有一名儿童的需求匹配到了您，请在收件箱中接受或婉拒。", m)
}

// move checks and records one step of a match's loop.
func (s *Service) move(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, m *flowcare.Match, to flowcare.MatchStatus, reason *flowcare.OutcomeReason, note string) error {
	if !m.Status.CanMoveTo(to) {
		return flowcare.Errorf(flowcare.ECONFLICT, "匹配当前为“%s”，不能改为“%s”", statusLabel[m.Status], statusLabel[to])
	}
	return tx.Matches().MoveMatch(ctx, m, to, reason, note, a.UserID, s.now())
}

var statusLabel = map[flowcare.MatchStatus]string{
	flowcare.MatchProposed: "待发送", flowcare.MatchRequested: "已发送", flowcare.MatchAccepted: "已接受",
	flowcare.MatchDeclined: "已婉拒", flowcare.MatchInProgress: "服务中", flowcare.MatchCompleted: "已完成",
	flowcare.MatchFailed: "未成功", flowcare.MatchCancelled: "已取消",
}

// SendRequests sends proposals to their providers, all or none.
func (s *Service) SendRequests(ctx context.Context, ids []string) ([]*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, flowcare.Invalid("ids", "请至少选择一条待发送的匹配")
	}
	if len(ids) > flowcare.MaxPageSize {
		return nil, flowcare.Invalid("ids", "一次最多发送 %d 条", flowcare.MaxPageSize)
	}
	var out []*flowcare.Match
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		for _, id := range ids {
			m, err := tx.Matches().LockMatch(ctx, id)
			if err != nil {
				return err
			}
			if !CanMatch(a, m.AreaPath) {
				return flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
			}
			if m.Status != flowcare.MatchProposed {
				return flowcare.Errorf(flowcare.ECONFLICT, "“%s”的匹配已经是“%s”，不是待发送状态", m.OfferTitle, statusLabel[m.Status])
			}
			if err := s.send(ctx, tx, a, m); err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	return out, err
}

// QueryFor is the search query Candidates sends for a need, for measuring
// the search copy on its own.
func (s *Service) QueryFor(ctx context.Context, needID string) (flowcare.MatchQuery, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return flowcare.MatchQuery{}, err
	}
	nc, err := s.loadNeed(ctx, a, needID)
	if err != nil {
		return flowcare.MatchQuery{}, err
	}
	return s.query(ctx, nc)
}
