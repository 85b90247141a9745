package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"flowcare/internal/flowcare"
)

// fictionalID makes a well-formed ID number for demo data: a real county
// code and birth date, with a sequence number in the 9xx range.
func fictionalID(county string, birth time.Time, seq int) string {
	first17 := fmt.Sprintf("%s%s%03d", county, birth.Format("20060102"), seq)
	return first17 + string(flowcare.IDCheckChar(first17))
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seedChildren registers a few plainly fictional children once.
func seedChildren(ctx context.Context, a *app, now time.Time, out io.Writer) error {
	existing, _, err := a.db.Children().ListChildren(ctx, flowcare.ChildFilter{}, now, flowcare.Page{First: 1})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		fmt.Fprintln(out, "seed: demo children already present")
		return nil
	}
	ago := func(years, months int) time.Time {
		t := now.AddDate(-years, -months, 0)
		return day(t.Year(), t.Month(), t.Day())
	}
	kids := []flowcare.Child{
		{Name: "演示儿童甲", Gender: flowcare.GenderFemale, BirthDate: ago(8, 3), Hukou: flowcare.HukouOrigin{Province: "河南省", City: "周口市", County: "项城市"},
			MovedWith: flowcare.MovedWithBothGuardians, CommunityID: "110105001001", ArrivedOn: ago(2, 0), School: "示例小学（演示）", Languages: []string{"普通话", "河南话"},
			Guardians: []flowcare.Guardian{{Name: "演示家长甲", Relation: "母亲", Phone: "13800000001", Primary: true}}},
		{Name: "演示儿童乙", Gender: flowcare.GenderMale, BirthDate: ago(11, 7), Hukou: flowcare.HukouOrigin{Province: "四川省", City: "成都市", County: "金牛区"},
			MovedWith: flowcare.MovedWithOneGuardian, CommunityID: "110105001001", ArrivedOn: ago(0, 2), NoIDReason: "户籍地尚未办理身份证（演示）",
			Languages: []string{"四川话"}, Guardians: []flowcare.Guardian{{Name: "演示家长乙", Relation: "父亲", Phone: "13800000002", Primary: true}}},
		{Name: "演示儿童丙", Gender: flowcare.GenderMale, BirthDate: ago(9, 1), Hukou: flowcare.HukouOrigin{Province: "北京市", City: "北京市", County: "海淀区"},
			MovedWith: flowcare.MovedWithBothGuardians, CommunityID: "110105001002", ArrivedOn: ago(3, 0), Languages: []string{"普通话"},
			Guardians: []flowcare.Guardian{{Name: "演示家长丙", Relation: "母亲", Phone: "13800000003", Primary: true}}},
		{Name: "演示儿童丁", Gender: flowcare.GenderFemale, BirthDate: ago(15, 10), Hukou: flowcare.HukouOrigin{Province: "湖北省", City: "黄冈市", County: "麻城市"},
			MovedWith: flowcare.MovedWithOtherCarer, CommunityID: "110105001002", ArrivedOn: ago(4, 0), Disability: "听力残疾（演示）",
			Guardians: []flowcare.Guardian{{Name: "演示祖母丁", Relation: "祖母", Phone: "010-60000004", Primary: true}}},
	}
	ids := map[string]string{"演示儿童甲": "411681", "演示儿童丙": "110108", "演示儿童丁": "421181"}
	err = a.db.InTx(ctx, func(tx flowcare.Tx) error {
		for i := range kids {
			c := &kids[i]
			c.Status = flowcare.ChildActive
			if county, ok := ids[c.Name]; ok {
				c.IDNumber = fictionalID(county, c.BirthDate, 900+i)
			}
			if err := tx.Children().CreateChild(ctx, c); err != nil {
				return fmt.Errorf("child %d: %w", i, err)
			}
		}
		return seedCare(ctx, tx, kids, now)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "seed: %d demo children\n", len(kids))
	return nil
}

// seedCare puts a demo child with a disability on the key-care ledger with a
// visit overdue, and gives another a need and a visit waiting for review.
func seedCare(ctx context.Context, tx flowcare.Tx, kids []flowcare.Child, now time.Time) error {
	director, err := tx.Users().UserByUsername(ctx, "demo.director")
	if err != nil {
		return err
	}
	today := day(now.Year(), now.Month(), now.Day())
	ding, jia := kids[3], kids[0]
	e := &flowcare.LedgerEntry{ChildID: ding.ID, Reasons: []flowcare.LedgerReason{flowcare.ReasonDisability, flowcare.ReasonFamilyHardship},
		Risk: flowcare.LevelHigh, EnteredOn: today.AddDate(0, -2, 0), NextVisitDue: today.AddDate(0, 0, -3)}
	if err := tx.Care().SaveLedgerEntry(ctx, e); err != nil {
		return err
	}
	if err := tx.Care().AddLedgerEvent(ctx, ding.ID, "ENTERED", map[string]any{"risk": e.Risk, "reasons": e.Reasons}, now, director.ID); err != nil {
		return err
	}
	e2 := &flowcare.LedgerEntry{ChildID: jia.ID, Reasons: []flowcare.LedgerReason{flowcare.ReasonPsychological},
		Risk: flowcare.LevelMedium, EnteredOn: today.AddDate(0, 0, -20), NextVisitDue: today.AddDate(0, 2, 0)}
	if err := tx.Care().SaveLedgerEntry(ctx, e2); err != nil {
		return err
	}
	if err := tx.Care().AddLedgerEvent(ctx, jia.ID, "ENTERED", map[string]any{"risk": e2.Risk, "reasons": e2.Reasons}, now, director.ID); err != nil {
		return err
	}
	v := &flowcare.Visit{ChildID: jia.ID, VisitedOn: today.AddDate(0, 0, -1), VisitorID: director.ID, Form: flowcare.VisitHome,
		Findings: "孩子性格内向，希望有人陪伴阅读（演示）", FollowUp: "联系社工机构的周末阅读陪伴小组（演示）", Status: flowcare.VisitPending}
	if err := tx.Care().CreateVisit(ctx, v); err != nil {
		return err
	}
	n := &flowcare.Need{ChildID: jia.ID, Category: flowcare.CatReadingGuidance, Description: "希望周末有人陪伴阅读（演示）", Urgency: flowcare.LevelMedium,
		Windows: []flowcare.TimeWindow{{Day: 6, Start: 9 * 60, End: 12 * 60}}, Language: "普通话", Place: flowcare.PlaceNearHome, Status: flowcare.NeedOpen}
	if err := tx.Care().CreateNeed(ctx, n, director.ID); err != nil {
		return err
	}
	// 甲's guardian agreed in writing to services and to providers seeing the
	// minimal profile; the other demo children have no consent on record, so
	// the refusal can be seen too.
	for _, p := range []flowcare.ConsentPurpose{flowcare.ConsentServices, flowcare.ConsentShare} {
		c := &flowcare.Consent{ChildID: jia.ID, Purpose: p, Granted: true, Method: flowcare.ConsentWritten, GivenOn: today.AddDate(0, 0, -20)}
		if len(jia.Guardians) > 0 && jia.Guardians[0].ID != "" {
			c.GuardianID = &jia.Guardians[0].ID
		}
		if err := tx.Children().CreateConsent(ctx, c, director.ID); err != nil {
			return err
		}
	}
	return nil
}
