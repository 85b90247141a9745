package children

import (
	"context"
	"time"

	"flowcare/internal/flowcare"
)

// CanReviewVisits: child supervisors of the street and civil-affairs staff
// over it accept or return visits that others entered.
func CanReviewVisits(a *flowcare.Actor, communityPath string) bool {
	return a.HasRoleOver(communityPath, flowcare.RoleChildSupervisor, flowcare.RoleCivilAffairs)
}

// file loads a child the actor may change, hiding it from others.
func (s *Service) editable(ctx context.Context, a *flowcare.Actor, childID string) (*flowcare.Child, error) {
	c, err := s.store.Children().ChildByID(ctx, childID)
	if err != nil || !CanRegister(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	return c, nil
}

func checkReasons(rs []flowcare.LedgerReason) ([]flowcare.LedgerReason, error) {
	if len(rs) == 0 {
		return nil, flowcare.Invalid("reasons", "请至少选择一项纳入台账的原因")
	}
	seen := map[flowcare.LedgerReason]bool{}
	var out []flowcare.LedgerReason
	for _, r := range rs {
		known := false
		for _, k := range flowcare.LedgerReasons {
			known = known || k == r
		}
		if !known {
			return nil, flowcare.Invalid("reasons", "未知的纳入原因“%s”", r)
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out, nil
}

func (s *Service) cadence(ctx context.Context, risk flowcare.Level) (int, error) {
	if !flowcare.ValidLevel(risk) {
		return 0, flowcare.Invalid("risk", "请选择风险等级（高、中、低）")
	}
	c, err := s.store.Care().Cadence(ctx)
	if err != nil {
		return 0, err
	}
	return c[risk], nil
}

// EnterLedger puts a child on the key-care ledger; the first visit is due
// within the cadence of the risk level.
func (s *Service) EnterLedger(ctx context.Context, childID string, reasons []flowcare.LedgerReason, risk flowcare.Level) (*flowcare.LedgerEntry, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.editable(ctx, a, childID)
	if err != nil {
		return nil, err
	}
	if reasons, err = checkReasons(reasons); err != nil {
		return nil, err
	}
	days, err := s.cadence(ctx, risk)
	if err != nil {
		return nil, err
	}
	old, err := s.store.Care().LedgerEntry(ctx, c.ID)
	if err == nil && old.LeftOn == nil {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "该儿童已在关爱台账中，请修改原记录")
	}
	today := s.Today()
	e := &flowcare.LedgerEntry{ChildID: c.ID, Reasons: reasons, Risk: risk, EnteredOn: today, NextVisitDue: today.AddDate(0, 0, days), AreaPath: c.AreaPath}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().SaveLedgerEntry(ctx, e); err != nil {
			return err
		}
		if err := tx.Care().AddLedgerEvent(ctx, c.ID, "ENTERED", map[string]any{"reasons": reasons, "risk": risk}, s.now(), a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "ledger.entered", c.ID, map[string]any{"risk": risk})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "enter ledger")
	}
	return e, nil
}

// onLedger loads a child the actor may change and its current ledger entry.
func (s *Service) onLedger(ctx context.Context, childID string) (*flowcare.Actor, *flowcare.Child, *flowcare.LedgerEntry, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	c, err := s.editable(ctx, a, childID)
	if err != nil {
		return nil, nil, nil, err
	}
	e, err := s.store.Care().LedgerEntry(ctx, c.ID)
	if err != nil || e.LeftOn != nil {
		return nil, nil, nil, flowcare.Errorf(flowcare.ECONFLICT, "该儿童不在关爱台账中")
	}
	return a, c, e, nil
}

