package flowcare

import (
	"context"
	"time"
)

// Category is a kind of need a child may have and a service may meet, from
// the policy's list of care services.
type Category string

const (
	CatReadingGuidance      Category = "READING_GUIDANCE"
	CatLetterCompanionship  Category = "LETTER_COMPANIONSHIP"
	CatRecreation           Category = "RECREATION"
	CatPsychologicalCounsel Category = "PSYCHOLOGICAL_COUNSELLING"
	CatRehabilitation       Category = "REHABILITATION"
	CatAutismSupport        Category = "AUTISM_SUPPORT"
	CatCityIntegration      Category = "CITY_INTEGRATION"
	CatPublicCulture        Category = "PUBLIC_CULTURE"
	CatFamilyEducation      Category = "FAMILY_EDUCATION"
	CatLegalEducation       Category = "LEGAL_EDUCATION"
	CatOneToOneSupport      Category = "ONE_TO_ONE_SUPPORT"
	CatParentEmployment     Category = "PARENT_EMPLOYMENT"
)

// Categories lists every need category in a stable order.
var Categories = []Category{
	CatReadingGuidance, CatLetterCompanionship, CatRecreation, CatPsychologicalCounsel, CatRehabilitation,
	CatAutismSupport, CatCityIntegration, CatPublicCulture, CatFamilyEducation, CatLegalEducation,
	CatOneToOneSupport, CatParentEmployment,
}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, x := range Categories {
		if x == c {
			return true
		}
	}
	return false
}

// VerificationStatus is where an organisation stands with civil-affairs staff.
type VerificationStatus string

const (
	VerificationUnverified VerificationStatus = "UNVERIFIED"
	VerificationVerified   VerificationStatus = "VERIFIED"
	VerificationRejected   VerificationStatus = "REJECTED"
)

// TimeWindow is a weekly window: Day 1 (Monday) to 7 (Sunday), minutes from midnight.
type TimeWindow struct {
	Day   int `json:"day"`
	Start int `json:"start"`
	End   int `json:"end"`
}

// ServiceStatus is the life of a service posting.
type ServiceStatus string

const (
	ServiceDraft  ServiceStatus = "DRAFT"
	ServiceActive ServiceStatus = "ACTIVE"
	ServicePaused ServiceStatus = "PAUSED"
	ServiceEnded  ServiceStatus = "ENDED"
)

// Funding says who pays for a service.
type Funding string

const (
	FundingFree   Funding = "FREE"
	FundingFunded Funding = "FUNDED"
)

// Location is a place where a service is delivered.
type Location struct {
	ID        string  `db:"id" json:"id"`
	Name      string  `db:"name" json:"name"`
	Address   string  `db:"address" json:"address"`
	AreaID    string  `db:"area_id" json:"areaId"`
	Latitude  float64 `db:"latitude" json:"latitude"`
	Longitude float64 `db:"longitude" json:"longitude"`
}

// Service is what an organisation offers children.
type Service struct {
	ID             string        `db:"id"`
	OrganisationID string        `db:"organisation_id"`
	Name           string        `db:"name"`
	Description    string        `db:"description"`
	Categories     []Category    `db:"-"`
	MinAge         int           `db:"min_age"`
	MaxAge         int           `db:"max_age"`
	AreasServed    []string      `db:"-"`
	Schedule       []TimeWindow  `db:"-"`
	Capacity       int           `db:"capacity"`
	Languages      []string      `db:"-"`
	Funding        Funding       `db:"funding"`
	Status         ServiceStatus `db:"status"`
	Locations      []Location    `db:"-"`
	Version        int64         `db:"version"`
	CreatedAt      time.Time     `db:"created_at"`
	UpdatedAt      time.Time     `db:"updated_at"`
}

// VettingKind is one of the checks a volunteer needs before working with children.
type VettingKind string

const (
	// VettingCriminalRecord is the check the Minor Protection Law requires of
	// people who work closely with minors.
	VettingCriminalRecord VettingKind = "CRIMINAL_RECORD_CHECK"
	VettingTraining       VettingKind = "TRAINING"
	VettingPledge         VettingKind = "SAFEGUARDING_PLEDGE"
)

// VettingKinds lists every vetting item a volunteer needs.
var VettingKinds = []VettingKind{VettingCriminalRecord, VettingTraining, VettingPledge}

// VettingStatus is the state of one vetting item.
type VettingStatus string

