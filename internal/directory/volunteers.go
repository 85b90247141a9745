package directory

import (
	"context"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

// VolunteerInput is a volunteer's own profile.
type VolunteerInput struct {
	DisplayName     string
	Phone           *string
	Bio             *string
	Skills          []flowcare.Category
	Languages       []string
	HomeAreaID      string
	Availability    []flowcare.TimeWindow
	HoursPerMonth   int
	OrganisationIDs []string
}

func (s *Service) checkVolunteer(ctx context.Context, in VolunteerInput, v *flowcare.Volunteer) error {
	var err error
	if v.DisplayName, err = flowcare.Text("displayName", "称呼", in.DisplayName, true, 40); err != nil {
		return err
	}
	if v.Phone, err = checkPhone("phone", in.Phone); err != nil {
		return err
	}
	bio := ""
	if in.Bio != nil {
		bio = *in.Bio
	}
	if v.Bio, err = flowcare.Text("bio", "个人简介", bio, false, 1000); err != nil {
		return err
	}
	if v.Skills, err = checkCategories("skills", in.Skills, true); err != nil {
		return err
	}
	if v.Languages, err = checkLanguages(in.Languages); err != nil {
		return err
	}
	if v.Availability, err = checkWindows("availability", in.Availability); err != nil {
		return err
	}
	if in.HoursPerMonth < 0 || in.HoursPerMonth > 200 {
		return flowcare.Invalid("hoursPerMonth", "每月可服务时长需在 0 到 200 小时之间")
	}
	// Home is kept at street level so that no one can find a volunteer's door.
	if _, err := areasAt(ctx, s.store.Areas(), "homeAreaId", []string{in.HomeAreaID}, flowcare.AreaStreet); err != nil {
		return err
	}
	orgIDs := dedupe(in.OrganisationIDs)
	if len(orgIDs) > 0 {
		os, err := s.store.Areas().OrganisationsByIDs(ctx, orgIDs)
		if err != nil {
			return err
		}
		if len(os) != len(orgIDs) {
			return flowcare.Invalid("organisationIds", "所选机构不存在")
		}
	}
	v.HomeAreaID, v.HoursPerMonth, v.OrganisationIDs = in.HomeAreaID, in.HoursPerMonth, orgIDs
	return nil
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// SignUp is the result of a volunteer signing up: the account is signed in.
type SignUp struct {
	User      *flowcare.User
	Token     string
	ExpiresAt time.Time
}

// SignUpVolunteer creates an account with the VOLUNTEER role and its profile
// in one transaction, then signs it in. Vetting starts empty: a new volunteer
// is never offered to a child until their organisation approves every item.
func (s *Service) SignUpVolunteer(ctx context.Context, username, password string, in VolunteerInput) (*SignUp, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if !usernameRE.MatchString(username) {
		return nil, flowcare.Invalid("username", "用户名需为 3–40 个字符，只能包含小写字母、数字、点、横线和下划线，并以字母或数字开头")
	}
	if n := utf8.RuneCountInString(password); n < 10 || n > 200 {
		return nil, flowcare.Invalid("password", "密码至少需要 10 个字符")
	}
	v := &flowcare.Volunteer{}
	if err := s.checkVolunteer(ctx, in, v); err != nil {
		return nil, err
	}
	hash, err := s.hasher.Hash(password)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	u := &flowcare.User{Username: username, DisplayName: v.DisplayName, PasswordHash: hash}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().CreateUser(ctx, u); err != nil {
			return err
		}
		g := &flowcare.Grant{UserID: u.ID, Role: flowcare.RoleVolunteer, GrantedAt: s.now()}
		if err := tx.Users().CreateGrant(ctx, g, ""); err != nil {
			return err
		}
		v.UserID = u.ID
		if err := tx.Directory().CreateVolunteer(ctx, v); err != nil {
			return err
		}
		actor := &flowcare.Actor{UserID: u.ID, Username: u.Username}
		return s.audit(ctx, tx, actor, "directory.volunteer_signed_up", "volunteer:"+v.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "sign up volunteer")
	}
	token, expires, err := s.signIn(ctx, username, password)
	if err != nil {
		return nil, err
	}
	return &SignUp{User: u, Token: token, ExpiresAt: expires}, nil
}

// MyVolunteerProfile returns the signed-in volunteer's profile, or nil.
func (s *Service) MyVolunteerProfile(ctx context.Context) (*flowcare.Volunteer, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.store.Directory().VolunteerByUserID(ctx, a.UserID)
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		return nil, nil
	}
	return v, err
}

