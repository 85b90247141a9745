package flowcare

import (
	"context"
	"math"
	"time"
)

// MatchStatus follows the referral standards' life of a request for service.
type MatchStatus string

const (
	MatchProposed   MatchStatus = "PROPOSED"
	MatchRequested  MatchStatus = "REQUESTED"
	MatchAccepted   MatchStatus = "ACCEPTED"
	MatchDeclined   MatchStatus = "DECLINED"
	MatchInProgress MatchStatus = "IN_PROGRESS"
	MatchCompleted  MatchStatus = "COMPLETED"
	MatchFailed     MatchStatus = "FAILED"
	MatchCancelled  MatchStatus = "CANCELLED"
)

// MatchStatuses lists every status in the order of the loop.
var MatchStatuses = []MatchStatus{MatchProposed, MatchRequested, MatchAccepted, MatchDeclined, MatchInProgress, MatchCompleted, MatchFailed, MatchCancelled}

var matchMoves = map[MatchStatus][]MatchStatus{
	MatchProposed:   {MatchRequested, MatchCancelled},
	MatchRequested:  {MatchAccepted, MatchDeclined, MatchCancelled},
	MatchAccepted:   {MatchInProgress, MatchFailed, MatchCancelled},
	MatchInProgress: {MatchCompleted, MatchFailed, MatchCancelled},
}

// CanMoveTo reports whether the loop allows going from s to t.
func (s MatchStatus) CanMoveTo(t MatchStatus) bool {
	for _, x := range matchMoves[s] {
		if x == t {
			return true
		}
	}
	return false
}

// Open reports whether a match still holds the need: it has not ended.
func (s MatchStatus) Open() bool {
	switch s {
	case MatchProposed, MatchRequested, MatchAccepted, MatchInProgress:
		return true
	}
	return false
}

