package flowcare

import (
	"strings"
	"time"
)

// AreaLevel is a level of Beijing's administrative hierarchy.
type AreaLevel string

const (
	AreaCity      AreaLevel = "CITY"
	AreaDistrict  AreaLevel = "DISTRICT"
	AreaStreet    AreaLevel = "STREET"
	AreaCommunity AreaLevel = "COMMUNITY"
)

var areaDepth = map[AreaLevel]int{AreaCity: 0, AreaDistrict: 1, AreaStreet: 2, AreaCommunity: 3}

// Valid reports whether l is a known level.
func (l AreaLevel) Valid() bool { _, ok := areaDepth[l]; return ok }

// Depth is 0 for the city and grows towards communities.
func (l AreaLevel) Depth() int { return areaDepth[l] }

// ChildLevel is the level directly below l, or "" for communities.
func (l AreaLevel) ChildLevel() AreaLevel {
	for k, d := range areaDepth {
		if d == l.Depth()+1 {
			return k
		}
	}
	return ""
}

// CityAreaID is the administrative code of Beijing, the root of the hierarchy.
const CityAreaID = "110000"

// Area is a city, district, street/township or community/village. ID is the
// administrative code; Path lists the codes from the city down, joined by "/",
// so that containment is a prefix test.
type Area struct {
	ID        string    `db:"id"`
	ParentID  *string   `db:"parent_id"`
	Level     AreaLevel `db:"level"`
	Name      string    `db:"name"`
	NameEn    *string   `db:"name_en"`
	Path      string    `db:"path"`
	Latitude  *float64  `db:"latitude"`
	Longitude *float64  `db:"longitude"`
}

// AreaPathContains reports whether the area at path inner lies within (or is)
// the area at path outer.
func AreaPathContains(outer, inner string) bool {
	return inner == outer || strings.HasPrefix(inner, outer+"/")
}

// Beijing's bounds, used to reject coordinates that cannot be in the city.
const (
	BeijingMinLat = 39.4
	BeijingMaxLat = 41.1
	BeijingMinLng = 115.4
	BeijingMaxLng = 117.6
)

// InBeijing reports whether a coordinate lies within Beijing's bounding box.
func InBeijing(lat, lng float64) bool {
	return lat >= BeijingMinLat && lat <= BeijingMaxLat && lng >= BeijingMinLng && lng <= BeijingMaxLng
}

// OrganisationKind says what sort of body an organisation is.
type OrganisationKind string

const (
	OrgSocial           OrganisationKind = "SOCIAL_ORGANISATION"
	OrgLibrary          OrganisationKind = "LIBRARY"
	OrgMuseum           OrganisationKind = "MUSEUM"
	OrgYouthLeague      OrganisationKind = "YOUTH_LEAGUE"
	OrgWomensFederation OrganisationKind = "WOMENS_FEDERATION"
	OrgOther            OrganisationKind = "OTHER"
)

// Organisation is a social organisation, venue (library, museum) or
// event-organising unit (youth league, women's federation).
type Organisation struct {
	ID                 string             `db:"id"`
	Name               string             `db:"name"`
	Kind               OrganisationKind   `db:"kind"`
	AreaID             string             `db:"area_id"`
	RegistrationNumber *string            `db:"registration_number"`
	ContactName        *string            `db:"contact_name"`
	ContactPhone       *string            `db:"contact_phone"`
	Description        string             `db:"description"`
	Address            *string            `db:"address"`
	Latitude           *float64           `db:"latitude"`
	Longitude          *float64           `db:"longitude"`
	AreasServed        []string           `db:"-"`
	Verification       VerificationStatus `db:"verification_status"`
	VerificationNote   *string            `db:"verification_note"`
	VerifiedAt         *time.Time         `db:"verified_at"`
	UpdatedAt          time.Time          `db:"updated_at"`
}

// IsVenue reports whether the organisation is a library or museum, which publishes slots.
func (o *Organisation) IsVenue() bool { return o.Kind == OrgLibrary || o.Kind == OrgMuseum }

// IsEventOrganiser reports whether the organisation is a youth-league or women's-federation unit.
func (o *Organisation) IsEventOrganiser() bool {
	return o.Kind == OrgYouthLeague || o.Kind == OrgWomensFederation
}

// AreaDisplayName is how an official community or village committee name
// reads in lists: the committee suffix goes when what is left still says what
// the place is ("多福巷社区居委会" → "多福巷社区", "高井村委会" → "高井村",
// "马坊村村民委员会" → "马坊村"); a name that would read worse without it
// ("建兰居委会") is kept whole, as is any other name.
func AreaDisplayName(official string) string {
	for _, suffix := range []string{"居民委员会", "居委会"} {
		if rest, ok := strings.CutSuffix(official, suffix); ok && strings.HasSuffix(rest, "社区") {
			return rest
		}
	}
	for _, suffix := range []string{"村民委员会", "村委会"} {
		if rest, ok := strings.CutSuffix(official, suffix); ok && rest != "" {
			return strings.TrimSuffix(rest, "村") + "村"
		}
	}
	return official
}

// CanSetAreaPoint reports whether the actor may move the point an area's
// distances are measured from: platform operators anywhere, civil-affairs
// staff within their area (they know where a street office or a community
// centre is).
func CanSetAreaPoint(a *Actor, area *Area) bool {
	return a.HasRole(RoleAdmin) || a.HasRoleOver(area.Path, RoleCivilAffairs)
}
