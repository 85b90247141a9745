package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type fundingStore struct{ q sqlx.ExtContext }

func (t tx) Funding() flowcare.FundingStore { return &fundingStore{q: t.q} }

// Funding returns the funding store outside any transaction.
func (d *DB) Funding() flowcare.FundingStore { return tx{q: d.db}.Funding() }

func forUpdate(lock bool, of string) string {
	if lock {
		return " FOR UPDATE OF " + of
	}
	return ""
}

type budgetLineRow struct {
	flowcare.BudgetLine
	PurposeDB pq.StringArray `db:"purpose"`
}

const budgetLineSelect = `SELECT b.id, b.name, b.funder_area_id, b.fiscal_year, b.source, b.amount, b.purpose, b.created_at,
	a.path AS funder_path FROM budget_lines b JOIN areas a ON a.id = b.funder_area_id`

func (s *fundingStore) selectLines(ctx context.Context, q string, args ...any) ([]*flowcare.BudgetLine, error) {
	var rows []budgetLineRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, q, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.BudgetLine, len(rows))
	for i := range rows {
		b := rows[i].BudgetLine
		b.Purpose = categories(rows[i].PurposeDB)
		out[i] = &b
	}
	return out, nil
}

func (s *fundingStore) CreateBudgetLine(ctx context.Context, b *flowcare.BudgetLine, by string) error {
	return mapError(s.q.QueryRowxContext(ctx, `INSERT INTO budget_lines (name, funder_area_id, fiscal_year, source, amount, purpose, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid) RETURNING id, created_at`,
		b.Name, b.FunderID, b.FiscalYear, b.Source, b.Amount, categoryArray(b.Purpose), by).Scan(&b.ID, &b.CreatedAt))
}

func (s *fundingStore) BudgetLine(ctx context.Context, id string, lock bool) (*flowcare.BudgetLine, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "预算线不存在")
	}
	bs, err := s.selectLines(ctx, budgetLineSelect+` WHERE b.id = $1`+forUpdate(lock, "b"), id)
	if err != nil {
		return nil, err
	}
	if len(bs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "预算线不存在")
	}
	return bs[0], nil
}

// pathsCond keeps rows whose area path lies within one of paths.
func pathsCond(col string, paths []string, args *[]any) string {
	var or []string
	for _, p := range paths {
		*args = append(*args, p, escapeLike(p)+"/%")
		n := len(*args)
		or = append(or, col+" = $"+itoa(n-1)+" OR "+col+" LIKE $"+itoa(n))
	}
	if len(or) == 0 {
		return "FALSE"
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

func (s *fundingStore) BudgetLines(ctx context.Context, funderPaths []string, year int) ([]*flowcare.BudgetLine, error) {
	var args []any
	cond := pathsCond("a.path", funderPaths, &args)
	if year > 0 {
		args = append(args, year)
		cond += " AND b.fiscal_year = $" + itoa(len(args))
	}
	return s.selectLines(ctx, budgetLineSelect+` WHERE `+cond+` ORDER BY b.fiscal_year DESC, b.created_at, b.id`, args...)
}

type contractRow struct {
	flowcare.Contract
	CategoriesDB pq.StringArray `db:"categories"`
	AreasDB      pq.StringArray `db:"area_ids"`
}

const contractSelect = `SELECT c.id, c.budget_line_id, c.organisation_id, c.title, c.categories, c.unit, c.unit_price, c.quantity,
	c.starts_on, c.ends_on, c.area_ids, c.targets, c.status, c.signed_at, c.created_at, a.path AS funder_path
	FROM contracts c JOIN budget_lines b ON b.id = c.budget_line_id JOIN areas a ON a.id = b.funder_area_id`

func (s *fundingStore) selectContracts(ctx context.Context, q string, args ...any) ([]*flowcare.Contract, error) {
	var rows []contractRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, q, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Contract, len(rows))
	for i := range rows {
		c := rows[i].Contract
		c.Categories, c.AreaIDs = categories(rows[i].CategoriesDB), nonNil(rows[i].AreasDB)
		out[i] = &c
	}
	return out, nil
}

func (s *fundingStore) CreateContract(ctx context.Context, c *flowcare.Contract, by string) error {
	return mapError(s.q.QueryRowxContext(ctx, `INSERT INTO contracts (budget_line_id, organisation_id, title, categories, unit, unit_price,
		quantity, starts_on, ends_on, area_ids, targets, status, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULLIF($13, '')::uuid) RETURNING id, created_at`,
		c.BudgetLineID, c.OrganisationID, c.Title, categoryArray(c.Categories), c.Unit, c.UnitPrice, c.Quantity, c.StartsOn, c.EndsOn,
		stringArray(c.AreaIDs), c.Targets, c.Status, by).Scan(&c.ID, &c.CreatedAt))
}

func (s *fundingStore) Contract(ctx context.Context, id string, lock bool) (*flowcare.Contract, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "合同不存在")
	}
	cs, err := s.selectContracts(ctx, contractSelect+` WHERE c.id = $1`+forUpdate(lock, "c"), id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "合同不存在")
	}
	return cs[0], nil
}

