package directory

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"

	"flowcare/internal/flowcare"
)

// SlotInput is one venue slot, or the first of a weekly series.
type SlotInput struct {
	VenueID            string
	Title              string
	Description        *string
	Categories         []flowcare.Category
	StartsAt, EndsAt   time.Time
	Capacity           int
	MinAge, MaxAge     int
	ChildrenPerAdult   int
	BookingCutoffHours int
}

func (s *Service) checkSlot(in SlotInput) (*flowcare.Slot, error) {
	sl := &flowcare.Slot{VenueID: in.VenueID, Status: flowcare.SlotPublished}
	var err error
	if sl.Title, err = flowcare.Text("title", "活动名称", in.Title, true, 100); err != nil {
		return nil, err
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if sl.Description, err = flowcare.Text("description", "活动介绍", desc, false, 2000); err != nil {
		return nil, err
	}
	if sl.Categories, err = checkCategories("categories", in.Categories, true); err != nil {
		return nil, err
	}
	if !in.EndsAt.After(in.StartsAt) {
		return nil, flowcare.Invalid("endsAt", "结束时间需晚于开始时间")
	}
	if in.EndsAt.Sub(in.StartsAt) > 24*time.Hour {
		return nil, flowcare.Invalid("endsAt", "一个时段不能超过 24 小时")
	}
	if !in.StartsAt.After(s.now()) {
		return nil, flowcare.Invalid("startsAt", "开始时间需在当前时间之后")
	}
	if err := flowcare.SaneTime("startsAt", "开始时间", in.StartsAt, s.now()); err != nil {
		return nil, err
	}
	if err := checkCapacity(in.Capacity); err != nil {
		return nil, err
	}
	if err := checkAges(in.MinAge, in.MaxAge); err != nil {
		return nil, err
	}
	if in.ChildrenPerAdult < 1 || in.ChildrenPerAdult > 50 {
		return nil, flowcare.Invalid("childrenPerAdult", "每名成人可带儿童数需在 1 到 50 之间")
	}
	if in.BookingCutoffHours < 0 || in.BookingCutoffHours > 168 {
		return nil, flowcare.Invalid("bookingCutoffHours", "预约截止需在开始前 0 到 168 小时之间")
	}
	sl.StartsAt, sl.EndsAt, sl.Capacity, sl.MinAge, sl.MaxAge = in.StartsAt, in.EndsAt, in.Capacity, in.MinAge, in.MaxAge
	sl.ChildrenPerAdult = in.ChildrenPerAdult
	sl.BookingCutoff = in.StartsAt.Add(-time.Duration(in.BookingCutoffHours) * time.Hour)
	return sl, nil
}

// PublishSlot publishes one slot.
func (s *Service) PublishSlot(ctx context.Context, in SlotInput) (*flowcare.Slot, error) {
	sls, err := s.publishSlots(ctx, in, 1)
	if err != nil {
		return nil, err
	}
	return sls[0], nil
}

// PublishSlotSeries publishes a slot repeated weekly for weeks weeks in all.
func (s *Service) PublishSlotSeries(ctx context.Context, in SlotInput, weeks int) ([]*flowcare.Slot, error) {
	if weeks < 2 || weeks > 26 {
		return nil, flowcare.Invalid("weeks", "每周重复需在 2 到 26 周之间")
	}
	return s.publishSlots(ctx, in, weeks)
}

func (s *Service) publishSlots(ctx context.Context, in SlotInput, weeks int) ([]*flowcare.Slot, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	venue, _, err := s.org(ctx, in.VenueID)
	if err != nil {
		return nil, err
	}
	if !venue.IsVenue() {
		return nil, flowcare.Invalid("venueId", "只有图书馆和博物馆可以发布场馆时段")
	}
	if !CanManageSlots(a, venue.ID) {
		return nil, forbidden("只有本场馆的工作人员可以发布时段")
	}
	if venue.Verification != flowcare.VerificationVerified {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "场馆尚未通过民政部门审核，审核通过后才能发布时段")
	}
	first, err := s.checkSlot(in)
	if err != nil {
		return nil, err
	}
	slots := []*flowcare.Slot{first}
	if weeks > 1 {
		series := newID()
		first.SeriesID = &series
		for w := 1; w < weeks; w++ {
			next := *first
			// AddDate keeps the wall-clock time across weeks.
			next.StartsAt = first.StartsAt.AddDate(0, 0, 7*w)
			next.EndsAt = first.EndsAt.AddDate(0, 0, 7*w)
			next.BookingCutoff = first.BookingCutoff.AddDate(0, 0, 7*w)
			slots = append(slots, &next)
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().CreateSlots(ctx, slots); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.slots_published", "organisation:"+venue.ID, map[string]any{"count": len(slots)})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "publish slots")
	}
	return slots, nil
}

func newID() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6] = (b[6] & 0x0f) | 0x40
	b[8] = (b[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// CancelSlot takes a slot out of search.
func (s *Service) CancelSlot(ctx context.Context, id string) (*flowcare.Slot, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	sl, err := s.store.Directory().SlotByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageSlots(a, sl.VenueID) {
		return nil, forbidden("只有本场馆的工作人员可以取消时段")
	}
	if sl.Status == flowcare.SlotCancelled {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "该时段已取消")
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().SetSlotStatus(ctx, sl.ID, flowcare.SlotCancelled); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.slot_cancelled", "slot:"+sl.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "cancel slot")
	}
	sl.Status = flowcare.SlotCancelled
	return sl, nil
}

// SlotList is one page of slots.
type SlotList struct {
	Slots   []*flowcare.Slot
	Total   int
	HasNext bool
}

// Slots lists a venue's slots in time order; anyone signed in may look.
func (s *Service) Slots(ctx context.Context, venueID string, from, to *time.Time, p flowcare.Page) (*SlotList, error) {
	if _, err := flowcare.RequireActor(ctx); err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if from != nil && to != nil && to.Before(*from) {
		return nil, flowcare.Invalid("to", "结束日期需晚于开始日期")
	}
	sls, total, err := s.store.Directory().ListSlots(ctx, venueID, from, to, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list slots")
	}
	l := &SlotList{Slots: sls, Total: total}
	if n := p.Limit(); len(sls) > n {
		l.Slots, l.HasNext = sls[:n], true
	}
	return l, nil
}

// EventInput is what an organiser says about an event.
type EventInput struct {
	Title              string
	Description        *string
	Categories         []flowcare.Category
	StartsAt, EndsAt   time.Time
	Place              string
	AreaID             string
	Latitude           float64
	Longitude          float64
	Capacity           int
	MinAge, MaxAge     int
	RegistrationOpens  time.Time
	RegistrationCloses time.Time
}

func (s *Service) checkEvent(ctx context.Context, in EventInput, e *flowcare.Event) error {
	var err error
	if e.Title, err = flowcare.Text("title", "活动名称", in.Title, true, 100); err != nil {
		return err
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if e.Description, err = flowcare.Text("description", "活动介绍", desc, false, 2000); err != nil {
		return err
	}
	if e.Categories, err = checkCategories("categories", in.Categories, true); err != nil {
		return err
	}
	if e.Place, err = flowcare.Text("place", "活动地点", in.Place, true, 200); err != nil {
		return err
	}
	for _, t := range []struct {
		field, label string
		at           time.Time
	}{{"startsAt", "开始时间", in.StartsAt}, {"endsAt", "结束时间", in.EndsAt},
		{"registrationOpens", "报名开始时间", in.RegistrationOpens}, {"registrationCloses", "报名截止时间", in.RegistrationCloses}} {
		if err := flowcare.SaneTime(t.field, t.label, t.at, s.now()); err != nil {
			return err
		}
	}
	if !in.EndsAt.After(in.StartsAt) {
		return flowcare.Invalid("endsAt", "结束时间需晚于开始时间")
	}
	if !in.RegistrationCloses.After(in.RegistrationOpens) {
		return flowcare.Invalid("registrationCloses", "报名截止时间需晚于报名开始时间")
	}
	if in.RegistrationCloses.After(in.StartsAt) {
		return flowcare.Invalid("registrationCloses", "报名需在活动开始前截止")
	}
	if err := checkCapacity(in.Capacity); err != nil {
		return err
	}
	if err := checkAges(in.MinAge, in.MaxAge); err != nil {
		return err
	}
	if err := checkPoint("latitude", in.Latitude, in.Longitude); err != nil {
		return err
	}
	if _, err := areasAt(ctx, s.store.Areas(), "areaId", []string{in.AreaID}, flowcare.AreaDistrict, flowcare.AreaStreet, flowcare.AreaCommunity); err != nil {
		return err
	}
	e.StartsAt, e.EndsAt, e.AreaID, e.Latitude, e.Longitude = in.StartsAt, in.EndsAt, in.AreaID, in.Latitude, in.Longitude
	e.Capacity, e.MinAge, e.MaxAge = in.Capacity, in.MinAge, in.MaxAge
	e.RegistrationOpens, e.RegistrationCloses = in.RegistrationOpens, in.RegistrationCloses
	return nil
}

// CreateEvent adds a draft event to an organising unit.
func (s *Service) CreateEvent(ctx context.Context, orgID string, in EventInput) (*flowcare.Event, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	o, _, err := s.org(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !o.IsEventOrganiser() {
		return nil, flowcare.Invalid("organisationId", "只有团委和妇联单位可以发布活动")
	}
	if !CanManageEvents(a, o.ID) {
		return nil, forbidden("只有本单位的活动组织者可以发布活动")
	}
	e := &flowcare.Event{OrganisationID: o.ID, Status: flowcare.EventDraft}
	if err := s.checkEvent(ctx, in, e); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().CreateEvent(ctx, e); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.event_created", "event:"+e.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "create event")
	}
	return e, nil
}

// UpdateEvent changes an event that is not cancelled.
func (s *Service) UpdateEvent(ctx context.Context, id string, in EventInput) (*flowcare.Event, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	e, err := s.store.Directory().EventByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageEvents(a, e.OrganisationID) {
		return nil, forbidden("只有本单位的活动组织者可以修改活动")
	}
	if e.Status == flowcare.EventCancelled {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "活动已取消，不能再修改")
	}
	if err := s.checkEvent(ctx, in, e); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().UpdateEvent(ctx, e); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.event_updated", "event:"+e.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "update event")
	}
	return e, nil
}

