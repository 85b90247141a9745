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
	if err := seedDelivery(ctx, a, c, orgIDs["social"], now); err != nil {
		return fmt.Errorf("demo deliveries: %w", err)
	}
	fmt.Fprintln(out, "seed: demo budget line of 500,000.00 yuan, a signed contract of 60,000.00 yuan, three verified sessions, an invoice partly paid")
	return nil
}

// seedDelivery serves a one-to-one need of 演示儿童甲 under the demo contract:
// three sessions, verified; the first two invoiced, accepted and half paid,
// so the report has something to show.
func seedDelivery(ctx context.Context, a *app, c *flowcare.Contract, org string, now time.Time) error {
	var childID, serviceID string
	if err := a.db.SQL().QueryRowContext(ctx, `SELECT child_id FROM needs WHERE description LIKE '希望周末有人陪伴阅读%'`).Scan(&childID); err != nil {
		return err
	}
	if err := a.db.SQL().QueryRowContext(ctx, `SELECT id FROM services WHERE name = '书信伙伴计划'`).Scan(&serviceID); err != nil {
		return err
	}
	director, err := a.access.ActorFor(ctx, "demo.director")
	if err != nil {
		return err
	}
	n := &flowcare.Need{ChildID: childID, Category: flowcare.CatOneToOneSupport, Description: "希望有固定的大朋友一对一陪伴（演示）",
		Urgency: flowcare.LevelMedium, Place: flowcare.PlaceAny, Status: flowcare.NeedInService}
	m := &flowcare.Match{ChildID: childID, Category: n.Category, Entity: flowcare.EntityService, OfferID: serviceID,
		OfferTitle: "书信伙伴计划", ProviderOrgID: &org, Status: flowcare.MatchAccepted, Note: "演示数据"}
	var sessions []string
	err = a.db.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Care().CreateNeed(ctx, n, director.UserID); err != nil {
			return err
		}
		m.NeedID = n.ID
		if err := tx.Matches().CreateMatch(ctx, m, director.UserID); err != nil {
			return err
		}
		if err := tx.Matches().MoveMatch(ctx, m, flowcare.MatchInProgress, nil, "已登记第一次服务", "", now); err != nil {
			return err
		}
		for i := range 3 {
			day := now.In(flowcare.Beijing).AddDate(0, 0, -7*(3-i)-1)
			start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, flowcare.Beijing)
			ss := &flowcare.ServiceSession{MatchID: m.ID, StartsAt: start, EndsAt: start.Add(90 * time.Minute),
				Attendance: flowcare.AttendancePresent, Note: "一对一陪伴与书信交流（演示）", Hours: flowcare.HoursNone}
			if err := tx.Matches().CreateSession(ctx, ss, ""); err != nil {
				return err
			}
			sessions = append(sessions, ss.ID)
		}
		return nil
	})
	if err != nil {
		return err
	}
	today := time.Date(now.In(flowcare.Beijing).Year(), now.In(flowcare.Beijing).Month(), now.In(flowcare.Beijing).Day(), 0, 0, 0, 0, time.UTC)
	if _, err := a.funding.Authorise(ctx, funding.AuthorisationInput{ContractID: c.ID, MatchID: m.ID, Units: 20,
		StartsOn: c.StartsOn, EndsOn: c.EndsOn}); err != nil {
		return err
	}
	for _, id := range sessions {
		if _, err := a.funding.VerifyDelivery(ctx, id, true, ""); err != nil {
			return err
		}
	}
	staff, err := a.access.ActorFor(ctx, "demo.orgadmin")
	if err != nil {
		return err
	}
	last := now.In(flowcare.Beijing).AddDate(0, 0, -9)
	inv, err := a.funding.SubmitInvoice(flowcare.WithActor(ctx, staff), c.ID, c.StartsOn,
		time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, time.UTC))
	if err != nil {
		return err
	}
	if _, err := a.funding.DecideInvoice(ctx, inv.ID, funding.DecisionAccept, ""); err != nil {
		return err
	}
	_, err = a.funding.RecordPayment(ctx, funding.PaymentInput{InvoiceID: inv.ID, Amount: inv.Amount / 2,
		IdempotencyKey: "demo-payment-1", Reference: "演示付款凭证 0001", PaidOn: today})
	return err
}
