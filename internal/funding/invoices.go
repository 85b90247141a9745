package funding

import (
	"context"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

// PendingDeliveries lists delivered sessions of authorised matches waiting
// for the actor's verification.
func (s *Service) PendingDeliveries(ctx context.Context) ([]*flowcare.PendingDelivery, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	paths := managed(a)
	if len(paths) == 0 {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有民政工作人员核实服务")
	}
	return s.store.Funding().PendingDeliveries(ctx, paths, 500)
}

// VerifyDelivery accepts a delivered session as billable under its
// authorisation, or returns it with a reason. Only verified deliveries can
// be invoiced.
func (s *Service) VerifyDelivery(ctx context.Context, sessionID string, accept bool, reason string) (*flowcare.Delivery, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if reason, err = flowcare.Text("reason", "退回原因", reason, !accept, 500); err != nil {
		return nil, err
	}
	var d *flowcare.Delivery
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		z, ss, err := tx.Funding().AuthorisationForSession(ctx, sessionID)
		if err != nil {
			return err
		}
		c, err := s.lockContract(ctx, tx, a, z.ContractID)
		if err != nil {
			return err
		}
		if c.Status != flowcare.ContractSigned && c.Status != flowcare.ContractActive {
			return flowcare.Errorf(flowcare.ECONFLICT, "合同已结项或终止，不能再核实服务")
		}
		if ss.Attendance != flowcare.AttendancePresent {
			return flowcare.Errorf(flowcare.ECONFLICT, "儿童未出席的服务不能计费")
		}
		m, err := tx.Matches().MatchByID(ctx, ss.MatchID)
		if err != nil {
			return err
		}
		d = &flowcare.Delivery{SessionID: ss.ID, AuthorisationID: z.ID, ContractID: c.ID, Minutes: ss.Minutes(), ChildID: m.ChildID,
			DeliveredAt: ss.StartsAt, VerifiedAt: s.now(), Title: ss.Title, Status: flowcare.DeliveryReturned}
		if accept {
			first := true
			if c.Unit == flowcare.UnitChildServed {
				served, err := tx.Funding().ChildServedBefore(ctx, c.ID, m.ChildID)
				if err != nil {
					return err
				}
				first = !served
			}
			d.Status = flowcare.DeliveryVerified
			d.Units, d.Amount = c.Worth(d.Minutes, first)
			if z.UsedUnits+d.Units > c.AuthorisedUnits(z) {
				return flowcare.Errorf(flowcare.ECONFLICT, "超出这条匹配的授权数量（已用 %d，共 %d）", z.UsedUnits, c.AuthorisedUnits(z))
			}
		} else {
			d.Reason = &reason
		}
		if err := tx.Funding().CreateDelivery(ctx, d, a.UserID); err != nil {
			return err
		}
		if c.Status == flowcare.ContractSigned {
			if err := tx.Funding().SetContractStatus(ctx, c.ID, flowcare.ContractActive, s.now()); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "funding.delivery_"+strings.ToLower(string(d.Status)), "contract:"+c.ID,
			map[string]any{"session": ss.ID, "amount": d.Amount})
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// Deliveries lists a contract's verified and returned deliveries.
func (s *Service) Deliveries(ctx context.Context, c *flowcare.Contract) ([]*flowcare.Delivery, error) {
	return s.store.Funding().Deliveries(ctx, c.ID, "", false)
}

// SubmitInvoice claims a contract's verified, not yet invoiced deliveries
// of a period. It can never claim more than those deliveries are worth or
// than the contract has left.
func (s *Service) SubmitInvoice(ctx context.Context, contractID string, from, to time.Time) (*flowcare.Invoice, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return nil, flowcare.Invalid("periodTo", "请填写开票期间，结束日期不早于开始日期")
	}
	if err := flowcare.SaneTime("periodFrom", "开票期间开始日期", from, s.today()); err != nil {
		return nil, err
	}
	if err := flowcare.SaneTime("periodTo", "开票期间结束日期", to, s.today()); err != nil {
		return nil, err
	}
	var inv *flowcare.Invoice
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		c, err := tx.Funding().Contract(ctx, contractID, true)
		if err != nil {
			return err
		}
		if !slices.Contains(orgsOf(a), c.OrganisationID) {
			sc, _ := scopeOf(a)
			if sc.sees(c.FunderPath, c.OrganisationID) {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "只有承接机构可以开具发票")
			}
			return flowcare.Errorf(flowcare.ENOTFOUND, "合同不存在")
		}
		if c.Status == flowcare.ContractDraft {
			return flowcare.Errorf(flowcare.ECONFLICT, "合同尚未签订")
		}
		ds, err := tx.Funding().Deliveries(ctx, c.ID, flowcare.DeliveryVerified, true)
		if err != nil {
			return err
		}
		var ids []string
		var amount flowcare.Fen
		end := to.AddDate(0, 0, 1)
		for _, d := range ds {
			day := d.DeliveredAt.In(flowcare.Beijing)
			day = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
			if !day.Before(from) && day.Before(end) && d.Amount > 0 {
				ids = append(ids, d.ID)
				amount += d.Amount
			}
		}
		if len(ids) == 0 {
			return flowcare.Errorf(flowcare.ECONFLICT, "这个期间没有已核实、尚未开票的服务")
		}
		invoiced, err := tx.Funding().Invoiced(ctx, c.ID)
		if err != nil {
			return err
		}
		if invoiced+amount > c.Value() {
			return flowcare.Errorf(flowcare.ECONFLICT, "发票金额 %s 元超过合同剩余金额 %s 元", Yuan(amount), Yuan(c.Value()-invoiced))
		}
		inv = &flowcare.Invoice{ContractID: c.ID, PeriodFrom: from, PeriodTo: to, Amount: amount, Status: flowcare.InvoiceSubmitted,
			FunderPath: c.FunderPath, OrganisationID: c.OrganisationID}
		if err := tx.Funding().CreateInvoice(ctx, inv, ids, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.invoice_submitted", "invoice:"+inv.ID, map[string]any{"amount": amount, "deliveries": len(ids)})
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

// InvoiceDecision is what civil-affairs staff decide on an invoice.
type InvoiceDecision string

const (
	DecisionAccept  InvoiceDecision = "ACCEPT"
	DecisionReject  InvoiceDecision = "REJECT"
	DecisionDispute InvoiceDecision = "DISPUTE"
)

// DecideInvoice accepts, rejects or disputes a submitted invoice; a
// disputed one is later accepted or rejected. Accepting moves its amount
// from committed to payable; rejecting frees its deliveries.
func (s *Service) DecideInvoice(ctx context.Context, id string, decision InvoiceDecision, reason string) (*flowcare.Invoice, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	to := map[InvoiceDecision]flowcare.InvoiceStatus{DecisionAccept: flowcare.InvoiceAccepted, DecisionReject: flowcare.InvoiceRejected,
		DecisionDispute: flowcare.InvoiceDisputed}[decision]
	if to == "" {
		return nil, flowcare.Invalid("decision", "请选择接受、退回或提出异议")
	}
	if reason, err = flowcare.Text("reason", "原因", reason, decision != DecisionAccept, 500); err != nil {
		return nil, err
	}
	var inv *flowcare.Invoice
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if inv, err = tx.Funding().Invoice(ctx, id, true); err != nil {
			return err
		}
		if !a.HasRoleOver(inv.FunderPath, flowcare.RoleCivilAffairs) {
			sc, _ := scopeOf(a)
			if sc.sees(inv.FunderPath, inv.OrganisationID) {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "只有出资方的民政工作人员可以审核发票")
			}
			return flowcare.Errorf(flowcare.ENOTFOUND, "发票不存在")
		}
		ok := inv.Status == flowcare.InvoiceSubmitted || (inv.Status == flowcare.InvoiceDisputed && to != flowcare.InvoiceDisputed)
		if !ok {
			return flowcare.Errorf(flowcare.ECONFLICT, "发票当前状态不能这样处理")
		}
		var r *string
		if reason != "" {
			r = &reason
		}
		if err := tx.Funding().SetInvoiceStatus(ctx, inv.ID, to, r, s.now()); err != nil {
			return err
		}
		inv.Status = to
		switch to {
		case flowcare.InvoiceAccepted:
			t := &flowcare.LedgerTxn{Kind: "INVOICE_ACCEPTED", Ref: "invoice:" + inv.ID, At: s.now(), Postings: []flowcare.Posting{{
				From: flowcare.Account(flowcare.AccountCommitted, inv.ContractID), To: flowcare.Account(flowcare.AccountPayable, inv.ContractID),
				Amount: inv.Amount}}}
			if err := tx.Funding().Post(ctx, t, a.UserID); err != nil {
				return err
			}
		case flowcare.InvoiceRejected:
			if err := tx.Funding().ReleaseInvoiceDeliveries(ctx, inv.ID); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, "funding.invoice_"+strings.ToLower(string(to)), "invoice:"+inv.ID, map[string]any{"reason": reason})
	})
	if err != nil {
		return nil, err
	}
	return inv, nil
}

