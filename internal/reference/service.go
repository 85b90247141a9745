// Package reference serves the area hierarchy and organisations that roles are
// granted on, and imports streets and communities from CSV.
package reference

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

// Store is what the reference use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Areas() flowcare.AreaStore
}

// Service runs the reference-data use cases.
type Service struct {
	store Store
	now   func() time.Time
}

// New returns the reference-data use cases.
func New(store Store, now func() time.Time) *Service { return &Service{store: store, now: now} }

// Areas lists the areas under parentID (the city when empty), all of one
// level when level is set, or the direct children otherwise. The hierarchy is
// public reference data: people signing up as volunteers pick their street
// before they have an account.
func (s *Service) Areas(ctx context.Context, parentID string, level flowcare.AreaLevel) ([]*flowcare.Area, error) {
	if level != "" && !level.Valid() {
		return nil, flowcare.Invalid("level", "未知的区域层级“%s”", level)
	}
	if parentID == "" {
		parentID = flowcare.CityAreaID
	}
	// An unknown parent is a wrong code, not a place without children.
	parent, err := s.store.Areas().AreasByIDs(ctx, []string{parentID})
	if err != nil {
		return nil, flowcare.Wrap(err, "find parent area")
	}
	if len(parent) == 0 {
		return nil, flowcare.Invalid("parentId", "区域“%s”不存在", parentID)
	}
	return s.store.Areas().ChildAreas(ctx, parentID, level)
}

// Area returns one area by code; like Areas, it is public.
func (s *Service) Area(ctx context.Context, id string) (*flowcare.Area, error) {
	as, err := s.store.Areas().AreasByIDs(ctx, []string{id})
	if err != nil || len(as) == 0 {
		return nil, err
	}
	return as[0], nil
}

// AreasByIDs looks areas up by code, in any order; unknown codes are left out.
// It resolves associations of objects the caller was already allowed to see
// (the grants in a sign-in answer among them), so it asks for no actor.
func (s *Service) AreasByIDs(ctx context.Context, ids []string) ([]*flowcare.Area, error) {
	return s.store.Areas().AreasByIDs(ctx, ids)
}

// AreasWithAncestors is AreasByIDs with every area above them.
func (s *Service) AreasWithAncestors(ctx context.Context, ids []string) ([]*flowcare.Area, error) {
	return s.store.Areas().AreasWithAncestors(ctx, ids)
}

// ChildrenOf returns the direct children of each parent, for associations as AreasByIDs.
func (s *Service) ChildrenOf(ctx context.Context, parentIDs []string) (map[string][]*flowcare.Area, error) {
	as, err := s.store.Areas().AreasByParents(ctx, parentIDs)
	out := make(map[string][]*flowcare.Area, len(parentIDs))
	for _, a := range as {
		out[*a.ParentID] = append(out[*a.ParentID], a)
	}
	return out, err
}

// OrganisationsByIDs looks organisations up by id, for associations as AreasByIDs.
func (s *Service) OrganisationsByIDs(ctx context.Context, ids []string) ([]*flowcare.Organisation, error) {
	return s.store.Areas().OrganisationsByIDs(ctx, ids)
}

// OrganisationList is one page of organisations.
type OrganisationList struct {
	Organisations []*flowcare.Organisation
	TotalCount    int
	HasNext       bool
}

// OrganisationQuery narrows the organisation listing.
type OrganisationQuery struct {
	Search       string
	Kind         flowcare.OrganisationKind
	Verification flowcare.VerificationStatus
	// AreaID keeps organisations registered within this area.
	AreaID string
}

// Organisations pages through organisations by name. Names and kinds are
// public (volunteers choose whom to serve with when they sign up); contact
// details are shown only to those allowed (see the directory use cases).
func (s *Service) Organisations(ctx context.Context, q OrganisationQuery, p flowcare.Page) (*OrganisationList, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	search, err := flowcare.Text("search", "搜索内容", q.Search, false, 100)
	if err != nil {
		return nil, err
	}
	f := flowcare.OrganisationFilter{Search: search, Kind: q.Kind, Verification: q.Verification}
	if q.AreaID != "" {
		as, err := s.store.Areas().AreasByIDs(ctx, []string{q.AreaID})
		if err != nil {
			return nil, err
		}
		if len(as) == 0 {
			return nil, flowcare.Invalid("areaId", "区域“%s”不存在", q.AreaID)
		}
		f.AreaPath = as[0].Path
	}
	os, total, err := s.store.Areas().ListOrganisations(ctx, f, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list organisations")
	}
	l := &OrganisationList{Organisations: os, TotalCount: total}
	if first := p.Limit(); len(os) > first {
		l.Organisations, l.HasNext = os[:first], true
	}
	return l, nil
}

// ImportResult counts what an import changed.
type ImportResult struct {
	Created int
	Updated int
}

var csvHeader = []string{"code", "parent_code", "level", "name", "name_en", "latitude", "longitude"}

// ImportAreas adds or updates streets and communities from CSV. Every row is
// checked before anything is written and the whole file goes in one
// transaction, so a bad row changes nothing.
func (s *Service) ImportAreas(ctx context.Context, r io.Reader) (*ImportResult, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.HasRole(flowcare.RoleAdmin) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有平台管理员可以导入区域数据")
	}
	rows, err := ParseAreasCSV(r)
	if err != nil {
		return nil, err
	}
	res := &ImportResult{}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := checkParents(ctx, tx.Areas(), rows); err != nil {
			return err
		}
		for _, row := range rows {
			created, err := tx.Areas().UpsertArea(ctx, row)
			if err != nil {
				return err
			}
			if created {
				res.Created++
			} else {
				res.Updated++
			}
		}
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, flowcare.AuditAreasImported, "areas",
			map[string]any{"created": res.Created, "updated": res.Updated})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "import areas")
	}
	return res, nil
}