// ChangeLedger changes the reasons or risk level; a new risk level moves the
// next visit to the new cadence from the last accepted visit.
func (s *Service) ChangeLedger(ctx context.Context, childID string, reasons []flowcare.LedgerReason, risk flowcare.Level, note string) (*flowcare.LedgerEntry, error) {
	a, c, e, err := s.onLedger(ctx, childID)
	if err != nil {
		return nil, err
	}
	if reasons, err = checkReasons(reasons); err != nil {
		return nil, err
	}
	days, err := s.cadence(ctx, risk)
	if err != nil {
		return nil, err
	}
	if note, err = flowcare.Text("note", "变更说明", note, true, 500); err != nil {
		return nil, err
	}
	detail := map[string]any{"from_risk": e.Risk, "to_risk": risk, "from_reasons": e.Reasons, "to_reasons": reasons, "note": note}
	if risk != e.Risk {
		base, err := s.lastAcceptedVisit(ctx, c.ID, e.EnteredOn)
		if err != nil {
			return nil, err
		}
		e.NextVisitDue = base.AddDate(0, 0, days)
	}
	e.Reasons, e.Risk = reasons, risk
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().SaveLedgerEntry(ctx, e); err != nil {
			return err
		}
		if err := tx.Care().AddLedgerEvent(ctx, c.ID, "CHANGED", detail, s.now(), a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "ledger.changed", c.ID, map[string]any{"risk": risk})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "change ledger")
	}
	return e, nil
}

func (s *Service) lastAcceptedVisit(ctx context.Context, childID string, fallback time.Time) (time.Time, error) {
	vs, err := s.store.Care().Visits(ctx, childID)
	if err != nil {
		return fallback, err
	}
	for _, v := range vs { // newest first
		if v.Status == flowcare.VisitAccepted {
			return v.VisitedOn, nil
		}
	}
	return fallback, nil
}

// LeaveLedger takes a child off the ledger, with the reason; the history keeps it.
func (s *Service) LeaveLedger(ctx context.Context, childID, reason string) (*flowcare.LedgerEntry, error) {
	a, c, e, err := s.onLedger(ctx, childID)
	if err != nil {
		return nil, err
	}
	if reason, err = flowcare.Text("reason", "移出台账的原因", reason, true, 500); err != nil {
		return nil, err
	}
	today := s.Today()
	e.LeftOn, e.LeftReason = &today, reason
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().SaveLedgerEntry(ctx, e); err != nil {
			return err
		}
		if err := tx.Care().AddLedgerEvent(ctx, c.ID, "LEFT", map[string]any{"reason": reason}, s.now(), a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "ledger.left", c.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "leave ledger")
	}
	return e, nil
}

// LedgerOf returns a child's ledger entry (nil when never entered) and its
// history, for a file the caller has already been allowed to read.
func (s *Service) LedgerOf(ctx context.Context, childID string) (*flowcare.LedgerEntry, []flowcare.LedgerEvent, error) {
	e, err := s.store.Care().LedgerEntry(ctx, childID)
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		return nil, []flowcare.LedgerEvent{}, nil
	}
	if err != nil {
		return nil, nil, err
	}
	h, err := s.store.Care().LedgerHistory(ctx, childID)
	e.History = h
	return e, h, err
}

// LedgerList is one page of the ledger.
type LedgerList struct {
	Entries []*flowcare.LedgerEntry
	Total   int
	HasNext bool
}

// Ledger lists the current ledger of an area in the actor's scope, soonest
// visit first; overdue keeps those whose visit is past due.
func (s *Service) Ledger(ctx context.Context, areaID string, overdue bool, p flowcare.Page) (*LedgerList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	path, err := s.scopePath(ctx, a, areaID)
	if err != nil {
		return nil, err
	}
	var due *time.Time
	if overdue {
		t := s.Today()
		due = &t
	}
	es, total, err := s.store.Care().ListLedger(ctx, path, due, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list ledger")
	}
	l := &LedgerList{Entries: es, Total: total}
	if n := p.Limit(); len(es) > n {
		l.Entries, l.HasNext = es[:n], true
	}
	return l, nil
}

// scopePath is the path of areaID when the actor may read it, or of the
// actor's own first area when areaID is empty.
func (s *Service) scopePath(ctx context.Context, a *flowcare.Actor, areaID string) (string, error) {
	scopes := listAreas(a)
	if len(scopes) == 0 {
		return "", flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看儿童名单")
	}
	if areaID == "" {
		return scopes[0], nil
	}
	as, err := s.store.Areas().AreasByIDs(ctx, []string{areaID})
	if err != nil {
		return "", err
	}
	if len(as) == 0 {
		return "", flowcare.Invalid("areaId", "区域“%s”不存在", areaID)
	}
	if !CanReadFile(a, as[0].Path) {
		return "", flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看该区域的儿童")
	}
	return as[0].Path, nil
}

// VisitInput is a visit as entered.
type VisitInput struct {
	VisitedOn   time.Time
	Form        flowcare.VisitForm
	Findings    string
	FollowUp    string
	NextVisitOn *time.Time
}

