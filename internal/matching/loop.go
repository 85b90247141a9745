package matching

import (
	"context"
	"slices"
	"time"

	"flowcare/internal/flowcare"
)

// Match returns one match to staff of the child's area, auditors over it, or
// its provider.
func (s *Service) Match(ctx context.Context, id string) (*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.store.Matches().MatchByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := s.canSee(ctx, a, m); err != nil {
		return nil, err
	}
	return m, nil
}

func (s *Service) canSee(ctx context.Context, a *flowcare.Actor, m *flowcare.Match) error {
	if canWatch(a, m.AreaPath) {
		return nil
	}
	ok, err := s.provider(ctx, a, m)
	if err != nil {
		return err
	}
	if !ok || m.Status == flowcare.MatchProposed {
		return flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
	}
	return nil
}

// MatchList is one page of matches.
type MatchList struct {
	Matches []*flowcare.Match
	Total   int
	HasNext bool
}

func page(ms []*flowcare.Match, total int, p flowcare.Page) *MatchList {
	l := &MatchList{Matches: ms, Total: total}
	if len(ms) > p.Limit() {
		l.Matches, l.HasNext = ms[:p.Limit()], true
	}
	return l
}

// Board lists the matches of children in an area, for the staff who follow
// the loop there.
func (s *Service) Board(ctx context.Context, areaID string, statuses []flowcare.MatchStatus, p flowcare.Page) (*MatchList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	path := ""
	if areaID != "" {
		areas, err := s.store.Areas().AreasByIDs(ctx, []string{areaID})
		if err != nil {
			return nil, err
		}
		if len(areas) == 0 {
			return nil, flowcare.Invalid("areaId", "地区不存在")
		}
		path = areas[0].Path
	} else {
		for _, g := range a.Grants {
			if g.AreaPath != nil && slices.Contains(append(matcherRoles, flowcare.RoleAuditor), g.Role) {
				path = *g.AreaPath
				break
			}
		}
	}
	if path == "" || !canWatch(a, path) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您不能查看这个地区的匹配")
	}
	ms, total, err := s.store.Matches().ListMatches(ctx, flowcare.MatchFilter{AreaPath: path, Statuses: statuses}, p)
	if err != nil {
		return nil, err
	}
	return page(ms, total, p), nil
}

// Inbox lists the requests and matches the actor answers for.
func (s *Service) Inbox(ctx context.Context, statuses []flowcare.MatchStatus, p flowcare.Page) (*MatchList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	f := flowcare.MatchFilter{Provider: true, ProviderOrgIDs: a.OrganisationsWith(providerRoles...), Statuses: statuses}
	if a.HasRole(flowcare.RoleVolunteer) {
		v, err := s.store.Directory().VolunteerByUserID(ctx, a.UserID)
		if err != nil && flowcare.ErrorCode(err) != flowcare.ENOTFOUND {
			return nil, err
		}
		if v != nil {
			f.ProviderVolunteerID = v.ID
		}
	}
	if len(f.ProviderOrgIDs) == 0 && f.ProviderVolunteerID == "" {
		// A volunteer who has not filled in a profile yet simply has no requests.
		if a.HasRole(flowcare.RoleVolunteer) {
			return &MatchList{}, nil
		}
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有服务提供方有收件箱")
	}
	ms, total, err := s.store.Matches().ListMatches(ctx, f, p)
	if err != nil {
		return nil, err
	}
	return page(ms, total, p), nil
}

// MatchesOfNeed lists a need's matches for staff of the child's area and auditors.
func (s *Service) MatchesOfNeed(ctx context.Context, needID string) ([]*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	n, err := s.store.Care().NeedByID(ctx, needID)
	if err != nil {
		return nil, err
	}
	cs, err := s.store.Children().ChildrenByIDs(ctx, []string{n.ChildID})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 || !canWatch(a, cs[0].AreaPath) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "需求不存在")
	}
	ms, _, err := s.store.Matches().ListMatches(ctx, flowcare.MatchFilter{NeedID: needID}, flowcare.Page{First: flowcare.MaxPageSize})
	return ms, err
}

