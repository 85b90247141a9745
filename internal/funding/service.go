// Package funding follows public money from a budget line to the payment of
// an invoice and ties every fen to verified, delivered service. Every
// movement of money is a balanced transaction in an append-only ledger.
package funding

import (
	"context"
	"fmt"
	"slices"
	"time"

	"flowcare/internal/flowcare"
)

// Store is what the funding use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Areas() flowcare.AreaStore
	Children() flowcare.ChildStore
	Care() flowcare.CareStore
	Matches() flowcare.MatchStore
	Funding() flowcare.FundingStore
	Audit() flowcare.AuditStore
}

// Service runs the funding use cases.
type Service struct {
	store Store
	now   func() time.Time
}

// New returns the funding use cases.
func New(store Store, now func() time.Time) *Service { return &Service{store: store, now: now} }

// orgRoles are an organisation's staff who see and invoice its contracts.
var orgRoles = []flowcare.Role{flowcare.RoleOrgAdmin, flowcare.RoleOrgStaff}

// managed lists the area paths where the actor is civil-affairs staff.
func managed(a *flowcare.Actor) []string {
	var out []string
	for _, g := range a.Grants {
		if g.Role == flowcare.RoleCivilAffairs && g.AreaPath != nil {
			out = append(out, *g.AreaPath)
		}
	}
	return out
}

func within(paths []string, path string) bool {
	for _, p := range paths {
		if flowcare.AreaPathContains(p, path) {
			return true
		}
	}
	return false
}

func orgsOf(a *flowcare.Actor) []string { return a.OrganisationsWith(orgRoles...) }

// scope is what money the actor may see: everything for auditors, the
// funder areas they manage for civil-affairs staff, their organisations'
// contracts for organisation staff.
type scope struct {
	any     bool
	funders []string
	orgs    []string
}

func scopeOf(a *flowcare.Actor) (scope, error) {
	s := scope{funders: managed(a), orgs: orgsOf(a), any: a.HasRole(flowcare.RoleAuditor)}
	if !s.any && len(s.funders) == 0 && len(s.orgs) == 0 {
		return s, flowcare.Errorf(flowcare.EFORBIDDEN, "只有民政工作人员、社会组织和监督审计人员可以查看购买服务资金")
	}
	return s, nil
}

func (sc scope) sees(funderPath, orgID string) bool {
	return sc.any || within(sc.funders, funderPath) || slices.Contains(sc.orgs, orgID)
}

// auditRead records an auditor's read of money, as every auditor read is.
func (s *Service) auditRead(ctx context.Context, a *flowcare.Actor, what, target string) error {
	if !a.HasRole(flowcare.RoleAuditor) {
		return nil
	}
	return s.store.InTx(ctx, func(tx flowcare.Tx) error {
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "funding.read", target, map[string]any{"what": what})
	})
}

func (s *Service) audit(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, action, target string, detail map[string]any) error {
	return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, action, target, detail)
}

// maxFen keeps every amount exact in a JavaScript number.
const maxFen = flowcare.Fen(9007199254740991)

func positive(field, label string, v flowcare.Fen) error {
	if v <= 0 {
		return flowcare.Invalid(field, "%s必须大于 0", label)
	}
	if v > maxFen {
		return flowcare.Invalid(field, "%s过大", label)
	}
	return nil
}

// Yuan shows an amount of fen as yuan with two decimals.
func Yuan(f flowcare.Fen) string {
	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	return fmt.Sprintf("%s%d.%02d", sign, f/100, f%100)
}