var eventMoves = map[flowcare.EventStatus][]flowcare.EventStatus{
	flowcare.EventDraft:     {flowcare.EventPublished, flowcare.EventCancelled},
	flowcare.EventPublished: {flowcare.EventCancelled},
}

// SetEventStatus publishes or cancels an event; only a verified unit publishes.
func (s *Service) SetEventStatus(ctx context.Context, id string, status flowcare.EventStatus) (*flowcare.Event, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	e, err := s.store.Directory().EventByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageEvents(a, e.OrganisationID) {
		return nil, forbidden("只有本单位的活动组织者可以更改活动状态")
	}
	if !canMove(eventMoves, e.Status, status) {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "活动不能从“%s”改为“%s”", e.Status, status)
	}
	if status == flowcare.EventPublished {
		if err := s.requireVerified(ctx, e.OrganisationID, "单位尚未通过民政部门审核，审核通过后才能发布活动"); err != nil {
			return nil, err
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().SetEventStatus(ctx, e.ID, status); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.event_status", "event:"+e.ID, map[string]any{"status": status})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "set event status")
	}
	e.Status = status
	return e, nil
}

// Event returns one event: published ones to anyone signed in, others to the unit's organisers.
func (s *Service) Event(ctx context.Context, id string) (*flowcare.Event, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	e, err := s.store.Directory().EventByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if e.Status != flowcare.EventPublished && !CanManageEvents(a, e.OrganisationID) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "活动不存在")
	}
	return e, nil
}