// ServiceHistory lists a child's matches, newest first, for a file the
// caller may read.
func (s *Service) ServiceHistory(ctx context.Context, childID string, p flowcare.Page) (*MatchList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	cs, err := s.store.Children().ChildrenByIDs(ctx, []string{childID})
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 || !canWatch(a, cs[0].AreaPath) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "儿童档案不存在")
	}
	ms, total, err := s.store.Matches().ListMatches(ctx, flowcare.MatchFilter{ChildID: childID}, p)
	if err != nil {
		return nil, err
	}
	return page(ms, total, p), nil
}

// History is a match's recorded moves.
func (s *Service) History(ctx context.Context, m *flowcare.Match) ([]flowcare.MatchEvent, error) {
	return s.store.Matches().MatchHistory(ctx, m.ID)
}

// lockForProvider reads and locks a match the actor answers for.
func (s *Service) lockForProvider(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, id string) (*flowcare.Match, error) {
	m, err := tx.Matches().LockMatch(ctx, id)
	if err != nil {
		return nil, err
	}
	ok, err := s.provider(ctx, a, m)
	if err != nil {
		return nil, err
	}
	if !ok || m.Status == flowcare.MatchProposed {
		if canWatch(a, m.AreaPath) {
			return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有服务提供方可以这样做")
		}
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
	}
	return m, nil
}

// RespondInput is a provider's answer to a request.
type RespondInput struct {
	Accept bool
	Reason *flowcare.OutcomeReason
	Note   string
}

