-- +goose Up
-- The key-care ledger (重点关爱服务对象台账), visits and needs.
CREATE TABLE visit_cadence (
    risk_level text PRIMARY KEY CHECK (risk_level IN ('HIGH', 'MEDIUM', 'LOW')),
    days       integer NOT NULL CHECK (days BETWEEN 7 AND 366)
);
INSERT INTO visit_cadence (risk_level, days) VALUES ('HIGH', 30), ('MEDIUM', 91), ('LOW', 182);

CREATE TABLE ledger_entries (
    child_id       uuid PRIMARY KEY REFERENCES children (id) ON DELETE CASCADE,
    reasons        text[] NOT NULL CHECK (cardinality(reasons) > 0),
    risk_level     text NOT NULL REFERENCES visit_cadence (risk_level),
    entered_on     date NOT NULL,
    left_on        date,
    left_reason    text,
    next_visit_due date NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ledger_entries_due_idx ON ledger_entries (next_visit_due) WHERE left_on IS NULL;

CREATE TABLE ledger_history (
    id       bigserial PRIMARY KEY,
    child_id uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    event    text NOT NULL CHECK (event IN ('ENTERED', 'CHANGED', 'LEFT')),
    detail   jsonb NOT NULL DEFAULT '{}',
    at       timestamptz NOT NULL,
    actor    uuid REFERENCES users (id)
);
CREATE INDEX ledger_history_child_idx ON ledger_history (child_id, id);

CREATE TABLE visits (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id      uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    visited_on    date NOT NULL,
    visitor       uuid NOT NULL REFERENCES users (id),
    form          text NOT NULL CHECK (form IN ('HOME', 'SCHOOL', 'PHONE')),
    -- free text may name people and places: kept encrypted like other personal data
    findings_enc  text NOT NULL,
    follow_up_enc text,
    next_visit_on date,
    status        text NOT NULL CHECK (status IN ('PENDING_REVIEW', 'ACCEPTED', 'RETURNED')),
    reviewed_by   uuid REFERENCES users (id),
    reviewed_at   timestamptz,
    review_note   text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visits_child_idx ON visits (child_id, visited_on DESC);
CREATE INDEX visits_pending_idx ON visits (status) WHERE status = 'PENDING_REVIEW';

CREATE TABLE needs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id    uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    category    text NOT NULL,
    description text NOT NULL DEFAULT '',
    urgency     text NOT NULL CHECK (urgency IN ('HIGH', 'MEDIUM', 'LOW')),
    windows     jsonb NOT NULL DEFAULT '[]',
    language    text NOT NULL DEFAULT '',
    place       text NOT NULL CHECK (place IN ('NEAR_HOME', 'NEAR_SCHOOL', 'VENUE', 'ANY')),
    status      text NOT NULL CHECK (status IN ('OPEN', 'MATCHING', 'IN_SERVICE', 'MET', 'WITHDRAWN')),
    created_by  uuid REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX needs_child_idx ON needs (child_id);

CREATE TABLE need_history (
    id      bigserial PRIMARY KEY,
    need_id uuid NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    status  text NOT NULL,
    note    text NOT NULL DEFAULT '',
    at      timestamptz NOT NULL,
    actor   uuid REFERENCES users (id)
);

-- +goose Down
DROP TABLE need_history;
DROP TABLE needs;
DROP TABLE visits;
DROP TABLE ledger_history;
DROP TABLE ledger_entries;
DROP TABLE visit_cadence;
