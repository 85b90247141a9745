package funding

import (
	"bytes"
	"context"
	"fmt"
	"sort"

	"github.com/xuri/excelize/v2"

	"flowcare/internal/flowcare"
)

// ContractRow is one contract in the funding-to-outcome trace.
type ContractRow struct {
	Contract *flowcare.Contract
	flowcare.ContractFigures
	// Remaining is the contract's value not yet claimed by an invoice.
	Remaining flowcare.Fen
	// CostPerChild and CostPerHour divide what was delivered; nil when
	// nothing was.
	CostPerChild *flowcare.Fen
	CostPerHour  *flowcare.Fen
	// Expected is the share of the contract's units its schedule expects
	// by today; Progress the share delivered.
	Expected, Progress float64
	// UnderDelivering flags a contract more than a fifth behind schedule.
	UnderDelivering bool
}

// Summary adds up rows for a budget line or an organisation.
type Summary struct {
	// kids are the distinct children served, so that a child served under
	// two contracts counts once.
	kids       map[string]bool
	Key        string
	Name       string
	Budget     flowcare.Fen
	Committed  flowcare.Fen
	Delivered  flowcare.Fen
	Invoiced   flowcare.Fen
	Paid       flowcare.Fen
	Remaining  flowcare.Fen
	Children   int
	Minutes    int64
	CostPerHr  *flowcare.Fen
	CostPerKid *flowcare.Fen
}

// Report is the funding-to-outcome trace the actor may see.
type Report struct {
	Contracts     []ContractRow
	BudgetLines   []Summary
	Organisations []Summary
	Districts     []flowcare.DistrictSpend
}

func ratio(num flowcare.Fen, den int64) *flowcare.Fen {
	if den <= 0 {
		return nil
	}
	v := (num + flowcare.Fen(den/2)) / flowcare.Fen(den)
	return &v
}

func (s *Service) row(c *flowcare.Contract, f flowcare.ContractFigures) ContractRow {
	r := ContractRow{Contract: c, ContractFigures: f, Remaining: c.Value() - f.Invoiced}
	r.CostPerChild = ratio(f.Delivered, int64(f.Children))
	if f.Minutes > 0 {
		r.CostPerHour = ratio(f.Delivered*60, f.Minutes)
	}
	days := c.EndsOn.Sub(c.StartsOn).Hours()/24 + 1
	elapsed := s.today().Sub(c.StartsOn).Hours()/24 + 1
	r.Expected = min(1, max(0, elapsed/days))
	delivered := float64(f.Units)
	if c.Unit == flowcare.UnitServiceHour {
		delivered = float64(f.Minutes) / 60
	}
	r.Progress = delivered / float64(c.Quantity)
	live := c.Status == flowcare.ContractSigned || c.Status == flowcare.ContractActive
	r.UnderDelivering = live && r.Expected >= 0.2 && r.Progress < 0.8*r.Expected
	return r
}