func (s *Service) today() time.Time {
	y, m, d := s.now().In(flowcare.Beijing).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// checkYear checks a year filter; 0 is every year.
func checkYear(y int) error {
	if y == 0 {
		return nil
	}
	return flowcare.Year("year", y)
}

func categoriesValid(field string, cs []flowcare.Category) error {
	if len(cs) == 0 {
		return flowcare.Invalid(field, "请至少选择一个服务类别")
	}
	for _, c := range cs {
		if !c.Valid() {
			return flowcare.Invalid(field, "未知的服务类别“%s”", c)
		}
	}
	return nil
}

// BudgetLineInput is a budget line as entered.
type BudgetLineInput struct {
	Name       string
	FunderID   string
	FiscalYear int
	Source     flowcare.FundingSource
	Amount     flowcare.Fen
	Purpose    []flowcare.Category
}

// CreateBudgetLine sets money aside and posts its appropriation.
func (s *Service) CreateBudgetLine(ctx context.Context, in BudgetLineInput) (*flowcare.BudgetLine, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	b := &flowcare.BudgetLine{FiscalYear: in.FiscalYear, Source: in.Source, Amount: in.Amount, Purpose: in.Purpose, FunderID: in.FunderID}
	if b.Name, err = flowcare.Text("name", "预算线名称", in.Name, true, 100); err != nil {
		return nil, err
	}
	areas, err := s.store.Areas().AreasByIDs(ctx, []string{in.FunderID})
	if err != nil {
		return nil, err
	}
	if len(areas) == 0 {
		return nil, flowcare.Invalid("funderId", "出资地区不存在")
	}
	if !a.HasRoleOver(areas[0].Path, flowcare.RoleCivilAffairs) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有该地区的民政工作人员可以设立预算线")
	}
	if l := areas[0].Level; l != flowcare.AreaCity && l != flowcare.AreaDistrict {
		return nil, flowcare.Invalid("funderId", "出资方须是市级或区级民政部门")
	}
	if y := s.today().Year(); in.FiscalYear < y-5 || in.FiscalYear > y+2 {
		return nil, flowcare.Invalid("fiscalYear", "预算年度需在 %d 到 %d 之间", y-5, y+2)
	}
	if !in.Source.Valid() {
		return nil, flowcare.Invalid("source", "请选择资金来源")
	}
	if err := positive("amount", "预算金额", in.Amount); err != nil {
		return nil, err
	}
	if err := categoriesValid("purpose", in.Purpose); err != nil {
		return nil, err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Funding().CreateBudgetLine(ctx, b, a.UserID); err != nil {
			return err
		}
		t := &flowcare.LedgerTxn{Kind: "APPROPRIATION", Ref: "budget_line:" + b.ID, At: s.now(), Postings: []flowcare.Posting{{
			From: flowcare.Account(flowcare.AccountAppropriation, b.ID), To: flowcare.Account(flowcare.AccountAvailable, b.ID), Amount: b.Amount}}}
		if err := tx.Funding().Post(ctx, t, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.budget_line_created", "budget_line:"+b.ID, map[string]any{"amount": b.Amount})
	})
	if err != nil {
		return nil, err
	}
	b.FunderPath = areas[0].Path
	return b, nil
}

// BudgetLines lists the budget lines the actor may see.
func (s *Service) BudgetLines(ctx context.Context, year int) ([]*flowcare.BudgetLine, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	sc, err := scopeOf(a)
	if err != nil {
		return nil, err
	}
	paths := sc.funders
	if sc.any {
		paths = []string{flowcare.CityAreaID}
	}
	if len(paths) == 0 {
		// Organisation staff see their contracts, not the bureau's budgets.
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "预算线只向民政工作人员和监督审计人员展示")
	}
	if err := s.auditRead(ctx, a, "budget_lines", "funding"); err != nil {
		return nil, err
	}
	return s.store.Funding().BudgetLines(ctx, paths, year)
}

// Balance reads a ledger account.
func (s *Service) Balance(ctx context.Context, kind, id string) (flowcare.Fen, error) {
	return s.store.Funding().Balance(ctx, flowcare.Account(kind, id))
}

// CanManage reports whether the actor is civil-affairs staff of the funder.
func (s *Service) CanManage(ctx context.Context, funderPath string) bool {
	a := flowcare.ActorFrom(ctx)
	return a.HasRoleOver(funderPath, flowcare.RoleCivilAffairs)
}

// CanInvoice reports whether the actor is staff of the organisation.
func (s *Service) CanInvoice(ctx context.Context, orgID string) bool {
	a := flowcare.ActorFrom(ctx)
	return a != nil && slices.Contains(orgsOf(a), orgID)
}

// ContractsByIDs loads contracts of invoices or deliveries the caller
// already sees, without another audit entry.
func (s *Service) ContractsByIDs(ctx context.Context, ids []string) (map[string]*flowcare.Contract, error) {
	out := map[string]*flowcare.Contract{}
	for _, id := range ids {
		if _, ok := out[id]; ok {
			continue
		}
		c, err := s.store.Funding().Contract(ctx, id, false)
		if err != nil {
			return nil, err
		}
		out[id] = c
	}
	return out, nil
}