// Respond records a provider's answer. Accepting a slot or event takes a
// seat (or a place on the waitlist); a slot in a weekly series takes one on
// each later session of the series too.
func (s *Service) Respond(ctx context.Context, id string, in RespondInput) (*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	note, err := checkNote("note", "说明", in.Note, false)
	if err != nil {
		return nil, err
	}
	if !in.Accept {
		if in.Reason == nil {
			return nil, flowcare.Invalid("reason", "婉拒时请选择原因")
		}
		if !in.Reason.Valid() {
			return nil, flowcare.Invalid("reason", "未知的原因“%s”", *in.Reason)
		}
	}
	var m *flowcare.Match
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if m, err = s.lockForProvider(ctx, tx, a, id); err != nil {
			return err
		}
		if m.Status != flowcare.MatchRequested {
			return flowcare.Errorf(flowcare.ECONFLICT, "这条请求已经是“%s”，不能再答复", statusLabel[m.Status])
		}
		if !in.Accept {
			if err := s.move(ctx, tx, a, m, flowcare.MatchDeclined, in.Reason, note); err != nil {
				return err
			}
			if err := s.settleNeed(ctx, tx, a, m.NeedID); err != nil {
				return err
			}
			return s.tellStaff(ctx, tx, m, "MATCH_DECLINED", "服务请求被婉拒："+m.OfferTitle, "请为这项需求另选提供方。")
		}
		if err := s.bookSeats(ctx, tx, m); err != nil {
			return err
		}
		if err := s.move(ctx, tx, a, m, flowcare.MatchAccepted, nil, note); err != nil {
			return err
		}
		if err := s.setNeed(ctx, tx, a, m.NeedID, flowcare.NeedInService, "提供方已接受："+m.OfferTitle); err != nil {
			return err
		}
		return s.tellStaff(ctx, tx, m, "MATCH_ACCEPTED", "服务请求已接受："+m.OfferTitle, "提供方已接受，服务即将开始。")
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// bookSeats takes the seats an accepted slot or event match needs, refusing
// once booking has closed.
func (s *Service) bookSeats(ctx context.Context, tx flowcare.Tx, m *flowcare.Match) error {
	now := s.now()
	switch m.Entity {
	case flowcare.EntitySlot:
		sl, err := tx.Directory().SlotByID(ctx, m.OfferID)
		if err != nil {
			return err
		}
		if sl.Status != flowcare.SlotPublished {
			return flowcare.Errorf(flowcare.ECONFLICT, "这个时段已取消，不能预约")
		}
		if !now.Before(sl.BookingCutoff) {
			return flowcare.Errorf(flowcare.ECONFLICT, "这个时段的预约已于 %s 截止", sl.BookingCutoff.In(flowcare.Beijing).Format("2006-01-02 15:04"))
		}
		if _, err := tx.Matches().Book(ctx, m.ID, flowcare.EntitySlot, sl.ID, now); err != nil {
			return err
		}
		if sl.SeriesID == nil {
			return nil
		}
		later, err := tx.Matches().LaterSeriesSlots(ctx, *sl.SeriesID, sl.StartsAt)
		if err != nil {
			return err
		}
		for _, l := range later {
			if now.Before(l.BookingCutoff) {
				if _, err := tx.Matches().Book(ctx, m.ID, flowcare.EntitySlot, l.ID, now); err != nil {
					return err
				}
			}
		}
	case flowcare.EntityEvent:
		ev, err := tx.Directory().EventByID(ctx, m.OfferID)
		if err != nil {
			return err
		}
		if ev.Status != flowcare.EventPublished {
			return flowcare.Errorf(flowcare.ECONFLICT, "这个活动未发布或已取消，不能报名")
		}
		if now.Before(ev.RegistrationOpens) {
			return flowcare.Errorf(flowcare.ECONFLICT, "活动报名将于 %s 开始", ev.RegistrationOpens.In(flowcare.Beijing).Format("2006-01-02 15:04"))
		}
		if !now.Before(ev.RegistrationCloses) {
			return flowcare.Errorf(flowcare.ECONFLICT, "活动报名已于 %s 截止", ev.RegistrationCloses.In(flowcare.Beijing).Format("2006-01-02 15:04"))
		}
		if _, err := tx.Matches().Book(ctx, m.ID, flowcare.EntityEvent, ev.ID, now); err != nil {
			return err
		}
	}
	return nil
}

// releaseBookings frees a match's seats from a time on, promoting the
// waitlist and telling those promoted.
func (s *Service) releaseBookings(ctx context.Context, tx flowcare.Tx, m *flowcare.Match, from time.Time, to flowcare.BookingStatus) error {
	bs, err := tx.Matches().BookingsOf(ctx, []string{m.ID})
	if err != nil {
		return err
	}
	for _, b := range bs[m.ID] {
		if b.StartsAt.Before(from) || (b.Status != flowcare.BookingBooked && b.Status != flowcare.BookingWaitlisted) {
			continue
		}
		promoted, err := tx.Matches().ReleaseBooking(ctx, b.ID, to)
		if err != nil {
			return err
		}
		if promoted == nil {
			continue
		}
		pm, err := tx.Matches().MatchByID(ctx, promoted.MatchID)
		if err != nil {
			return err
		}
		if err := s.tellStaff(ctx, tx, pm, "WAITLIST_PROMOTED", "候补转为正式预约："+pm.OfferTitle,
			"有座位空出，候补的儿童已获得座位。"); err != nil {
			return err
		}
	}
	return nil
}

// SessionInput is one delivered session as logged by the provider.
type SessionInput struct {
	StartsAt   time.Time
	EndsAt     time.Time
	Attendance flowcare.Attendance
	Note       string
}

// LogSession records a session of an accepted match; the first one puts the
// match in progress. A volunteer's attended session carries hours for the
// volunteer's organisation to approve. A no-show on a slot releases the
// child's seats on the later sessions of the series.
func (s *Service) LogSession(ctx context.Context, matchID string, in SessionInput) (*flowcare.ServiceSession, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	switch in.Attendance {
	case flowcare.AttendancePresent, flowcare.AttendanceExcused, flowcare.AttendanceNoShow:
	default:
		return nil, flowcare.Invalid("attendance", "请选择出勤情况")
	}
	if in.StartsAt.IsZero() || in.EndsAt.IsZero() {
		return nil, flowcare.Invalid("startsAt", "请填写开始和结束时间")
	}
	if !in.EndsAt.After(in.StartsAt) {
		return nil, flowcare.Invalid("endsAt", "结束时间需晚于开始时间")
	}
	if in.EndsAt.Sub(in.StartsAt) > 12*time.Hour {
		return nil, flowcare.Invalid("endsAt", "一次服务不能超过 12 小时")
	}
	now := s.now()
	if in.StartsAt.After(now) {
		return nil, flowcare.Invalid("startsAt", "不能登记尚未开始的服务")
	}
	if in.StartsAt.Before(now.AddDate(0, 0, -90)) {
		return nil, flowcare.Invalid("startsAt", "只能补登 90 天内的服务")
	}
	note, err := checkNote("note", "服务小结", in.Note, false)
	if err != nil {
		return nil, err
	}
	ss := &flowcare.ServiceSession{MatchID: matchID, StartsAt: in.StartsAt.Truncate(time.Minute), EndsAt: in.EndsAt.Truncate(time.Minute),
		Attendance: in.Attendance, Note: note, Hours: flowcare.HoursNone}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		m, err := s.lockForProvider(ctx, tx, a, matchID)
		if err != nil {
			return err
		}
		if m.Status != flowcare.MatchAccepted && m.Status != flowcare.MatchInProgress {
			return flowcare.Errorf(flowcare.ECONFLICT, "匹配为“%s”时不能登记服务", statusLabel[m.Status])
		}
		if m.ProviderVolunteerID != nil && in.Attendance == flowcare.AttendancePresent {
			ss.VolunteerID, ss.Hours = m.ProviderVolunteerID, flowcare.HoursPending
		}
		if err := tx.Matches().CreateSession(ctx, ss, a.UserID); err != nil {
			return err
		}
		ss.Title = m.OfferTitle
		if m.Status == flowcare.MatchAccepted {
			if err := s.move(ctx, tx, a, m, flowcare.MatchInProgress, nil, "已登记第一次服务"); err != nil {
				return err
			}
		}
		return s.markAttendance(ctx, tx, m, ss)
	})
	if err != nil {
		return nil, err
	}
	return ss, nil
}

