package children

import (
	"context"
	"regexp"
	"strings"
	"time"

	"flowcare/internal/flowcare"
)

// Store is what the child use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Areas() flowcare.AreaStore
	Children() flowcare.ChildStore
	Care() flowcare.CareStore
	Audit() flowcare.AuditStore
}

// Service runs the child use cases.
type Service struct {
	store          Store
	now            func() time.Time
	importDeadline time.Duration
	// importChunk is how many new children an import writes per statement;
	// zero is DefaultImportChunk.
	importChunk int
}

// New returns the child use cases.
func New(store Store, now func() time.Time) *Service {
	return &Service{store: store, now: now, importDeadline: DefaultImportDeadline}
}

// Today is the current day in Beijing.
func (s *Service) Today() time.Time {
	y, m, d := s.now().In(flowcare.Beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// GuardianInput is one guardian as entered.
type GuardianInput struct {
	Name, Relation, Phone string
	Primary               bool
}

// ChildInput is a child's record as entered.
type ChildInput struct {
	Name        string
	Gender      flowcare.Gender
	BirthDate   time.Time
	IDNumber    string
	NoIDReason  string
	Hukou       flowcare.HukouOrigin
	MovedWith   flowcare.MovedWith
	CommunityID string
	Address     string
	ArrivedOn   time.Time
	School      string
	Languages   []string
	Disability  string
	Guardians   []GuardianInput
}

var phoneRE = regexp.MustCompile(`^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$`)

// build checks input and turns it into a record; community is the child's
// community, already looked up.
func (s *Service) build(in ChildInput, registering bool) (*flowcare.Child, error) {
	c := &flowcare.Child{Status: flowcare.ChildActive, CommunityID: in.CommunityID}
	var err error
	if c.Name, err = flowcare.Text("name", "儿童姓名", in.Name, true, 40); err != nil {
		return nil, err
	}
	if in.Gender != flowcare.GenderFemale && in.Gender != flowcare.GenderMale {
		return nil, flowcare.Invalid("gender", "请选择性别")
	}
	today := s.Today()
	if in.BirthDate.IsZero() || in.BirthDate.After(today) {
		return nil, flowcare.Invalid("birthDate", "出生日期不能晚于今天")
	}
	if registering && flowcare.AgeOn(in.BirthDate, today) >= 16 {
		return nil, flowcare.Invalid("birthDate", "儿童已满 16 周岁，不属于流动儿童关爱服务对象，无法登记")
	}
	c.Gender, c.BirthDate = in.Gender, in.BirthDate
	c.IDNumber = strings.ToUpper(strings.TrimSpace(in.IDNumber))
	if c.IDNumber != "" {
		if ok, why := flowcare.ValidIDNumber(c.IDNumber, in.BirthDate); !ok {
			return nil, flowcare.Invalid("idNumber", "%s", why)
		}
	} else {
		if c.NoIDReason, err = flowcare.Text("noIdReason", "无身份证号码的原因", in.NoIDReason, true, 200); err != nil {
			return nil, flowcare.Invalid("noIdReason", "请填写身份证号码，或说明没有身份证号码的原因")
		}
	}
	if c.Hukou.Province, err = flowcare.Text("hukouProvince", "户籍所在省份", in.Hukou.Province, true, 20); err != nil {
		return nil, err
	}
	if c.Hukou.City, err = flowcare.Text("hukouCity", "户籍所在市", in.Hukou.City, false, 30); err != nil {
		return nil, err
	}
	if c.Hukou.County, err = flowcare.Text("hukouCounty", "户籍所在县（区）", in.Hukou.County, true, 30); err != nil {
		return nil, err
	}
	switch in.MovedWith {
	case flowcare.MovedWithOneGuardian, flowcare.MovedWithBothGuardians, flowcare.MovedWithOtherCarer, flowcare.MovedAlone:
		c.MovedWith = in.MovedWith
	default:
		return nil, flowcare.Invalid("movedWith", "请选择随谁离开户籍地")
	}
	if in.ArrivedOn.IsZero() || in.ArrivedOn.After(today) {
		return nil, flowcare.Invalid("arrivedOn", "来京居住日期不能晚于今天")
	}
	if in.ArrivedOn.Before(in.BirthDate) {
		return nil, flowcare.Invalid("arrivedOn", "来京居住日期不能早于出生日期")
	}
	c.ArrivedOn = in.ArrivedOn
	if c.Address, err = flowcare.Text("address", "详细住址", in.Address, false, 200); err != nil {
		return nil, err
	}
	if c.School, err = flowcare.Text("school", "就读学校或幼儿园", in.School, false, 100); err != nil {
		return nil, err
	}
	if c.Disability, err = flowcare.Text("disability", "残疾情况", in.Disability, false, 100); err != nil {
		return nil, err
	}
	if c.Languages, err = flowcare.Texts("languages", "语言", in.Languages, 10, 20); err != nil {
		return nil, err
	}
	if len(in.Guardians) == 0 || len(in.Guardians) > 4 {
		return nil, flowcare.Invalid("guardians", "请登记 1 至 4 名监护人")
	}
	for i, g := range in.Guardians {
		gd := flowcare.Guardian{Primary: g.Primary || i == 0 && !anyPrimary(in.Guardians)}
		if gd.Name, err = flowcare.Text("guardians", "监护人姓名", g.Name, true, 40); err != nil {
			return nil, err
		}
		if gd.Relation, err = flowcare.Text("guardians", "与儿童关系", g.Relation, true, 20); err != nil {
			return nil, err
		}
		gd.Phone = strings.TrimSpace(g.Phone)
		if gd.Phone != "" && !phoneRE.MatchString(gd.Phone) {
			return nil, flowcare.Invalid("guardians", "监护人电话“%s”格式不正确：手机为 11 位，固话如 010-12345678", gd.Phone)
		}
		c.Guardians = append(c.Guardians, gd)
	}
	return c, nil
}

func anyPrimary(gs []GuardianInput) bool {
	for _, g := range gs {
		if g.Primary {
			return true
		}
	}
	return false
}

// community looks up the child's community and its district.
func (s *Service) community(ctx context.Context, id string) (*flowcare.Area, *flowcare.Area, error) {
	as, err := s.store.Areas().AreasByIDs(ctx, []string{id})
	if err != nil {
		return nil, nil, err
	}
	if len(as) == 0 || as[0].Level != flowcare.AreaCommunity {
		return nil, nil, flowcare.Invalid("communityId", "请选择儿童居住的社区（村）；“%s”不是已登记的社区", id)
	}
	parts := strings.Split(as[0].Path, "/")
	ds, err := s.store.Areas().AreasByIDs(ctx, []string{parts[1]})
	if err != nil || len(ds) == 0 {
		return nil, nil, flowcare.Internal(err)
	}
	return as[0], ds[0], nil
}

// CheckEligibility computes eligibility for input without writing anything,
// for live feedback while a record is being entered.
func (s *Service) CheckEligibility(ctx context.Context, in ChildInput) (*flowcare.Eligibility, error) {
	if _, err := flowcare.RequireActor(ctx); err != nil {
		return nil, err
	}
	_, district, err := s.community(ctx, in.CommunityID)
	if err != nil {
		return nil, err
	}
	c := &flowcare.Child{BirthDate: in.BirthDate, Hukou: in.Hukou, MovedWith: in.MovedWith, ArrivedOn: in.ArrivedOn}
	e := flowcare.ComputeEligibility(c, district.ID, district.Name, s.Today())
	return &e, nil
}

func (s *Service) audit(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, action, childID string, detail map[string]any) error {
	return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, action, "child:"+childID, detail)
}

// Register records a new child in an area the actor covers. A child already
// registered (same ID number) is refused; one with the same name and birth
// date is refused unless confirmed as a different child. Of a match outside
// the actor's area they are told only RegisteredElsewhere, which no
// confirmation overrides (they cannot compare a record they may not see),
// and the attempt is audited on the matched child's file.
func (s *Service) Register(ctx context.Context, in ChildInput, confirmNotDuplicate bool) (*flowcare.Child, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	comm, district, err := s.community(ctx, in.CommunityID)
	if err != nil {
		return nil, err
	}
	if !CanRegister(a, comm.Path) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您只能登记自己负责区域内的儿童")
	}
	c, err := s.build(in, true)
	if err != nil {
		return nil, err
	}
	c.RegisteredBy, c.AreaPath = a.UserID, comm.Path
	var elsewhere []elsewhereAttempt
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		found, err := tx.Children().FindDuplicates(ctx, []*flowcare.Child{c})
		if err != nil {
			return err
		}
		m := sortMatches(a, found[0])
		switch {
		case len(m.mineByID) > 0:
			return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "idNumber", Message: "该身份证号码的儿童已经登记，请在名单中查找并更新原记录"}
		case m.elsewhereByID():
			// An ID number registered elsewhere decides, whatever names match here.
		case len(m.mineByName) > 0 && !confirmNotDuplicate:
			return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "name", Message: "已有同名且出生日期相同的儿童登记；如确为不同儿童，请确认后再提交"}
		}
		if len(m.elsewhere) > 0 {
			elsewhere = []elsewhereAttempt{{community: c.CommunityID, matches: m.elsewhere}}
			return errRegisteredElsewhere()
		}
		if err := tx.Children().CreateChild(ctx, c); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "child.registered", c.ID, map[string]any{"community": c.CommunityID})
	})
	if err != nil {
		if aerr := s.recordElsewhere(ctx, a, viaRegister, elsewhere); aerr != nil {
			return nil, flowcare.Wrap(aerr, "audit register attempt")
		}
		return nil, flowcare.Wrap(err, "register child")
	}
	e := flowcare.ComputeEligibility(c, district.ID, district.Name, s.Today())
	c.Eligibility = &e
	return c, nil
}