// EventList is one page of events.
type EventList struct {
	Events  []*flowcare.Event
	Total   int
	HasNext bool
}

// Events lists a unit's events; people outside it see only published ones.
func (s *Service) Events(ctx context.Context, orgID string, p flowcare.Page) (*EventList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	es, total, err := s.store.Directory().ListEvents(ctx, orgID, !CanManageEvents(a, orgID), p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list events")
	}
	l := &EventList{Events: es, Total: total}
	if n := p.Limit(); len(es) > n {
		l.Events, l.HasNext = es[:n], true
	}
	return l, nil
}

// Search queries the search copy. Volunteers are searched by staff only, and
// appear whether vetted or not, marked as such: staff see them, children are
// never offered one who is not vetted.
func (s *Service) Search(ctx context.Context, q flowcare.SearchQuery) (*flowcare.SearchPage, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	known := false
	for _, e := range flowcare.Entities {
		known = known || e == q.Entity
	}
	if !known {
		return nil, flowcare.Invalid("entity", "未知的搜索类型")
	}
	if !CanSearch(a, q.Entity) {
		return nil, forbidden("您无权搜索志愿者")
	}
	if q.Categories, err = checkCategories("categories", q.Categories, false); err != nil {
		return nil, err
	}
	if q.Age != nil && (*q.Age < 0 || *q.Age > 18) {
		return nil, flowcare.Invalid("age", "年龄需在 0 到 18 岁之间")
	}
	if q.From != nil && q.To != nil && q.To.Before(*q.From) {
		return nil, flowcare.Invalid("to", "结束日期需晚于开始日期")
	}
	if q.Near != nil {
		if err := checkPoint("near", q.Near.Lat, q.Near.Lon); err != nil {
			return nil, err
		}
		if q.RadiusKm == 0 {
			q.RadiusKm = 5
		}
		if q.RadiusKm < 0 || q.RadiusKm > 200 {
			return nil, flowcare.Invalid("radiusKm", "距离需在 0 到 200 公里之间")
		}
	}
	if q.AreaID != "" {
		if _, err := areasAt(ctx, s.store.Areas(), "areaId", []string{q.AreaID}); err != nil {
			return nil, err
		}
	}
	if q.Text, err = flowcare.Text("text", "搜索内容", q.Text, false, 100); err != nil {
		return nil, err
	}
	if q.Language, err = flowcare.Text("language", "语言", q.Language, false, 20); err != nil {
		return nil, err
	}
	return s.searcher.Search(ctx, q)
}
