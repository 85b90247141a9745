package main

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"flowcare/internal/flowcare"
)

type genLine struct {
	name    string
	funder  string
	actor   int32
	year    int
	source  flowcare.FundingSource
	amount  flowcare.Fen
	purpose []flowcare.Category
	created time.Time
}

type genContract struct {
	flowcare.Contract
	line    int32
	org     int32
	created time.Time
	signed  time.Time
	closed  time.Time
	actor   int32
}

type genAuth struct {
	contract int32
	match    int32
	units    int64
	created  time.Time
}

type genDelivery struct {
	session  string
	auth     int32
	contract int32
	status   flowcare.DeliveryStatus
	units    int64
	amount   flowcare.Fen
	minutes  int
	child    int32
	at       time.Time
	invoice  int32
	verified time.Time
}

type genInvoice struct {
	contract  int32
	from, to  time.Time
	amount    flowcare.Fen
	paid      flowcare.Fen
	status    flowcare.InvoiceStatus
	reason    string
	submitted time.Time
	decided   time.Time
}

type genPayment struct {
	invoice int32
	amount  flowcare.Fen
	paidOn  time.Time
	at      time.Time
}

type genTxn struct {
	kind, ref string
	at        time.Time
	actor     string
	from, to  string
	amount    flowcare.Fen
}

type genFunding struct {
	lines      []genLine
	contracts  []genContract
	auths      []genAuth
	deliveries []genDelivery
	invoices   []genInvoice
	payments   []genPayment
	txns       []genTxn
}

