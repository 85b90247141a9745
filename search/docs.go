package search

import (
	"fmt"
	"time"

	"flowcare/internal/flowcare"
)

// ageRange is an integer_range: a search for an age matches every document
// whose range contains it.
type ageRange struct {
	Gte int `json:"gte"`
	Lte int `json:"lte"`
}

type serviceDoc struct {
	ID               string                `json:"id"`
	OrganisationID   string                `json:"organisation_id"`
	OrganisationName string                `json:"organisation_name,omitempty"`
	Title            string                `json:"title"`
	Description      string                `json:"description,omitempty"`
	Categories       []flowcare.Category   `json:"categories,omitempty"`
	Languages        []string              `json:"languages,omitempty"`
	Areas            []string              `json:"areas,omitempty"`
	Status           string                `json:"status"`
	Age              ageRange              `json:"age"`
	MinAge           int                   `json:"min_age"`
	MaxAge           int                   `json:"max_age"`
	Points           []flowcare.GeoPoint   `json:"points,omitempty"`
	Schedule         []flowcare.TimeWindow `json:"schedule,omitempty"`
	Capacity         int                   `json:"capacity"`
	Funding          string                `json:"funding,omitempty"`
	UpdatedAt        *esTime               `json:"updated_at,omitempty"`
	ActiveMatches    int                   `json:"active_matches"`
	CompletionRate   float64               `json:"completion_rate"`
	CapacityLeft     int                   `json:"capacity_left"`
}

// volunteerDoc is everything about a volunteer that may leave PostgreSQL:
// no phone, user id, bio or vetting details, and the home only as the street
// with its ancestors and the street's centre point.
type volunteerDoc struct {
	ID              string                `json:"id"`
	OrganisationIDs []string              `json:"organisation_id,omitempty"`
	DisplayName     string                `json:"title"`
	Skills          []flowcare.Category   `json:"categories,omitempty"`
	Languages       []string              `json:"languages,omitempty"`
	Areas           []string              `json:"areas,omitempty"`
	Points          []flowcare.GeoPoint   `json:"points,omitempty"`
	Availability    []flowcare.TimeWindow `json:"availability,omitempty"`
	HoursPerMonth   int                   `json:"hours_per_month"`
	Vetted          bool                  `json:"vetted"`
	VettingExpires  *esTime               `json:"vetting_expires,omitempty"`
	ActiveMatches   int                   `json:"active_matches"`
	CompletionRate  float64               `json:"completion_rate"`
	CapacityLeft    int                   `json:"capacity_left"`
}

type slotDoc struct {
	ID               string                `json:"id"`
	OrganisationID   string                `json:"organisation_id"`
	OrganisationName string                `json:"organisation_name,omitempty"`
	SeriesID         *string               `json:"series_id,omitempty"`
	Title            string                `json:"title"`
	Description      string                `json:"description,omitempty"`
	Categories       []flowcare.Category   `json:"categories,omitempty"`
	Areas            []string              `json:"areas,omitempty"`
	Status           string                `json:"status"`
	Age              ageRange              `json:"age"`
	MinAge           int                   `json:"min_age"`
	MaxAge           int                   `json:"max_age"`
	Points           []flowcare.GeoPoint   `json:"points,omitempty"`
	StartsAt         esTime                `json:"starts_at"`
	EndsAt           esTime                `json:"ends_at"`
	BookingCutoff    esTime                `json:"booking_cutoff"`
	Capacity         int                   `json:"capacity"`
	ChildrenPerAdult int                   `json:"children_per_adult"`
	SeatsLeft        int                   `json:"seats_left"`
	Windows          []flowcare.TimeWindow `json:"windows,omitempty"`
}

type eventDoc struct {
	ID                 string                `json:"id"`
	OrganisationID     string                `json:"organisation_id"`
	OrganisationName   string                `json:"organisation_name,omitempty"`
	Title              string                `json:"title"`
	Description        string                `json:"description,omitempty"`
	Place              string                `json:"place,omitempty"`
	Categories         []flowcare.Category   `json:"categories,omitempty"`
	Areas              []string              `json:"areas,omitempty"`
	Status             string                `json:"status"`
	Age                ageRange              `json:"age"`
	MinAge             int                   `json:"min_age"`
	MaxAge             int                   `json:"max_age"`
	Points             []flowcare.GeoPoint   `json:"points,omitempty"`
	StartsAt           esTime                `json:"starts_at"`
	EndsAt             esTime                `json:"ends_at"`
	RegistrationOpens  esTime                `json:"registration_opens"`
	RegistrationCloses esTime                `json:"registration_closes"`
	Capacity           int                   `json:"capacity"`
	SeatsLeft          int                   `json:"seats_left"`
	Windows            []flowcare.TimeWindow `json:"windows,omitempty"`
}

// esTime is written with millisecond precision in UTC, which is what a date
// field keeps, so that a document read back equals what was sent.
type esTime time.Time

func (t esTime) MarshalJSON() ([]byte, error) {
	return []byte(`"` + time.Time(t).UTC().Format(esTimeLayout) + `"`), nil
}

const esTimeLayout = "2006-01-02T15:04:05.000Z07:00"

func esTimePtr(t *time.Time) *esTime {
	if t == nil || t.IsZero() {
		return nil
	}
	v := esTime(*t)
	return &v
}

