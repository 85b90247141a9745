package matching

import (
	"context"
	"slices"
	"time"

	"flowcare/internal/flowcare"
)

// SessionList is one page of sessions.
type SessionList struct {
	Sessions []*flowcare.ServiceSession
	Total    int
	HasNext  bool
}

func sessionPage(ss []*flowcare.ServiceSession, total int, p flowcare.Page) *SessionList {
	l := &SessionList{Sessions: ss, Total: total}
	if len(ss) > p.Limit() {
		l.Sessions, l.HasNext = ss[:p.Limit()], true
	}
	return l
}

// PendingHours lists volunteer sessions awaiting approval by the actor's
// organisations.
func (s *Service) PendingHours(ctx context.Context, p flowcare.Page) (*SessionList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	orgs := a.OrganisationsWith(hoursRoles...)
	if len(orgs) == 0 {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有社会组织的管理员和工作人员审核志愿时长")
	}
	ss, total, err := s.store.Matches().PendingHours(ctx, orgs, p)
	if err != nil {
		return nil, err
	}
	return sessionPage(ss, total, p), nil
}

// ReviewHours approves or rejects volunteer hours, all or none. Staff may
// review hours only of volunteers of their own organisations.
func (s *Service) ReviewHours(ctx context.Context, ids []string, approve bool, note string) ([]*flowcare.ServiceSession, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 || len(ids) > flowcare.MaxPageSize {
		return nil, flowcare.Invalid("ids", "请选择 1 到 %d 条服务记录", flowcare.MaxPageSize)
	}
	note, err = checkNote("note", "说明", note, !approve)
	if err != nil {
		return nil, err
	}
	orgs := a.OrganisationsWith(hoursRoles...)
	if len(orgs) == 0 {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有社会组织的管理员和工作人员审核志愿时长")
	}
	var out []*flowcare.ServiceSession
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		ss, err := tx.Matches().SessionsByIDs(ctx, ids)
		if err != nil {
			return err
		}
		if len(ss) != len(slices.Compact(slices.Sorted(slices.Values(ids)))) {
			return flowcare.Errorf(flowcare.ENOTFOUND, "有服务记录不存在")
		}
		var volIDs []string
		for _, x := range ss {
			if x.Hours != flowcare.HoursPending {
				return flowcare.Errorf(flowcare.ECONFLICT, "%s 的服务记录不在待审核状态", x.StartsAt.In(flowcare.Beijing).Format("2006-01-02 15:04"))
			}
			volIDs = append(volIDs, *x.VolunteerID)
		}
		vs, err := tx.Directory().VolunteersByIDs(ctx, volIDs)
		if err != nil {
			return err
		}
		for _, v := range vs {
			if !slices.ContainsFunc(v.OrganisationIDs, func(o string) bool { return slices.Contains(orgs, o) }) {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "只能审核本机构志愿者的时长")
			}
		}
		st := flowcare.HoursApproved
		if !approve {
			st = flowcare.HoursRejected
		}
		var notePtr *string
		if note != "" {
			notePtr = &note
		}
		if err := tx.Matches().SetHours(ctx, ids, st, notePtr, a.UserID, s.now()); err != nil {
			return err
		}
		users := make([]string, 0, len(vs))
		for _, v := range vs {
			users = append(users, v.UserID)
		}
		title := "志愿时长已审核通过"
		if !approve {
			title = "志愿时长未通过审核"
		}
		if err := s.notify(ctx, tx, users, "HOURS_"+string(st), title, note, nil); err != nil {
			return err
		}
		out, err = tx.Matches().SessionsByIDs(ctx, ids)
		return err
	})
	return out, err
}

// HoursSummary is a volunteer's sessions and hours.
type HoursSummary struct {
	Volunteer       *flowcare.Volunteer
	ApprovedMinutes int
	PendingMinutes  int
	Sessions        *SessionList
}

func (s *Service) myVolunteer(ctx context.Context) (*flowcare.Volunteer, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.HasRole(flowcare.RoleVolunteer) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有志愿者有志愿时长")
	}
	v, err := s.store.Directory().VolunteerByUserID(ctx, a.UserID)
	if err != nil {
		if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
			return nil, flowcare.Errorf(flowcare.ENOTFOUND, "请先完善志愿者资料")
		}
		return nil, err
	}
	return v, nil
}

var hourStatuses = []flowcare.HoursStatus{flowcare.HoursPending, flowcare.HoursApproved, flowcare.HoursRejected}

// MyHours lists the signed-in volunteer's sessions with hours, and totals.
func (s *Service) MyHours(ctx context.Context, p flowcare.Page) (*HoursSummary, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	v, err := s.myVolunteer(ctx)
	if err != nil {
		return nil, err
	}
	ss, total, err := s.store.Matches().VolunteerSessions(ctx, v.ID, hourStatuses, p)
	if err != nil {
		return nil, err
	}
	sum := &HoursSummary{Volunteer: v, Sessions: sessionPage(ss, total, p)}
	all, _, err := s.store.Matches().VolunteerSessions(ctx, v.ID, []flowcare.HoursStatus{flowcare.HoursPending, flowcare.HoursApproved},
		flowcare.Page{First: flowcare.MaxPageSize})
	if err != nil {
		return nil, err
	}
	for _, x := range all {
		if x.Hours == flowcare.HoursApproved {
			sum.ApprovedMinutes += x.Minutes()
		} else {
			sum.PendingMinutes += x.Minutes()
		}
	}
	return sum, nil
}

// CertificateData is what a certificate of approved hours states.
type CertificateData struct {
	Volunteer    *flowcare.Volunteer
	Organisation *flowcare.Organisation
	Sessions     []*flowcare.ServiceSession
	TotalMinutes int
	From, To     time.Time
	IssuedOn     time.Time
}

// Certificate gathers the signed-in volunteer's approved hours for a
// certificate issued in the name of their first organisation.
func (s *Service) Certificate(ctx context.Context) (*CertificateData, error) {
	v, err := s.myVolunteer(ctx)
	if err != nil {
		return nil, err
	}
	var sessions []*flowcare.ServiceSession
	after := ""
	for {
		ss, _, err := s.store.Matches().VolunteerSessions(ctx, v.ID, []flowcare.HoursStatus{flowcare.HoursApproved},
			flowcare.Page{First: flowcare.MaxPageSize, After: after})
		if err != nil {
			return nil, err
		}
		more := len(ss) > flowcare.MaxPageSize
		if more {
			ss = ss[:flowcare.MaxPageSize]
		}
		sessions = append(sessions, ss...)
		if !more {
			break
		}
		after = ss[len(ss)-1].ID
	}
	if len(sessions) == 0 {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "还没有审核通过的志愿时长，暂不能出具证明")
	}
	if len(v.OrganisationIDs) == 0 {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "志愿者尚未加入志愿服务组织，无法出具证明")
	}
	orgs, err := s.store.Areas().OrganisationsByIDs(ctx, v.OrganisationIDs[:1])
	if err != nil {
		return nil, err
	}
	if len(orgs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "志愿服务组织不存在")
	}
	slices.SortFunc(sessions, func(a, b *flowcare.ServiceSession) int { return a.StartsAt.Compare(b.StartsAt) })
	d := &CertificateData{Volunteer: v, Organisation: orgs[0], Sessions: sessions, IssuedOn: s.now(),
		From: sessions[0].StartsAt, To: sessions[len(sessions)-1].StartsAt}
	for _, x := range sessions {
		d.TotalMinutes += x.Minutes()
	}
	return d, nil
}
