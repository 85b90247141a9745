package funding

import (
	"context"
	"slices"
	"time"

	"flowcare/internal/flowcare"
)

// ContractInput is a purchase as drafted.
type ContractInput struct {
	BudgetLineID   string
	OrganisationID string
	Title          string
	Categories     []flowcare.Category
	Unit           flowcare.ContractUnit
	UnitPrice      flowcare.Fen
	Quantity       int64
	StartsOn       time.Time
	EndsOn         time.Time
	AreaIDs        []string
	Targets        string
}

// CreateContract drafts a purchase against a budget line; nothing is
// committed until it is signed.
func (s *Service) CreateContract(ctx context.Context, in ContractInput) (*flowcare.Contract, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	line, err := s.store.Funding().BudgetLine(ctx, in.BudgetLineID, false)
	if err != nil {
		return nil, err
	}
	if !a.HasRoleOver(line.FunderPath, flowcare.RoleCivilAffairs) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有预算线所在地区的民政工作人员可以签订购买服务合同")
	}
	c := &flowcare.Contract{BudgetLineID: line.ID, OrganisationID: in.OrganisationID, Categories: in.Categories, Unit: in.Unit,
		UnitPrice: in.UnitPrice, Quantity: in.Quantity, StartsOn: in.StartsOn, EndsOn: in.EndsOn, AreaIDs: in.AreaIDs,
		Status: flowcare.ContractDraft, FunderPath: line.FunderPath}
	if c.Title, err = flowcare.Text("title", "合同名称", in.Title, true, 100); err != nil {
		return nil, err
	}
	if c.Targets, err = flowcare.Text("targets", "目标产出", in.Targets, false, 1000); err != nil {
		return nil, err
	}
	orgs, err := s.store.Areas().OrganisationsByIDs(ctx, []string{in.OrganisationID})
	if err != nil {
		return nil, err
	}
	if len(orgs) == 0 {
		return nil, flowcare.Invalid("organisationId", "承接机构不存在")
	}
	if orgs[0].Verification != flowcare.VerificationVerified {
		return nil, flowcare.Invalid("organisationId", "承接机构尚未通过民政部门审核")
	}
	if err := categoriesValid("categories", in.Categories); err != nil {
		return nil, err
	}
	for _, cat := range in.Categories {
		if !slices.Contains(line.Purpose, cat) {
			return nil, flowcare.Invalid("categories", "预算线的用途不包括这个服务类别")
		}
	}
	if !in.Unit.Valid() {
		return nil, flowcare.Invalid("unit", "请选择计价单位")
	}
	if err := positive("unitPrice", "单价", in.UnitPrice); err != nil {
		return nil, err
	}
	if in.Quantity <= 0 || in.Quantity > 10_000_000 {
		return nil, flowcare.Invalid("quantity", "数量需在 1 到 10000000 之间")
	}
	if c.Value() > maxFen || c.Value()/flowcare.Fen(in.Quantity) != in.UnitPrice {
		return nil, flowcare.Invalid("quantity", "合同金额过大")
	}
	if c.Value() > line.Amount {
		return nil, flowcare.Invalid("quantity", "合同金额 %s 元超过预算线总额 %s 元", Yuan(c.Value()), Yuan(line.Amount))
	}
	if in.StartsOn.IsZero() || in.EndsOn.IsZero() || in.EndsOn.Before(in.StartsOn) {
		return nil, flowcare.Invalid("endsOn", "请填写服务期间，结束日期不早于开始日期")
	}
	if err := flowcare.SaneTime("startsOn", "服务开始日期", in.StartsOn, s.today()); err != nil {
		return nil, err
	}
	if err := flowcare.SaneTime("endsOn", "服务结束日期", in.EndsOn, s.today()); err != nil {
		return nil, err
	}
	if len(in.AreaIDs) > 0 {
		areas, err := s.store.Areas().AreasByIDs(ctx, in.AreaIDs)
		if err != nil {
			return nil, err
		}
		if len(areas) != len(in.AreaIDs) {
			return nil, flowcare.Invalid("areaIds", "有服务地区不存在")
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Funding().CreateContract(ctx, c, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.contract_created", "contract:"+c.ID, map[string]any{"value": c.Value()})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// lockContract reads a contract for change by civil-affairs staff of its funder.
func (s *Service) lockContract(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, id string) (*flowcare.Contract, error) {
	c, err := tx.Funding().Contract(ctx, id, true)
	if err != nil {
		return nil, err
	}
	sc, _ := scopeOf(a)
	if !a.HasRoleOver(c.FunderPath, flowcare.RoleCivilAffairs) {
		if sc.sees(c.FunderPath, c.OrganisationID) {
			return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有出资方的民政工作人员可以办理")
		}
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "合同不存在")
	}
	return c, nil
}

// SignContract commits the contract's value against its budget line; it
// cannot commit more than the line has left.
func (s *Service) SignContract(ctx context.Context, id string) (*flowcare.Contract, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	var c *flowcare.Contract
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if c, err = s.lockContract(ctx, tx, a, id); err != nil {
			return err
		}
		if c.Status != flowcare.ContractDraft {
			return flowcare.Errorf(flowcare.ECONFLICT, "只有草稿状态的合同可以签订")
		}
		// The line is locked so that two signings cannot both see the same money left.
		if _, err := tx.Funding().BudgetLine(ctx, c.BudgetLineID, true); err != nil {
			return err
		}
		left, err := tx.Funding().Balance(ctx, flowcare.Account(flowcare.AccountAvailable, c.BudgetLineID))
		if err != nil {
			return err
		}
		if c.Value() > left {
			return flowcare.Errorf(flowcare.ECONFLICT, "预算线剩余 %s 元，不足以签订 %s 元的合同", Yuan(left), Yuan(c.Value()))
		}
		st := flowcare.ContractSigned
		if !s.today().Before(c.StartsOn) {
			st = flowcare.ContractActive
		}
		if err := tx.Funding().SetContractStatus(ctx, c.ID, st, s.now()); err != nil {
			return err
		}
		c.Status = st
		t := &flowcare.LedgerTxn{Kind: "COMMIT", Ref: "contract:" + c.ID, At: s.now(), Postings: []flowcare.Posting{{
			From: flowcare.Account(flowcare.AccountAvailable, c.BudgetLineID), To: flowcare.Account(flowcare.AccountCommitted, c.ID), Amount: c.Value()}}}
		if err := tx.Funding().Post(ctx, t, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.contract_signed", "contract:"+c.ID, map[string]any{"value": c.Value()})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// EndContract closes a contract at the end of its term, or terminates it
// early with a reason. What is committed and not owed for verified
// deliveries goes back to the budget line.
func (s *Service) EndContract(ctx context.Context, id string, terminate bool, reason string) (*flowcare.Contract, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if reason, err = flowcare.Text("reason", "终止原因", reason, terminate, 500); err != nil {
		return nil, err
	}
	var c *flowcare.Contract
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if c, err = s.lockContract(ctx, tx, a, id); err != nil {
			return err
		}
		if c.Status != flowcare.ContractSigned && c.Status != flowcare.ContractActive {
			return flowcare.Errorf(flowcare.ECONFLICT, "只有已签订或执行中的合同可以结项或终止")
		}
		committed, err := tx.Funding().Balance(ctx, flowcare.Account(flowcare.AccountCommitted, c.ID))
		if err != nil {
			return err
		}
		open, _, err := tx.Funding().Invoices(ctx, flowcare.InvoiceFilter{Any: true, ContractID: c.ID,
			Statuses: []flowcare.InvoiceStatus{flowcare.InvoiceSubmitted, flowcare.InvoiceDisputed}})
		if err != nil {
			return err
		}
		for _, inv := range open {
			committed -= inv.Amount
		}
		// Verified deliveries not yet invoiced are owed: their money stays.
		owed, err := tx.Funding().Deliveries(ctx, c.ID, flowcare.DeliveryVerified, true)
		if err != nil {
			return err
		}
		for _, d := range owed {
			committed -= d.Amount
		}
		st := flowcare.ContractClosed
		if terminate {
			st = flowcare.ContractTerminated
		}
		if err := tx.Funding().SetContractStatus(ctx, c.ID, st, s.now()); err != nil {
			return err
		}
		c.Status = st
		if committed > 0 {
			t := &flowcare.LedgerTxn{Kind: "DECOMMIT", Ref: "contract:" + c.ID, At: s.now(), Postings: []flowcare.Posting{{
				From: flowcare.Account(flowcare.AccountCommitted, c.ID), To: flowcare.Account(flowcare.AccountAvailable, c.BudgetLineID), Amount: committed}}}
			if err := tx.Funding().Post(ctx, t, a.UserID); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "funding.contract_ended", "contract:"+c.ID, map[string]any{"status": st, "reason": reason, "released": committed})
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// ContractList is one page of contracts.
type ContractList struct {
	Contracts []*flowcare.Contract
	Total     int
	HasNext   bool
}

// Contracts lists the contracts the actor may see, newest first.
func (s *Service) Contracts(ctx context.Context, budgetLineID string, p flowcare.Page) (*ContractList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	sc, err := scopeOf(a)
	if err != nil {
		return nil, err
	}
	if err := s.auditRead(ctx, a, "contracts", "funding"); err != nil {
		return nil, err
	}
	cs, total, err := s.store.Funding().Contracts(ctx, flowcare.ContractFilter{Any: sc.any, FunderPaths: sc.funders, OrganisationIDs: sc.orgs,
		BudgetLineID: budgetLineID, Page: &p})
	if err != nil {
		return nil, err
	}
	l := &ContractList{Contracts: cs, Total: total}
	if len(cs) > p.Limit() {
		l.Contracts, l.HasNext = cs[:p.Limit()], true
	}
	return l, nil
}

// Contract returns one contract the actor may see.
func (s *Service) Contract(ctx context.Context, id string) (*flowcare.Contract, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	sc, err := scopeOf(a)
	if err != nil {
		return nil, err
	}
	c, err := s.store.Funding().Contract(ctx, id, false)
	if err != nil {
		return nil, err
	}
	if !sc.sees(c.FunderPath, c.OrganisationID) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "合同不存在")
	}
	if err := s.auditRead(ctx, a, "contract", "contract:"+c.ID); err != nil {
		return nil, err
	}
	return c, nil
}

// AuthorisationInput spends some of a contract's units on one match.
type AuthorisationInput struct {
	ContractID string
	MatchID    string
	Units      int64
	StartsOn   time.Time
	EndsOn     time.Time
}

// Authorise allows a match's sessions to be paid from a contract: units ×
// rate × period × provider.
func (s *Service) Authorise(ctx context.Context, in AuthorisationInput) (*flowcare.Authorisation, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if in.Units <= 0 || in.Units > 100_000 {
		return nil, flowcare.Invalid("units", "授权数量需在 1 到 100000 之间")
	}
	if in.StartsOn.IsZero() || in.EndsOn.IsZero() || in.EndsOn.Before(in.StartsOn) {
		return nil, flowcare.Invalid("endsOn", "请填写授权期间，结束日期不早于开始日期")
	}
	z := &flowcare.Authorisation{ContractID: in.ContractID, MatchID: in.MatchID, Units: in.Units, StartsOn: in.StartsOn, EndsOn: in.EndsOn}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		c, err := s.lockContract(ctx, tx, a, in.ContractID)
		if err != nil {
			return err
		}
		if c.Status != flowcare.ContractSigned && c.Status != flowcare.ContractActive {
			return flowcare.Errorf(flowcare.ECONFLICT, "只能在已签订或执行中的合同下授权")
		}
		if in.StartsOn.Before(c.StartsOn) || in.EndsOn.After(c.EndsOn) {
			return flowcare.Invalid("startsOn", "授权期间须在合同期间 %s 至 %s 之内", c.StartsOn.Format("2006-01-02"), c.EndsOn.Format("2006-01-02"))
		}
		m, err := tx.Matches().MatchByID(ctx, in.MatchID)
		if err != nil {
			return flowcare.Invalid("matchId", "匹配记录不存在")
		}
		if m.ProviderOrgID == nil || *m.ProviderOrgID != c.OrganisationID {
			return flowcare.Invalid("matchId", "这条匹配的服务方不是合同的承接机构")
		}
		if !slices.Contains(c.Categories, m.Category) {
			return flowcare.Invalid("matchId", "合同不包括这条匹配的服务类别")
		}
		if !m.Status.Open() || m.Status == flowcare.MatchProposed {
			return flowcare.Invalid("matchId", "只能为已发送、已接受或服务中的匹配授权")
		}
		zs, err := tx.Funding().Authorisations(ctx, c.ID)
		if err != nil {
			return err
		}
		var used int64
		for _, x := range zs {
			used += x.Units
		}
		if used+in.Units > c.Quantity {
			return flowcare.Errorf(flowcare.ECONFLICT, "合同共 %d 个单位，已授权 %d 个，不能再授权 %d 个", c.Quantity, used, in.Units)
		}
		if err := tx.Funding().CreateAuthorisation(ctx, z, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.authorised", "contract:"+c.ID, map[string]any{"match": m.ID, "units": in.Units})
	})
	if err != nil {
		return nil, err
	}
	return z, nil
}

// Authorisations lists a contract's authorisations for someone who sees it.
func (s *Service) Authorisations(ctx context.Context, c *flowcare.Contract) ([]*flowcare.Authorisation, error) {
	return s.store.Funding().Authorisations(ctx, c.ID)
}