// markAttendance records the session on the booking of the day it was
// delivered, for slot and event matches.
func (s *Service) markAttendance(ctx context.Context, tx flowcare.Tx, m *flowcare.Match, ss *flowcare.ServiceSession) error {
	if m.Entity != flowcare.EntitySlot && m.Entity != flowcare.EntityEvent {
		return nil
	}
	bs, err := tx.Matches().BookingsOf(ctx, []string{m.ID})
	if err != nil {
		return err
	}
	day := func(t time.Time) string { return t.In(flowcare.Beijing).Format("2006-01-02") }
	for _, b := range bs[m.ID] {
		if b.Status != flowcare.BookingBooked || day(b.StartsAt) != day(ss.StartsAt) {
			continue
		}
		if ss.Attendance == flowcare.AttendanceNoShow {
			if _, err := tx.Matches().ReleaseBooking(ctx, b.ID, flowcare.BookingNoShow); err != nil {
				return err
			}
			return s.releaseBookings(ctx, tx, m, b.StartsAt.Add(time.Minute), flowcare.BookingCancelled)
		}
		return tx.Matches().SetBookingStatus(ctx, b.ID, flowcare.BookingAttended)
	}
	return nil
}

// CloseInput ends a match.
type CloseInput struct {
	Status flowcare.MatchStatus
	Reason *flowcare.OutcomeReason
	Note   string
}

