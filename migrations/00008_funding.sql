-- +goose Up
-- Funded service purchases: budget lines, contracts, authorisations,
-- verified deliveries, invoices, payments, and the double-entry ledger that
-- every movement of money goes through. Money is integer fen throughout.

CREATE TABLE budget_lines (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name           text NOT NULL CHECK (name <> ''),
    funder_area_id text NOT NULL REFERENCES areas (id),
    fiscal_year    integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
    source         text NOT NULL CHECK (source IN ('CITY', 'DISTRICT', 'CENTRAL_TRANSFER')),
    amount         bigint NOT NULL CHECK (amount > 0),
    purpose        text[] NOT NULL CHECK (cardinality(purpose) > 0),
    created_by     uuid REFERENCES users (id),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX budget_lines_funder_idx ON budget_lines (funder_area_id, fiscal_year);

CREATE TABLE contracts (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    budget_line_id  uuid NOT NULL REFERENCES budget_lines (id),
    organisation_id uuid NOT NULL REFERENCES organisations (id),
    title           text NOT NULL CHECK (title <> ''),
    categories      text[] NOT NULL CHECK (cardinality(categories) > 0),
    unit            text NOT NULL CHECK (unit IN ('SESSION', 'SERVICE_HOUR', 'CHILD_SERVED')),
    unit_price      bigint NOT NULL CHECK (unit_price > 0),
    quantity        bigint NOT NULL CHECK (quantity > 0),
    starts_on       date NOT NULL,
    ends_on         date NOT NULL CHECK (ends_on >= starts_on),
    area_ids        text[] NOT NULL DEFAULT '{}',
    targets         text NOT NULL DEFAULT '',
    status          text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED', 'ACTIVE', 'CLOSED', 'TERMINATED')),
    signed_at       timestamptz,
    created_by      uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    -- the value must stay exact in a JavaScript number
    CHECK (unit_price::numeric * quantity <= 9007199254740991)
);
CREATE INDEX contracts_line_idx ON contracts (budget_line_id);
CREATE INDEX contracts_org_idx ON contracts (organisation_id);

CREATE TABLE authorisations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id uuid NOT NULL REFERENCES contracts (id),
    match_id    uuid NOT NULL REFERENCES matches (id),
    units       bigint NOT NULL CHECK (units > 0),
    starts_on   date NOT NULL,
    ends_on     date NOT NULL CHECK (ends_on >= starts_on),
    created_by  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (contract_id, match_id)
);
CREATE INDEX authorisations_match_idx ON authorisations (match_id);

CREATE TABLE invoices (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    contract_id  uuid NOT NULL REFERENCES contracts (id),
    period_from  date NOT NULL,
    period_to    date NOT NULL CHECK (period_to >= period_from),
    amount       bigint NOT NULL CHECK (amount > 0),
    paid         bigint NOT NULL DEFAULT 0 CHECK (paid >= 0 AND paid <= amount),
    status       text NOT NULL CHECK (status IN ('SUBMITTED', 'ACCEPTED', 'REJECTED', 'DISPUTED', 'PAID')),
    reason       text,
    submitted_by uuid REFERENCES users (id),
    submitted_at timestamptz NOT NULL DEFAULT now(),
    decided_by   uuid REFERENCES users (id),
    decided_at   timestamptz,
    CHECK (status <> 'PAID' OR paid = amount),
    CHECK (paid = 0 OR status IN ('ACCEPTED', 'PAID'))
);
CREATE INDEX invoices_contract_idx ON invoices (contract_id);

CREATE TABLE deliveries (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id       uuid NOT NULL UNIQUE REFERENCES service_sessions (id),
    authorisation_id uuid NOT NULL REFERENCES authorisations (id),
    contract_id      uuid NOT NULL REFERENCES contracts (id),
    status           text NOT NULL CHECK (status IN ('VERIFIED', 'RETURNED')),
    reason           text,
    units            bigint NOT NULL CHECK (units >= 0),
    amount           bigint NOT NULL CHECK (amount >= 0),
    minutes          integer NOT NULL CHECK (minutes > 0),
    child_id         uuid NOT NULL REFERENCES children (id),
    delivered_at     timestamptz NOT NULL,
    invoice_id       uuid REFERENCES invoices (id),
    verified_by      uuid REFERENCES users (id),
    verified_at      timestamptz NOT NULL,
    -- only verified deliveries can be invoiced
    CHECK (invoice_id IS NULL OR status = 'VERIFIED'),
    CHECK (status = 'VERIFIED' OR (reason IS NOT NULL AND amount = 0 AND units = 0))
);
CREATE INDEX deliveries_contract_idx ON deliveries (contract_id, status, delivered_at);
CREATE INDEX deliveries_invoice_idx ON deliveries (invoice_id);

