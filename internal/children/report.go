package children

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"flowcare/internal/flowcare"
)

func safeCell(s string) string { return flowcare.SafeCell(s) }

var reasonNames = map[string]string{
	flowcare.IneligibleAge16: "已满16周岁", flowcare.IneligibleShortStay: "来京居住不满6个月",
	flowcare.IneligibleCentralMove: "仅在中心城区六区之间流动", flowcare.IneligibleNotMoved: "户籍在现居住区",
	flowcare.IneligibleMovedAlone: "未随监护人或其他照料人流动", flowcare.IneligibleNotYetArrived: "来京日期晚于今天",
}

var riskNames = map[flowcare.Level]string{flowcare.LevelHigh: "高", flowcare.LevelMedium: "中", flowcare.LevelLow: "低"}

// Workbook is a finished report, written out when the caller is ready to
// send it; Close removes what it keeps on disk.
type Workbook interface {
	WriteTo(w io.Writer) (int64, error)
	Close() error
}

// reportPage is how many children the report takes at a time; with the
// streamed sheet, memory holds one batch whatever the area's size.
const reportPage = 1000

// MonitoringReport builds the half-yearly monitoring report of an area as
// XLSX, for upload to the national child-welfare information system. It
// holds identifiers, so it is for area staff only and the export is audited.
// Rows are streamed to a temporary file rather than held in memory, so the
// largest district's report costs the server one page of children.
func (s *Service) MonitoringReport(ctx context.Context, areaID string) (Workbook, string, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, "", err
	}
	path, err := s.scopePath(ctx, a, areaID)
	if err != nil {
		return nil, "", err
	}
	if !CanRegister(a, path) {
		return nil, "", flowcare.Errorf(flowcare.EFORBIDDEN, "只有负责该区域的工作人员可以导出监测摸排报表")
	}
	f := excelize.NewFile()
	done := false
	defer func() {
		if !done {
			f.Close()
		}
	}()
	const sheet = "监测摸排"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, "", flowcare.Internal(err)
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return nil, "", flowcare.Internal(err)
	}
	header := []any{"序号", "姓名", "性别", "出生日期", "年龄", "身份证号码", "户籍省", "户籍市", "户籍县", "现居住社区编码",
		"来京日期", "就读学校", "是否符合流动儿童认定", "不符合原因", "是否纳入关爱台账", "风险等级", "下次走访日期", "最近复核日期", "下次复核日期"}
	if err := sw.SetRow("A1", header); err != nil {
		return nil, "", flowcare.Internal(err)
	}
	today := s.Today()
	n := 0
	err = s.store.Children().EachChild(ctx, flowcare.ChildFilter{AreaPath: path, Status: flowcare.ChildActive}, today, reportPage, func(rcs []flowcare.ReportedChild) error {
		cs := make([]*flowcare.Child, len(rcs))
		for i, rc := range rcs {
			cs[i] = rc.Child
		}
		if err := s.withEligibility(ctx, cs); err != nil {
			return err
		}
		for _, rc := range rcs {
			c := rc.Child
			n++
			var reasons []string
			for _, r := range c.Eligibility.Reasons {
				reasons = append(reasons, reasonNames[r])
			}
			ledger, risk, due := "否", "", ""
			if e := rc.Ledger; e != nil {
				ledger, risk, due = "是", riskNames[e.Risk], e.NextVisitDue.Format("2006-01-02")
			}
			reviewed := ""
			if c.LastReviewedOn != nil {
				reviewed = c.LastReviewedOn.Format("2006-01-02")
			}
			gender := map[flowcare.Gender]string{flowcare.GenderFemale: "女", flowcare.GenderMale: "男"}[c.Gender]
			eligible := map[bool]string{true: "是", false: "否"}[c.Eligibility.Eligible]
			row := []any{n, safeCell(c.Name), gender, c.BirthDate.Format("2006-01-02"), flowcare.AgeOn(c.BirthDate, today),
				safeCell(c.IDNumber), safeCell(c.Hukou.Province), safeCell(c.Hukou.City), safeCell(c.Hukou.County), c.CommunityID,
				c.ArrivedOn.Format("2006-01-02"), safeCell(c.School), eligible, strings.Join(reasons, "；"), ledger, risk, due,
				reviewed, ReviewDueOn(c).Format("2006-01-02")}
			cellName, _ := excelize.CoordinatesToCellName(1, n+1)
			if err := sw.SetRow(cellName, row); err != nil {
				return flowcare.Internal(err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, "", err
	}
	if err := sw.Flush(); err != nil {
		return nil, "", flowcare.Internal(err)
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "child.report_exported", "area:"+path[strings.LastIndex(path, "/")+1:],
			map[string]any{"rows": n})
	})
	if err != nil {
		return nil, "", flowcare.Wrap(err, "audit report export")
	}
	name := fmt.Sprintf("monitoring-%s-%s.xlsx", path[strings.LastIndex(path, "/")+1:], today.Format("20060102"))
	done = true
	return workbook{f}, name, nil
}

type workbook struct{ f *excelize.File }

func (w workbook) WriteTo(out io.Writer) (int64, error) { return w.f.WriteTo(out) }
func (w workbook) Close() error                         { return w.f.Close() }

// Overview counts an area's children and open work by the areas one level
// below it: the city by district, a district by street, a street by community.
func (s *Service) Overview(ctx context.Context, areaID string) ([]flowcare.OverviewRow, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	path, err := s.scopePath(ctx, a, areaID)
	if err != nil {
		return nil, err
	}
	return s.store.Children().Overview(ctx, path, s.Today())
}

// ReviewWorkload counts overdue reviews, and those due within 30 days, per
// worker who registered the children, for an area in the actor's scope.
func (s *Service) ReviewWorkload(ctx context.Context, areaID string) ([]flowcare.WorkerReviews, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	path, err := s.scopePath(ctx, a, areaID)
	if err != nil {
		return nil, err
	}
	today := s.Today()
	return s.store.Children().ReviewWorkload(ctx, path, today, today.AddDate(0, 0, 30))
}