// planFunding buys services from the organisations whose services children
// used, last year and this: district and city budget lines, contracts
// signed against them, units authorised for matches, verified deliveries,
// monthly invoices and payments, and the ledger transactions that move the
// money, by the rules the funding use cases follow.
func (p *cityPlan) planFunding() {
	r := p.rng(11)
	f := &genFunding{}
	p.funding = f
	year := p.today.Year()
	limit := p.now.Add(-time.Minute)
	jan := func(y, d int) time.Time { return time.Date(y, 1, d, 0, 0, 0, 0, time.UTC) }
	// Service matches that delivered, by organisation.
	byOrg := map[int32][]int32{}
	for i, m := range p.matches {
		if m.entity == flowcare.EntityService && len(m.sessions) > 0 &&
			(m.status == flowcare.MatchInProgress || m.status == flowcare.MatchCompleted) {
			byOrg[m.providerOrg] = append(byOrg[m.providerOrg], int32(i))
		}
	}
	orgs := make([]int32, 0, len(byOrg))
	for o := range byOrg {
		orgs = append(orgs, o)
	}
	sort.Slice(orgs, func(i, j int) bool { return orgs[i] < orgs[j] })
	// One line per district and year, and a city line per year.
	lineOf := map[[2]int]int32{}
	for _, y := range []int{year - 1, year} {
		created := minTime(beijingAt(jan(y, 6), 10*60), limit.Add(-48*time.Hour))
		source := flowcare.SourceCity
		if y < year {
			source = flowcare.SourceCentralTransfer
		}
		lineOf[[2]int{y, -1}] = int32(len(f.lines))
		f.lines = append(f.lines, genLine{name: fmt.Sprintf("%d年北京市流动儿童关爱服务购买%s", y, genMark), funder: flowcare.CityAreaID,
			actor: p.cityCivil, year: y, source: source, created: created})
		for d, dist := range p.geo.districts {
			lineOf[[2]int{y, d}] = int32(len(f.lines))
			f.lines = append(f.lines, genLine{name: fmt.Sprintf("%d年%s流动儿童关爱服务购买%s", y, dist.name, genMark), funder: dist.id,
				actor: p.civil[d], year: y, source: flowcare.SourceDistrict, created: created})
		}
	}
	units := []flowcare.ContractUnit{flowcare.UnitServiceHour, flowcare.UnitServiceHour, flowcare.UnitServiceHour, flowcare.UnitSession,
		flowcare.UnitSession, flowcare.UnitChildServed}
	for _, y := range []int{year - 1, year} {
		from, to := jan(y, 1), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
		// Somewhat under half the organisations that served children are
		// funded in a year, and a few however small the set.
		funded := append([]int32(nil), orgs...)
		r.Shuffle(len(funded), func(i, j int) { funded[i], funded[j] = funded[j], funded[i] })
		funded = funded[:min(len(funded), max(3, len(funded)*45/100))]
		sort.Slice(funded, func(i, j int) bool { return funded[i] < funded[j] })
		for _, oi := range funded {
			o := &p.orgs[oi]
			// The categories it delivered most in the year.
			count := map[flowcare.Category]int{}
			var ms []int32
			for _, mi := range byOrg[oi] {
				m := &p.matches[mi]
				s := m.sessions[0].start
				if !day0(s).Before(from) && !day0(s).After(to) {
					count[p.needs[m.need].cat]++
					ms = append(ms, mi)
				}
			}
			if len(ms) == 0 {
				continue
			}
			var cats []flowcare.Category
			for _, c := range flowcare.Categories {
				if count[c] > 0 {
					cats = append(cats, c)
				}
			}
			sort.SliceStable(cats, func(i, j int) bool { return count[cats[i]] > count[cats[j]] })
			cats = cats[:min(len(cats), 1+r.IntN(3))]
			line := lineOf[[2]int{y, int(o.district)}]
			if r.IntN(4) == 0 {
				line = lineOf[[2]int{y, -1}]
			}
			l := &f.lines[line]
			c := genContract{line: line, org: oi, actor: l.actor}
			c.Unit = oneOf(r, units)
			switch c.Unit {
			case flowcare.UnitServiceHour:
				c.UnitPrice = flowcare.Fen(12000 + 1000*r.IntN(19))
			case flowcare.UnitSession:
				c.UnitPrice = flowcare.Fen(15000 + 2500*r.IntN(15))
			default:
				c.UnitPrice = flowcare.Fen(150000 + 10000*r.IntN(26))
			}
			c.Categories, c.StartsOn, c.EndsOn = cats, from, to
			c.AreaIDs = []string{p.geo.districts[o.district].id}
			short := strings.TrimSuffix(o.name, genMark)
			c.Title = fmt.Sprintf("%d年%s%s购买服务%s", y, categoryLabels[cats[0]], short, genMark)
			c.Targets = fmt.Sprintf("为%s的流动儿童提供%s服务%s", p.geo.districts[o.district].name, categoryLabels[cats[0]], genMark)
			c.created = minTime(l.created.Add(time.Duration(24+r.IntN(240))*time.Hour), limit.Add(-24*time.Hour))
			c.signed = minTime(c.created.Add(time.Duration(2+r.IntN(96))*time.Hour), limit.Add(-12*time.Hour))
			c.Status = flowcare.ContractActive
			if y == year {
				switch x := r.IntN(100); {
				case x < 5:
					c.Status = flowcare.ContractDraft
				case x < 12 && p.today.Before(to.AddDate(0, 0, -70)):
					// Signed now for a term that starts later in the year.
					c.StartsOn = p.today.AddDate(0, 0, 10+r.IntN(50))
					c.Status = flowcare.ContractSigned
				}
				if c.Status != flowcare.ContractActive {
					ms = nil
				}
			}
			ci := int32(len(f.contracts))
			// Units are authorised for most of the matches it delivered.
			var authorised int64
			for _, mi := range ms {
				if r.IntN(10) >= 7 || !containsCat(cats, p.needs[p.matches[mi].need].cat) {
					continue
				}
				m := &p.matches[mi]
				var minutes, sessions int
				for _, s := range m.sessions {
					if d := day0(s.start); !d.Before(from) && !d.After(to) {
						minutes += s.minutes
						sessions++
					}
				}
				z := genAuth{contract: ci, match: mi}
				switch c.Unit {
				case flowcare.UnitServiceHour:
					z.units = int64(minutes+59)/60 + 1
				case flowcare.UnitSession:
					z.units = int64(sessions) + 1
				default:
					z.units = 1
				}
				accepted := m.history[0].at
				for _, h := range m.history {
					if h.to == flowcare.MatchAccepted {
						accepted = h.at
					}
				}
				z.created = minTime(maxTime(c.signed, accepted).Add(time.Duration(1+r.IntN(48))*time.Hour), limit)
				authorised += z.units
				f.auths = append(f.auths, z)
			}
			c.Quantity = max(10, int64(math.Ceil(float64(authorised)*(1.2+0.6*r.Float64()))))
			f.contracts = append(f.contracts, c)
		}
	}
	p.planDeliveries(r)
	// Each line holds what was signed against it, and a margin.
	for i := range f.lines {
		var committed flowcare.Fen
		cats := map[flowcare.Category]bool{}
		for _, c := range f.contracts {
			if c.line == int32(i) {
				committed += c.Value()
				for _, x := range c.Categories {
					cats[x] = true
				}
			}
		}
		for _, x := range r.Perm(len(flowcare.Categories))[:3] {
			cats[flowcare.Categories[x]] = true
		}
		for _, c := range flowcare.Categories {
			if cats[c] {
				f.lines[i].purpose = append(f.lines[i].purpose, c)
			}
		}
		const step = 1_000_000 // 10,000 yuan
		amount := flowcare.Fen(float64(committed)*(1.15+0.35*r.Float64())) + flowcare.Fen(50*step)
		f.lines[i].amount = (amount + step - 1) / step * step
	}
	p.postLedger()
}