// FundingReport traces money from budget lines to delivered service, per
// contract, budget line, organisation and district.
func (s *Service) FundingReport(ctx context.Context, year int) (*Report, error) {
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
	if err := s.auditRead(ctx, a, "report", "funding"); err != nil {
		return nil, err
	}
	st := s.store.Funding()
	cs, _, err := st.Contracts(ctx, flowcare.ContractFilter{Any: sc.any, FunderPaths: sc.funders, OrganisationIDs: sc.orgs})
	if err != nil {
		return nil, err
	}
	var lines []*flowcare.BudgetLine
	if sc.any || len(sc.funders) > 0 {
		paths := sc.funders
		if sc.any {
			paths = []string{flowcare.CityAreaID}
		}
		if lines, err = st.BudgetLines(ctx, paths, year); err != nil {
			return nil, err
		}
	}
	inYear := map[string]*flowcare.BudgetLine{}
	for _, l := range lines {
		inYear[l.ID] = l
	}
	var ids []string
	var keep []*flowcare.Contract
	for _, c := range cs {
		if year > 0 && c.StartsOn.Year() != year && inYear[c.BudgetLineID] == nil {
			continue
		}
		keep = append(keep, c)
		ids = append(ids, c.ID)
	}
	figs, err := st.Figures(ctx, ids)
	if err != nil {
		return nil, err
	}
	served, err := st.ChildrenServed(ctx, ids)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	byLine, byOrg := map[string]*Summary{}, map[string]*Summary{}
	var orgIDs []string
	for _, c := range keep {
		r := s.row(c, figs[c.ID])
		rep.Contracts = append(rep.Contracts, r)
		if c.Status != flowcare.ContractDraft {
			add(byLine, c.BudgetLineID, r, c, served[c.ID])
		}
		if _, seen := byOrg[c.OrganisationID]; !seen {
			orgIDs = append(orgIDs, c.OrganisationID)
		}
		add(byOrg, c.OrganisationID, r, c, served[c.ID])
	}
	for _, l := range lines {
		sm := byLine[l.ID]
		if sm == nil {
			sm = &Summary{Key: l.ID}
		}
		sm.Name, sm.Budget = l.Name, l.Amount
		available, err := st.Balance(ctx, flowcare.Account(flowcare.AccountAvailable, l.ID))
		if err != nil {
			return nil, err
		}
		sm.Committed = l.Amount - available
		finish(sm)
		rep.BudgetLines = append(rep.BudgetLines, *sm)
	}
	orgs, err := s.store.Areas().OrganisationsByIDs(ctx, orgIDs)
	if err != nil {
		return nil, err
	}
	for _, o := range orgs {
		sm := byOrg[o.ID]
		// An organisation has no budget of its own: what it was contracted for stands in.
		sm.Name, sm.Budget = o.Name, sm.Committed
		finish(sm)
		rep.Organisations = append(rep.Organisations, *sm)
	}
	sort.Slice(rep.Organisations, func(i, j int) bool { return rep.Organisations[i].Delivered > rep.Organisations[j].Delivered })
	if sc.any || len(sc.funders) > 0 {
		paths := sc.funders
		if sc.any {
			paths = nil
		}
		if rep.Districts, err = st.DistrictSpend(ctx, paths, year); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func add(m map[string]*Summary, key string, r ContractRow, c *flowcare.Contract, kids []string) {
	sm := m[key]
	if sm == nil {
		sm = &Summary{Key: key, kids: map[string]bool{}}
		m[key] = sm
	}
	for _, k := range kids {
		sm.kids[k] = true
	}
	if c.Status != flowcare.ContractDraft {
		sm.Committed += c.Value()
		sm.Remaining += r.Remaining
	}
	sm.Delivered += r.Delivered
	sm.Invoiced += r.Invoiced
	sm.Paid += r.Paid
	sm.Children = len(sm.kids)
	sm.Minutes += r.Minutes
}

func finish(sm *Summary) {
	sm.CostPerKid = ratio(sm.Delivered, int64(sm.Children))
	if sm.Minutes > 0 {
		sm.CostPerHr = ratio(sm.Delivered*60, sm.Minutes)
	}
}

func yuanOrDash(f *flowcare.Fen) string {
	if f == nil {
		return "—"
	}
	return Yuan(*f)
}

// ReportXLSX writes the funding report as a workbook, one sheet per view.
// Every text cell is written so that a spreadsheet never reads it as a formula.
func (s *Service) ReportXLSX(ctx context.Context, year int) ([]byte, string, error) {
	rep, err := s.FundingReport(ctx, year)
	if err != nil {
		return nil, "", err
	}
	f := excelize.NewFile()
	defer f.Close()
	write := func(sheet string, header []string, rows [][]any) error {
		if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		all := append([][]any{toAny(header)}, rows...)
		for i, r := range all {
			for j, v := range r {
				if sv, ok := v.(string); ok {
					v = flowcare.SafeCell(sv)
				}
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					return err
				}
			}
		}
		return nil
	}
	money := []string{"已承诺（元）", "已交付（元）", "已开票（元）", "已付款（元）", "剩余（元）", "服务儿童", "服务小时", "每名儿童成本（元）", "每服务小时成本（元）"}
	var crow [][]any
	for _, r := range rep.Contracts {
		flag := ""
		if r.UnderDelivering {
			flag = "进度滞后"
		}
		crow = append(crow, []any{r.Contract.Title, statusNames[r.Contract.Status], Yuan(r.Contract.Value()), Yuan(r.Delivered), Yuan(r.Invoiced),
			Yuan(r.Paid), Yuan(r.Remaining), r.Children, fmt.Sprintf("%.1f", float64(r.Minutes)/60), yuanOrDash(r.CostPerChild),
			yuanOrDash(r.CostPerHour), fmt.Sprintf("%.0f%%", r.Progress*100), fmt.Sprintf("%.0f%%", r.Expected*100), flag})
	}
	summaries := func(ss []Summary) [][]any {
		var out [][]any
		for _, sm := range ss {
			out = append(out, []any{sm.Name, Yuan(sm.Budget), Yuan(sm.Committed), Yuan(sm.Delivered), Yuan(sm.Invoiced), Yuan(sm.Paid),
				Yuan(sm.Remaining), sm.Children, fmt.Sprintf("%.1f", float64(sm.Minutes)/60), yuanOrDash(sm.CostPerKid), yuanOrDash(sm.CostPerHr)})
		}
		return out
	}
	var districtIDs []string
	for _, d := range rep.Districts {
		districtIDs = append(districtIDs, d.DistrictID)
	}
	areas, err := s.store.Areas().AreasByIDs(ctx, districtIDs)
	if err != nil {
		return nil, "", err
	}
	areaName := map[string]string{}
	for _, a := range areas {
		areaName[a.ID] = a.Name
	}
	var drow [][]any
	for _, d := range rep.Districts {
		drow = append(drow, []any{areaName[d.DistrictID], categoryNames[d.Category], Yuan(d.Spent), d.Unmet})
	}
	steps := []struct {
		sheet  string
		header []string
		rows   [][]any
	}{
		{"合同", append(append([]string{"合同"}, "状态"), append(money, "完成进度", "应完成进度", "提示")...), crow},
		{"预算线", append([]string{"预算线", "预算（元）"}, money...), summaries(rep.BudgetLines)},
		{"承接机构", append([]string{"机构", "合同总额（元）"}, money...), summaries(rep.Organisations)},
		{"各区支出与未满足需求", []string{"区", "服务类别", "已交付支出（元）", "未满足需求数"}, drow},
	}
	for _, st := range steps {
		if err := write(st.sheet, st.header, st.rows); err != nil {
			return nil, "", flowcare.Internal(err)
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, "", flowcare.Internal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, "", flowcare.Internal(err)
	}
	name := "funding-report.xlsx"
	if year > 0 {
		name = fmt.Sprintf("funding-report-%d.xlsx", year)
	}
	return buf.Bytes(), name, nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// FiguresOf loads the figures of contracts the caller already sees.
func (s *Service) FiguresOf(ctx context.Context, ids []string) (map[string]flowcare.ContractFigures, error) {
	return s.store.Funding().Figures(ctx, ids)
}

// Row derives a contract's report row from its figures.
func (s *Service) Row(c *flowcare.Contract, f flowcare.ContractFigures) *ContractRow {
	r := s.row(c, f)
	return &r
}

var statusNames = map[flowcare.ContractStatus]string{flowcare.ContractDraft: "草稿", flowcare.ContractSigned: "已签订",
	flowcare.ContractActive: "执行中", flowcare.ContractClosed: "已结项", flowcare.ContractTerminated: "已终止"}

var categoryNames = map[flowcare.Category]string{
	flowcare.CatReadingGuidance: "阅读指导", flowcare.CatLetterCompanionship: "书信陪伴", flowcare.CatRecreation: "文体娱乐",
	flowcare.CatPsychologicalCounsel: "心理辅导", flowcare.CatRehabilitation: "康复服务", flowcare.CatAutismSupport: "孤独症支持",
	flowcare.CatCityIntegration: "城市融入", flowcare.CatPublicCulture: "公共文化", flowcare.CatFamilyEducation: "家庭教育指导",
	flowcare.CatLegalEducation: "法治教育", flowcare.CatOneToOneSupport: "一对一帮扶", flowcare.CatParentEmployment: "父母就业服务",
}

// Payments lists the payments of invoices the caller already sees.
func (s *Service) Payments(ctx context.Context, invoiceIDs []string) (map[string][]flowcare.Payment, error) {
	return s.store.Funding().Payments(ctx, invoiceIDs)
}