const (
	VettingPending  VettingStatus = "PENDING"
	VettingApproved VettingStatus = "APPROVED"
	VettingRejected VettingStatus = "REJECTED"
)

// VettingItem is one recorded check of a volunteer.
type VettingItem struct {
	ID          string        `db:"id"`
	VolunteerID string        `db:"volunteer_id"`
	Kind        VettingKind   `db:"kind"`
	Status      VettingStatus `db:"status"`
	CompletedOn time.Time     `db:"completed_on"`
	ExpiresOn   time.Time     `db:"expires_on"`
	Note        *string       `db:"note"`
	RecordedBy  *string       `db:"recorded_by_username"`
	ApprovedBy  *string       `db:"approved_by_username"`
	ApprovedAt  *time.Time    `db:"approved_at"`
}

// Volunteer is a person who gives time; their home is kept at street level.
type Volunteer struct {
	ID              string        `db:"id"`
	UserID          string        `db:"user_id"`
	DisplayName     string        `db:"display_name"`
	Phone           *string       `db:"phone"`
	Bio             string        `db:"bio"`
	Skills          []Category    `db:"-"`
	Languages       []string      `db:"-"`
	HomeAreaID      string        `db:"home_area_id"`
	Availability    []TimeWindow  `db:"-"`
	HoursPerMonth   int           `db:"hours_per_month"`
	OrganisationIDs []string      `db:"-"`
	Vetting         []VettingItem `db:"-"`
	Version         int64         `db:"version"`
	CreatedAt       time.Time     `db:"created_at"`
	UpdatedAt       time.Time     `db:"updated_at"`
}

// VettedAt reports whether every vetting item is approved and unexpired on day
// at, and the earliest expiry among them.
func (v *Volunteer) VettedAt(at time.Time) (bool, *time.Time) {
	var earliest *time.Time
	for _, k := range VettingKinds {
		ok := false
		for i := range v.Vetting {
			it := &v.Vetting[i]
			if it.Kind == k && it.Status == VettingApproved && !it.ExpiresOn.Before(truncateDay(at)) {
				ok = true
				if earliest == nil || it.ExpiresOn.Before(*earliest) {
					e := it.ExpiresOn
					earliest = &e
				}
			}
		}
		if !ok {
			return false, nil
		}
	}
	return true, earliest
}

func truncateDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// SlotStatus is whether a venue slot can be booked.
type SlotStatus string

const (
	SlotPublished SlotStatus = "PUBLISHED"
	SlotCancelled SlotStatus = "CANCELLED"
)

// Slot is a library or museum activity at a fixed time with fixed capacity.
type Slot struct {
	ID          string     `db:"id"`
	VenueID     string     `db:"venue_id"`
	SeriesID    *string    `db:"series_id"`
	Title       string     `db:"title"`
	Description string     `db:"description"`
	Categories  []Category `db:"-"`
	StartsAt    time.Time  `db:"starts_at"`
	EndsAt      time.Time  `db:"ends_at"`
	Capacity    int        `db:"capacity"`
	MinAge      int        `db:"min_age"`
	MaxAge      int        `db:"max_age"`
	// ChildrenPerAdult is the most children one accompanying adult may bring.
	ChildrenPerAdult int        `db:"children_per_adult"`
	BookingCutoff    time.Time  `db:"booking_cutoff"`
	Status           SlotStatus `db:"status"`
	Version          int64      `db:"version"`
	// Booked is the number of seats taken.
	Booked int `db:"booked"`
}

// EventStatus is the life of an event.
type EventStatus string

const (
	EventDraft     EventStatus = "DRAFT"
	EventPublished EventStatus = "PUBLISHED"
	EventCancelled EventStatus = "CANCELLED"
)

// Event is an activity run by a youth-league or women's-federation unit.
type Event struct {
	ID                 string      `db:"id"`
	OrganisationID     string      `db:"organisation_id"`
	Title              string      `db:"title"`
	Description        string      `db:"description"`
	Categories         []Category  `db:"-"`
	StartsAt           time.Time   `db:"starts_at"`
	EndsAt             time.Time   `db:"ends_at"`
	Place              string      `db:"place"`
	AreaID             string      `db:"area_id"`
	Latitude           float64     `db:"latitude"`
	Longitude          float64     `db:"longitude"`
	Capacity           int         `db:"capacity"`
	MinAge             int         `db:"min_age"`
	MaxAge             int         `db:"max_age"`
	RegistrationOpens  time.Time   `db:"registration_opens"`
	RegistrationCloses time.Time   `db:"registration_closes"`
	Status             EventStatus `db:"status"`
	Version            int64       `db:"version"`
	// Booked is the number of seats taken.
	Booked int `db:"booked"`
}