// planDeliveries verifies the sessions of authorised matches, invoices them
// month by month, pays invoices and closes last year's contracts.
func (p *cityPlan) planDeliveries(r *rand.Rand) {
	f := p.funding
	limit := p.now.Add(-time.Minute)
	served := map[[2]int32]bool{} // contract, child: a child is paid for once
	perContract := make([][]int32, len(f.contracts))
	for ai, z := range f.auths {
		c := &f.contracts[z.contract]
		m := &p.matches[z.match]
		child := p.needs[m.need].child
		for k, s := range m.sessions {
			d := day0(s.start)
			if d.Before(c.StartsOn) || d.After(c.EndsOn) || s.attendance != flowcare.AttendancePresent {
				continue
			}
			end := s.start.Add(time.Duration(s.minutes) * time.Minute)
			verified := maxTime(end.Add(time.Duration(48+r.IntN(168))*time.Hour), z.created.Add(time.Hour))
			if verified.After(limit) {
				continue // waiting for verification
			}
			dl := genDelivery{session: genID(kindSession, int(z.match)*16+k), auth: int32(ai), contract: z.contract,
				status: flowcare.DeliveryVerified, minutes: s.minutes, child: child, at: s.start, invoice: -1, verified: verified}
			if r.IntN(100) < 4 {
				dl.status = flowcare.DeliveryReturned
			} else {
				first := !served[[2]int32{z.contract, child}]
				served[[2]int32{z.contract, child}] = true
				dl.units, dl.amount = c.Worth(s.minutes, first)
			}
			perContract[z.contract] = append(perContract[z.contract], int32(len(f.deliveries)))
			f.deliveries = append(f.deliveries, dl)
		}
	}
	for ci := range f.contracts {
		c := &f.contracts[ci]
		// Monthly invoices, submitted some days after the month.
		months := map[time.Time][]int32{}
		for _, di := range perContract[ci] {
			d := &f.deliveries[di]
			if d.status == flowcare.DeliveryVerified && d.amount > 0 {
				m := day0(d.at)
				m = time.Date(m.Year(), m.Month(), 1, 0, 0, 0, 0, time.UTC)
				months[m] = append(months[m], di)
			}
		}
		var keys []time.Time
		for m := range months {
			keys = append(keys, m)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].Before(keys[j]) })
		lastDecided := time.Time{}
		open := false
		for _, m := range keys {
			to := m.AddDate(0, 1, -1)
			submitted := beijingAt(to, 10*60).Add(time.Duration(10*24+r.IntN(5*24)) * time.Hour)
			if submitted.After(limit) {
				continue // not invoiced yet: owed
			}
			ds := months[m]
			inv := p.addInvoice(r, int32(ci), m, to, ds, submitted, false)
			if f.invoices[inv].status == flowcare.InvoiceRejected {
				// Returned for correction and submitted again.
				again := f.invoices[inv].decided.Add(time.Duration(48+r.IntN(96)) * time.Hour)
				if again.After(limit) {
					continue
				}
				inv = p.addInvoice(r, int32(ci), m, to, ds, again, true)
			}
			st := f.invoices[inv].status
			if st == flowcare.InvoiceSubmitted || st == flowcare.InvoiceDisputed {
				open = true
			}
			lastDecided = maxTime(lastDecided, f.invoices[inv].decided)
		}
		// Last year's contracts are closed once their invoices are settled.
		if c.EndsOn.Year() < p.today.Year() && c.Status == flowcare.ContractActive && !open {
			closed := maxTime(beijingAt(time.Date(p.today.Year(), 1, 25, 0, 0, 0, 0, time.UTC), 15*60), lastDecided.Add(24*time.Hour))
			if closed.Before(limit) {
				c.closed = closed
				c.Status = flowcare.ContractClosed
				if r.IntN(100) < 5 {
					c.Status = flowcare.ContractTerminated
				}
			}
		}
	}
}