// Update changes a child's record; the child may move to another community
// within the actor's areas.
func (s *Service) Update(ctx context.Context, id string, in ChildInput) (*flowcare.Child, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	old, err := s.store.Children().ChildByID(ctx, id)
	if err != nil || !CanRegister(a, old.AreaPath) {
		return nil, notVisible(err)
	}
	comm, district, err := s.community(ctx, in.CommunityID)
	if err != nil {
		return nil, err
	}
	if !CanRegister(a, comm.Path) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "儿童只能迁入您负责区域内的社区")
	}
	c, err := s.build(in, false)
	if err != nil {
		return nil, err
	}
	c.ID, c.Status, c.LastReviewedOn, c.RegisteredBy, c.AreaPath = old.ID, old.Status, old.LastReviewedOn, old.RegisteredBy, comm.Path
	var elsewhere []elsewhereAttempt
	// Guardians keep their ids by position, so consents stay linked.
	for i := range c.Guardians {
		if i < len(old.Guardians) {
			c.Guardians[i].ID = old.Guardians[i].ID
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		found, err := tx.Children().FindDuplicates(ctx, []*flowcare.Child{c})
		if err != nil {
			return err
		}
		m := sortMatches(a, found[0])
		if len(m.mineByID) > 0 {
			return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "idNumber", Message: "该身份证号码已登记给另一名儿童"}
		}
		if m.elsewhereByID() {
			for _, e := range m.elsewhere {
				if e.ByIDNumber {
					elsewhere = append(elsewhere, elsewhereAttempt{community: c.CommunityID, matches: []flowcare.ChildMatch{e}})
				}
			}
			return errRegisteredElsewhere()
		}
		if err := tx.Children().UpdateChild(ctx, c); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "child.updated", c.ID, nil)
	})
	if err != nil {
		if aerr := s.recordElsewhere(ctx, a, viaUpdate, elsewhere); aerr != nil {
			return nil, flowcare.Wrap(aerr, "audit update attempt")
		}
		return nil, flowcare.Wrap(err, "update child")
	}
	e := flowcare.ComputeEligibility(c, district.ID, district.Name, s.Today())
	c.Eligibility = &e
	return c, nil
}

