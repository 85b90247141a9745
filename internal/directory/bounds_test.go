package directory_test

import (
	"strings"
	"testing"
	"time"

	"flowcare/internal/directory"
	"flowcare/internal/flowcare"
)

// TestFarDatesAndLongTextsAreRefused: a slot or event in the year 9999 and a
// vetting item valid until then were taken, and would have sat ahead of every
// real thing in each list of what is coming; a search term of any length went
// to Elasticsearch, which failed on it; a location without an area failed on
// the foreign key with an INVALID that named no field.
func TestFarDatesAndLongTextsAreRefused(t *testing.T) {
	f := setup(t)
	staff := f.actor("staff", flowcare.RoleOrgStaff, "", "orgA")
	venue := f.actor("venue", flowcare.RoleVenueStaff, "", "libA")
	organiser := f.actor("organiser", flowcare.RoleEventOrganiser, "", "ylA")
	far := now.AddDate(flowcare.PlanningYears, 0, 1)
	cases := []struct {
		name, field string
		run         func() error
	}{
		{"slot six years ahead", "startsAt", func() error {
			in := goodSlot(f.orgs["libA"])
			in.StartsAt, in.EndsAt = far, far.Add(time.Hour)
			_, err := f.svc.PublishSlot(as(venue), in)
			return err
		}},
		{"event ending in 9999", "endsAt", func() error {
			in := goodEvent()
			in.EndsAt = time.Date(9999, 12, 31, 10, 0, 0, 0, time.UTC)
			_, err := f.svc.CreateEvent(as(organiser), f.orgs["ylA"], in)
			return err
		}},
		{"event registration opening in year 1", "registrationOpens", func() error {
			in := goodEvent()
			in.RegistrationOpens = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)
			_, err := f.svc.CreateEvent(as(organiser), f.orgs["ylA"], in)
			return err
		}},
		{"vetting valid until 9999", "expiresOn", func() error {
			v := f.volunteer(f.actor("vol", flowcare.RoleVolunteer, "", ""), "orgA")
			_, err := f.svc.RecordVetting(as(staff), directory.VettingInput{VolunteerID: v.ID, Kind: flowcare.VettingPledge,
				CompletedOn: now.AddDate(0, -1, 0), ExpiresOn: time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)})
			return err
		}},
		{"language of 21 characters", "languages", func() error {
			in := goodService()
			in.Languages = []string{"普通话", strings.Repeat("话", 21)}
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
		{"search language of 100,000 characters", "language", func() error {
			_, err := f.svc.Search(as(staff), flowcare.SearchQuery{Entity: flowcare.EntityService, Language: strings.Repeat("话", 100_000)})
			return err
		}},
		{"location without an area", "locations", func() error {
			in := goodService()
			in.Locations[0].AreaID = ""
			_, err := f.svc.CreateService(as(staff), f.orgs["orgA"], in)
			return err
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.writes()
			err := c.run()
			wantCode(t, err, flowcare.EINVALID)
			if got := flowcare.ErrorField(err); got != c.field {
				t.Errorf("field = %q, want %q (%v)", got, c.field, err)
			}
			if f.writes() != before && !strings.HasPrefix(c.name, "vetting") {
				t.Errorf("refused input wrote something: %s -> %s", before, f.writes())
			}
		})
	}
	// The last day of the horizon is still a day one may plan for.
	in := goodSlot(f.orgs["libA"])
	in.StartsAt = now.AddDate(flowcare.PlanningYears, 0, -1)
	in.EndsAt = in.StartsAt.Add(time.Hour)
	if _, err := f.svc.PublishSlot(as(venue), in); err != nil {
		t.Fatalf("a slot within the horizon: %v", err)
	}
}
