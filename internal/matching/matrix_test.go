package matching_test

import (
	"context"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/matching"
)

// matchIn makes a match of the fixture's child in a given state, straight
// through the store: a service match answered by orgA, or a volunteer match
// answered by the near volunteer.
func (f *fixture) matchIn(e flowcare.Entity, st flowcare.MatchStatus) *flowcare.Match {
	f.t.Helper()
	ctx := context.Background()
	n := f.need()
	m := &flowcare.Match{NeedID: n.ID, ChildID: f.child.ID, Category: n.Category, Entity: e, Status: flowcare.MatchProposed}
	if e == flowcare.EntityVolunteer {
		m.OfferID, m.OfferTitle, m.ProviderVolunteerID = f.volNear.ID, f.volNear.DisplayName, &f.volNear.ID
	} else {
		org := f.orgs["orgA"]
		m.OfferID, m.OfferTitle, m.ProviderOrgID = f.service.ID, f.service.Name, &org
	}
	if err := f.db.Matches().CreateMatch(ctx, m, f.director.UserID); err != nil {
		f.t.Fatal(err)
	}
	path := map[flowcare.MatchStatus][]flowcare.MatchStatus{
		flowcare.MatchProposed:   nil,
		flowcare.MatchRequested:  {flowcare.MatchRequested},
		flowcare.MatchAccepted:   {flowcare.MatchRequested, flowcare.MatchAccepted},
		flowcare.MatchInProgress: {flowcare.MatchRequested, flowcare.MatchAccepted, flowcare.MatchInProgress},
	}[st]
	for _, to := range path {
		if err := f.db.Matches().MoveMatch(ctx, m, to, nil, "", f.director.UserID, f.now); err != nil {
			f.t.Fatal(err)
		}
	}
	return m
}

func (f *fixture) session(m *flowcare.Match) *flowcare.ServiceSession {
	f.t.Helper()
	start := f.now.Add(-time.Duration(24+f.next()) * time.Hour).Truncate(time.Minute)
	s := &flowcare.ServiceSession{MatchID: m.ID, StartsAt: start, EndsAt: start.Add(time.Hour), Attendance: flowcare.AttendancePresent,
		Hours: flowcare.HoursNone}
	if m.ProviderVolunteerID != nil {
		s.VolunteerID, s.Hours = m.ProviderVolunteerID, flowcare.HoursPending
	}
	if err := f.db.Matches().CreateSession(context.Background(), s, ""); err != nil {
		f.t.Fatal(err)
	}
	return s
}