// RecordVisit records a visit to a child on the ledger. Supervisors and
// civil-affairs staff record accepted visits; visits entered by others wait
// for a supervisor to accept or return them.
func (s *Service) RecordVisit(ctx context.Context, childID string, in VisitInput) (*flowcare.Visit, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.editable(ctx, a, childID)
	if err != nil {
		return nil, err
	}
	e, err := s.store.Care().LedgerEntry(ctx, c.ID)
	if err != nil || e.LeftOn != nil {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "只有关爱台账中的儿童需要记录走访，请先纳入台账")
	}
	v := &flowcare.Visit{ChildID: c.ID, VisitorID: a.UserID, Visitor: a.Username, Status: flowcare.VisitPending}
	if err := s.fillVisit(v, in, e); err != nil {
		return nil, err
	}
	if CanReviewVisits(a, c.AreaPath) {
		v.Status = flowcare.VisitAccepted
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().CreateVisit(ctx, v); err != nil {
			return err
		}
		if v.Status == flowcare.VisitAccepted {
			if err := s.advanceDue(ctx, tx, e, v); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "ledger.visit_recorded", c.ID, map[string]any{"status": v.Status})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "record visit")
	}
	return v, nil
}

// fillVisit checks a visit as entered and copies it into v.
func (s *Service) fillVisit(v *flowcare.Visit, in VisitInput, e *flowcare.LedgerEntry) error {
	today := s.Today()
	switch {
	case in.VisitedOn.IsZero() || in.VisitedOn.After(today):
		return flowcare.Invalid("visitedOn", "走访日期不能晚于今天")
	case in.VisitedOn.Before(e.EnteredOn.AddDate(0, 0, -366)):
		return flowcare.Invalid("visitedOn", "走访日期过早")
	case in.Form != flowcare.VisitHome && in.Form != flowcare.VisitSchool && in.Form != flowcare.VisitPhone:
		return flowcare.Invalid("form", "请选择走访形式（入户、到校或电话）")
	case in.NextVisitOn != nil && !in.NextVisitOn.After(in.VisitedOn):
		return flowcare.Invalid("nextVisitOn", "下次走访日期需晚于本次走访日期")
	}
	var err error
	if in.NextVisitOn != nil {
		if err = flowcare.SaneTime("nextVisitOn", "下次走访日期", *in.NextVisitOn, today); err != nil {
			return err
		}
	}
	if v.Findings, err = flowcare.Text("findings", "走访情况", in.Findings, true, 2000); err != nil {
		return err
	}
	if v.FollowUp, err = flowcare.Text("followUp", "后续措施", in.FollowUp, false, 1000); err != nil {
		return err
	}
	v.VisitedOn, v.Form, v.NextVisitOn = in.VisitedOn, in.Form, in.NextVisitOn
	return nil
}

// ResubmitVisit lets the visitor correct a visit the supervisor returned and
// put it back for review.
func (s *Service) ResubmitVisit(ctx context.Context, visitID string, in VisitInput) (*flowcare.Visit, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.store.Care().VisitByID(ctx, visitID)
	if err != nil {
		return nil, err
	}
	c, err := s.editable(ctx, a, v.ChildID)
	if err != nil {
		return nil, err
	}
	if v.VisitorID != a.UserID {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有记录这次走访的人可以修改后重新提交")
	}
	if v.Status != flowcare.VisitReturned {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "只有被退回的走访记录可以重新提交")
	}
	e, err := s.store.Care().LedgerEntry(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	if err := s.fillVisit(v, in, e); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().ResubmitVisit(ctx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "ledger.visit_resubmitted", c.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "resubmit visit")
	}
	v.Status, v.ReviewedBy, v.ReviewedAt, v.ReviewNote = flowcare.VisitPending, "", nil, ""
	return v, nil
}

