package matching_test

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/matching"
)

func TestCandidatesAreFilteredRankedAndExplained(t *testing.T) {
	f := setup(t)
	n := f.need()
	l, err := f.svc.Candidates(as(f.director), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range l.Candidates {
		got = append(got, string(c.Entity)+":"+c.Title)
		var sum float64
		for _, x := range c.Factors {
			if x.Points < 0 || x.Points > x.Max+1e-9 {
				t.Errorf("%s: factor %s adds %.3f of at most %.1f", c.Title, x.Factor, x.Points, x.Max)
			}
			sum += x.Points
		}
		// The explanation is computed apart from the cluster's scoring; the
		// two must agree or the explanation is not the reason.
		if !near(sum, c.Score) {
			t.Errorf("%s: factors add up to %.4f, score is %.4f: %+v", c.Title, sum, c.Score, c.Factors)
		}
	}
	want := []string{"volunteer:vol.near", "service:周末阅读陪伴", "slot:" + f.slot.Title}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Fatalf("candidates = %v, want %v (the far volunteer is beyond 10 km and the unvetted one is not vetted)", got, want)
	}
	for i := 1; i < len(l.Candidates); i++ {
		if l.Candidates[i].Score > l.Candidates[i-1].Score {
			t.Fatalf("candidates not in score order: %v", l.Candidates)
		}
	}
	for _, c := range l.Candidates {
		if c.Entity == flowcare.EntityVolunteer {
			lang := factor(c.Factors, flowcare.FactorLanguage)
			if lang.Points != flowcare.DefaultMatchWeights.Language {
				t.Errorf("volunteer speaks 河南话 like the child, language factor = %+v", lang)
			}
			d := factor(c.Factors, flowcare.FactorDistance)
			if d.Value < 0.5 || d.Value > 1.5 {
				t.Errorf("volunteer's street is about 0.8 km away, distance factor = %+v", d)
			}
		}
	}

	// A need with a window nobody offers finds nothing: the time is a hard filter.
	n2 := f.need()
	n2.Windows = []flowcare.TimeWindow{{Day: 2, Start: 20 * 60, End: 21 * 60}}
	if err := f.db.Care().UpdateNeed(context.Background(), n2); err != nil {
		t.Fatal(err)
	}
	l2, err := f.svc.Candidates(as(f.director), n2.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l2.Candidates) != 0 {
		t.Fatalf("Tuesday evening need got candidates: %v", l2.Candidates)
	}

	// A need that accepts any place reaches the far volunteer, ranked below the near one.
	n3 := f.need()
	n3.Place = flowcare.PlaceAny
	if err := f.db.Care().UpdateNeed(context.Background(), n3); err != nil {
		t.Fatal(err)
	}
	l3, err := f.svc.Candidates(as(f.director), n3.ID)
	if err != nil {
		t.Fatal(err)
	}
	nearAt, farAt := -1, -1
	for i, c := range l3.Candidates {
		switch c.Title {
		case "vol.near":
			nearAt = i
		case "vol.far":
			farAt = i
		}
	}
	if nearAt < 0 || farAt < 0 || farAt < nearAt {
		t.Fatalf("any-place need: near at %d, far at %d in %v", nearAt, farAt, l3.Candidates)
	}
}

func factor(fs []flowcare.ScoreFactor, k flowcare.MatchFactor) flowcare.ScoreFactor {
	for _, x := range fs {
		if x.Factor == k {
			return x
		}
	}
	return flowcare.ScoreFactor{}
}