// TestMatchingAuthorizationMatrix runs every role, on scopes inside and
// outside the child's area and as the match's provider or not, through every
// matching action. A refusal is FORBIDDEN where the actor may know the
// match exists and NOT_FOUND where it may not, and writes nothing.
func TestMatchingAuthorizationMatrix(t *testing.T) {
	f := setup(t)
	f.grantShare(true)
	actors := []struct {
		name string
		a    *flowcare.Actor
	}{
		{"director in", f.director},
		{"director out", f.actor("director.out", flowcare.RoleChildDirector, "110108001001", "")},
		{"supervisor in", f.actor("supervisor", flowcare.RoleChildSupervisor, "110105001", "")},
		{"civil in", f.civil},
		{"civil out", f.actor("civil.out", flowcare.RoleCivilAffairs, "110108", "")},
		{"auditor", f.actor("auditor", flowcare.RoleAuditor, "110000", "")},
		{"admin", f.actor("admin", flowcare.RoleAdmin, "110000", "")},
		{"org staff (provider)", f.actor("staff.a", flowcare.RoleOrgStaff, "", "orgA")},
		{"org staff (other)", f.actor("staff.b", flowcare.RoleOrgStaff, "", "orgB")},
		{"volunteer (provider)", f.volNearActor},
		{"volunteer (other)", f.actor("vol.other", flowcare.RoleVolunteer, "", "orgA")},
		{"venue staff", f.actor("venue", flowcare.RoleVenueStaff, "", "libA")},
	}
	const (
		ok  = ""
		frb = flowcare.EFORBIDDEN
		nf  = flowcare.ENOTFOUND
	)
	type action struct {
		name string
		// prep makes the state the action needs and returns the id it acts on.
		prep func() string
		run  func(ctx context.Context, id string) error
		// want maps actor names to the expected code; unlisted actors get def.
		want map[string]string
		def  string
	}
	staffOK := map[string]string{"director in": ok, "supervisor in": ok, "civil in": ok}
	with := func(base map[string]string, extra map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range extra {
			out[k] = v
		}
		return out
	}
	need := func() string { return f.need().ID }
	match := func(e flowcare.Entity, st flowcare.MatchStatus) func() string {
		return func() string { return f.matchIn(e, st).ID }
	}
	none := func() string { return "" }
	providerOnly := map[string]string{"director in": frb, "supervisor in": frb, "civil in": frb, "auditor": frb}
	actions := []action{
		{"rank candidates", need, func(ctx context.Context, id string) error {
			_, err := f.svc.Candidates(ctx, id)
			return err
		}, staffOK, nf},
		{"propose and send", need, func(ctx context.Context, id string) error {
			_, err := f.svc.Propose(ctx, id, matching.ProposeInput{Entity: flowcare.EntityService, OfferID: f.service.ID, Send: true})
			return err
		}, staffOK, nf},
		{"send proposals", match(flowcare.EntityService, flowcare.MatchProposed), func(ctx context.Context, id string) error {
			_, err := f.svc.SendRequests(ctx, []string{id})
			return err
		}, staffOK, nf},
		{"batch-propose for the community", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.ProposeForArea(ctx, "110105001001", 5, nil)
			return err
		}, staffOK, frb},
		{"view a request", match(flowcare.EntityService, flowcare.MatchRequested), func(ctx context.Context, id string) error {
			_, err := f.svc.Match(ctx, id)
			return err
		}, with(staffOK, map[string]string{"auditor": ok, "org staff (provider)": ok}), nf},
		{"board of the community", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.Board(ctx, "110105001001", nil, flowcare.Page{})
			return err
		}, with(staffOK, map[string]string{"auditor": ok}), frb},
		{"provider inbox", none, func(ctx context.Context, _ string) error {
			_, err := f.svc.Inbox(ctx, nil, flowcare.Page{})
			return err
		}, map[string]string{"org staff (provider)": ok, "org staff (other)": ok, "volunteer (provider)": ok, "volunteer (other)": ok,
			"venue staff": ok}, frb},
		{"accept an organisation's request", match(flowcare.EntityService, flowcare.MatchRequested), func(ctx context.Context, id string) error {
			_, err := f.svc.Respond(ctx, id, matching.RespondInput{Accept: true})
			return err
		}, with(providerOnly, map[string]string{"org staff (provider)": ok}), nf},
		{"decline a volunteer's request", match(flowcare.EntityVolunteer, flowcare.MatchRequested), func(ctx context.Context, id string) error {
			_, err := f.svc.Respond(ctx, id, matching.RespondInput{Reason: ptr(flowcare.OutcomeScheduleConflict)})
			return err
		}, with(providerOnly, map[string]string{"volunteer (provider)": ok}), nf},
		{"log a session", match(flowcare.EntityVolunteer, flowcare.MatchAccepted), func(ctx context.Context, id string) error {
			_, err := f.svc.LogSession(ctx, id, matching.SessionInput{
				StartsAt: f.now.Add(-2 * time.Hour), EndsAt: f.now.Add(-time.Hour), Attendance: flowcare.AttendancePresent})
			return err
		}, with(providerOnly, map[string]string{"volunteer (provider)": ok}), nf},
		{"complete a match", func() string {
			m := f.matchIn(flowcare.EntityVolunteer, flowcare.MatchInProgress)
			f.session(m)
			return m.ID
		}, func(ctx context.Context, id string) error {
			_, err := f.svc.Close(ctx, id, matching.CloseInput{Status: flowcare.MatchCompleted})
			return err
		}, with(staffOK, map[string]string{"volunteer (provider)": ok, "auditor": frb}), nf},
		{"cancel a request", match(flowcare.EntityService, flowcare.MatchRequested), func(ctx context.Context, id string) error {
			_, err := f.svc.Close(ctx, id, matching.CloseInput{Status: flowcare.MatchCancelled, Reason: ptr(flowcare.OutcomeNoLongerInterested)})
			return err
		}, with(staffOK, map[string]string{"org staff (provider)": frb, "auditor": frb}), nf},
		{"read the child's minimal profile", match(flowcare.EntityVolunteer, flowcare.MatchAccepted), func(ctx context.Context, id string) error {
			_, err := f.svc.ChildProfile(ctx, id)
			return err
		}, with(providerOnly, map[string]string{"volunteer (provider)": ok}), nf},
		{"override consent", match(flowcare.EntityVolunteer, flowcare.MatchAccepted), func(ctx context.Context, id string) error {
			_, err := f.svc.OverrideConsent(ctx, id, "情况紧急，需尽快安排陪伴服务")
			return err
		}, map[string]string{"civil in": ok, "director in": frb, "supervisor in": frb, "auditor": frb}, nf},
		{"approve volunteer hours", func() string {
			return f.session(f.matchIn(flowcare.EntityVolunteer, flowcare.MatchInProgress)).ID
		}, func(ctx context.Context, id string) error {
			_, err := f.svc.ReviewHours(ctx, []string{id}, true, "")
			return err
		}, map[string]string{"org staff (provider)": ok}, frb},
	}
	cells := 0
	for _, act := range actions {
		for _, who := range actors {
			want, listed := act.want[who.name]
			if !listed {
				want = act.def
			}
			t.Run(act.name+"/"+who.name, func(t *testing.T) {
				cells++
				id := act.prep()
				before := f.writes()
				err := act.run(as(who.a), id)
				if want == ok {
					if err != nil {
						t.Fatalf("want allowed, got %v", err)
					}
					return
				}
				wantCode(t, err, want)
				if after := f.writes(); after != before {
					t.Fatalf("refusal wrote: %s -> %s", before, after)
				}
			})
		}
	}
	if cells != len(actions)*len(actors) {
		t.Fatalf("ran %d cells of %d", cells, len(actions)*len(actors))
	}
	t.Logf("%d actions × %d role scopes = %d cells", len(actions), len(actors), cells)
}