// notVisible hides whether a child exists from someone who may not see it.
func notVisible(err error) error {
	if err != nil && flowcare.ErrorCode(err) != flowcare.ENOTFOUND {
		return err
	}
	return flowcare.Errorf(flowcare.ENOTFOUND, "儿童档案不存在，或您无权查看")
}

// File parts, named in the audit entry of each read.
const (
	PartProfile   = "profile"
	PartIDNumber  = "id_number"
	PartGuardians = "guardians"
	PartConsents  = "consents"
	PartLedger    = "ledger"
	PartVisits    = "visits"
	PartNeeds     = "needs"
)

// File reads one child's file and records who read which parts of it.
func (s *Service) File(ctx context.Context, id string, parts []string) (*flowcare.Child, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Children().ChildByID(ctx, id)
	if err != nil || !CanReadFile(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	if err := s.withEligibility(ctx, []*flowcare.Child{c}); err != nil {
		return nil, err
	}
	c.FileRead = true
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		return s.audit(ctx, tx, a, "child.read", c.ID, map[string]any{"parts": parts})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "audit child read")
	}
	return c, nil
}

func (s *Service) withEligibility(ctx context.Context, cs []*flowcare.Child) error {
	ids := map[string]bool{}
	for _, c := range cs {
		ids[strings.Split(c.AreaPath, "/")[1]] = true
	}
	var list []string
	for id := range ids {
		list = append(list, id)
	}
	ds, err := s.store.Areas().AreasByIDs(ctx, list)
	if err != nil {
		return err
	}
	names := map[string]string{}
	for _, d := range ds {
		names[d.ID] = d.Name
	}
	today := s.Today()
	for _, c := range cs {
		d := strings.Split(c.AreaPath, "/")[1]
		e := flowcare.ComputeEligibility(c, d, names[d], today)
		c.Eligibility = &e
	}
	return nil
}