// moneyScope keeps rows the viewer may see: all for auditors, those funded
// within their areas, or those of their organisations. ok is false when
// nothing is visible.
func moneyScope(any bool, funderPaths, orgIDs []string, args *[]any) (cond string, ok bool) {
	if any {
		return "TRUE", true
	}
	var or []string
	if len(funderPaths) > 0 {
		or = append(or, pathsCond("a.path", funderPaths, args))
	}
	if len(orgIDs) > 0 {
		*args = append(*args, pq.Array(validUUIDs(orgIDs)))
		or = append(or, "c.organisation_id = ANY($"+itoa(len(*args))+"::uuid[])")
	}
	if len(or) == 0 {
		return "", false
	}
	return "(" + strings.Join(or, " OR ") + ")", true
}

func (s *fundingStore) Contracts(ctx context.Context, f flowcare.ContractFilter) ([]*flowcare.Contract, int, error) {
	var args []any
	cond, ok := moneyScope(f.Any, f.FunderPaths, f.OrganisationIDs, &args)
	if !ok {
		return nil, 0, nil
	}
	if f.BudgetLineID != "" {
		if !validUUID(f.BudgetLineID) {
			return nil, 0, nil
		}
		args = append(args, f.BudgetLineID)
		cond += " AND c.budget_line_id = $" + itoa(len(args))
	}
	from := ` FROM contracts c JOIN budget_lines b ON b.id = c.budget_line_id JOIN areas a ON a.id = b.funder_area_id WHERE `
	limit := 10000
	total := 0
	if f.Page != nil {
		if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*)`+from+cond, args...); err != nil {
			return nil, 0, mapError(err)
		}
		if f.Page.After != "" {
			if !validUUID(f.Page.After) {
				return nil, 0, flowcare.Invalid("after", "分页游标无效")
			}
			args = append(args, f.Page.After)
			cond += " AND (c.created_at, c.id) < (SELECT created_at, id FROM contracts WHERE id = $" + itoa(len(args)) + ")"
		}
		limit = f.Page.Limit() + 1
	}
	cs, err := s.selectContracts(ctx, contractSelect+` WHERE `+cond+` ORDER BY c.created_at DESC, c.id DESC LIMIT `+itoa(limit), args...)
	return cs, total, err
}

func (s *fundingStore) SetContractStatus(ctx context.Context, id string, st flowcare.ContractStatus, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE contracts SET status = $2,
		signed_at = CASE WHEN $2 IN ('SIGNED', 'ACTIVE') AND signed_at IS NULL THEN $3 ELSE signed_at END WHERE id = $1`, id, st, at)
	return mapError(err)
}

const authorisationSelect = `SELECT z.id, z.contract_id, z.match_id, z.units, z.starts_on, z.ends_on, z.created_at,
	coalesce((SELECT sum(d.units) FROM deliveries d WHERE d.authorisation_id = z.id AND d.status = 'VERIFIED'), 0) AS used_units
	FROM authorisations z`

func (s *fundingStore) CreateAuthorisation(ctx context.Context, z *flowcare.Authorisation, by string) error {
	err := s.q.QueryRowxContext(ctx, `INSERT INTO authorisations (contract_id, match_id, units, starts_on, ends_on, created_by)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid) RETURNING id, created_at`,
		z.ContractID, z.MatchID, z.Units, z.StartsOn, z.EndsOn, by).Scan(&z.ID, &z.CreatedAt)
	if isUniqueViolation(err) {
		return flowcare.Errorf(flowcare.ECONFLICT, "这条匹配已在本合同下授权")
	}
	return mapError(err)
}

