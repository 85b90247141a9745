package funding_test

import (
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/internal/funding"
)

// TestYearsAndDatesOutsideAnyBudgetAreInvalid: a year beyond PostgreSQL's
// integer failed as INTERNAL; a contract or an invoice period running to
// 9999, or a payment dated 1899, was taken.
func TestYearsAndDatesOutsideAnyBudgetAreInvalid(t *testing.T) {
	f := setup(t)
	civil := as(f.civil)
	for _, y := range []int{2147483648, -1, 1999, 2101} {
		if _, err := f.svc.BudgetLines(civil, y); flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "year" {
			t.Errorf("budget lines of %d: %v, want INVALID about year", y, err)
		}
		if _, err := f.svc.FundingReport(civil, y); flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "year" {
			t.Errorf("funding report of %d: %v, want INVALID about year", y, err)
		}
	}
	if _, err := f.svc.BudgetLines(civil, 0); err != nil {
		t.Errorf("budget lines of every year: %v", err)
	}
	if _, err := f.svc.FundingReport(civil, f.today.Year()); err != nil {
		t.Errorf("this year's report: %v", err)
	}

	far := time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)
	in := funding.ContractInput{BudgetLineID: f.line().ID, OrganisationID: f.orgs[0], Title: "阅读陪伴",
		Categories: []flowcare.Category{flowcare.CatReadingGuidance}, Unit: flowcare.UnitSession, UnitPrice: 100, Quantity: 10,
		StartsOn: f.today, EndsOn: far}
	if _, err := f.svc.CreateContract(civil, in); flowcare.ErrorCode(err) != flowcare.EINVALID || flowcare.ErrorField(err) != "endsOn" {
		t.Errorf("a contract to 9999: %v, want INVALID about endsOn", err)
	}
	c, _ := f.delivered(true)
	if _, err := f.svc.SubmitInvoice(as(f.staff[c.OrganisationID]), c.ID, f.today.AddDate(0, 0, -30), far); flowcare.ErrorField(err) != "periodTo" {
		t.Errorf("an invoice period to 9999: %v, want INVALID about periodTo", err)
	}
	inv := f.invoice(true)
	pay := funding.PaymentInput{InvoiceID: inv.ID, Amount: 1, IdempotencyKey: "dated-1899", PaidOn: time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC)}
	if _, err := f.svc.RecordPayment(civil, pay); flowcare.ErrorField(err) != "paidOn" {
		t.Errorf("a payment dated 1899: %v, want INVALID about paidOn", err)
	}
}