// Entity names an indexed kind of thing; it is also the outbox's entity column.
type Entity string

const (
	EntityService   Entity = "service"
	EntityVolunteer Entity = "volunteer"
	EntitySlot      Entity = "slot"
	EntityEvent     Entity = "event"
)

// Entities lists the indexed kinds.
var Entities = []Entity{EntityService, EntityVolunteer, EntitySlot, EntityEvent}

// SearchDoc is the search copy of one offered thing, built from PostgreSQL.
// Exactly one of the pointers is set. Nothing personal goes in: volunteers
// appear by display name, street and skills only.
type SearchDoc struct {
	Entity  Entity
	ID      string
	Version int64
	// Delete is set when the thing is gone or no longer published.
	Delete bool

	Service   *Service
	Volunteer *Volunteer
	Slot      *Slot
	Event     *Event

	// Facts from related rows that the document carries.
	OrganisationName string
	// Areas holds the area ids of every place involved and their ancestors,
	// so that a filter on a district finds a street-level thing.
	Areas []string
	// Points are the coordinates of the thing's places.
	Points []GeoPoint
	// Vetted and VettingExpires describe a volunteer's vetting at index time.
	Vetted         bool
	VettingExpires *time.Time
	// Load is the offer's active matches and record, for ranking matches.
	Load OfferLoad
}

// GeoPoint is a coordinate.
type GeoPoint struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Indexer writes search documents; a document older than the indexed one is
// ignored, so repeated or out-of-order writes are harmless.
type Indexer interface {
	Index(ctx context.Context, docs []SearchDoc) error
}

// SearchQuery asks the search copy for offered things.
type SearchQuery struct {
	Entity     Entity
	Text       string
	Categories []Category
	AreaID     string
	Age        *int
	From, To   *time.Time
	Near       *GeoPoint
	RadiusKm   float64
	Language   string
	// VettedOnly keeps volunteers whose vetting is complete and current.
	VettedOnly bool
	// OrganisationIDs, when set, keeps things of these organisations only.
	OrganisationIDs []string
	First           int
	After           string
}

// SearchHit is one result, built from the search copy alone.
type SearchHit struct {
	Entity           Entity
	ID               string
	Title            string
	Summary          string
	OrganisationID   string
	OrganisationName string
	Categories       []Category
	AreaIDs          []string
	Languages        []string
	MinAge, MaxAge   int
	StartsAt         *time.Time
	EndsAt           *time.Time
	DistanceKm       *float64
	Vetted           *bool
	Score            float64
	Cursor           string
}

// SearchPage is one page of results.
type SearchPage struct {
	Hits    []SearchHit
	Total   int
	HasNext bool
}

// Searcher answers search queries from the search copy.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) (*SearchPage, error)
}

// IndexAdmin manages the versioned indices behind each entity's alias, for
// rebuilding an index from PostgreSQL with no downtime.
type IndexAdmin interface {
	// EnsureIndices creates a first versioned index and its alias for every
	// entity that has none.
	EnsureIndices(ctx context.Context) error
	// NewIndex creates an empty versioned index for e and returns its name.
	NewIndex(ctx context.Context, e Entity) (string, error)
	// IndexInto writes documents into one named index.
	IndexInto(ctx context.Context, index string, docs []SearchDoc) error
	// SwapAlias points e's alias at index alone and deletes the indices it
	// pointed at before.
	SwapAlias(ctx context.Context, e Entity, index string) error
	// Count returns the number of documents behind e's alias.
	Count(ctx context.Context, e Entity) (int, error)
	// SuspendForBulkLoad turns off the periodic refresh, the replicas and
	// the sync of the translog after each request of e's new index, which no
	// search reads yet, and returns the settings RestoreSettings puts back
	// before the alias moves to it.
	SuspendForBulkLoad(ctx context.Context, e Entity, index string) (IndexSettings, error)
	// RestoreSettings gives index back the settings SuspendForBulkLoad took.
	RestoreSettings(ctx context.Context, index string, s IndexSettings) error
	// BulkLoad fills one named index in requests of about flushBytes, with
	// up to workers of them in flight while more documents are added.
	BulkLoad(ctx context.Context, index string, workers, flushBytes int) (BulkLoader, error)
}

