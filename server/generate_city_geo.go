package main

import (
	"context"
	"database/sql"
	"fmt"
	"hash/fnv"
	"math"
	"strings"

	"flowcare/internal/flowcare"
)

// districtProfile is how a district takes part in the generated set: how
// many children a community there has relative to the outer urban districts,
// and how far from the district's centre its places spread.
type districtProfile struct {
	weight   float64
	radiusKm float64
}

// Flow children live mostly in the outer urban districts and the fringes of
// 朝阳, 丰台 and 海淀; the core (东城, 西城) and 石景山 have fewer per
// community, the far suburbs few. The weights are an approximation of that
// shape, not statistics.
var districtProfiles = map[string]districtProfile{
	"110101": {0.25, 2.5}, // 东城
	"110102": {0.25, 3},   // 西城
	"110105": {1, 8},      // 朝阳
	"110106": {1, 6},      // 丰台
	"110107": {0.45, 3.5}, // 石景山
	"110108": {1, 8},      // 海淀
	"110109": {0.15, 8},   // 门头沟
	"110111": {0.3, 10},   // 房山
	"110112": {1, 9},      // 通州
	"110113": {1, 9},      // 顺义
	"110114": {1, 10},     // 昌平
	"110115": {1, 9},      // 大兴
	"110116": {0.15, 9},   // 怀柔
	"110117": {0.15, 8},   // 平谷
	"110118": {0.15, 9},   // 密云
	"110119": {0.15, 8},   // 延庆
}

type genDistrict struct {
	id, name    string
	lat, lng    float64
	profile     districtProfile
	streets     []int32
	communities []int32
}

type genStreet struct {
	id, name, short string
	district        int32
	lat, lng        float64
	communities     []int32
}

type genCommunity struct {
	id, name string
	street   int32
	district int32
	lat, lng float64
}

// cityGeo is Beijing's divisions as loaded by `seed`, with a point for every
// street and community derived from the district's centre: the divisions
// carry points for districts only, and generated places must lie near their
// own area rather than all on the district's centre.
type cityGeo struct {
	districts   []genDistrict
	streets     []genStreet
	communities []genCommunity
}

// loadCityGeo reads the districts, streets and communities; the demo's own
// communities (named 演示) are left out, so no generated child lives there.
func loadCityGeo(ctx context.Context, db *sql.DB) (*cityGeo, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, coalesce(parent_id, ''), level, name, latitude, longitude FROM areas
		WHERE level IN ('DISTRICT', 'STREET', 'COMMUNITY') ORDER BY length(id), id`)
	if err != nil {
		return nil, fmt.Errorf("read Beijing's divisions: %w", err)
	}
	defer rows.Close()
	g := &cityGeo{}
	district, street := map[string]int32{}, map[string]int32{}
	for rows.Next() {
		var id, parent, level, name string
		var lat, lng sql.NullFloat64
		if err := rows.Scan(&id, &parent, &level, &name, &lat, &lng); err != nil {
			return nil, err
		}
		switch level {
		case "DISTRICT":
			p, ok := districtProfiles[id]
			if !ok || !lat.Valid {
				continue
			}
			district[id] = int32(len(g.districts))
			g.districts = append(g.districts, genDistrict{id: id, name: name, lat: lat.Float64, lng: lng.Float64, profile: p})
		case "STREET":
			d, ok := district[parent]
			if !ok {
				continue
			}
			s := genStreet{id: id, name: name, short: streetShort(name), district: d}
			s.lat, s.lng = scatter(id, g.districts[d].lat, g.districts[d].lng, g.districts[d].profile.radiusKm*0.85)
			street[id] = int32(len(g.streets))
			g.districts[d].streets = append(g.districts[d].streets, street[id])
			g.streets = append(g.streets, s)
		case "COMMUNITY":
			s, ok := street[parent]
			if !ok || strings.Contains(name, "演示") {
				continue
			}
			st := &g.streets[s]
			c := genCommunity{id: id, name: name, street: s, district: st.district}
			c.lat, c.lng = scatter(id, st.lat, st.lng, 0.9)
			n := int32(len(g.communities))
			st.communities = append(st.communities, n)
			g.districts[st.district].communities = append(g.districts[st.district].communities, n)
			g.communities = append(g.communities, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(g.communities) == 0 {
		return nil, fmt.Errorf("no communities to place children in: run `flowcare seed` first, which loads Beijing's divisions")
	}
	return g, nil
}

// streetShort drops the 街道/地区/镇/乡 ending, as names of places there do.
func streetShort(name string) string {
	for _, suffix := range []string{"街道办事处", "街道", "地区", "镇", "乡"} {
		if s := strings.TrimSuffix(name, suffix); s != name && s != "" {
			return s
		}
	}
	return name
}

// scatter places key within radiusKm of (lat, lng), the same place for the
// same key on every run, and inside Beijing.
func scatter(key string, lat, lng, radiusKm float64) (float64, float64) {
	h := fnv.New64a()
	h.Write([]byte(key))
	v := h.Sum64()
	angle := float64(v&0xffffffff) / float64(1<<32) * 2 * math.Pi
	dist := math.Sqrt(float64(v>>32)/float64(1<<32)) * radiusKm
	return offsetKm(lat, lng, dist*math.Sin(angle), dist*math.Cos(angle))
}

// offsetKm moves a point north and east by kilometres, kept inside Beijing.
func offsetKm(lat, lng, northKm, eastKm float64) (float64, float64) {
	lat += northKm / 111.0
	lng += eastKm / (111.0 * math.Cos(lat*math.Pi/180))
	lat = math.Min(math.Max(lat, flowcare.BeijingMinLat+0.01), flowcare.BeijingMaxLat-0.01)
	lng = math.Min(math.Max(lng, flowcare.BeijingMinLng+0.01), flowcare.BeijingMaxLng-0.01)
	return math.Round(lat*1e6) / 1e6, math.Round(lng*1e6) / 1e6
}