func TestLoopFromRequestToNeedMet(t *testing.T) {
	f := setup(t)
	n := f.need()
	ctx := as(f.director)

	// An offer outside the hard filters cannot be matched.
	_, err := f.svc.Propose(ctx, n.ID, matching.ProposeInput{Entity: flowcare.EntityService, OfferID: f.orgs["orgB"], Send: true})
	wantCode(t, err, flowcare.EINVALID)

	m, err := f.svc.Propose(ctx, n.ID, matching.ProposeInput{Entity: flowcare.EntityVolunteer, OfferID: f.volNear.ID, Send: true,
		Pairing: &flowcare.Pairing{TimesPerMonth: 4, Weeks: 12}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Status != flowcare.MatchRequested || len(m.Factors) == 0 || m.Pairing == nil {
		t.Fatalf("match = %+v", m)
	}
	if st := f.needStatus(n.ID); st != flowcare.NeedMatching {
		t.Fatalf("need after request = %s", st)
	}
	vctx := as(f.volNearActor)
	inbox, err := f.svc.Notifications(vctx, true, flowcare.Page{})
	if err != nil || inbox.Unread != 1 || !strings.Contains(inbox.Notifications[0].Title, "新的服务请求") {
		t.Fatalf("volunteer's inbox = %+v, %v", inbox, err)
	}
	// The same offer twice is a conflict.
	f.sync()
	_, err = f.svc.Propose(ctx, n.ID, matching.ProposeInput{Entity: flowcare.EntityVolunteer, OfferID: f.volNear.ID})
	wantCode(t, err, flowcare.ECONFLICT)

	// The provider sees nothing of the child before accepting.
	_, err = f.svc.ChildProfile(vctx, m.ID)
	wantCode(t, err, flowcare.EFORBIDDEN)
	if _, err := f.svc.Respond(vctx, m.ID, matching.RespondInput{Accept: true}); err != nil {
		t.Fatal(err)
	}
	if st := f.needStatus(n.ID); st != flowcare.NeedInService {
		t.Fatalf("need after acceptance = %s", st)
	}
	_, err = f.svc.Respond(vctx, m.ID, matching.RespondInput{Accept: true})
	wantCode(t, err, flowcare.ECONFLICT)

	// Without the guardian's consent the profile stays closed until
	// civil-affairs staff override with a written reason.
	before := f.writes()
	_, err = f.svc.ChildProfile(vctx, m.ID)
	wantCode(t, err, flowcare.EFORBIDDEN)
	_, err = f.svc.OverrideConsent(as(f.director), m.ID, "孩子情况紧急，需要志愿者尽快联系家长")
	wantCode(t, err, flowcare.EFORBIDDEN)
	_, err = f.svc.OverrideConsent(as(f.civil), m.ID, "太短")
	wantCode(t, err, flowcare.EINVALID)
	if after := f.writes(); after != before {
		t.Fatalf("refusals wrote: %s -> %s", before, after)
	}
	if _, err := f.svc.OverrideConsent(as(f.civil), m.ID, "孩子情况紧急，需要志愿者尽快联系家长"); err != nil {
		t.Fatal(err)
	}
	p, err := f.svc.ChildProfile(vctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.Basis != "OVERRIDE" || p.Name != "测试儿童" || p.GuardianPhone != "13912345678" || p.Age != 9 {
		t.Fatalf("profile = %+v", p)
	}
	f.grantShare(true)
	if p, err = f.svc.ChildProfile(vctx, m.ID); err != nil || p.Basis != "CONSENT" {
		t.Fatalf("profile with consent = %+v, %v", p, err)
	}
	reads, err := f.db.Audit().ListByTarget(context.Background(), "child.read", "child:"+f.child.ID, flowcare.Page{})
	if err != nil || len(reads) != 2 {
		t.Fatalf("profile reads audited: %d, %v", len(reads), err)
	}

	// Completing needs a delivered session.
	_, err = f.svc.Close(vctx, m.ID, matching.CloseInput{Status: flowcare.MatchCompleted})
	wantCode(t, err, flowcare.ECONFLICT)
	_, err = f.svc.LogSession(vctx, m.ID, matching.SessionInput{StartsAt: f.now.Add(time.Hour), EndsAt: f.now.Add(2 * time.Hour), Attendance: flowcare.AttendancePresent})
	wantCode(t, err, flowcare.EINVALID)
	_, err = f.svc.LogSession(vctx, m.ID, matching.SessionInput{StartsAt: f.now.Add(-time.Hour), EndsAt: f.now.Add(-2 * time.Hour), Attendance: flowcare.AttendancePresent})
	wantCode(t, err, flowcare.EINVALID)
	var sessions []string
	for i, mins := range []int{90, 60} {
		start := f.now.AddDate(0, 0, -7*(2-i)).Truncate(time.Hour)
		s, err := f.svc.LogSession(vctx, m.ID, matching.SessionInput{StartsAt: start, EndsAt: start.Add(time.Duration(mins) * time.Minute),
			Attendance: flowcare.AttendancePresent, Note: "共读绘本"})
		if err != nil {
			t.Fatal(err)
		}
		if s.Hours != flowcare.HoursPending {
			t.Fatalf("volunteer session hours = %s", s.Hours)
		}
		sessions = append(sessions, s.ID)
	}
	got, err := f.svc.Match(ctx, m.ID)
	if err != nil || got.Status != flowcare.MatchInProgress {
		t.Fatalf("after sessions: %+v, %v", got, err)
	}

	// Hours: staff of another organisation may not approve; the volunteer's may.
	other := f.actor("staff.b", flowcare.RoleOrgStaff, "", "orgB")
	_, err = f.svc.ReviewHours(as(other), sessions, true, "")
	wantCode(t, err, flowcare.EFORBIDDEN)
	staff := f.actor("staff.a", flowcare.RoleOrgStaff, "", "orgA")
	pending, err := f.svc.PendingHours(as(staff), flowcare.Page{})
	if err != nil || pending.Total != 2 {
		t.Fatalf("pending hours = %+v, %v", pending, err)
	}
	_, err = f.svc.ReviewHours(as(staff), sessions, false, "")
	wantCode(t, err, flowcare.EINVALID)
	if _, err := f.svc.ReviewHours(as(staff), sessions, true, ""); err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.ReviewHours(as(staff), sessions, true, "")
	wantCode(t, err, flowcare.ECONFLICT)
	hours, err := f.svc.MyHours(vctx, flowcare.Page{})
	if err != nil || hours.ApprovedMinutes != 150 || hours.PendingMinutes != 0 {
		t.Fatalf("hours = %+v, %v", hours, err)
	}
	cert, err := f.svc.Certificate(vctx)
	if err != nil || cert.TotalMinutes != 150 || len(cert.Sessions) != 2 || cert.Organisation.ID != f.orgs["orgA"] {
		t.Fatalf("certificate = %+v, %v", cert, err)
	}

	// The provider may not cancel; it completes.
	_, err = f.svc.Close(vctx, m.ID, matching.CloseInput{Status: flowcare.MatchCancelled, Reason: ptr(flowcare.OutcomeOther)})
	wantCode(t, err, flowcare.EFORBIDDEN)
	if _, err := f.svc.Close(vctx, m.ID, matching.CloseInput{Status: flowcare.MatchCompleted, Note: "结对期满"}); err != nil {
		t.Fatal(err)
	}
	if st := f.needStatus(n.ID); st != flowcare.NeedMet {
		t.Fatalf("need after completion = %s", st)
	}
	hist, err := f.svc.ServiceHistory(ctx, f.child.ID, flowcare.Page{})
	if err != nil || hist.Total != 1 || hist.Matches[0].Status != flowcare.MatchCompleted {
		t.Fatalf("service history = %+v, %v", hist, err)
	}
	h, err := f.svc.History(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	for _, e := range h {
		steps = append(steps, string(e.To))
	}
	if strings.Join(steps, ">") != "PROPOSED>REQUESTED>ACCEPTED>IN_PROGRESS>COMPLETED" {
		t.Fatalf("history = %v", steps)
	}
	for _, e := range h[1:] {
		if e.Actor == nil {
			t.Fatalf("step %s has no actor", e.To)
		}
	}

	// Continuity: when the need recurs the same volunteer gets the bonus.
	n2 := f.need()
	f.sync()
	l, err := f.svc.Candidates(ctx, n2.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range l.Candidates {
		cont := factor(c.Factors, flowcare.FactorContinuity)
		if (c.ID == f.volNear.ID) != (cont.Points > 0) {
			t.Fatalf("continuity of %s = %+v", c.Title, cont)
		}
		if c.ID == f.volNear.ID {
			if rate := factor(c.Factors, flowcare.FactorCompletion); !near(rate.Value, 2.0/3.0) {
				t.Fatalf("completion rate after one completed match = %+v, want 2/3", rate)
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestDeclineReopensTheNeedAndTellsStaff(t *testing.T) {
	f := setup(t)
	n := f.need()
	staff := f.actor("staff.a", flowcare.RoleOrgStaff, "", "orgA")
	m, err := f.svc.Propose(as(f.director), n.ID, matching.ProposeInput{Entity: flowcare.EntityService, OfferID: f.service.ID, Send: true})
	if err != nil {
		t.Fatal(err)
	}
	_, err = f.svc.Respond(as(staff), m.ID, matching.RespondInput{Accept: false})
	wantCode(t, err, flowcare.EINVALID)
	if _, err := f.svc.Respond(as(staff), m.ID, matching.RespondInput{Accept: false, Reason: ptr(flowcare.OutcomeNoCapacity)}); err != nil {
		t.Fatal(err)
	}
	if st := f.needStatus(n.ID); st != flowcare.NeedOpen {
		t.Fatalf("need after decline = %s", st)
	}
	l, err := f.svc.Notifications(as(f.director), true, flowcare.Page{})
	if err != nil || l.Unread != 1 || l.Notifications[0].Kind != "MATCH_DECLINED" {
		t.Fatalf("director's inbox = %+v, %v", l, err)
	}
	left, err := f.svc.MarkRead(as(f.director), []string{l.Notifications[0].ID})
	if err != nil || left != 0 {
		t.Fatalf("unread after marking = %d, %v", left, err)
	}
	// Someone else's notification cannot be marked.
	l2, _ := f.svc.Notifications(as(staff), false, flowcare.Page{})
	if _, err := f.svc.MarkRead(as(f.director), []string{l2.Notifications[0].ID}); err != nil {
		t.Fatal(err)
	}
	if l3, _ := f.svc.Notifications(as(staff), true, flowcare.Page{}); l3.Unread != 1 {
		t.Fatalf("marking someone else's notification changed it: %d unread", l3.Unread)
	}
}

// requested makes n matches in REQUESTED state for one slot, each for its
// own need, straight through the store.
func (f *fixture) requested(slot *flowcare.Slot, n int) []string {
	f.t.Helper()
	ctx := context.Background()
	ids := make([]string, n)
	for i := range ids {
		need := f.need()
		org := slot.VenueID
		m := &flowcare.Match{NeedID: need.ID, ChildID: f.child.ID, Category: need.Category, Entity: flowcare.EntitySlot, OfferID: slot.ID,
			OfferTitle: slot.Title, ProviderOrgID: &org, Status: flowcare.MatchRequested}
		if err := f.db.Matches().CreateMatch(ctx, m, f.director.UserID); err != nil {
			f.t.Fatal(err)
		}
		ids[i] = m.ID
	}
	return ids
}

func (f *fixture) bookings(slotID string) []flowcare.Booking {
	f.t.Helper()
	bs, err := f.db.Matches().BookingsOfOffer(context.Background(), flowcare.EntitySlot, slotID)
	if err != nil {
		f.t.Fatal(err)
	}
	return bs
}

// TestConcurrentRequestsNeverOverbook accepts 200 requests for 10 seats all
// at once, several rounds over: exactly 10 are booked every time, the rest
// wait in order, and cancellations promote the waitlist in that order.
func TestConcurrentRequestsNeverOverbook(t *testing.T) {
	f := setup(t)
	venue := f.actor("venue", flowcare.RoleVenueStaff, "", "libA")
	const rounds, requests, seats = 5, 200, 10
	for round := 1; round <= rounds; round++ {
		slot := f.newSlot(seats, f.saturday(round, 14), nil)
		ids := f.requested(slot, requests)
		var wg sync.WaitGroup
		errs := make([]error, requests)
		start := make(chan struct{})
		for i, id := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				_, errs[i] = f.svc.Respond(as(venue), id, matching.RespondInput{Accept: true})
			}()
		}
		close(start)
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("round %d request %d: %v", round, i, err)
			}
		}
		bs := f.bookings(slot.ID)
		var booked, waiting []flowcare.Booking
		for _, b := range bs {
			switch b.Status {
			case flowcare.BookingBooked:
				booked = append(booked, b)
			case flowcare.BookingWaitlisted:
				waiting = append(waiting, b)
			}
		}
		var count int
		if err := f.db.SQL().QueryRow(`SELECT booked FROM slots WHERE id = $1`, slot.ID).Scan(&count); err != nil {
			t.Fatal(err)
		}
		if len(booked) != seats || len(waiting) != requests-seats || count != seats {
			t.Fatalf("round %d: %d booked, %d waiting, seat count %d", round, len(booked), len(waiting), count)
		}
		// Every booked request reached the seat count before every waiting one.
		maxBooked := int64(0)
		for _, b := range booked {
			maxBooked = max(maxBooked, b.Position)
		}
		for _, w := range waiting {
			if w.Position < maxBooked {
				t.Fatalf("round %d: waitlisted at position %d before the last booked at %d", round, w.Position, maxBooked)
			}
		}
		// Three cancellations promote the first three on the waitlist, in order.
		for _, b := range booked[:3] {
			if _, err := f.svc.Close(as(f.director), b.MatchID, matching.CloseInput{Status: flowcare.MatchCancelled,
				Reason: ptr(flowcare.OutcomeNoLongerInterested)}); err != nil {
				t.Fatal(err)
			}
		}
		after := map[string]flowcare.BookingStatus{}
		for _, b := range f.bookings(slot.ID) {
			after[b.ID] = b.Status
		}
		for i, w := range waiting {
			want := flowcare.BookingWaitlisted
			if i < 3 {
				want = flowcare.BookingBooked
			}
			if after[w.ID] != want {
				t.Fatalf("round %d: waitlist #%d (position %d) is %s, want %s", round, i+1, w.Position, after[w.ID], want)
			}
		}
		if err := f.db.SQL().QueryRow(`SELECT booked FROM slots WHERE id = $1`, slot.ID).Scan(&count); err != nil || count != seats {
			t.Fatalf("round %d: seat count after promotion %d, %v", round, count, err)
		}
		t.Logf("round %d: %d requests, %d booked, %d waitlisted, 3 promoted in order", round, requests, len(booked), len(waiting))
	}
}

func TestBookingRefusedAfterCutoffChangesNothing(t *testing.T) {
	f := setup(t)
	venue := f.actor("venue", flowcare.RoleVenueStaff, "", "libA")
	slot := f.newSlot(5, f.now.Add(12*time.Hour), nil) // cut-off 24 h before: already passed
	ids := f.requested(slot, 1)
	before := f.writes()
	_, err := f.svc.Respond(as(venue), ids[0], matching.RespondInput{Accept: true})
	wantCode(t, err, flowcare.ECONFLICT)
	if !strings.Contains(flowcare.ErrorMessage(err), "截止") {
		t.Fatalf("message = %q", flowcare.ErrorMessage(err))
	}
	if after := f.writes(); after != before {
		t.Fatalf("refused booking wrote: %s -> %s", before, after)
	}
}

// TestNoShowReleasesLaterSessionsOfASeries books a child into a weekly
// series; a no-show gives the later seats to the waitlist.
func TestNoShowReleasesLaterSessionsOfASeries(t *testing.T) {
	f := setup(t)
	venue := f.actor("venue", flowcare.RoleVenueStaff, "", "libA")
	series := "00000000-0000-4000-8000-000000000001"
	// The first session has already started, so a session can be logged for it.
	first := f.newSlot(1, f.now.Add(-30*time.Minute), &series)
	if _, err := f.db.SQL().Exec(`UPDATE slots SET booking_cutoff = $2 WHERE id = $1`, first.ID, f.now.Add(time.Hour)); err == nil {
		t.Fatal("a cut-off after the start must be refused by the database")
	}
	later := []*flowcare.Slot{f.newSlot(1, f.saturday(1, 9), &series), f.newSlot(1, f.saturday(2, 9), &series)}
	// Book the first session while it was still open: move its cut-off into the future for the acceptance only.
	if _, err := f.db.SQL().Exec(`UPDATE slots SET starts_at = $2, booking_cutoff = $2::timestamptz - interval '1 hour', ends_at = $2::timestamptz + interval '1 hour' WHERE id = $1`,
		first.ID, f.now.Add(2*time.Hour)); err != nil {
		t.Fatal(err)
	}
	a := f.requested(first, 1)[0]
	b := f.requested(first, 1)[0]
	for _, id := range []string{a, b} {
		if _, err := f.svc.Respond(as(venue), id, matching.RespondInput{Accept: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := f.db.SQL().Exec(`UPDATE slots SET booking_cutoff = $2::timestamptz - interval '2 hours', starts_at = $2, ends_at = $2::timestamptz + interval '1 hour' WHERE id = $1`,
		first.ID, f.now.Add(-30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	// The bookings keep the start they were made for; it moves back with the
	// slot, or late in the evening it would fall on the next day.
	if _, err := f.db.SQL().Exec(`UPDATE bookings SET starts_at = $2 WHERE offer_id = $1`, first.ID, f.now.Add(-30*time.Minute)); err != nil {
		t.Fatal(err)
	}
	status := func(match, slot string) flowcare.BookingStatus {
		for _, bk := range f.bookings(slot) {
			if bk.MatchID == match {
				return bk.Status
			}
		}
		return ""
	}
	for _, sl := range later {
		if status(a, sl.ID) != flowcare.BookingBooked || status(b, sl.ID) != flowcare.BookingWaitlisted {
			t.Fatalf("before the no-show: a %s, b %s", status(a, sl.ID), status(b, sl.ID))
		}
	}
	if _, err := f.svc.LogSession(as(venue), a, matching.SessionInput{StartsAt: f.now.Add(-30 * time.Minute), EndsAt: f.now,
		Attendance: flowcare.AttendanceNoShow}); err != nil {
		t.Fatal(err)
	}
	if status(a, first.ID) != flowcare.BookingNoShow {
		t.Fatalf("no-show booking = %s", status(a, first.ID))
	}
	for _, sl := range later {
		if status(a, sl.ID) != flowcare.BookingCancelled || status(b, sl.ID) != flowcare.BookingBooked {
			t.Fatalf("after the no-show: a %s, b %s", status(a, sl.ID), status(b, sl.ID))
		}
	}
}

func TestBatchProposalsForAnArea(t *testing.T) {
	f := setup(t)
	var needs []string
	for range 6 {
		needs = append(needs, f.need().ID)
	}
	var progress []int
	var mu sync.Mutex
	res, err := f.svc.ProposeForArea(as(f.civil), "110105", 0, func(done, total int) {
		mu.Lock()
		progress = append(progress, done)
		mu.Unlock()
		if total != 6 {
			t.Errorf("total = %d", total)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Needs != 6 || res.Proposed != 6 || len(res.MatchIDs) != 6 || len(progress) != 6 || slices.Max(progress) != 6 {
		t.Fatalf("batch = %+v, progress %v", res, progress)
	}
	ms, err := f.svc.MatchesByIDs(context.Background(), res.MatchIDs)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.Status != flowcare.MatchProposed || m.Score == nil || len(m.Factors) == 0 || !slices.Contains(needs, m.NeedID) {
			t.Fatalf("proposal = %+v", m)
		}
	}
	// A second run finds nothing left to propose.
	res2, err := f.svc.ProposeForArea(as(f.civil), "110105", 0, nil)
	if err != nil || res2.Needs != 0 {
		t.Fatalf("second batch = %+v, %v", res2, err)
	}
	// Providers never see mere proposals.
	staff := f.actor("staff.a", flowcare.RoleOrgStaff, "", "orgA")
	inbox, err := f.svc.Inbox(as(staff), nil, flowcare.Page{})
	if err != nil || inbox.Total != 0 {
		t.Fatalf("provider inbox before sending = %+v, %v", inbox, err)
	}
	sent, err := f.svc.SendRequests(as(f.director), res.MatchIDs)
	if err != nil || len(sent) != 6 {
		t.Fatalf("send = %d, %v", len(sent), err)
	}
	// All or none: sending again fails and changes nothing.
	before := f.writes()
	_, err = f.svc.SendRequests(as(f.director), res.MatchIDs)
	wantCode(t, err, flowcare.ECONFLICT)
	if after := f.writes(); after != before {
		t.Fatalf("failed bulk send wrote: %s -> %s", before, after)
	}
	// Outside the area the batch is refused.
	other := f.actor("civil.haidian", flowcare.RoleCivilAffairs, "110108", "")
	_, err = f.svc.ProposeForArea(as(other), "110105", 0, nil)
	wantCode(t, err, flowcare.EFORBIDDEN)
}

func TestDistancesFallBackToTheNearestAreaWithAPointAndSaySo(t *testing.T) {
	f := setup(t)
	n := f.need()
	for _, c := range []struct {
		clear string
		want  flowcare.AreaLevel
	}{
		{"", flowcare.AreaCommunity},
		{"110105001001", flowcare.AreaStreet},
		{"110105001", flowcare.AreaDistrict},
		{"110105", flowcare.AreaCity},
	} {
		if c.clear != "" {
			if err := f.db.Areas().SetAreaPoint(context.Background(), c.clear, nil, nil); err != nil {
				t.Fatal(err)
			}
		}
		l, err := f.svc.Candidates(as(f.director), n.ID)
		if err != nil {
			t.Fatal(err)
		}
		if l.DistanceFrom != c.want {
			t.Fatalf("with %q cleared, distances measured from %s, want %s", c.clear, l.DistanceFrom, c.want)
		}
	}
}