CREATE TABLE payments (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invoice_id      uuid NOT NULL REFERENCES invoices (id),
    amount          bigint NOT NULL CHECK (amount > 0),
    idempotency_key text NOT NULL UNIQUE CHECK (idempotency_key <> ''),
    reference       text NOT NULL DEFAULT '',
    paid_on         date NOT NULL,
    created_by      uuid REFERENCES users (id),
    created_at      timestamptz NOT NULL DEFAULT now()
);

-- The ledger. A transaction's lines debit and credit accounts named
-- kind:id; balances are derived from the lines and never stored.
CREATE TABLE ledger_transactions (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('APPROPRIATION', 'COMMIT', 'DECOMMIT', 'INVOICE_ACCEPTED', 'PAYMENT')),
    ref        text NOT NULL,
    at         timestamptz NOT NULL,
    actor      uuid REFERENCES users (id)
);
CREATE TABLE ledger_lines (
    id      bigserial PRIMARY KEY,
    txn_id  bigint NOT NULL REFERENCES ledger_transactions (id),
    account text NOT NULL CHECK (account ~ '^(appropriation|available|committed|payable|paid):[0-9a-f-]{36}$'),
    debit   bigint NOT NULL DEFAULT 0 CHECK (debit >= 0),
    credit  bigint NOT NULL DEFAULT 0 CHECK (credit >= 0),
    CHECK ((debit > 0) <> (credit > 0))
);
CREATE INDEX ledger_lines_account_idx ON ledger_lines (account);
CREATE INDEX ledger_lines_txn_idx ON ledger_lines (txn_id);

-- Corrections are reversing entries: nothing in the ledger changes or goes.
-- +goose StatementBegin
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
-- +goose StatementEnd
CREATE TRIGGER ledger_transactions_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_lines_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_lines
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_append_only();

-- Checked when the writing transaction commits: every ledger transaction
-- balances, and no budget, commitment or payable goes below zero, which is
-- committed <= budget and paid <= accepted invoices.
-- +goose StatementBegin
CREATE FUNCTION ledger_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unbalanced bigint;
    bal bigint;
BEGIN
    SELECT sum(debit) - sum(credit) INTO unbalanced FROM ledger_lines WHERE txn_id = NEW.txn_id;
    IF unbalanced <> 0 THEN
        RAISE EXCEPTION 'ledger transaction % does not balance (%)', NEW.txn_id, unbalanced USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.account !~ '^appropriation:' AND NEW.account !~ '^paid:' THEN
        SELECT sum(debit) - sum(credit) INTO bal FROM ledger_lines WHERE account = NEW.account;
        IF bal < 0 THEN
            RAISE EXCEPTION 'ledger account % would go below zero (%)', NEW.account, bal USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER ledger_lines_balance AFTER INSERT ON ledger_lines
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check();

-- An invoice claims exactly its verified deliveries, checked at commit.
-- +goose StatementBegin
CREATE FUNCTION invoice_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    claimed bigint;
BEGIN
    SELECT coalesce(sum(amount), 0) INTO claimed FROM deliveries WHERE invoice_id = NEW.id AND status = 'VERIFIED';
    IF NEW.status <> 'REJECTED' AND claimed <> NEW.amount THEN
        RAISE EXCEPTION 'invoice % claims % fen but its verified deliveries are worth %', NEW.id, NEW.amount, claimed
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
-- +goose StatementEnd
CREATE CONSTRAINT TRIGGER invoices_claim_deliveries AFTER INSERT OR UPDATE ON invoices
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION invoice_check();

-- +goose Down
DROP TABLE ledger_lines;
DROP TABLE ledger_transactions;
DROP FUNCTION ledger_check();
DROP FUNCTION ledger_append_only();
DROP TABLE payments;
DROP TABLE deliveries;
DROP TABLE invoices;
DROP FUNCTION invoice_check();
DROP TABLE authorisations;
DROP TABLE contracts;
DROP TABLE budget_lines;