func (s *fundingStore) Authorisations(ctx context.Context, contractID string) ([]*flowcare.Authorisation, error) {
	var out []*flowcare.Authorisation
	err := sqlx.SelectContext(ctx, s.q, &out, authorisationSelect+` WHERE z.contract_id = $1 ORDER BY z.created_at, z.id`, contractID)
	return out, mapError(err)
}

func (s *fundingStore) AuthorisationForSession(ctx context.Context, sessionID string) (*flowcare.Authorisation, *flowcare.ServiceSession, error) {
	if !validUUID(sessionID) {
		return nil, nil, flowcare.Errorf(flowcare.ENOTFOUND, "服务记录不存在")
	}
	ms := &matchStore{q: s.q}
	ss, err := ms.SessionsByIDs(ctx, []string{sessionID})
	if err != nil {
		return nil, nil, err
	}
	if len(ss) == 0 {
		return nil, nil, flowcare.Errorf(flowcare.ENOTFOUND, "服务记录不存在")
	}
	var zs []*flowcare.Authorisation
	// The session's day must fall in the authorisation's period (Beijing days).
	err = sqlx.SelectContext(ctx, s.q, &zs, authorisationSelect+` WHERE z.match_id = $1
		AND ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date BETWEEN z.starts_on AND z.ends_on ORDER BY z.created_at LIMIT 1
		FOR UPDATE OF z`, ss[0].MatchID, ss[0].StartsAt)
	if err != nil {
		return nil, nil, mapError(err)
	}
	if len(zs) == 0 {
		return nil, ss[0], flowcare.Errorf(flowcare.ECONFLICT, "这次服务不在任何购买服务授权的期间内，不能核实计费")
	}
	return zs[0], ss[0], nil
}

func (s *fundingStore) PendingDeliveries(ctx context.Context, funderPaths []string, limit int) ([]*flowcare.PendingDelivery, error) {
	var args []any
	cond := pathsCond("a.path", funderPaths, &args)
	args = append(args, limit)
	var out []*flowcare.PendingDelivery
	err := sqlx.SelectContext(ctx, s.q, &out, `SELECT s.id AS session_id, z.id AS authorisation_id, c.id AS contract_id,
		c.title AS contract_title, c.organisation_id, s.starts_at, s.ends_at, m.offer_title AS title, a.path AS funder_path
		FROM service_sessions s JOIN matches m ON m.id = s.match_id JOIN authorisations z ON z.match_id = m.id
		JOIN contracts c ON c.id = z.contract_id JOIN budget_lines b ON b.id = c.budget_line_id JOIN areas a ON a.id = b.funder_area_id
		WHERE s.attendance = 'ATTENDED' AND c.status IN ('SIGNED', 'ACTIVE')
		  AND (s.starts_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN z.starts_on AND z.ends_on
		  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.session_id = s.id) AND `+cond+`
		ORDER BY s.starts_at, s.id LIMIT $`+itoa(len(args)), args...)
	return out, mapError(err)
}

func (s *fundingStore) CreateDelivery(ctx context.Context, d *flowcare.Delivery, by string) error {
	err := s.q.QueryRowxContext(ctx, `INSERT INTO deliveries (session_id, authorisation_id, contract_id, status, reason, units, amount,
		minutes, child_id, delivered_at, verified_by, verified_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULLIF($11, '')::uuid, $12)
		RETURNING id`, d.SessionID, d.AuthorisationID, d.ContractID, d.Status, d.Reason, d.Units, d.Amount, d.Minutes, d.ChildID,
		d.DeliveredAt, by, d.VerifiedAt).Scan(&d.ID)
	if isUniqueViolation(err) {
		return flowcare.Errorf(flowcare.ECONFLICT, "这次服务已经核实过")
	}
	return mapError(err)
}

const deliverySelect = `SELECT d.id, d.session_id, d.authorisation_id, d.contract_id, d.status, d.reason, d.units, d.amount, d.minutes,
	d.child_id, d.delivered_at, d.invoice_id, u.username AS verified_by_username, d.verified_at, m.offer_title AS title
	FROM deliveries d JOIN service_sessions s ON s.id = d.session_id JOIN matches m ON m.id = s.match_id
	LEFT JOIN users u ON u.id = d.verified_by`

