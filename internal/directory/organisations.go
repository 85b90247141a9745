package directory

import (
	"context"

	"flowcare/internal/flowcare"
)

// OrganisationInput is a new organisation or a profile change.
type OrganisationInput struct {
	Name               string
	Kind               flowcare.OrganisationKind
	AreaID             string
	RegistrationNumber *string
	ContactName        *string
	ContactPhone       *string
	Description        *string
	Address            *string
	Latitude           *float64
	Longitude          *float64
	AreasServed        []string
}

func (s *Service) checkOrganisation(ctx context.Context, in OrganisationInput, o *flowcare.Organisation) error {
	var err error
	if o.Name, err = flowcare.Text("name", "机构名称", in.Name, true, 100); err != nil {
		return err
	}
	if o.RegistrationNumber, err = optText("registrationNumber", "登记证号", in.RegistrationNumber, 40); err != nil {
		return err
	}
	if o.ContactName, err = optText("contactName", "联系人", in.ContactName, 40); err != nil {
		return err
	}
	if o.ContactPhone, err = optText("contactPhone", "联系电话", in.ContactPhone, 30); err != nil {
		return err
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if o.Description, err = flowcare.Text("description", "机构简介", desc, false, 2000); err != nil {
		return err
	}
	if o.Address, err = optText("address", "地址", in.Address, 200); err != nil {
		return err
	}
	if (in.Latitude == nil) != (in.Longitude == nil) {
		return flowcare.Invalid("latitude", "纬度和经度须同时填写或同时留空")
	}
	if in.Latitude != nil {
		if err := checkPoint("latitude", *in.Latitude, *in.Longitude); err != nil {
			return err
		}
	}
	o.Latitude, o.Longitude = in.Latitude, in.Longitude
	o.AreasServed = dedupe(in.AreasServed)
	_, err = areasAt(ctx, s.store.Areas(), "areasServed", o.AreasServed, flowcare.AreaDistrict, flowcare.AreaStreet, flowcare.AreaCommunity)
	return err
}

// CreateOrganisation registers an organisation, unverified, in an area the
// actor covers.
func (s *Service) CreateOrganisation(ctx context.Context, in OrganisationInput) (*flowcare.Organisation, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	kinds := map[flowcare.OrganisationKind]bool{flowcare.OrgSocial: true, flowcare.OrgLibrary: true, flowcare.OrgMuseum: true,
		flowcare.OrgYouthLeague: true, flowcare.OrgWomensFederation: true, flowcare.OrgOther: true}
	if !kinds[in.Kind] {
		return nil, flowcare.Invalid("kind", "未知的机构类型“%s”", in.Kind)
	}
	areas, err := areasAt(ctx, s.store.Areas(), "areaId", []string{in.AreaID}, flowcare.AreaDistrict, flowcare.AreaStreet)
	if err != nil {
		return nil, err
	}
	if !CanCreateOrganisation(a, areas[in.AreaID].Path) {
		return nil, forbidden("您只能在自己负责的区域登记机构")
	}
	o := &flowcare.Organisation{Kind: in.Kind, AreaID: in.AreaID}
	if err := s.checkOrganisation(ctx, in, o); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().CreateOrganisation(ctx, o); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.organisation_created", "organisation:"+o.ID, map[string]any{"name": o.Name})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "create organisation")
	}
	return o, nil
}

// UpdateOrganisation changes an organisation's profile.
func (s *Service) UpdateOrganisation(ctx context.Context, id string, in OrganisationInput) (*flowcare.Organisation, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	o, _, err := s.org(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanEditOrganisation(a, o) {
		return nil, forbidden("只有本机构的管理员可以修改机构资料")
	}
	if err := s.checkOrganisation(ctx, in, o); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().UpdateOrganisation(ctx, o); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.organisation_updated", "organisation:"+o.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "update organisation")
	}
	return o, nil
}

// VerifyOrganisation records civil-affairs staff's decision on an organisation.
func (s *Service) VerifyOrganisation(ctx context.Context, id string, status flowcare.VerificationStatus, note *string) (*flowcare.Organisation, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	o, area, err := s.org(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanVerify(a, area.Path) {
		return nil, forbidden("只有机构所在区域的民政工作人员可以审核该机构")
	}
	if status != flowcare.VerificationVerified && status != flowcare.VerificationRejected && status != flowcare.VerificationUnverified {
		return nil, flowcare.Invalid("status", "未知的审核状态“%s”", status)
	}
	if note, err = optText("note", "审核意见", note, 500); err != nil {
		return nil, err
	}
	if status == flowcare.VerificationRejected && note == nil {
		return nil, flowcare.Invalid("note", "不予通过时请填写审核意见，说明需要补充或改正的内容")
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Directory().SetVerification(ctx, o.ID, status, note, a.UserID, now); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "directory.organisation_verified", "organisation:"+o.ID, map[string]any{"status": status})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "verify organisation")
	}
	o.Verification, o.VerificationNote, o.VerifiedAt = status, note, &now
	return o, nil
}

// Organisation returns one organisation; any signed-in user may look one up.
func (s *Service) Organisation(ctx context.Context, id string) (*flowcare.Organisation, error) {
	if _, err := flowcare.RequireActor(ctx); err != nil {
		return nil, err
	}
	o, _, err := s.org(ctx, id)
	return o, err
}

// MyOrganisations lists the organisations the actor holds a role on.
func (s *Service) MyOrganisations(ctx context.Context) ([]*flowcare.Organisation, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, g := range a.Grants {
		if g.OrganisationID != nil && g.Role != flowcare.RoleVolunteer {
			ids = append(ids, *g.OrganisationID)
		}
	}
	if len(ids) == 0 {
		return []*flowcare.Organisation{}, nil
	}
	return s.store.Areas().OrganisationsByIDs(ctx, dedupe(ids))
}

// OrganisationPermissions says what the actor may do with an organisation.
type OrganisationPermissions struct {
	Edit, Verify, SeeContact bool
}

// PermissionsOn computes the actor's permissions on an organisation
// registered in the area at areaPath.
func PermissionsOn(ctx context.Context, o *flowcare.Organisation, areaPath string) OrganisationPermissions {
	a := flowcare.ActorFrom(ctx)
	if a == nil {
		return OrganisationPermissions{}
	}
	return OrganisationPermissions{
		Edit:       CanEditOrganisation(a, o),
		Verify:     CanVerify(a, areaPath),
		SeeContact: CanSeeOrganisationContact(a, o, areaPath),
	}
}
