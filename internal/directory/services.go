package directory

import (
	"context"
	"strings"

	"flowcare/internal/flowcare"
)

// ServiceInput is what an organisation says about a service it offers.
type ServiceInput struct {
	Name        string
	Description *string
	Categories  []flowcare.Category
	MinAge      int
	MaxAge      int
	AreasServed []string
	Schedule    []flowcare.TimeWindow
	Capacity    int
	Languages   []string
	Funding     flowcare.Funding
	Locations   []flowcare.Location
}

func (s *Service) checkService(ctx context.Context, in ServiceInput, sv *flowcare.Service) error {
	var err error
	if sv.Name, err = flowcare.Text("name", "服务名称", in.Name, true, 100); err != nil {
		return err
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if sv.Description, err = flowcare.Text("description", "服务介绍", desc, false, 2000); err != nil {
		return err
	}
	if sv.Categories, err = checkCategories("categories", in.Categories, true); err != nil {
		return err
	}
	if err := checkAges(in.MinAge, in.MaxAge); err != nil {
		return err
	}
	if err := checkCapacity(in.Capacity); err != nil {
		return err
	}
	if in.Funding != flowcare.FundingFree && in.Funding != flowcare.FundingFunded {
		return flowcare.Invalid("funding", "请选择免费或政府购买")
	}
	if sv.Schedule, err = checkWindows("schedule", in.Schedule); err != nil {
		return err
	}
	if sv.Languages, err = checkLanguages(in.Languages); err != nil {
		return err
	}
	sv.AreasServed = dedupe(in.AreasServed)
	if _, err := areasAt(ctx, s.store.Areas(), "areasServed", sv.AreasServed, flowcare.AreaDistrict, flowcare.AreaStreet, flowcare.AreaCommunity); err != nil {
		return err
	}
	if len(in.Locations) > 20 {
		return flowcare.Invalid("locations", "服务地点不能超过 20 个")
	}
	var locAreas []string
	sv.Locations = make([]flowcare.Location, len(in.Locations))
	for i, l := range in.Locations {
		if l.Name, err = flowcare.Text("locations", "地点名称", l.Name, true, 100); err != nil {
			return err
		}
		if l.Address, err = flowcare.Text("locations", "地点地址", l.Address, false, 200); err != nil {
			return err
		}
		if err := checkPoint("locations", l.Latitude, l.Longitude); err != nil {
			return err
		}
		if strings.TrimSpace(l.AreaID) == "" {
			return flowcare.Invalid("locations", "请为每个服务地点选择所在的街道或社区")
		}
		sv.Locations[i] = l
		locAreas = append(locAreas, l.AreaID)
	}
	_, err = areasAt(ctx, s.store.Areas(), "locations", dedupe(locAreas), flowcare.AreaStreet, flowcare.AreaCommunity)
	sv.MinAge, sv.MaxAge, sv.Capacity, sv.Funding = in.MinAge, in.MaxAge, in.Capacity, in.Funding
	return err
}

// CreateService adds a draft service to an organisation.
func (s *Service) CreateService(ctx context.Context, orgID string, in ServiceInput) (*flowcare.Service, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	o, _, err := s.org(ctx, orgID)
	if err != nil {
		return nil, err
	}
	if !CanManageServices(a, o.ID) {
		return nil, forbidden("只有本机构的工作人员可以发布服务项目")
	}
	sv := &flowcare.Service{OrganisationID: o.ID, Status: flowcare.ServiceDraft}
	if err := s.checkService(ctx, in, sv); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().CreateService(ctx, sv); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.service_created", "service:"+sv.ID, map[string]any{"organisation": o.ID})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "create service")
	}
	return sv, nil
}

func (s *Service) service(ctx context.Context, id string) (*flowcare.Service, error) {
	svs, err := s.store.Directory().ServicesByIDs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(svs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "服务项目不存在")
	}
	return svs[0], nil
}