// ChildList is one page of children.
type ChildList struct {
	Children []*flowcare.Child
	Total    int
	HasNext  bool
}

// ListQuery narrows a list of children.
type ListQuery struct {
	AreaID          string
	IDNumber        string
	ReviewDue       bool
	IncludeInactive bool
}

// ReviewInterval: every record is reviewed at least every six months.
const reviewMonths = 6

// List lists the children of an area within the actor's scope. Lists carry
// no addresses or ID numbers; the listing itself is audited.
func (s *Service) List(ctx context.Context, q ListQuery, p flowcare.Page) (*ChildList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	scopes := listAreas(a)
	if len(scopes) == 0 {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看儿童名单")
	}
	f := flowcare.ChildFilter{AreaPath: scopes[0], Status: flowcare.ChildActive, Search: strings.TrimSpace(q.IDNumber)}
	if q.AreaID != "" {
		as, err := s.store.Areas().AreasByIDs(ctx, []string{q.AreaID})
		if err != nil {
			return nil, err
		}
		if len(as) == 0 {
			return nil, flowcare.Invalid("areaId", "区域“%s”不存在", q.AreaID)
		}
		if !CanReadFile(a, as[0].Path) {
			return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看该区域的儿童名单")
		}
		f.AreaPath = as[0].Path
	}
	if q.IncludeInactive {
		f.Status = ""
	}
	today := s.Today()
	if q.ReviewDue {
		due := today.AddDate(0, -reviewMonths, 0)
		f.ReviewDueBefore = &due
	}
	cs, total, err := s.store.Children().ListChildren(ctx, f, today, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list children")
	}
	l := &ChildList{Children: cs, Total: total}
	if n := p.Limit(); len(cs) > n {
		l.Children, l.HasNext = cs[:n], true
	}
	for _, c := range l.Children {
		c.IDNumber, c.Address = "", ""
	}
	if err := s.withEligibility(ctx, l.Children); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		area := f.AreaPath[strings.LastIndex(f.AreaPath, "/")+1:]
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "child.list", "area:"+area, map[string]any{"count": len(l.Children)})
	})
	return l, err
}

// ReviewDueOn is when a child's record must next be reviewed.
func ReviewDueOn(c *flowcare.Child) time.Time {
	base := c.CreatedAt
	if c.LastReviewedOn != nil {
		base = *c.LastReviewedOn
	}
	y, m, d := base.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).AddDate(0, reviewMonths, 0)
}