// checkParents makes sure each row's parent exists (earlier in the file or
// already stored) at the level above, and that no existing area moves to
// another parent, which would strand the paths of the areas below it.
func checkParents(ctx context.Context, st flowcare.AreaStore, rows []*flowcare.Area) error {
	ids := make([]string, 0, 2*len(rows))
	for _, r := range rows {
		ids = append(ids, r.ID, *r.ParentID)
	}
	stored, err := st.AreasByIDs(ctx, ids)
	if err != nil {
		return err
	}
	known := map[string]*flowcare.Area{}
	for _, a := range stored {
		known[a.ID] = a
	}
	for i, r := range rows {
		line := i + 2
		if old, ok := known[r.ID]; ok && old.ParentID != nil && *old.ParentID != *r.ParentID {
			return flowcare.Invalid("csv", "第 %d 行：区域 %s 已属于 %s，不能改到 %s 下", line, r.ID, *old.ParentID, *r.ParentID)
		}
		p, ok := known[*r.ParentID]
		if !ok {
			return flowcare.Invalid("csv", "第 %d 行：上级区域 %s 不存在", line, *r.ParentID)
		}
		if p.Level.Depth()+1 != r.Level.Depth() {
			return flowcare.Invalid("csv", "第 %d 行：%s 的上级 %s 不是上一级区域", line, r.ID, p.ID)
		}
		known[r.ID] = r
	}
	return nil
}

// ParseAreasCSV reads and validates the rows of an area CSV file.
func ParseAreasCSV(r io.Reader) ([]*flowcare.Area, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(csvHeader)
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, flowcare.Invalid("csv", "文件为空，请提供带表头的 CSV：%s", strings.Join(csvHeader, ","))
	}
	if err != nil || strings.Join(header, ",") != strings.Join(csvHeader, ",") {
		return nil, flowcare.Invalid("csv", "表头应为：%s", strings.Join(csvHeader, ","))
	}
	var rows []*flowcare.Area
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line := len(rows) + 2
		if err != nil {
			return nil, flowcare.Invalid("csv", "第 %d 行格式错误：需要 %d 列", line, len(csvHeader))
		}
		a, err := parseAreaRow(rec, line)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[a.ID]; dup {
			return nil, flowcare.Invalid("csv", "第 %d 行：编码 %s 与第 %d 行重复", line, a.ID, prev)
		}
		seen[a.ID] = line
		rows = append(rows, a)
	}
	if len(rows) == 0 {
		return nil, flowcare.Invalid("csv", "文件中没有数据行")
	}
	if len(rows) > 50000 {
		return nil, flowcare.Invalid("csv", "一次最多导入 50000 行，请分批导入")
	}
	return rows, nil
}

// The longest official names of streets, townships and villages are about
// twenty characters; these leave room without letting a stray column in.
const (
	maxAreaName   = 50
	maxAreaNameEn = 100
)

func parseAreaRow(rec []string, line int) (*flowcare.Area, error) {
	for i := range rec {
		rec[i] = strings.TrimSpace(rec[i])
	}
	code, parent, level, name, nameEn, lat, lng := rec[0], rec[1], flowcare.AreaLevel(strings.ToUpper(rec[2])), rec[3], rec[4], rec[5], rec[6]
	bad := func(format string, args ...any) error {
		return flowcare.Invalid("csv", "第 %d 行：%s", line, fmt.Sprintf(format, args...))
	}
	if level != flowcare.AreaStreet && level != flowcare.AreaCommunity {
		return nil, bad("层级须为 STREET 或 COMMUNITY，而不是“%s”", rec[2])
	}
	wantLen := map[flowcare.AreaLevel]int{flowcare.AreaStreet: 9, flowcare.AreaCommunity: 12}[level]
	if len(code) != wantLen || !digits(code) {
		return nil, bad("%s 编码须为 %d 位数字，而不是“%s”", level, wantLen, code)
	}
	if !strings.HasPrefix(code, "11") {
		return nil, bad("编码 %s 不属于北京市（应以 11 开头）", code)
	}
	if parent == "" {
		return nil, bad("缺少上级编码")
	}
	if name == "" {
		return nil, bad("缺少名称")
	}
	if utf8.RuneCountInString(name) > maxAreaName {
		return nil, bad("名称不能超过 %d 个字符", maxAreaName)
	}
	if utf8.RuneCountInString(nameEn) > maxAreaNameEn {
		return nil, bad("英文名称不能超过 %d 个字符", maxAreaNameEn)
	}
	a := &flowcare.Area{ID: code, ParentID: &parent, Level: level, Name: name}
	if nameEn != "" {
		a.NameEn = &nameEn
	}
	if (lat == "") != (lng == "") {
		return nil, bad("纬度和经度须同时填写或同时留空")
	}
	if lat != "" {
		la, err1 := strconv.ParseFloat(lat, 64)
		lo, err2 := strconv.ParseFloat(lng, 64)
		if err1 != nil || err2 != nil {
			return nil, bad("经纬度不是数字")
		}
		if !flowcare.InBeijing(la, lo) {
			return nil, bad("坐标 (%s, %s) 不在北京市范围内", lat, lng)
		}
		a.Latitude, a.Longitude = &la, &lo
	}
	return a, nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return s != ""
}