// UpdateService changes a service; it keeps its status.
func (s *Service) UpdateService(ctx context.Context, id string, in ServiceInput) (*flowcare.Service, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	sv, err := s.service(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageServices(a, sv.OrganisationID) {
		return nil, forbidden("只有本机构的工作人员可以修改服务项目")
	}
	if sv.Status == flowcare.ServiceEnded {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "服务项目已结束，不能再修改")
	}
	if err := s.checkService(ctx, in, sv); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().UpdateService(ctx, sv); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.service_updated", "service:"+sv.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "update service")
	}
	return sv, nil
}

// serviceMoves lists the status changes a service may make.
var serviceMoves = map[flowcare.ServiceStatus][]flowcare.ServiceStatus{
	flowcare.ServiceDraft:  {flowcare.ServiceActive, flowcare.ServiceEnded},
	flowcare.ServiceActive: {flowcare.ServicePaused, flowcare.ServiceEnded},
	flowcare.ServicePaused: {flowcare.ServiceActive, flowcare.ServiceEnded},
}

func canMove[S comparable](moves map[S][]S, from, to S) bool {
	for _, x := range moves[from] {
		if x == to {
			return true
		}
	}
	return false
}

// requireVerified refuses to publish for an organisation civil-affairs staff
// have not verified; it may still prepare drafts.
func (s *Service) requireVerified(ctx context.Context, orgID, msg string) error {
	o, _, err := s.org(ctx, orgID)
	if err != nil {
		return err
	}
	if o.Verification != flowcare.VerificationVerified {
		return flowcare.Errorf(flowcare.ECONFLICT, "%s", msg)
	}
	return nil
}

// SetServiceStatus publishes, pauses or ends a service. Only a verified
// organisation publishes.
func (s *Service) SetServiceStatus(ctx context.Context, id string, status flowcare.ServiceStatus) (*flowcare.Service, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	sv, err := s.service(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanManageServices(a, sv.OrganisationID) {
		return nil, forbidden("只有本机构的工作人员可以更改服务项目状态")
	}
	if !canMove(serviceMoves, sv.Status, status) {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "服务项目不能从“%s”改为“%s”", sv.Status, status)
	}
	if status == flowcare.ServiceActive {
		if err := s.requireVerified(ctx, sv.OrganisationID, "机构尚未通过民政部门审核，可以准备服务项目，但审核通过后才能发布"); err != nil {
			return nil, err
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().SetServiceStatus(ctx, sv.ID, status); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.service_status", "service:"+sv.ID, map[string]any{"status": status})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "set service status")
	}
	sv.Status = status
	return sv, nil
}

// Service returns one service: published ones to anyone signed in, others to
// the organisation's staff.
func (s *Service) Service(ctx context.Context, id string) (*flowcare.Service, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	sv, err := s.service(ctx, id)
	if err != nil {
		return nil, err
	}
	if sv.Status != flowcare.ServiceActive && !CanManageServices(a, sv.OrganisationID) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "服务项目不存在")
	}
	return sv, nil
}

// ServiceList is one page of services.
type ServiceList struct {
	Services []*flowcare.Service
	Total    int
	HasNext  bool
}

// Services lists an organisation's services; people outside it see only published ones.
func (s *Service) Services(ctx context.Context, orgID string, status flowcare.ServiceStatus, p flowcare.Page) (*ServiceList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if !CanManageServices(a, orgID) {
		status = flowcare.ServiceActive
	}
	svs, total, err := s.store.Directory().ListServices(ctx, orgID, status, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list services")
	}
	l := &ServiceList{Services: svs, Total: total}
	if n := p.Limit(); len(svs) > n {
		l.Services, l.HasNext = svs[:n], true
	}
	return l, nil
}

// LocationsOf returns the locations of services already shown to the caller.
func (s *Service) LocationsOf(ctx context.Context, serviceIDs []string) (map[string][]flowcare.Location, error) {
	return s.store.Directory().LocationsOf(ctx, serviceIDs)
}
