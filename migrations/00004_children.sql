-- +goose Up
-- Personal data (names, ID numbers, phone numbers, addresses) is stored only
-- encrypted, as "keyid.ciphertext"; equality look-ups go through keyed hashes.
CREATE TABLE children (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name_enc         text NOT NULL,
    -- keyed hash of name and birth date, to find likely duplicates
    name_birth_hash  text NOT NULL,
    gender           text NOT NULL CHECK (gender IN ('FEMALE', 'MALE')),
    birth_date       date NOT NULL,
    id_number_enc    text,
    id_number_hash   text UNIQUE,
    no_id_reason     text,
    hukou_province   text NOT NULL CHECK (hukou_province <> ''),
    hukou_city       text NOT NULL DEFAULT '',
    hukou_county     text NOT NULL DEFAULT '',
    moved_with       text NOT NULL CHECK (moved_with IN ('ONE_GUARDIAN', 'BOTH_GUARDIANS', 'OTHER_CARER', 'ALONE')),
    community_id     text NOT NULL REFERENCES areas (id),
    address_enc      text,
    arrived_on       date NOT NULL,
    school           text NOT NULL DEFAULT '',
    languages        text[] NOT NULL DEFAULT '{}',
    disability       text NOT NULL DEFAULT '',
    status           text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'INACTIVE')),
    last_reviewed_on date,
    registered_by    uuid REFERENCES users (id),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((id_number_enc IS NULL) = (id_number_hash IS NULL)),
    CHECK (id_number_enc IS NOT NULL OR coalesce(no_id_reason, '') <> '')
);
CREATE INDEX children_community_idx ON children (community_id);
CREATE INDEX children_name_birth_idx ON children (name_birth_hash);

CREATE TABLE guardians (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id   uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    name_enc   text NOT NULL,
    relation   text NOT NULL CHECK (relation <> ''),
    phone_enc  text,
    is_primary boolean NOT NULL DEFAULT false,
    UNIQUE (child_id, position)
);

CREATE TABLE consents (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id     uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    purpose      text NOT NULL CHECK (purpose IN ('SERVICES', 'SHARE_WITH_PROVIDER', 'STATISTICS')),
    granted      boolean NOT NULL,
    guardian_id  uuid REFERENCES guardians (id),
    method       text NOT NULL CHECK (method IN ('WRITTEN', 'VERBAL', 'ONLINE')),
    given_on     date NOT NULL,
    recorded_by  uuid REFERENCES users (id),
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    withdrawn_at timestamptz
);
CREATE INDEX consents_child_idx ON consents (child_id, purpose);

CREATE TABLE child_reviews (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    child_id    uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    reviewed_on date NOT NULL,
    reviewer    uuid REFERENCES users (id),
    note        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX child_reviews_child_idx ON child_reviews (child_id, reviewed_on DESC);

-- "Who viewed this child" reads the audit log by target.
CREATE INDEX audit_events_target_idx ON audit_events (target, id DESC);

-- +goose Down
DROP INDEX audit_events_target_idx;
DROP TABLE child_reviews;
DROP TABLE consents;
DROP TABLE guardians;
DROP TABLE children;