// advanceDue sets the next visit from the latest accepted visit (v, just
// accepted, or a later one): the date its visitor set, or the cadence of the
// risk level, whichever is sooner.
func (s *Service) advanceDue(ctx context.Context, tx flowcare.Tx, e *flowcare.LedgerEntry, v *flowcare.Visit) error {
	vs, err := tx.Care().Visits(ctx, e.ChildID)
	if err != nil {
		return err
	}
	latest := v
	for _, o := range vs {
		if o.Status == flowcare.VisitAccepted && o.VisitedOn.After(latest.VisitedOn) {
			latest = o
		}
	}
	c, err := tx.Care().Cadence(ctx)
	if err != nil {
		return err
	}
	next := latest.VisitedOn.AddDate(0, 0, c[e.Risk])
	if latest.NextVisitOn != nil && latest.NextVisitOn.Before(next) {
		next = *latest.NextVisitOn
	}
	e.NextVisitDue = next
	return tx.Care().SaveLedgerEntry(ctx, e)
}

// ReviewVisit accepts or returns (with a note) a pending visit.
func (s *Service) ReviewVisit(ctx context.Context, visitID string, accept bool, note string) (*flowcare.Visit, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.store.Care().VisitByID(ctx, visitID)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Children().ChildByID(ctx, v.ChildID)
	if err != nil || !CanReadFile(a, c.AreaPath) {
		return nil, notVisible(err)
	}
	if !CanReviewVisits(a, c.AreaPath) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有儿童督导员或民政工作人员可以审核走访记录")
	}
	if v.Status != flowcare.VisitPending {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "该走访记录已审核")
	}
	if note, err = flowcare.Text("note", "审核意见", note, !accept, 500); err != nil {
		if !accept {
			return nil, flowcare.Invalid("note", "退回时请说明需要补充或更正的内容")
		}
		return nil, err
	}
	st := flowcare.VisitAccepted
	if !accept {
		st = flowcare.VisitReturned
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().ReviewVisit(ctx, v.ID, st, a.UserID, note, now); err != nil {
			return err
		}
		if accept {
			e, err := tx.Care().LedgerEntry(ctx, c.ID)
			if err == nil && e.LeftOn == nil {
				if err := s.advanceDue(ctx, tx, e, v); err != nil {
					return err
				}
			}
		}
		return s.audit(ctx, tx, a, "ledger.visit_reviewed", c.ID, map[string]any{"status": st})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "review visit")
	}
	v.Status, v.ReviewedBy, v.ReviewedAt, v.ReviewNote = st, a.Username, &now, note
	return v, nil
}

// VisitsOf returns a child's visits, for a file the caller may read.
func (s *Service) VisitsOf(ctx context.Context, childID string) ([]*flowcare.Visit, error) {
	return s.store.Care().Visits(ctx, childID)
}

// PendingVisits lists visits waiting for the actor's review.
func (s *Service) PendingVisits(ctx context.Context) ([]*flowcare.Visit, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	var out []*flowcare.Visit
	for _, g := range a.Grants {
		if g.AreaPath == nil || (g.Role != flowcare.RoleChildSupervisor && g.Role != flowcare.RoleCivilAffairs) {
			continue
		}
		vs, err := s.store.Care().PendingVisits(ctx, *g.AreaPath)
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	if out == nil {
		out = []*flowcare.Visit{}
	}
	return out, nil
}

// Cadence returns the visit cadence in days per risk level.
func (s *Service) Cadence(ctx context.Context) (map[flowcare.Level]int, error) {
	if _, err := flowcare.RequireActor(ctx); err != nil {
		return nil, err
	}
	return s.store.Care().Cadence(ctx)
}

// SetCadence changes the visit cadence of a risk level: city civil-affairs staff only.
func (s *Service) SetCadence(ctx context.Context, risk flowcare.Level, days int) (map[flowcare.Level]int, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.HasRoleOver(flowcare.CityAreaID, flowcare.RoleCivilAffairs) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有市级民政工作人员可以调整走访频次")
	}
	if !flowcare.ValidLevel(risk) {
		return nil, flowcare.Invalid("risk", "请选择风险等级（高、中、低）")
	}
	if days < 7 || days > 366 {
		return nil, flowcare.Invalid("days", "走访间隔需在 7 到 366 天之间")
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().SetCadence(ctx, risk, days); err != nil {
			return err
		}
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "ledger.cadence_changed", "cadence", map[string]any{"risk": risk, "days": days})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "set cadence")
	}
	return s.store.Care().Cadence(ctx)
}

// NeedInput is a need as entered.
type NeedInput struct {
	Category    flowcare.Category
	Description string
	Urgency     flowcare.Level
	Windows     []flowcare.TimeWindow
	Language    string
	Place       flowcare.NeedPlace
}