func (s *fundingStore) Deliveries(ctx context.Context, contractID string, st flowcare.DeliveryStatus, uninvoicedOnly bool) ([]*flowcare.Delivery, error) {
	cond := "d.contract_id = $1"
	args := []any{contractID}
	if st != "" {
		args = append(args, st)
		cond += " AND d.status = $2"
	}
	if uninvoicedOnly {
		cond += " AND d.invoice_id IS NULL"
	}
	var out []*flowcare.Delivery
	err := sqlx.SelectContext(ctx, s.q, &out, deliverySelect+` WHERE `+cond+` ORDER BY d.delivered_at, d.id`, args...)
	return out, mapError(err)
}

func (s *fundingStore) ChildServedBefore(ctx context.Context, contractID, childID string) (bool, error) {
	var n int
	err := sqlx.GetContext(ctx, s.q, &n, `SELECT count(*) FROM deliveries WHERE contract_id = $1 AND child_id = $2 AND status = 'VERIFIED'`,
		contractID, childID)
	return n > 0, mapError(err)
}

const invoiceSelect = `SELECT i.id, i.contract_id, i.period_from, i.period_to, i.amount, i.paid, i.status, i.reason, i.submitted_at,
	i.decided_at, a.path AS funder_path, c.organisation_id
	FROM invoices i JOIN contracts c ON c.id = i.contract_id JOIN budget_lines b ON b.id = c.budget_line_id
	JOIN areas a ON a.id = b.funder_area_id`

func (s *fundingStore) CreateInvoice(ctx context.Context, inv *flowcare.Invoice, deliveryIDs []string, by string) error {
	err := s.q.QueryRowxContext(ctx, `INSERT INTO invoices (contract_id, period_from, period_to, amount, status, submitted_by)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid) RETURNING id, submitted_at`,
		inv.ContractID, inv.PeriodFrom, inv.PeriodTo, inv.Amount, inv.Status, by).Scan(&inv.ID, &inv.SubmittedAt)
	if err != nil {
		return mapError(err)
	}
	res, err := s.q.ExecContext(ctx, `UPDATE deliveries SET invoice_id = $1 WHERE id = ANY($2::uuid[]) AND invoice_id IS NULL
		AND status = 'VERIFIED'`, inv.ID, pq.Array(validUUIDs(deliveryIDs)))
	if err != nil {
		return mapError(err)
	}
	if n, _ := res.RowsAffected(); int(n) != len(deliveryIDs) {
		return flowcare.Errorf(flowcare.ECONFLICT, "有服务记录已被其他发票申报，请刷新后重试")
	}
	return nil
}

func (s *fundingStore) Invoice(ctx context.Context, id string, lock bool) (*flowcare.Invoice, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "发票不存在")
	}
	var out []*flowcare.Invoice
	if err := sqlx.SelectContext(ctx, s.q, &out, invoiceSelect+` WHERE i.id = $1`+forUpdate(lock, "i"), id); err != nil {
		return nil, mapError(err)
	}
	if len(out) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "发票不存在")
	}
	return out[0], nil
}

func (s *fundingStore) Invoices(ctx context.Context, f flowcare.InvoiceFilter) ([]*flowcare.Invoice, int, error) {
	var args []any
	cond, ok := moneyScope(f.Any, f.FunderPaths, f.OrganisationIDs, &args)
	if !ok {
		return nil, 0, nil
	}
	if f.ContractID != "" {
		if !validUUID(f.ContractID) {
			return nil, 0, nil
		}
		args = append(args, f.ContractID)
		cond += " AND i.contract_id = $" + itoa(len(args))
	}
	if len(f.Statuses) > 0 {
		st := make([]string, len(f.Statuses))
		for i, x := range f.Statuses {
			st[i] = string(x)
		}
		args = append(args, pq.Array(st))
		cond += " AND i.status = ANY($" + itoa(len(args)) + "::text[])"
	}
	limit, total := 10000, 0
	if f.Page != nil {
		if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM invoices i JOIN contracts c ON c.id = i.contract_id
			JOIN budget_lines b ON b.id = c.budget_line_id JOIN areas a ON a.id = b.funder_area_id WHERE `+cond, args...); err != nil {
			return nil, 0, mapError(err)
		}
		if f.Page.After != "" {
			if !validUUID(f.Page.After) {
				return nil, 0, flowcare.Invalid("after", "分页游标无效")
			}
			args = append(args, f.Page.After)
			cond += " AND (i.submitted_at, i.id) < (SELECT submitted_at, id FROM invoices WHERE id = $" + itoa(len(args)) + ")"
		}
		limit = f.Page.Limit() + 1
	}
	var out []*flowcare.Invoice
	err := sqlx.SelectContext(ctx, s.q, &out, invoiceSelect+` WHERE `+cond+` ORDER BY i.submitted_at DESC, i.id DESC LIMIT `+itoa(limit), args...)
	return out, total, mapError(err)
}

func (s *fundingStore) SetInvoiceStatus(ctx context.Context, id string, st flowcare.InvoiceStatus, reason *string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE invoices SET status = $2, reason = COALESCE($3, reason), decided_at = $4 WHERE id = $1`,
		id, st, reason, at)
	return mapError(err)
}