// PaymentInput records money paid against an accepted invoice.
type PaymentInput struct {
	InvoiceID      string
	Amount         flowcare.Fen
	IdempotencyKey string
	Reference      string
	PaidOn         time.Time
}

// RecordPayment pays against an accepted invoice. The idempotency key makes
// a replay, even a concurrent one, return the first payment and change
// nothing; the same key for a different payment is refused.
func (s *Service) RecordPayment(ctx context.Context, in PaymentInput) (*flowcare.Payment, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	key := strings.TrimSpace(in.IdempotencyKey)
	if key == "" || utf8.RuneCountInString(key) > 100 {
		return nil, flowcare.Invalid("idempotencyKey", "请提供 1 到 100 个字符的幂等键")
	}
	if err := positive("amount", "付款金额", in.Amount); err != nil {
		return nil, err
	}
	ref, err := flowcare.Text("reference", "付款凭证号", in.Reference, false, 100)
	if err != nil {
		return nil, err
	}
	if in.PaidOn.IsZero() || in.PaidOn.After(s.today()) {
		return nil, flowcare.Invalid("paidOn", "请填写付款日期，不能晚于今天")
	}
	if err := flowcare.SaneTime("paidOn", "付款日期", in.PaidOn, s.today()); err != nil {
		return nil, err
	}
	var p *flowcare.Payment
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		inv, err := tx.Funding().Invoice(ctx, in.InvoiceID, true)
		if err != nil {
			return err
		}
		if !a.HasRoleOver(inv.FunderPath, flowcare.RoleCivilAffairs) {
			sc, _ := scopeOf(a)
			if sc.sees(inv.FunderPath, inv.OrganisationID) {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "只有出资方的民政工作人员可以登记付款")
			}
			return flowcare.Errorf(flowcare.ENOTFOUND, "发票不存在")
		}
		// The invoice's row lock orders concurrent payments, so a replay
		// waiting here sees the first one's payment.
		prior, err := tx.Funding().PaymentByKey(ctx, key)
		if err != nil {
			return err
		}
		if prior != nil {
			if prior.InvoiceID != inv.ID || prior.Amount != in.Amount {
				return flowcare.Errorf(flowcare.ECONFLICT, "这个幂等键已用于另一笔付款")
			}
			p = prior
			return nil
		}
		if inv.Status != flowcare.InvoiceAccepted {
			return flowcare.Errorf(flowcare.ECONFLICT, "只能为已接受、未付清的发票付款")
		}
		if left := inv.Amount - inv.Paid; in.Amount > left {
			return flowcare.Errorf(flowcare.ECONFLICT, "付款 %s 元超过发票未付金额 %s 元", Yuan(in.Amount), Yuan(left))
		}
		p = &flowcare.Payment{InvoiceID: inv.ID, Amount: in.Amount, IdempotencyKey: key, Reference: ref, PaidOn: in.PaidOn}
		if err := tx.Funding().CreatePayment(ctx, p, a.UserID); err != nil {
			return err
		}
		t := &flowcare.LedgerTxn{Kind: "PAYMENT", Ref: "payment:" + p.ID, At: s.now(), Postings: []flowcare.Posting{{
			From: flowcare.Account(flowcare.AccountPayable, inv.ContractID), To: flowcare.Account(flowcare.AccountPaid, inv.ContractID),
			Amount: in.Amount}}}
		if err := tx.Funding().Post(ctx, t, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "funding.payment_recorded", "invoice:"+inv.ID, map[string]any{"amount": in.Amount, "key": key})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// InvoiceList is one page of invoices.
type InvoiceList struct {
	Invoices []*flowcare.Invoice
	Total    int
	HasNext  bool
}

// Invoices lists the invoices the actor may see, newest first.
func (s *Service) Invoices(ctx context.Context, contractID string, statuses []flowcare.InvoiceStatus, p flowcare.Page) (*InvoiceList, error) {
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
	if err := s.auditRead(ctx, a, "invoices", "funding"); err != nil {
		return nil, err
	}
	is, total, err := s.store.Funding().Invoices(ctx, flowcare.InvoiceFilter{Any: sc.any, FunderPaths: sc.funders, OrganisationIDs: sc.orgs,
		ContractID: contractID, Statuses: statuses, Page: &p})
	if err != nil {
		return nil, err
	}
	l := &InvoiceList{Invoices: is, Total: total}
	if len(is) > p.Limit() {
		l.Invoices, l.HasNext = is[:p.Limit()], true
	}
	return l, nil
}