// RecordReview records the half-yearly monitoring review of a child.
func (s *Service) RecordReview(ctx context.Context, id, note string) (*flowcare.Child, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Children().ChildByID(ctx, id)
	if err != nil || !CanRegister(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	if note, err = flowcare.Text("note", "复核说明", note, false, 500); err != nil {
		return nil, err
	}
	today := s.Today()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Children().RecordReview(ctx, c.ID, today, a.UserID, note); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "child.reviewed", c.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "record review")
	}
	c.LastReviewedOn = &today
	if err := s.withEligibility(ctx, []*flowcare.Child{c}); err != nil {
		return nil, err
	}
	return c, nil
}

// ReviewsOf returns a child's monitoring reviews, newest first, for a file
// the caller has been allowed to read.
func (s *Service) ReviewsOf(ctx context.Context, childID string) ([]flowcare.ChildReview, error) {
	return s.store.Children().Reviews(ctx, childID)
}

// ConsentInput is a guardian's decision as recorded.
type ConsentInput struct {
	Purpose    flowcare.ConsentPurpose
	Granted    bool
	GuardianID string
	Method     flowcare.ConsentMethod
	GivenOn    time.Time
}

// RecordConsent records a guardian's consent (or refusal) for one purpose.
func (s *Service) RecordConsent(ctx context.Context, childID string, in ConsentInput) (*flowcare.Consent, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Children().ChildByID(ctx, childID)
	if err != nil || !CanRegister(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	switch in.Purpose {
	case flowcare.ConsentServices, flowcare.ConsentShare, flowcare.ConsentStatistics:
	default:
		return nil, flowcare.Invalid("purpose", "未知的同意事项")
	}
	switch in.Method {
	case flowcare.ConsentWritten, flowcare.ConsentVerbal, flowcare.ConsentOnline:
	default:
		return nil, flowcare.Invalid("method", "请选择同意方式（书面、口头或线上）")
	}
	found := false
	for _, g := range c.Guardians {
		found = found || g.ID == in.GuardianID
	}
	if !found {
		return nil, flowcare.Invalid("guardianId", "请选择作出决定的监护人")
	}
	if in.GivenOn.IsZero() || in.GivenOn.After(s.Today()) {
		return nil, flowcare.Invalid("givenOn", "同意日期不能晚于今天")
	}
	k := &flowcare.Consent{ChildID: c.ID, Purpose: in.Purpose, Granted: in.Granted, GuardianID: &in.GuardianID, Method: in.Method,
		GivenOn: in.GivenOn, RecordedBy: &a.Username}
	for i := range c.Guardians {
		if c.Guardians[i].ID == in.GuardianID {
			k.Guardian = &c.Guardians[i]
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Children().CreateConsent(ctx, k, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "child.consent_recorded", c.ID, map[string]any{"purpose": in.Purpose, "granted": in.Granted})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "record consent")
	}
	return k, nil
}

// ChildrenByIDs returns children in list form, with eligibility, for
// associations of things the caller was allowed to list (ledger entries,
// visits waiting for review).
func (s *Service) ChildrenByIDs(ctx context.Context, ids []string) ([]*flowcare.Child, error) {
	cs, err := s.store.Children().ChildrenByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	return cs, s.withEligibility(ctx, cs)
}

// Consents returns the consent records of children already shown to the caller.
func (s *Service) Consents(ctx context.Context, childIDs []string) (map[string][]flowcare.Consent, error) {
	return s.store.Children().ConsentsOf(ctx, childIDs)
}

// ViewList is one page of the reads of a child's file.
type ViewList struct {
	Views   []*flowcare.AuditEvent
	HasNext bool
}

// Viewers lists who read a child's file, newest first.
func (s *Service) Viewers(ctx context.Context, childID string, p flowcare.Page) (*ViewList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Children().ChildByID(ctx, childID)
	if err != nil || !CanReadFile(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	if !CanSeeViewers(a, c.AreaPath) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有民政工作人员和监督审计人员可以查看访问记录")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	es, err := s.store.Audit().ListByTarget(ctx, "child.read", "child:"+c.ID, p)
	if err != nil {
		return nil, err
	}
	l := &ViewList{Views: es}
	if n := p.Limit(); len(es) > n {
		l.Views, l.HasNext = es[:n], true
	}
	return l, nil
}