// UpdateMyVolunteerProfile creates or changes the signed-in volunteer's own profile.
func (s *Service) UpdateMyVolunteerProfile(ctx context.Context, in VolunteerInput) (*flowcare.Volunteer, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !a.HasRole(flowcare.RoleVolunteer) {
		return nil, forbidden("只有志愿者可以编辑志愿者资料")
	}
	v, err := s.store.Directory().VolunteerByUserID(ctx, a.UserID)
	isNew := flowcare.ErrorCode(err) == flowcare.ENOTFOUND
	if err != nil && !isNew {
		return nil, err
	}
	if isNew {
		v = &flowcare.Volunteer{UserID: a.UserID, Vetting: []flowcare.VettingItem{}}
	}
	if err := s.checkVolunteer(ctx, in, v); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if isNew {
			if err := tx.Directory().CreateVolunteer(ctx, v); err != nil {
				return err
			}
		} else if err := tx.Directory().UpdateVolunteer(ctx, v); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.volunteer_profile_updated", "volunteer:"+v.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "update volunteer profile")
	}
	return v, nil
}

func (s *Service) volunteer(ctx context.Context, id string) (*flowcare.Volunteer, error) {
	vs, err := s.store.Directory().VolunteersByIDs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(vs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "志愿者不存在")
	}
	return vs[0], nil
}

func (s *Service) homePath(ctx context.Context, v *flowcare.Volunteer) string {
	as, err := s.store.Areas().AreasByIDs(ctx, []string{v.HomeAreaID})
	if err != nil || len(as) == 0 {
		return ""
	}
	return as[0].Path
}

// Volunteer returns one volunteer to those who may see them.
func (s *Service) Volunteer(ctx context.Context, id string) (*flowcare.Volunteer, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.volunteer(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanSeeVolunteer(a, v, s.homePath(ctx, v)) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "志愿者不存在")
	}
	return v, nil
}

// VolunteerList is one page of volunteers.
type VolunteerList struct {
	Volunteers []*flowcare.Volunteer
	Total      int
	HasNext    bool
}

