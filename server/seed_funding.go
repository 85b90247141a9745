package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/funding"
)

// seedFunding gives 朝阳区 a fictional budget line for this year and a signed
// contract with the demo social organisation, paid by the service hour.
func seedFunding(ctx context.Context, a *app, orgIDs map[string]string, now time.Time, out io.Writer) error {
	var n int
	if err := a.db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM budget_lines`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		fmt.Fprintln(out, "seed: demo funding already present")
		return nil
	}
	actor, err := a.access.ActorFor(ctx, "demo.civil.chaoyang")
	if err != nil {
		return err
	}
	ctx = flowcare.WithActor(ctx, actor)
	y, m, d := now.In(flowcare.Beijing).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	line, err := a.funding.CreateBudgetLine(ctx, funding.BudgetLineInput{Name: fmt.Sprintf("%d年朝阳区流动儿童关爱服务购买（演示）", y),
		FunderID: "110105", FiscalYear: y, Source: flowcare.SourceDistrict, Amount: 50_000_000,
		Purpose: []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatLetterCompanionship, flowcare.CatPsychologicalCounsel,
			flowcare.CatCityIntegration, flowcare.CatOneToOneSupport}})
	if err != nil {
		return fmt.Errorf("demo budget line: %w", err)
	}
	c, err := a.funding.CreateContract(ctx, funding.ContractInput{BudgetLineID: line.ID, OrganisationID: orgIDs["social"],
		Title: "周末阅读陪伴购买服务（演示）", Categories: []flowcare.Category{flowcare.CatReadingGuidance, flowcare.CatOneToOneSupport},
		Unit: flowcare.UnitServiceHour, UnitPrice: 20_000, Quantity: 300, StartsOn: today.AddDate(0, -1, 0), EndsOn: today.AddDate(0, 5, 0),
		AreaIDs: []string{"110105"}, Targets: "为建外街道 30 名流动儿童提供每周一次的阅读陪伴，全年 300 服务小时（演示）"})
	if err != nil {
		return fmt.Errorf("demo contract: %w", err)
	}
	if _, err := a.funding.SignContract(ctx, c.ID); err != nil {
		return fmt.Errorf("demo contract: %w", err)
	}
	fmt.Fprintln(out, "seed: demo budget line of 500,000.00 yuan and a signed contract of 60,000.00 yuan")
	return nil
}