// addInvoice claims the deliveries ds of a month and decides and pays it
// as far as time allows; a resubmitted invoice is not rejected again.
func (p *cityPlan) addInvoice(r *rand.Rand, ci int32, from, to time.Time, ds []int32, submitted time.Time, resubmitted bool) int32 {
	f := p.funding
	limit := p.now.Add(-time.Minute)
	inv := genInvoice{contract: ci, from: from, to: to, submitted: submitted, status: flowcare.InvoiceSubmitted}
	for _, di := range ds {
		inv.amount += f.deliveries[di].amount
	}
	ii := int32(len(f.invoices))
	decided := submitted.Add(time.Duration(72+r.IntN(240)) * time.Hour)
	if !decided.After(limit) {
		inv.decided = decided
		switch x := r.IntN(100); {
		case x < 3 && !resubmitted:
			inv.status, inv.reason = flowcare.InvoiceRejected, "发票金额与服务记录不符，请核对后重新开具"
		case x < 6:
			inv.status, inv.reason = flowcare.InvoiceDisputed, "部分服务记录待核实"
		default:
			inv.status = flowcare.InvoiceAccepted
		}
	}
	if inv.status != flowcare.InvoiceRejected {
		for _, di := range ds {
			f.deliveries[di].invoice = ii
		}
	}
	f.invoices = append(f.invoices, inv)
	if inv.status == flowcare.InvoiceAccepted {
		paid := decided.Add(time.Duration(5*24+r.IntN(15*24)) * time.Hour)
		if !paid.After(limit) {
			parts := []flowcare.Fen{inv.amount}
			if r.IntN(5) == 0 && inv.amount >= 2 {
				parts = []flowcare.Fen{inv.amount / 2, inv.amount - inv.amount/2}
			}
			for k, amount := range parts {
				at := paid.Add(time.Duration(k*7*24) * time.Hour)
				if at.After(limit) {
					break
				}
				f.payments = append(f.payments, genPayment{invoice: ii, amount: amount, paidOn: day0(at), at: at})
				f.invoices[ii].paid += amount
			}
			if f.invoices[ii].paid == inv.amount {
				f.invoices[ii].status = flowcare.InvoicePaid
			}
		} else if r.IntN(3) == 0 && inv.amount >= 2 {
			at := decided.Add(time.Duration(24+r.IntN(72)) * time.Hour)
			if !at.After(limit) {
				f.payments = append(f.payments, genPayment{invoice: ii, amount: inv.amount / 2, paidOn: day0(at), at: at})
				f.invoices[ii].paid = inv.amount / 2
			}
		}
	}
	return ii
}