func (s *fundingStore) ReleaseInvoiceDeliveries(ctx context.Context, invoiceID string) error {
	_, err := s.q.ExecContext(ctx, `UPDATE deliveries SET invoice_id = NULL WHERE invoice_id = $1`, invoiceID)
	return mapError(err)
}

func (s *fundingStore) PaymentByKey(ctx context.Context, key string) (*flowcare.Payment, error) {
	var p flowcare.Payment
	err := sqlx.GetContext(ctx, s.q, &p, `SELECT id, invoice_id, amount, idempotency_key, reference, paid_on, created_at
		FROM payments WHERE idempotency_key = $1`, key)
	if isNoRows(err) {
		return nil, nil
	}
	return &p, mapError(err)
}

// CreatePayment records a payment unless one with its key exists: then p
// becomes that one and the caller learns nothing was written from p.ID
// being the existing id (compare with what it expected).
func (s *fundingStore) CreatePayment(ctx context.Context, p *flowcare.Payment, by string) error {
	err := s.q.QueryRowxContext(ctx, `INSERT INTO payments (invoice_id, amount, idempotency_key, reference, paid_on, created_by)
		VALUES ($1, $2, $3, $4, $5, NULLIF($6, '')::uuid) RETURNING id, created_at`,
		p.InvoiceID, p.Amount, p.IdempotencyKey, p.Reference, p.PaidOn, by).Scan(&p.ID, &p.CreatedAt)
	if isUniqueViolation(err) {
		return flowcare.Errorf(flowcare.ECONFLICT, "这个幂等键已用于另一笔付款")
	}
	if err != nil {
		return mapError(err)
	}
	_, err = s.q.ExecContext(ctx, `UPDATE invoices SET paid = paid + $2,
		status = CASE WHEN paid + $2 = amount THEN 'PAID' ELSE status END WHERE id = $1`, p.InvoiceID, p.Amount)
	return mapError(err)
}

func (s *fundingStore) Post(ctx context.Context, t *flowcare.LedgerTxn, by string) error {
	if err := s.q.QueryRowxContext(ctx, `INSERT INTO ledger_transactions (kind, ref, at, actor) VALUES ($1, $2, $3, NULLIF($4, '')::uuid)
		RETURNING id`, t.Kind, t.Ref, t.At, by).Scan(&t.ID); err != nil {
		return mapError(err)
	}
	for _, p := range t.Postings {
		if p.Amount <= 0 {
			return flowcare.Errorf(flowcare.EINTERNAL, "ledger posting of %d fen", p.Amount)
		}
		if _, err := s.q.ExecContext(ctx, `INSERT INTO ledger_lines (txn_id, account, debit, credit) VALUES ($1, $2, $3, 0), ($1, $4, 0, $3)`,
			t.ID, p.To, p.Amount, p.From); err != nil {
			return mapError(err)
		}
	}
	return nil
}

func (s *fundingStore) Balance(ctx context.Context, account string) (flowcare.Fen, error) {
	var b flowcare.Fen
	err := sqlx.GetContext(ctx, s.q, &b, `SELECT coalesce(sum(debit) - sum(credit), 0) FROM ledger_lines WHERE account = $1`, account)
	return b, mapError(err)
}

func (s *fundingStore) Invoiced(ctx context.Context, contractID string) (flowcare.Fen, error) {
	var b flowcare.Fen
	err := sqlx.GetContext(ctx, s.q, &b, `SELECT coalesce(sum(amount), 0) FROM invoices WHERE contract_id = $1 AND status <> 'REJECTED'`, contractID)
	return b, mapError(err)
}

