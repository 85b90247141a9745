-- +goose Up
CREATE TABLE areas (
    id        text PRIMARY KEY,
    parent_id text REFERENCES areas (id),
    level     text NOT NULL CHECK (level IN ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    name      text NOT NULL CHECK (name <> ''),
    name_en   text,
    -- codes from the city down joined by '/', so scope containment is a prefix test
    path      text NOT NULL UNIQUE,
    latitude  double precision,
    longitude double precision,
    CHECK ((parent_id IS NULL) = (level = 'CITY')),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX areas_parent_idx ON areas (parent_id);
CREATE INDEX areas_path_idx ON areas (path text_pattern_ops);

CREATE TABLE organisations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL UNIQUE CHECK (name <> ''),
    kind       text NOT NULL CHECK (kind IN ('SOCIAL_ORGANISATION', 'LIBRARY', 'MUSEUM', 'YOUTH_LEAGUE', 'WOMENS_FEDERATION', 'OTHER')),
    area_id    text NOT NULL REFERENCES areas (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    username        text NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name    text NOT NULL CHECK (display_name <> ''),
    password_hash   text NOT NULL,
    disabled        boolean NOT NULL DEFAULT false,
    failed_sign_ins integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_sign_in_at timestamptz
);

CREATE TABLE sessions (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id),
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE role_grants (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id),
    role            text NOT NULL CHECK (role IN ('CIVIL_AFFAIRS', 'CHILD_SUPERVISOR', 'CHILD_DIRECTOR', 'ORG_ADMIN', 'ORG_STAFF',
                                                  'VOLUNTEER', 'VENUE_STAFF', 'EVENT_ORGANISER', 'AUDITOR', 'ADMIN')),
    area_id         text REFERENCES areas (id),
    organisation_id uuid REFERENCES organisations (id),
    granted_at      timestamptz NOT NULL,
    granted_by      uuid REFERENCES users (id),
    revoked_at      timestamptz,
    revoked_by      uuid REFERENCES users (id),
    CHECK (area_id IS NULL OR organisation_id IS NULL)
);
CREATE UNIQUE INDEX role_grants_active_idx ON role_grants (user_id, role, coalesce(area_id, ''), coalesce(organisation_id::text, ''))
    WHERE revoked_at IS NULL;
CREATE INDEX role_grants_area_idx ON role_grants (area_id) WHERE revoked_at IS NULL;
CREATE INDEX role_grants_org_idx ON role_grants (organisation_id) WHERE revoked_at IS NULL;

CREATE TABLE audit_events (
    id             bigserial PRIMARY KEY,
    at             timestamptz NOT NULL,
    actor_id       uuid REFERENCES users (id),
    actor_username text,
    action         text NOT NULL,
    target         text,
    ip             text,
    user_agent     text,
    request_id     text,
    detail         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_action_idx ON audit_events (action, id DESC);

-- The audit log is evidence: once written, a row is never changed or removed.
-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_append_only
    BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only;
DROP TABLE role_grants;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE organisations;
DROP TABLE areas;