// postLedger writes down every movement of money as the funding use cases
// post it: appropriation, commitment, invoice acceptance, payment, and the
// release of what a closed contract did not use.
func (p *cityPlan) postLedger() {
	f := p.funding
	acct := flowcare.Account
	for i, l := range f.lines {
		id := genID(kindBudgetLine, i)
		f.txns = append(f.txns, genTxn{kind: "APPROPRIATION", ref: "budget_line:" + id, at: l.created, actor: p.userID(l.actor),
			from: acct(flowcare.AccountAppropriation, id), to: acct(flowcare.AccountAvailable, id), amount: l.amount})
	}
	accepted := make([]flowcare.Fen, len(f.contracts))
	for i, c := range f.contracts {
		if c.Status == flowcare.ContractDraft {
			continue
		}
		id, line := genID(kindContract, i), genID(kindBudgetLine, int(c.line))
		f.txns = append(f.txns, genTxn{kind: "COMMIT", ref: "contract:" + id, at: c.signed, actor: p.userID(c.actor),
			from: acct(flowcare.AccountAvailable, line), to: acct(flowcare.AccountCommitted, id), amount: c.Value()})
	}
	for i, inv := range f.invoices {
		if inv.status != flowcare.InvoiceAccepted && inv.status != flowcare.InvoicePaid {
			continue
		}
		c := &f.contracts[inv.contract]
		cid := genID(kindContract, int(inv.contract))
		accepted[inv.contract] += inv.amount
		f.txns = append(f.txns, genTxn{kind: "INVOICE_ACCEPTED", ref: "invoice:" + genID(kindInvoice, i), at: inv.decided, actor: p.userID(c.actor),
			from: acct(flowcare.AccountCommitted, cid), to: acct(flowcare.AccountPayable, cid), amount: inv.amount})
	}
	for i, pm := range f.payments {
		inv := &f.invoices[pm.invoice]
		c := &f.contracts[inv.contract]
		cid := genID(kindContract, int(inv.contract))
		f.txns = append(f.txns, genTxn{kind: "PAYMENT", ref: "payment:" + genID(kindPayment, i), at: pm.at, actor: p.userID(c.actor),
			from: acct(flowcare.AccountPayable, cid), to: acct(flowcare.AccountPaid, cid), amount: pm.amount})
	}
	owed := make([]flowcare.Fen, len(f.contracts))
	for _, d := range f.deliveries {
		if d.status == flowcare.DeliveryVerified && d.invoice < 0 {
			owed[d.contract] += d.amount
		}
	}
	for i, c := range f.contracts {
		if c.closed.IsZero() {
			continue
		}
		left := c.Value() - accepted[i] - owed[i]
		if left > 0 {
			id, line := genID(kindContract, i), genID(kindBudgetLine, int(c.line))
			f.txns = append(f.txns, genTxn{kind: "DECOMMIT", ref: "contract:" + id, at: c.closed, actor: p.userID(c.actor),
				from: acct(flowcare.AccountCommitted, id), to: acct(flowcare.AccountAvailable, line), amount: left})
		}
	}
}

var (
	lineCols     = []string{"id", "name", "funder_area_id", "fiscal_year", "source", "amount", "purpose", "created_by", "created_at"}
	contractCols = []string{"id", "budget_line_id", "organisation_id", "title", "categories", "unit", "unit_price", "quantity", "starts_on", "ends_on", "area_ids", "targets", "status", "signed_at", "created_by", "created_at"}
	authCols     = []string{"id", "contract_id", "match_id", "units", "starts_on", "ends_on", "created_by", "created_at"}
	invoiceCols  = []string{"id", "contract_id", "period_from", "period_to", "amount", "paid", "status", "reason", "submitted_by", "submitted_at", "decided_by", "decided_at"}
	deliveryCols = []string{"id", "session_id", "authorisation_id", "contract_id", "status", "reason", "units", "amount", "minutes", "child_id", "delivered_at", "invoice_id", "verified_by", "verified_at"}
	paymentCols  = []string{"id", "invoice_id", "amount", "idempotency_key", "reference", "paid_on", "created_by", "created_at"}
	txnCols      = []string{"id", "kind", "ref", "at", "actor"}
	lineItemCols = []string{"txn_id", "account", "debit", "credit"}
)

func categoryArray(cs []flowcare.Category) string {
	ss := make([]string, len(cs))
	for i, c := range cs {
		ss[i] = string(c)
	}
	return textArray(ss)
}