func (s *Service) checkNeed(in NeedInput, n *flowcare.Need) error {
	var err error
	if !in.Category.Valid() {
		return flowcare.Invalid("category", "请选择需求类别")
	}
	if !flowcare.ValidLevel(in.Urgency) {
		return flowcare.Invalid("urgency", "请选择紧急程度（高、中、低）")
	}
	switch in.Place {
	case flowcare.PlaceNearHome, flowcare.PlaceNearSchool, flowcare.PlaceVenue, flowcare.PlaceAny:
	default:
		return flowcare.Invalid("place", "请选择希望的服务地点")
	}
	if n.Description, err = flowcare.Text("description", "需求说明", in.Description, true, 1000); err != nil {
		return err
	}
	if n.Language, err = flowcare.Text("language", "语言或方言", in.Language, false, 20); err != nil {
		return err
	}
	if len(in.Windows) > 20 {
		return flowcare.Invalid("windows", "时间段不能超过 20 个")
	}
	for _, w := range in.Windows {
		if w.Day < 1 || w.Day > 7 || w.Start < 0 || w.End > 24*60 || w.Start >= w.End {
			return flowcare.Invalid("windows", "时间段需为周一至周日，结束时间晚于开始时间")
		}
	}
	n.Category, n.Urgency, n.Place, n.Windows = in.Category, in.Urgency, in.Place, in.Windows
	if n.Windows == nil {
		n.Windows = []flowcare.TimeWindow{}
	}
	return nil
}

// CreateNeed records a new open need of a child.
func (s *Service) CreateNeed(ctx context.Context, childID string, in NeedInput) (*flowcare.Need, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	c, err := s.editable(ctx, a, childID)
	if err != nil {
		return nil, err
	}
	n := &flowcare.Need{ChildID: c.ID, Status: flowcare.NeedOpen}
	if err := s.checkNeed(in, n); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().CreateNeed(ctx, n, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "need.created", c.ID, map[string]any{"category": n.Category})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "create need")
	}
	return n, nil
}

// UpdateNeed changes a need that is still open or being matched.
func (s *Service) UpdateNeed(ctx context.Context, id string, in NeedInput) (*flowcare.Need, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.store.Care().NeedByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.editable(ctx, a, n.ChildID); err != nil {
		return nil, err
	}
	if n.Status == flowcare.NeedMet || n.Status == flowcare.NeedWithdrawn {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "需求已结束，不能再修改")
	}
	if err := s.checkNeed(in, n); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().UpdateNeed(ctx, n); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "need.updated", n.ChildID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "update need")
	}
	return n, nil
}

var needMoves = map[flowcare.NeedStatus][]flowcare.NeedStatus{
	flowcare.NeedOpen:      {flowcare.NeedMatching, flowcare.NeedInService, flowcare.NeedWithdrawn},
	flowcare.NeedMatching:  {flowcare.NeedOpen, flowcare.NeedInService, flowcare.NeedWithdrawn},
	flowcare.NeedInService: {flowcare.NeedMet, flowcare.NeedOpen, flowcare.NeedWithdrawn},
}

// SetNeedStatus moves a need along its life, keeping the history.
func (s *Service) SetNeedStatus(ctx context.Context, id string, st flowcare.NeedStatus, note string) (*flowcare.Need, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.store.Care().NeedByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := s.editable(ctx, a, n.ChildID); err != nil {
		return nil, err
	}
	ok := false
	for _, to := range needMoves[n.Status] {
		ok = ok || to == st
	}
	if !ok {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "需求不能从“%s”改为“%s”", n.Status, st)
	}
	if note, err = flowcare.Text("note", "说明", note, st == flowcare.NeedWithdrawn, 500); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().SetNeedStatus(ctx, n.ID, st, note, a.UserID, s.now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "need.status", n.ChildID, map[string]any{"status": st})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "set need status")
	}
	n.Status = st
	return n, nil
}

// NeedsOf returns a child's needs, for a file the caller may read.
func (s *Service) NeedsOf(ctx context.Context, childID string) ([]*flowcare.Need, error) {
	return s.store.Care().NeedsOf(ctx, childID)
}

// NeedHistory returns the status history of a need shown to the caller.
func (s *Service) NeedHistory(ctx context.Context, needID string) ([]flowcare.NeedEvent, error) {
	return s.store.Care().NeedHistory(ctx, needID)
}