// Close ends a match as completed, failed or cancelled. The provider may
// complete or fail it; staff of the child's area may end it any way. Seats
// still held are released, and the need is met when its matches complete.
func (s *Service) Close(ctx context.Context, id string, in CloseInput) (*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	switch in.Status {
	case flowcare.MatchCompleted, flowcare.MatchFailed, flowcare.MatchCancelled:
	default:
		return nil, flowcare.Invalid("status", "只能将匹配结束为已完成、未成功或已取消")
	}
	if in.Reason != nil && !in.Reason.Valid() {
		return nil, flowcare.Invalid("reason", "未知的原因“%s”", *in.Reason)
	}
	if in.Status != flowcare.MatchCompleted && in.Reason == nil {
		return nil, flowcare.Invalid("reason", "请选择结束原因")
	}
	reason := in.Reason
	if in.Status == flowcare.MatchCompleted && reason == nil {
		r := flowcare.OutcomeServiceDelivered
		reason = &r
	}
	note, err := checkNote("note", "说明", in.Note, false)
	if err != nil {
		return nil, err
	}
	var m *flowcare.Match
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		m, err = tx.Matches().LockMatch(ctx, id)
		if err != nil {
			return err
		}
		staff := CanMatch(a, m.AreaPath)
		if !staff {
			ok, err := s.provider(ctx, a, m)
			if err != nil {
				return err
			}
			if !ok || m.Status == flowcare.MatchProposed {
				if canWatch(a, m.AreaPath) {
					return flowcare.Errorf(flowcare.EFORBIDDEN, "您只能查看，不能结束匹配")
				}
				return flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
			}
			if in.Status == flowcare.MatchCancelled {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "提供方不能取消匹配；无法继续时请标记为未成功并说明原因")
			}
		}
		if in.Status == flowcare.MatchCompleted {
			ss, err := tx.Matches().SessionsOf(ctx, []string{m.ID})
			if err != nil {
				return err
			}
			attended := false
			for _, x := range ss[m.ID] {
				attended = attended || x.Attendance == flowcare.AttendancePresent
			}
			if !attended {
				return flowcare.Errorf(flowcare.ECONFLICT, "还没有登记过儿童出席的服务，不能标记为已完成")
			}
		}
		if err := s.move(ctx, tx, a, m, in.Status, reason, note); err != nil {
			return err
		}
		if err := s.releaseBookings(ctx, tx, m, time.Time{}, flowcare.BookingCancelled); err != nil {
			return err
		}
		if err := s.settleNeed(ctx, tx, a, m.NeedID); err != nil {
			return err
		}
		users, err := s.providerUsers(ctx, tx, m)
		if err != nil {
			return err
		}
		if m.CreatedBy != nil {
			users = append(users, *m.CreatedBy)
		}
		return s.notify(ctx, tx, users, "MATCH_"+string(in.Status), "匹配"+statusLabel[in.Status]+"："+m.OfferTitle, "", m)
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// settleNeed sets a need's status from its matches: met when none is open
// and one completed; open again when none is open and none completed.
func (s *Service) settleNeed(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, needID string) error {
	ms, _, err := tx.Matches().ListMatches(ctx, flowcare.MatchFilter{NeedID: needID}, flowcare.Page{First: flowcare.MaxPageSize})
	if err != nil {
		return err
	}
	completed, serving := false, false
	for _, m := range ms {
		switch m.Status {
		case flowcare.MatchProposed, flowcare.MatchRequested:
			return s.setNeed(ctx, tx, a, needID, flowcare.NeedMatching, "")
		case flowcare.MatchAccepted, flowcare.MatchInProgress:
			serving = true
		case flowcare.MatchCompleted:
			completed = true
		}
	}
	switch {
	case serving:
		return s.setNeed(ctx, tx, a, needID, flowcare.NeedInService, "")
	case completed:
		return s.setNeed(ctx, tx, a, needID, flowcare.NeedMet, "匹配的服务已完成")
	}
	return s.setNeed(ctx, tx, a, needID, flowcare.NeedOpen, "没有进行中的匹配，重新开放")
}

func (s *Service) setNeed(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, needID string, st flowcare.NeedStatus, note string) error {
	n, err := tx.Care().NeedByID(ctx, needID)
	if err != nil {
		return err
	}
	if n.Status == st || n.Status == flowcare.NeedWithdrawn {
		return nil
	}
	return tx.Care().SetNeedStatus(ctx, needID, st, note, a.UserID, s.now())
}

// Sessions lists the sessions of matches the caller already sees.
func (s *Service) Sessions(ctx context.Context, matchIDs []string) (map[string][]flowcare.ServiceSession, error) {
	return s.store.Matches().SessionsOf(ctx, matchIDs)
}

// Bookings lists the bookings of matches the caller already sees.
func (s *Service) Bookings(ctx context.Context, matchIDs []string) (map[string][]flowcare.Booking, error) {
	return s.store.Matches().BookingsOf(ctx, matchIDs)
}

// StaffView reports whether the actor sees the match as staff of the
// child's area (need and child shown) rather than as its provider.
func (s *Service) StaffView(ctx context.Context, m *flowcare.Match) bool {
	a := flowcare.ActorFrom(ctx)
	return a != nil && canWatch(a, m.AreaPath)
}

// NeedOf returns a match's need for staff of the child's area, nil otherwise.
func (s *Service) NeedOf(ctx context.Context, m *flowcare.Match) (*flowcare.Need, error) {
	if !s.StaffView(ctx, m) {
		return nil, nil
	}
	return s.store.Care().NeedByID(ctx, m.NeedID)
}

// MatchesByIDs loads matches the caller has just made.
func (s *Service) MatchesByIDs(ctx context.Context, ids []string) ([]*flowcare.Match, error) {
	return s.store.Matches().MatchesByIDs(ctx, ids)
}