// writeFunding writes the money and the mark of a complete set in one
// transaction: the ledger's checks run at its commit, and a set without its
// money is never marked complete.
func (w *cityWriter) writeFunding(ctx context.Context, sp *stageProgress) error {
	p := w.plan
	f := p.funding
	tx, err := w.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	b := newCopyBatch()
	for i, l := range f.lines {
		b.add("budget_lines", lineCols, genID(kindBudgetLine, i), l.name, l.funder, l.year, string(l.source), int64(l.amount),
			categoryArray(l.purpose), p.userID(l.actor), l.created)
	}
	for i, c := range f.contracts {
		var signed any
		if c.Status != flowcare.ContractDraft {
			signed = c.signed
		}
		b.add("contracts", contractCols, genID(kindContract, i), genID(kindBudgetLine, int(c.line)), genID(kindOrg, int(c.org)), c.Title,
			categoryArray(c.Categories), string(c.Unit), int64(c.UnitPrice), c.Quantity, dateOf(c.StartsOn), dateOf(c.EndsOn), textArray(c.AreaIDs),
			c.Targets, string(c.Status), signed, p.userID(c.actor), c.created)
	}
	for i, z := range f.auths {
		c := &f.contracts[z.contract]
		b.add("authorisations", authCols, genID(kindAuthorisation, i), genID(kindContract, int(z.contract)), genID(kindMatch, int(z.match)),
			z.units, dateOf(c.StartsOn), dateOf(c.EndsOn), p.userID(c.actor), z.created)
	}
	for i, inv := range f.invoices {
		c := &f.contracts[inv.contract]
		var decidedBy, decided any
		if !inv.decided.IsZero() {
			decidedBy, decided = p.userID(c.actor), inv.decided
		}
		b.add("invoices", invoiceCols, genID(kindInvoice, i), genID(kindContract, int(inv.contract)), dateOf(inv.from), dateOf(inv.to),
			int64(inv.amount), int64(inv.paid), string(inv.status), orNull(inv.reason), p.userID(p.orgs[c.org].admin), inv.submitted, decidedBy, decided)
	}
	for i, d := range f.deliveries {
		c := &f.contracts[d.contract]
		var invoice, reason any
		if d.invoice >= 0 {
			invoice = genID(kindInvoice, int(d.invoice))
		}
		if d.status == flowcare.DeliveryReturned {
			reason = "服务记录与签到表不符"
		}
		b.add("deliveries", deliveryCols, genID(kindDelivery, i), d.session, genID(kindAuthorisation, int(d.auth)), genID(kindContract, int(d.contract)),
			string(d.status), reason, d.units, int64(d.amount), d.minutes, genID(kindChild, int(d.child)), d.at, invoice, p.userID(c.actor), d.verified)
	}
	for i, pm := range f.payments {
		c := &f.contracts[f.invoices[pm.invoice].contract]
		b.add("payments", paymentCols, genID(kindPayment, i), genID(kindInvoice, int(pm.invoice)), int64(pm.amount),
			fmt.Sprintf("gen-city-payment-%d", i), fmt.Sprintf("生成付款凭证 %06d", i+1), dateOf(pm.paidOn), p.userID(c.actor), pm.at)
	}
	// Ledger transaction ids come from their sequence, so later postings by
	// the application never collide with them.
	ids, err := reserveIDs(ctx, tx, "ledger_transactions_id_seq", len(f.txns))
	if err != nil {
		return err
	}
	for i, t := range f.txns {
		b.add("ledger_transactions", txnCols, ids[i], t.kind, t.ref, t.at, t.actor)
		b.add("ledger_lines", lineItemCols, ids[i], t.to, int64(t.amount), 0)
		b.add("ledger_lines", lineItemCols, ids[i], t.from, 0, int64(t.amount))
	}
	if err := b.copyInto(ctx, tx); err != nil {
		return err
	}
	if err := writeCityMark(ctx, tx, p); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit the funding ledger: %w", err)
	}
	sp.done.Add(int64(len(f.contracts)))
	return nil
}

func reserveIDs(ctx context.Context, tx *sql.Tx, seq string, n int) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT nextval($1::regclass) FROM generate_series(1, $2)`, seq, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := make([]int64, 0, n)
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