func (s *fundingStore) Figures(ctx context.Context, contractIDs []string) (map[string]flowcare.ContractFigures, error) {
	var rows []flowcare.ContractFigures
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT c.id AS contract_id,
		coalesce((SELECT sum(amount) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED'), 0) AS delivered,
		coalesce((SELECT sum(amount) FROM invoices WHERE contract_id = c.id AND status <> 'REJECTED'), 0) AS invoiced,
		coalesce((SELECT sum(amount) FROM invoices WHERE contract_id = c.id AND status IN ('ACCEPTED', 'PAID')), 0) AS accepted,
		coalesce((SELECT sum(paid) FROM invoices WHERE contract_id = c.id), 0) AS paid,
		(SELECT count(DISTINCT child_id) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED') AS children,
		coalesce((SELECT sum(minutes) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED'), 0) AS minutes,
		coalesce((SELECT sum(units) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED'), 0) AS units,
		(SELECT count(*) FROM deliveries WHERE contract_id = c.id AND status = 'VERIFIED') AS sessions
		FROM contracts c WHERE c.id = ANY($1::uuid[])`, pq.Array(validUUIDs(contractIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string]flowcare.ContractFigures, len(rows))
	for _, r := range rows {
		out[r.ContractID] = r
	}
	return out, nil
}

func (s *fundingStore) DistrictSpend(ctx context.Context, paths []string, year int) ([]flowcare.DistrictSpend, error) {
	var args []any
	cond := "TRUE"
	if len(paths) > 0 {
		cond = pathsCond("a.path", paths, &args)
	}
	spendCond := cond
	if year > 0 {
		args = append(args, year)
		spendCond += " AND extract(year FROM d.delivered_at AT TIME ZONE 'Asia/Shanghai') = $" + itoa(len(args))
	}
	var out []flowcare.DistrictSpend
	err := sqlx.SelectContext(ctx, s.q, &out, `
		WITH spend AS (
		  SELECT split_part(a.path, '/', 2) AS district_id, m.category, sum(d.amount) AS spent
		  FROM deliveries d JOIN children c ON c.id = d.child_id JOIN areas a ON a.id = c.community_id
		  JOIN service_sessions ss ON ss.id = d.session_id JOIN matches m ON m.id = ss.match_id
		  WHERE d.status = 'VERIFIED' AND `+spendCond+` GROUP BY 1, 2),
		unmet AS (
		  SELECT split_part(a.path, '/', 2) AS district_id, n.category, count(*) AS unmet
		  FROM needs n JOIN children c ON c.id = n.child_id JOIN areas a ON a.id = c.community_id
		  WHERE n.status IN ('OPEN', 'MATCHING') AND c.status = 'ACTIVE' AND `+cond+` GROUP BY 1, 2)
		SELECT district_id, category, coalesce(spent, 0) AS spent, coalesce(unmet, 0) AS unmet
		FROM spend FULL JOIN unmet USING (district_id, category)
		WHERE district_id <> '' ORDER BY district_id, category`, args...)
	return out, mapError(err)
}

func (s *fundingStore) ChildrenServed(ctx context.Context, contractIDs []string) (map[string][]string, error) {
	var rows []struct {
		ContractID string `db:"contract_id"`
		ChildID    string `db:"child_id"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT DISTINCT contract_id, child_id FROM deliveries
		WHERE contract_id = ANY($1::uuid[]) AND status = 'VERIFIED'`, pq.Array(validUUIDs(contractIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := map[string][]string{}
	for _, r := range rows {
		out[r.ContractID] = append(out[r.ContractID], r.ChildID)
	}
	return out, nil
}

func (s *fundingStore) Payments(ctx context.Context, invoiceIDs []string) (map[string][]flowcare.Payment, error) {
	var rows []flowcare.Payment
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT id, invoice_id, amount, idempotency_key, reference, paid_on, created_at
		FROM payments WHERE invoice_id = ANY($1::uuid[]) ORDER BY created_at, id`, pq.Array(validUUIDs(invoiceIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := map[string][]flowcare.Payment{}
	for _, p := range rows {
		out[p.InvoiceID] = append(out[p.InvoiceID], p)
	}
	return out, nil
}