// Volunteers lists the volunteers serving with an organisation.
func (s *Service) Volunteers(ctx context.Context, orgID string, p flowcare.Page) (*VolunteerList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	o, area, err := s.org(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !CanSeeVolunteers(a, o.ID, area.Path) {
		return nil, forbidden("您无权查看该机构的志愿者")
	}
	vs, total, err := s.store.Directory().ListVolunteers(ctx, o.ID, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list volunteers")
	}
	l := &VolunteerList{Volunteers: vs, Total: total}
	if n := p.Limit(); len(vs) > n {
		l.Volunteers, l.HasNext = vs[:n], true
	}
	return l, nil
}

// VolunteerPermissions says what the actor may see and do with a volunteer.
type VolunteerPermissions struct {
	SeeContact, ManageVetting bool
}

// VolunteerPermissionsOn computes the actor's permissions on a volunteer.
func VolunteerPermissionsOn(ctx context.Context, v *flowcare.Volunteer) VolunteerPermissions {
	a := flowcare.ActorFrom(ctx)
	if a == nil {
		return VolunteerPermissions{}
	}
	return VolunteerPermissions{SeeContact: CanSeeVolunteerContact(a, v), ManageVetting: CanManageVetting(a, v)}
}

// VettingInput records one vetting item.
type VettingInput struct {
	VolunteerID string
	Kind        flowcare.VettingKind
	CompletedOn time.Time
	ExpiresOn   time.Time
	Note        *string
}

// RecordVetting records a vetting item as pending approval.
func (s *Service) RecordVetting(ctx context.Context, in VettingInput) (*flowcare.VettingItem, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	v, err := s.volunteer(ctx, in.VolunteerID)
	if err != nil {
		return nil, err
	}
	if !CanManageVetting(a, v) {
		return nil, forbidden("只有志愿者所在机构的工作人员可以登记审核项")
	}
	known := false
	for _, k := range flowcare.VettingKinds {
		known = known || k == in.Kind
	}
	if !known {
		return nil, flowcare.Invalid("kind", "未知的审核项“%s”", in.Kind)
	}
	today := day(s.now())
	if in.CompletedOn.After(today) {
		return nil, flowcare.Invalid("completedOn", "完成日期不能晚于今天")
	}
	if err := flowcare.SaneTime("completedOn", "完成日期", in.CompletedOn, today); err != nil {
		return nil, err
	}
	if !in.ExpiresOn.After(in.CompletedOn) {
		return nil, flowcare.Invalid("expiresOn", "有效期截止日期需晚于完成日期")
	}
	if err := flowcare.SaneTime("expiresOn", "有效期截止日期", in.ExpiresOn, today); err != nil {
		return nil, err
	}
	note, err := optText("note", "备注", in.Note, 500)
	if err != nil {
		return nil, err
	}
	it := &flowcare.VettingItem{VolunteerID: v.ID, Kind: in.Kind, Status: flowcare.VettingPending,
		CompletedOn: in.CompletedOn, ExpiresOn: in.ExpiresOn, Note: note, RecordedBy: &a.Username}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().CreateVetting(ctx, it, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.vetting_recorded", "volunteer:"+v.ID, map[string]any{"kind": in.Kind})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "record vetting")
	}
	return it, nil
}

func day(t time.Time) time.Time {
	y, m, d := t.In(flowcare.Beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// DecideVetting approves or rejects a pending item.
func (s *Service) DecideVetting(ctx context.Context, id string, approve bool, note *string) (*flowcare.VettingItem, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	it, err := s.store.Directory().VettingByID(ctx, id)
	if err != nil {
		return nil, err
	}
	v, err := s.volunteer(ctx, it.VolunteerID)
	if err != nil {
		return nil, err
	}
	if !CanManageVetting(a, v) {
		return nil, forbidden("只有志愿者所在机构的工作人员可以审核")
	}
	if it.Status != flowcare.VettingPending {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "该审核项已处理，如需更新请重新登记")
	}
	status := flowcare.VettingApproved
	if !approve {
		status = flowcare.VettingRejected
		if note, err = optText("note", "驳回原因", note, 500); err != nil {
			return nil, err
		}
		if note == nil {
			return nil, flowcare.Invalid("note", "请填写驳回原因")
		}
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().SetVettingStatus(ctx, it.ID, status, note, a.UserID, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.vetting_decided", "volunteer:"+v.ID, map[string]any{"kind": it.Kind, "status": status})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "decide vetting")
	}
	it.Status, it.ApprovedBy, it.ApprovedAt = status, &a.Username, &now
	if note != nil {
		it.Note = note
	}
	return it, nil
}

// ExpiringVetting lists approved vetting of an organisation's volunteers that
// expires within days, soonest first.
func (s *Service) ExpiringVetting(ctx context.Context, orgID string, days int) ([]*flowcare.VettingItem, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if days < 1 || days > 366 {
		return nil, flowcare.Invalid("withinDays", "天数需在 1 到 366 之间")
	}
	o, area, err := s.org(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !CanSeeVolunteers(a, o.ID, area.Path) {
		return nil, forbidden("您无权查看该机构的志愿者")
	}
	today := day(s.now())
	return s.store.Directory().ExpiringVetting(ctx, o.ID, today, today.AddDate(0, 0, days))
}

// VolunteersByIDs returns volunteers for associations of things already shown.
func (s *Service) VolunteersByIDs(ctx context.Context, ids []string) ([]*flowcare.Volunteer, error) {
	return s.store.Directory().VolunteersByIDs(ctx, ids)
}

// Today is the current day in Beijing, for expiry checks.
func (s *Service) Today() time.Time { return day(s.now()) }
