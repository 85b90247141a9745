-- +goose Up
ALTER TABLE organisations
    ADD COLUMN registration_number text,
    ADD COLUMN contact_name        text,
    ADD COLUMN contact_phone       text,
    ADD COLUMN description         text NOT NULL DEFAULT '',
    ADD COLUMN address             text,
    ADD COLUMN latitude            double precision,
    ADD COLUMN longitude           double precision,
    ADD COLUMN areas_served        text[] NOT NULL DEFAULT '{}',
    ADD COLUMN verification_status text NOT NULL DEFAULT 'UNVERIFIED'
        CHECK (verification_status IN ('UNVERIFIED', 'VERIFIED', 'REJECTED')),
    ADD COLUMN verification_note   text,
    ADD COLUMN verified_by         uuid REFERENCES users (id),
    ADD COLUMN verified_at         timestamptz,
    ADD COLUMN updated_at          timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT organisations_point CHECK ((latitude IS NULL) = (longitude IS NULL));
CREATE UNIQUE INDEX organisations_registration_idx ON organisations (registration_number) WHERE registration_number IS NOT NULL;

CREATE TABLE services (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid NOT NULL REFERENCES organisations (id),
    name            text NOT NULL CHECK (name <> ''),
    description     text NOT NULL DEFAULT '',
    categories      text[] NOT NULL CHECK (cardinality(categories) > 0),
    min_age         integer NOT NULL CHECK (min_age >= 0),
    max_age         integer NOT NULL CHECK (max_age >= min_age AND max_age <= 18),
    areas_served    text[] NOT NULL DEFAULT '{}',
    schedule        jsonb NOT NULL DEFAULT '[]',
    capacity        integer NOT NULL CHECK (capacity >= 1),
    languages       text[] NOT NULL DEFAULT '{}',
    funding         text NOT NULL CHECK (funding IN ('FREE', 'FUNDED')),
    status          text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ENDED')),
    -- bumped on every change; the search copy is written with it as an external version
    version         bigint NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX services_organisation_idx ON services (organisation_id);

CREATE TABLE service_locations (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name       text NOT NULL CHECK (name <> ''),
    address    text NOT NULL DEFAULT '',
    area_id    text NOT NULL REFERENCES areas (id),
    latitude   double precision NOT NULL,
    longitude  double precision NOT NULL,
    UNIQUE (service_id, position)
);

CREATE TABLE volunteers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL UNIQUE REFERENCES users (id),
    display_name    text NOT NULL CHECK (display_name <> ''),
    phone           text,
    bio             text NOT NULL DEFAULT '',
    skills          text[] NOT NULL DEFAULT '{}',
    languages       text[] NOT NULL DEFAULT '{}',
    home_area_id    text NOT NULL REFERENCES areas (id),
    availability    jsonb NOT NULL DEFAULT '[]',
    hours_per_month integer NOT NULL CHECK (hours_per_month BETWEEN 0 AND 200),
    version         bigint NOT NULL DEFAULT 1,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE volunteer_organisations (
    volunteer_id    uuid NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id),
    PRIMARY KEY (volunteer_id, organisation_id)
);
CREATE INDEX volunteer_organisations_org_idx ON volunteer_organisations (organisation_id);

CREATE TABLE vetting_items (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    volunteer_id uuid NOT NULL REFERENCES volunteers (id) ON DELETE CASCADE,
    kind         text NOT NULL CHECK (kind IN ('CRIMINAL_RECORD_CHECK', 'TRAINING', 'SAFEGUARDING_PLEDGE')),
    status       text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    completed_on date NOT NULL,
    expires_on   date NOT NULL CHECK (expires_on > completed_on),
    note         text,
    recorded_by  uuid REFERENCES users (id),
    approved_by  uuid REFERENCES users (id),
    approved_at  timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vetting_items_volunteer_idx ON vetting_items (volunteer_id);
CREATE INDEX vetting_items_expiry_idx ON vetting_items (expires_on) WHERE status = 'APPROVED';

CREATE TABLE slots (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    venue_id           uuid NOT NULL REFERENCES organisations (id),
    series_id          uuid,
    title              text NOT NULL CHECK (title <> ''),
    description        text NOT NULL DEFAULT '',
    categories         text[] NOT NULL CHECK (cardinality(categories) > 0),
    starts_at          timestamptz NOT NULL,
    ends_at            timestamptz NOT NULL CHECK (ends_at > starts_at),
    capacity           integer NOT NULL CHECK (capacity >= 1),
    min_age            integer NOT NULL CHECK (min_age >= 0),
    max_age            integer NOT NULL CHECK (max_age >= min_age AND max_age <= 18),
    children_per_adult integer NOT NULL CHECK (children_per_adult >= 1),
    booking_cutoff     timestamptz NOT NULL CHECK (booking_cutoff <= starts_at),
    status             text NOT NULL CHECK (status IN ('PUBLISHED', 'CANCELLED')),
    version            bigint NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX slots_venue_idx ON slots (venue_id, starts_at);

CREATE TABLE events (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id     uuid NOT NULL REFERENCES organisations (id),
    title               text NOT NULL CHECK (title <> ''),
    description         text NOT NULL DEFAULT '',
    categories          text[] NOT NULL CHECK (cardinality(categories) > 0),
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL CHECK (ends_at > starts_at),
    place               text NOT NULL CHECK (place <> ''),
    area_id             text NOT NULL REFERENCES areas (id),
    latitude            double precision NOT NULL,
    longitude           double precision NOT NULL,
    capacity            integer NOT NULL CHECK (capacity >= 1),
    min_age             integer NOT NULL CHECK (min_age >= 0),
    max_age             integer NOT NULL CHECK (max_age >= min_age AND max_age <= 18),
    registration_opens  timestamptz NOT NULL,
    registration_closes timestamptz NOT NULL CHECK (registration_closes > registration_opens AND registration_closes <= starts_at),
    status              text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED')),
    version             bigint NOT NULL DEFAULT 1,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_organisation_idx ON events (organisation_id, starts_at);

-- Changes waiting to reach the search copy; written in the same transaction
-- as the change itself and drained by the relay.
CREATE TABLE outbox (
    id           bigserial PRIMARY KEY,
    entity       text NOT NULL CHECK (entity IN ('service', 'volunteer', 'slot', 'event')),
    entity_id    uuid NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    attempts     integer NOT NULL DEFAULT 0,
    available_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error   text
);
CREATE INDEX outbox_available_idx ON outbox (available_at, id);

-- +goose StatementBegin
CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('flowcare_outbox', '');
    RETURN NULL;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify();

-- +goose Down
DROP TABLE outbox;
DROP FUNCTION outbox_notify;
DROP TABLE events;
DROP TABLE slots;
DROP TABLE vetting_items;
DROP TABLE volunteer_organisations;
DROP TABLE volunteers;
DROP TABLE service_locations;
DROP TABLE services;
ALTER TABLE organisations
    DROP CONSTRAINT organisations_point,
    DROP COLUMN registration_number, DROP COLUMN contact_name, DROP COLUMN contact_phone, DROP COLUMN description,
    DROP COLUMN address, DROP COLUMN latitude, DROP COLUMN longitude, DROP COLUMN areas_served,
    DROP COLUMN verification_status, DROP COLUMN verification_note, DROP COLUMN verified_by, DROP COLUMN verified_at,
    DROP COLUMN updated_at;
