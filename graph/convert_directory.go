package graph

import (
	"strings"

	"flowcare/graph/model"
	"flowcare/internal/directory"
	"flowcare/internal/flowcare"
)

func windows(in []*model.TimeWindowInput) []flowcare.TimeWindow {
	out := make([]flowcare.TimeWindow, len(in))
	for i, w := range in {
		out[i] = flowcare.TimeWindow{Day: w.Day, Start: w.Start, End: w.End}
	}
	return out
}

func serviceInput(in model.ServiceInput) directory.ServiceInput {
	locs := make([]flowcare.Location, len(in.Locations))
	for i, l := range in.Locations {
		locs[i] = flowcare.Location{Name: l.Name, Address: str(l.Address), AreaID: l.AreaID, Latitude: l.Latitude, Longitude: l.Longitude}
	}
	return directory.ServiceInput{Name: in.Name, Description: in.Description, Categories: in.Categories, MinAge: in.MinAge,
		MaxAge: in.MaxAge, AreasServed: in.AreasServed, Schedule: windows(in.Schedule), Capacity: in.Capacity,
		Languages: in.Languages, Funding: in.Funding, Locations: locs}
}

func volunteerInput(in *model.VolunteerProfileInput) directory.VolunteerInput {
	return directory.VolunteerInput{DisplayName: in.DisplayName, Phone: in.Phone, Bio: in.Bio, Skills: in.Skills,
		Languages: in.Languages, HomeAreaID: in.HomeAreaID, Availability: windows(in.Availability),
		HoursPerMonth: in.HoursPerMonth, OrganisationIDs: in.OrganisationIds}
}

func slotInput(in *model.SlotInput) directory.SlotInput {
	return directory.SlotInput{VenueID: in.VenueID, Title: in.Title, Description: in.Description, Categories: in.Categories,
		StartsAt: in.StartsAt, EndsAt: in.EndsAt, Capacity: in.Capacity, MinAge: in.MinAge, MaxAge: in.MaxAge,
		ChildrenPerAdult: in.ChildrenPerAdult, BookingCutoffHours: in.BookingCutoffHours}
}

func eventInput(in model.EventInput) directory.EventInput {
	return directory.EventInput{Title: in.Title, Description: in.Description, Categories: in.Categories, StartsAt: in.StartsAt,
		EndsAt: in.EndsAt, Place: in.Place, AreaID: in.AreaID, Latitude: in.Latitude, Longitude: in.Longitude,
		Capacity: in.Capacity, MinAge: in.MinAge, MaxAge: in.MaxAge, RegistrationOpens: in.RegistrationOpens,
		RegistrationCloses: in.RegistrationCloses}
}

func searchQuery(in model.SearchInput, first *int, after *string) flowcare.SearchQuery {
	q := flowcare.SearchQuery{Entity: flowcare.Entity(strings.ToLower(string(in.Entity))), Text: str(in.Text),
		Categories: in.Categories, AreaID: str(in.AreaID), Age: in.Age, From: in.From, To: in.To, Language: str(in.Language),
		After: str(after)}
	if first != nil {
		q.First = *first
	}
	if in.Near != nil {
		q.Near = &flowcare.GeoPoint{Lat: in.Near.Latitude, Lon: in.Near.Longitude}
	}
	if in.RadiusKm != nil {
		q.RadiusKm = *in.RadiusKm
	}
	return q
}

func ptrs[T any](xs []T) []*T {
	out := make([]*T, len(xs))
	for i := range xs {
		out[i] = &xs[i]
	}
	return out
}