// source builds the document stored for d. Facts from related rows come from
// d itself; the entity's own place fills in when the caller gave none.
func source(d flowcare.SearchDoc) (any, error) {
	switch d.Entity {
	case flowcare.EntityService:
		s := d.Service
		if s == nil {
			return nil, fmt.Errorf("service %s: document has no service", d.ID)
		}
		points := d.Points
		if len(points) == 0 {
			for _, l := range s.Locations {
				points = append(points, flowcare.GeoPoint{Lat: l.Latitude, Lon: l.Longitude})
			}
		}
		areas := d.Areas
		if len(areas) == 0 {
			areas = s.AreasServed
		}
		return serviceDoc{
			ID: d.ID, OrganisationID: s.OrganisationID, OrganisationName: d.OrganisationName,
			Title: s.Name, Description: s.Description, Categories: s.Categories, Languages: s.Languages,
			Areas: areas, Status: string(s.Status),
			Age: ageRange{s.MinAge, s.MaxAge}, MinAge: s.MinAge, MaxAge: s.MaxAge,
			Points: points, Schedule: s.Schedule, Capacity: s.Capacity, Funding: string(s.Funding),
			UpdatedAt:     esTimePtr(&s.UpdatedAt),
			ActiveMatches: d.Load.Active, CompletionRate: d.Load.CompletionRate(), CapacityLeft: s.Capacity - d.Load.Active,
		}, nil
	case flowcare.EntityVolunteer:
		v := d.Volunteer
		if v == nil {
			return nil, fmt.Errorf("volunteer %s: document has no volunteer", d.ID)
		}
		areas := d.Areas
		if len(areas) == 0 && v.HomeAreaID != "" {
			areas = []string{v.HomeAreaID}
		}
		return volunteerDoc{
			ID: d.ID, OrganisationIDs: v.OrganisationIDs, DisplayName: v.DisplayName,
			Skills: v.Skills, Languages: v.Languages, Areas: areas, Points: d.Points,
			Availability: v.Availability, HoursPerMonth: v.HoursPerMonth,
			Vetted: d.Vetted, VettingExpires: esTimePtr(d.VettingExpires),
			ActiveMatches: d.Load.Active, CompletionRate: d.Load.CompletionRate(),
			CapacityLeft: flowcare.VolunteerCapacity(v.HoursPerMonth) - d.Load.Active,
		}, nil
	case flowcare.EntitySlot:
		s := d.Slot
		if s == nil {
			return nil, fmt.Errorf("slot %s: document has no slot", d.ID)
		}
		// A slot's venue is an organisation.
		return slotDoc{
			ID: d.ID, OrganisationID: s.VenueID, OrganisationName: d.OrganisationName, SeriesID: s.SeriesID,
			Title: s.Title, Description: s.Description, Categories: s.Categories,
			Areas: d.Areas, Status: string(s.Status),
			Age: ageRange{s.MinAge, s.MaxAge}, MinAge: s.MinAge, MaxAge: s.MaxAge, Points: d.Points,
			StartsAt: esTime(s.StartsAt), EndsAt: esTime(s.EndsAt), BookingCutoff: esTime(s.BookingCutoff),
			Capacity: s.Capacity, ChildrenPerAdult: s.ChildrenPerAdult,
			SeatsLeft: s.Capacity - s.Booked, Windows: flowcare.WeeklyWindows(s.StartsAt, s.EndsAt),
		}, nil
	case flowcare.EntityEvent:
		e := d.Event
		if e == nil {
			return nil, fmt.Errorf("event %s: document has no event", d.ID)
		}
		points := d.Points
		if len(points) == 0 && (e.Latitude != 0 || e.Longitude != 0) {
			points = []flowcare.GeoPoint{{Lat: e.Latitude, Lon: e.Longitude}}
		}
		areas := d.Areas
		if len(areas) == 0 && e.AreaID != "" {
			areas = []string{e.AreaID}
		}
		return eventDoc{
			ID: d.ID, OrganisationID: e.OrganisationID, OrganisationName: d.OrganisationName,
			Title: e.Title, Description: e.Description, Place: e.Place, Categories: e.Categories,
			Areas: areas, Status: string(e.Status),
			Age: ageRange{e.MinAge, e.MaxAge}, MinAge: e.MinAge, MaxAge: e.MaxAge, Points: points,
			StartsAt: esTime(e.StartsAt), EndsAt: esTime(e.EndsAt),
			RegistrationOpens: esTime(e.RegistrationOpens), RegistrationCloses: esTime(e.RegistrationCloses),
			Capacity: e.Capacity, SeatsLeft: e.Capacity - e.Booked, Windows: flowcare.WeeklyWindows(e.StartsAt, e.EndsAt),
		}, nil
	}
	return nil, fmt.Errorf("%s %s: unknown entity", d.Entity, d.ID)
}

// hitSource is the union of the stored documents, read back to build a hit.
type hitSource struct {
	ID               string              `json:"id"`
	OrganisationID   flexStrings         `json:"organisation_id"`
	OrganisationName string              `json:"organisation_name"`
	Title            string              `json:"title"`
	Description      string              `json:"description"`
	Categories       []flowcare.Category `json:"categories"`
	Languages        []string            `json:"languages"`
	Areas            []string            `json:"areas"`
	MinAge           int                 `json:"min_age"`
	MaxAge           int                 `json:"max_age"`
	StartsAt         *time.Time          `json:"starts_at"`
	EndsAt           *time.Time          `json:"ends_at"`
	Vetted           *bool               `json:"vetted"`
	VettingExpires   *time.Time          `json:"vetting_expires"`
}