// IndexSettings are the settings of an index that a bulk load suspends.
// An empty RefreshInterval or Durability is the cluster's default.
type IndexSettings struct {
	RefreshInterval string
	Replicas        int
	// Durability is when the translog is synced: "request" (after every
	// request) or "async".
	Durability string
}

// BulkLoader writes documents into one index that no search reads yet.
type BulkLoader interface {
	// Add queues docs; it waits while every request in flight is busy, and
	// returns the error of any request that failed so far.
	Add(ctx context.Context, docs []SearchDoc) error
	// Close sends what is queued, waits for every request and returns the
	// first error; the loader takes no more documents.
	Close(ctx context.Context) error
}

// OutboxRow is a pending change to the search copy.
type OutboxRow struct {
	ID        int64     `db:"id"`
	Entity    Entity    `db:"entity"`
	EntityID  string    `db:"entity_id"`
	CreatedAt time.Time `db:"created_at"`
	Attempts  int       `db:"attempts"`
}

// OutboxStats describes the backlog.
type OutboxStats struct {
	Pending      int
	OldestAt     *time.Time
	FailingCount int
}

// DirectoryStore keeps what is offered, and the outbox that carries changes
// of it to the search copy. Every write of an indexed thing bumps its version
// and enqueues it in the same transaction.
type DirectoryStore interface {
	CreateOrganisation(ctx context.Context, o *Organisation) error
	UpdateOrganisation(ctx context.Context, o *Organisation) error
	SetVerification(ctx context.Context, id string, status VerificationStatus, note *string, by string, at time.Time) error

	CreateService(ctx context.Context, s *Service) error
	UpdateService(ctx context.Context, s *Service) error
	SetServiceStatus(ctx context.Context, id string, status ServiceStatus) error
	ServicesByIDs(ctx context.Context, ids []string) ([]*Service, error)
	ListServices(ctx context.Context, orgID string, status ServiceStatus, p Page) ([]*Service, int, error)
	LocationsOf(ctx context.Context, serviceIDs []string) (map[string][]Location, error)

	CreateVolunteer(ctx context.Context, v *Volunteer) error
	UpdateVolunteer(ctx context.Context, v *Volunteer) error
	VolunteerByUserID(ctx context.Context, userID string) (*Volunteer, error)
	VolunteersByIDs(ctx context.Context, ids []string) ([]*Volunteer, error)
	ListVolunteers(ctx context.Context, orgID string, p Page) ([]*Volunteer, int, error)
	CreateVetting(ctx context.Context, it *VettingItem, by string) error
	VettingByID(ctx context.Context, id string) (*VettingItem, error)
	SetVettingStatus(ctx context.Context, id string, status VettingStatus, note *string, by string, at time.Time) error
	ExpiringVetting(ctx context.Context, orgID string, from, to time.Time) ([]*VettingItem, error)

	CreateSlots(ctx context.Context, slots []*Slot) error
	SlotByID(ctx context.Context, id string) (*Slot, error)
	SetSlotStatus(ctx context.Context, id string, status SlotStatus) error
	ListSlots(ctx context.Context, venueID string, from, to *time.Time, p Page) ([]*Slot, int, error)

	CreateEvent(ctx context.Context, e *Event) error
	UpdateEvent(ctx context.Context, e *Event) error
	SetEventStatus(ctx context.Context, id string, status EventStatus) error
	EventByID(ctx context.Context, id string) (*Event, error)
	ListEvents(ctx context.Context, orgID string, publishedOnly bool, p Page) ([]*Event, int, error)

	ClaimOutbox(ctx context.Context, limit int, now time.Time) ([]OutboxRow, error)
	DeleteOutbox(ctx context.Context, ids []int64) error
	DeferOutbox(ctx context.Context, ids []int64, reason string, until time.Time) error
	OutboxStats(ctx context.Context, now time.Time) (OutboxStats, error)
	SearchDocs(ctx context.Context, e Entity, ids []string, now time.Time) ([]SearchDoc, error)
	// ScanIDs pages through every id of e in id order, for rebuilding an index.
	ScanIDs(ctx context.Context, e Entity, after string, limit int) ([]string, error)
	// EnqueueChangedSince puts every row of e changed since t back on the outbox.
	EnqueueChangedSince(ctx context.Context, e Entity, t time.Time) (int, error)
}