// Valid reports whether s is a known status.
func (s MatchStatus) Valid() bool {
	for _, x := range MatchStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// OutcomeReason says why a match was declined or ended.
type OutcomeReason string

const (
	OutcomeCouldNotContact    OutcomeReason = "COULD_NOT_CONTACT"
	OutcomeNotEligible        OutcomeReason = "NOT_ELIGIBLE"
	OutcomeNoCapacity         OutcomeReason = "NO_CAPACITY"
	OutcomeNoLongerInterested OutcomeReason = "NO_LONGER_INTERESTED"
	OutcomeGotHelp            OutcomeReason = "GOT_HELP_ELSEWHERE"
	OutcomeServiceDelivered   OutcomeReason = "SERVICE_DELIVERED"
	OutcomeMovedAway          OutcomeReason = "MOVED_AWAY"
	OutcomeScheduleConflict   OutcomeReason = "SCHEDULE_CONFLICT"
	OutcomeOther              OutcomeReason = "OTHER"
)

// OutcomeReasons lists every reason in a stable order.
var OutcomeReasons = []OutcomeReason{OutcomeCouldNotContact, OutcomeNotEligible, OutcomeNoCapacity, OutcomeNoLongerInterested,
	OutcomeGotHelp, OutcomeServiceDelivered, OutcomeMovedAway, OutcomeScheduleConflict, OutcomeOther}

// Valid reports whether r is a known reason.
func (r OutcomeReason) Valid() bool {
	for _, x := range OutcomeReasons {
		if x == r {
			return true
		}
	}
	return false
}

// ScoreFactor is one factor's part in a candidate's score, for staff to see
// why it ranks where it does.
type ScoreFactor struct {
	Factor MatchFactor `json:"factor"`
	// Value is the factor's raw measure: kilometres, a share of windows, a rate.
	Value float64 `json:"value"`
	// Points is what the factor added to the score.
	Points float64 `json:"points"`
	// Max is the most the factor can add.
	Max float64 `json:"max"`
}

// MatchFactor names a ranking factor.
type MatchFactor string

const (
	FactorDistance   MatchFactor = "DISTANCE"
	FactorSchedule   MatchFactor = "SCHEDULE"
	FactorLanguage   MatchFactor = "LANGUAGE"
	FactorContinuity MatchFactor = "CONTINUITY"
	FactorCompletion MatchFactor = "COMPLETION_RATE"
	FactorLoad       MatchFactor = "LOAD"
)

// MatchWeights are the most each factor adds to a candidate's score, and the
// shapes of the decay curves. The search copy ranks with them and the
// explanation is computed from them, so both always agree.
type MatchWeights struct {
	Distance, Schedule, Language, Continuity, Completion, Load float64
	// DistanceScaleKm is where the distance factor has fallen to DistanceDecay,
	// beyond DistanceOffsetKm, on a Gaussian curve.
	DistanceScaleKm, DistanceOffsetKm, DistanceDecay float64
	// LoadScale is the number of active matches at which the load factor has
	// fallen to LoadDecay.
	LoadScale, LoadDecay float64
}

// DefaultMatchWeights favour a provider close by whose time fits, then
// language and continuity, then a reliable, not overloaded provider.
var DefaultMatchWeights = MatchWeights{
	Distance: 40, Schedule: 20, Language: 15, Continuity: 15, Completion: 5, Load: 5,
	DistanceScaleKm: 3, DistanceOffsetKm: 0.5, DistanceDecay: 0.5,
	LoadScale: 4, LoadDecay: 0.5,
}

// Gauss is Elasticsearch's Gaussian decay: 1 up to offset, then falling to
// decay at offset+scale.
func Gauss(x, offset, scale, decay float64) float64 {
	d := math.Max(0, math.Abs(x)-offset)
	sigma2 := -scale * scale / (2 * math.Log(decay))
	return math.Exp(-d * d / (2 * sigma2))
}

// DistanceKm is the great-circle distance between two points, by the
// haversine formula on the mean earth radius Elasticsearch uses.
func DistanceKm(a, b GeoPoint) float64 {
	const r = 6371.0088
	rad := math.Pi / 180
	dLat := (b.Lat - a.Lat) * rad
	dLon := (b.Lon - a.Lon) * rad
	h := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(a.Lat*rad)*math.Cos(b.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// WindowsOverlap reports whether two weekly windows share any minute.
func WindowsOverlap(a, b TimeWindow) bool {
	return a.Day == b.Day && a.Start < b.End && b.Start < a.End
}

// MatchQuery asks the search copy for offers that could meet one need.
type MatchQuery struct {
	Category Category
	Age      int
	Origin   GeoPoint
	// MaxKm is the farthest an offer may be; 0 means distance only ranks.
	MaxKm    float64
	Windows  []TimeWindow
	Language string
	// Languages are those on the child's file, preferred but not required.
	Languages []string
	// RequireLanguage makes the language a hard filter rather than a preference.
	RequireLanguage bool
	Now             time.Time
	// Continuity holds offers the child already had a good match with.
	Continuity map[Entity][]string
	// PerEntity is how many candidates to take from each index.
	PerEntity int
	Entities  []Entity
	Weights   MatchWeights
}

// MatchCandidate is one ranked offer with its explanation.
type MatchCandidate struct {
	Entity           Entity
	ID               string
	Title            string
	OrganisationID   string
	OrganisationName string
	StartsAt         *time.Time
	EndsAt           *time.Time
	DistanceKm       *float64
	Languages        []string
	SeatsLeft        *int
	// Score is the search copy's score; Factors add up to it.
	Score   float64
	Factors []ScoreFactor
}

// Matcher ranks offers for a need.
type Matcher interface {
	Match(ctx context.Context, q MatchQuery) ([]MatchCandidate, error)
}

// Pairing is a long-term one-to-one arrangement (爱心妈妈, reading or letter
// companions): how often they meet and for how long.
type Pairing struct {
	TimesPerMonth int `json:"timesPerMonth"`
	Weeks         int `json:"weeks"`
}

// Match is a need paired with an offer, and where it stands in the loop.
type Match struct {
	ID       string
	NeedID   string
	ChildID  string
	Category Category
	Entity   Entity
	OfferID  string
	// OfferTitle is the offer's name when the match was made.
	OfferTitle string
	// ProviderOrgID is the organisation answering the request; for a
	// volunteer it is empty and ProviderVolunteerID is set.
	ProviderOrgID       *string
	ProviderVolunteerID *string
	Status              MatchStatus
	Reason              *OutcomeReason
	Note                string
	Score               *float64
	Factors             []ScoreFactor
	Pairing             *Pairing
	// ConsentOverride is civil-affairs staff's written reason for sharing the
	// child's minimal profile without the guardian's consent.
	ConsentOverride *string
	// AreaPath is the child's community path, for scope checks.
	AreaPath  string
	CreatedBy *string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// MatchEvent is one recorded move of a match.
type MatchEvent struct {
	ID      int64          `db:"id"`
	MatchID string         `db:"match_id"`
	From    *MatchStatus   `db:"from_status"`
	To      MatchStatus    `db:"to_status"`
	Reason  *OutcomeReason `db:"reason"`
	Note    string         `db:"note"`
	At      time.Time      `db:"at"`
	Actor   *string        `db:"actor_username"`
}

// BookingStatus is a seat's state on a slot or event.
type BookingStatus string

const (
	BookingBooked     BookingStatus = "BOOKED"
	BookingWaitlisted BookingStatus = "WAITLISTED"
	BookingCancelled  BookingStatus = "CANCELLED"
	BookingAttended   BookingStatus = "ATTENDED"
	BookingNoShow     BookingStatus = "NO_SHOW"
)

// Booking is a match's seat (or place on the waitlist) on one slot or event.
type Booking struct {
	ID       string        `db:"id"`
	MatchID  string        `db:"match_id"`
	Entity   Entity        `db:"entity"`
	OfferID  string        `db:"offer_id"`
	Status   BookingStatus `db:"status"`
	Position int64         `db:"position"`
	StartsAt time.Time     `db:"starts_at"`
	At       time.Time     `db:"created_at"`
}

// Attendance is whether the child came to a session.
type Attendance string

const (
	AttendancePresent Attendance = "ATTENDED"
	AttendanceExcused Attendance = "EXCUSED"
	AttendanceNoShow  Attendance = "NO_SHOW"
)

// HoursStatus is where a volunteer's hours for a session stand.
type HoursStatus string

const (
	HoursNone     HoursStatus = "NOT_APPLICABLE"
	HoursPending  HoursStatus = "PENDING"
	HoursApproved HoursStatus = "APPROVED"
	HoursRejected HoursStatus = "REJECTED"
)

// ServiceSession is one delivered (or missed) session of a match.
type ServiceSession struct {
	ID          string      `db:"id"`
	MatchID     string      `db:"match_id"`
	StartsAt    time.Time   `db:"starts_at"`
	EndsAt      time.Time   `db:"ends_at"`
	Attendance  Attendance  `db:"attendance"`
	Note        string      `db:"note"`
	VolunteerID *string     `db:"volunteer_id"`
	Hours       HoursStatus `db:"hours_status"`
	HoursNote   *string     `db:"hours_note"`
	ApprovedBy  *string     `db:"approved_by_username"`
	ApprovedAt  *time.Time  `db:"approved_at"`
	LoggedBy    *string     `db:"logged_by_username"`
	CreatedAt   time.Time   `db:"created_at"`
	// Title is the match's offer title, for lists of hours.
	Title string `db:"offer_title"`
}

// Minutes is the session's length.
func (s *ServiceSession) Minutes() int { return int(s.EndsAt.Sub(s.StartsAt).Minutes()) }

// Notification is one message in a user's in-app inbox.
type Notification struct {
	ID        string     `db:"id"`
	UserID    string     `db:"user_id"`
	Kind      string     `db:"kind"`
	Title     string     `db:"title"`
	Body      string     `db:"body"`
	MatchID   *string    `db:"match_id"`
	CreatedAt time.Time  `db:"created_at"`
	ReadAt    *time.Time `db:"read_at"`
}

// MatchFilter narrows a list of matches.
type MatchFilter struct {
	// AreaPath keeps matches of children in this area.
	AreaPath string
	// ProviderOrgIDs and ProviderVolunteerID keep matches answered by these.
	ProviderOrgIDs      []string
	ProviderVolunteerID string
	// Provider is set when the list is a provider's inbox (either of the above).
	Provider bool
	NeedID   string
	ChildID  string
	Statuses []MatchStatus
}

// MatchStore keeps matches, bookings, sessions and notifications.
type MatchStore interface {
	CreateMatch(ctx context.Context, m *Match, by string) error
	MatchByID(ctx context.Context, id string) (*Match, error)
	// LockMatch reads a match and holds it until the transaction ends, so
	// concurrent moves of one match happen one after the other.
	LockMatch(ctx context.Context, id string) (*Match, error)
	MatchesByIDs(ctx context.Context, ids []string) ([]*Match, error)
	ListMatches(ctx context.Context, f MatchFilter, p Page) ([]*Match, int, error)
	MoveMatch(ctx context.Context, m *Match, to MatchStatus, reason *OutcomeReason, note, by string, at time.Time) error
	SetConsentOverride(ctx context.Context, matchID, reason string) error
	MatchHistory(ctx context.Context, matchID string) ([]MatchEvent, error)
	// GoodMatches lists the offers a child's matches completed or are
	// delivering, for continuity.
	GoodMatches(ctx context.Context, childID string) (map[Entity][]string, error)
	// OpenNeeds lists needs of an area that are open and have no open match.
	OpenNeeds(ctx context.Context, areaPath string, limit int) ([]*Need, error)

	// Book takes a seat on a slot or event for a match, or a place on the
	// waitlist when none is left. It never lets bookings exceed capacity.
	Book(ctx context.Context, matchID string, e Entity, offerID string, at time.Time) (*Booking, error)
	// ReleaseBooking cancels (or marks as a no-show) a booking and gives a
	// freed seat to the first on the waitlist, whose booking it returns.
	ReleaseBooking(ctx context.Context, bookingID string, to BookingStatus) (*Booking, error)
	BookingsOf(ctx context.Context, matchIDs []string) (map[string][]Booking, error)
	BookingsOfOffer(ctx context.Context, e Entity, offerID string) ([]Booking, error)
	// LaterSeriesSlots lists published slots of a series starting after t.
	LaterSeriesSlots(ctx context.Context, seriesID string, after time.Time) ([]*Slot, error)
	SetBookingStatus(ctx context.Context, bookingID string, st BookingStatus) error

	CreateSession(ctx context.Context, s *ServiceSession, by string) error
	SessionsOf(ctx context.Context, matchIDs []string) (map[string][]ServiceSession, error)
	SessionsByIDs(ctx context.Context, ids []string) ([]*ServiceSession, error)
	SetHours(ctx context.Context, ids []string, st HoursStatus, note *string, by string, at time.Time) error
	// VolunteerSessions lists a volunteer's sessions with hours in the given statuses.
	VolunteerSessions(ctx context.Context, volunteerID string, st []HoursStatus, p Page) ([]*ServiceSession, int, error)
	// PendingHours lists sessions awaiting approval by staff of these organisations.
	PendingHours(ctx context.Context, orgIDs []string, p Page) ([]*ServiceSession, int, error)
	// Load counts an offer's active matches and its completion record.
	Load(ctx context.Context, e Entity, ids []string) (map[string]OfferLoad, error)

	Notify(ctx context.Context, n []Notification) error
	// OrgUsers lists users with one of the roles on an organisation.
	OrgUsers(ctx context.Context, orgID string, roles []Role) ([]string, error)
	Notifications(ctx context.Context, userID string, unreadOnly bool, p Page) ([]*Notification, int, error)
	NotificationsByIDs(ctx context.Context, ids []string) ([]*Notification, error)
	UnreadCount(ctx context.Context, userID string) (int, error)
	MarkRead(ctx context.Context, userID string, ids []string, at time.Time) error
	MarkAllRead(ctx context.Context, userID string, at time.Time) error
}

// OfferLoad is an offer's current load and record, for ranking.
type OfferLoad struct {
	Active    int
	Completed int
	Failed    int
}

// CompletionRate is the share of ended matches that completed, pulled
// towards one half while there are few, so a new provider is not ranked as
// perfect or hopeless.
func (l OfferLoad) CompletionRate() float64 {
	return float64(l.Completed+1) / float64(l.Completed+l.Failed+2)
}

// VolunteerCapacity is how many children a volunteer can serve at once: a
// one-to-one companion spends about an hour a week, four a month, with each.
func VolunteerCapacity(hoursPerMonth int) int {
	return max(1, (hoursPerMonth+3)/4)
}

// Beijing is the city's time zone, UTC+8 all year: days, deadlines and
// weekly windows are read in it.
var Beijing = time.FixedZone("CST", 8*3600)

// WeeklyWindows are the weekly windows a dated activity occupies, in Beijing
// time; one that runs past midnight is cut at the end of its first day.
func WeeklyWindows(start, end time.Time) []TimeWindow {
	s := start.In(Beijing)
	e := end.In(Beijing)
	day := int(s.Weekday())
	if day == 0 {
		day = 7
	}
	from := s.Hour()*60 + s.Minute()
	to := e.Hour()*60 + e.Minute()
	if e.YearDay() != s.YearDay() || e.Year() != s.Year() || to <= from {
		to = 24 * 60
	}
	return []TimeWindow{{Day: day, Start: from, End: to}}
}
