-- +goose Up
-- Matching and closed-loop delivery: matches and their history, seats on
-- slots and events, delivered sessions with volunteer hours, and the in-app
-- inbox.

-- Seats taken are counted on the offer itself so that a conditional update
-- takes the seat and the check constraint makes overbooking impossible even
-- for a writer that forgets the condition.
ALTER TABLE slots ADD COLUMN booked integer NOT NULL DEFAULT 0;
ALTER TABLE slots ADD CONSTRAINT slots_booked_within_capacity CHECK (booked >= 0 AND booked <= capacity);
ALTER TABLE events ADD COLUMN booked integer NOT NULL DEFAULT 0;
ALTER TABLE events ADD CONSTRAINT events_booked_within_capacity CHECK (booked >= 0 AND booked <= capacity);

CREATE TABLE matches (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    need_id               uuid NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    child_id              uuid NOT NULL REFERENCES children (id) ON DELETE CASCADE,
    category              text NOT NULL,
    entity                text NOT NULL CHECK (entity IN ('service', 'volunteer', 'slot', 'event')),
    offer_id              uuid NOT NULL,
    offer_title           text NOT NULL,
    provider_org_id       uuid REFERENCES organisations (id),
    provider_volunteer_id uuid REFERENCES volunteers (id),
    status                text NOT NULL CHECK (status IN ('PROPOSED', 'REQUESTED', 'ACCEPTED', 'DECLINED',
                                                           'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED')),
    reason                text,
    note                  text NOT NULL DEFAULT '',
    score                 double precision,
    factors               jsonb NOT NULL DEFAULT '[]',
    pairing               jsonb,
    consent_override      text,
    created_by            uuid REFERENCES users (id),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    CHECK ((provider_org_id IS NULL) <> (provider_volunteer_id IS NULL))
);
-- One open match per need and offer: proposing the same pair twice is a mistake.
CREATE UNIQUE INDEX matches_open_pair_idx ON matches (need_id, entity, offer_id)
    WHERE status IN ('PROPOSED', 'REQUESTED', 'ACCEPTED', 'IN_PROGRESS');
CREATE INDEX matches_need_idx ON matches (need_id);
CREATE INDEX matches_child_idx ON matches (child_id, created_at DESC);
CREATE INDEX matches_org_idx ON matches (provider_org_id, status) WHERE provider_org_id IS NOT NULL;
CREATE INDEX matches_volunteer_idx ON matches (provider_volunteer_id, status) WHERE provider_volunteer_id IS NOT NULL;
CREATE INDEX matches_offer_idx ON matches (entity, offer_id, status);

CREATE TABLE match_history (
    id          bigserial PRIMARY KEY,
    match_id    uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    from_status text,
    to_status   text NOT NULL,
    reason      text,
    note        text NOT NULL DEFAULT '',
    at          timestamptz NOT NULL,
    actor       uuid REFERENCES users (id)
);
CREATE INDEX match_history_match_idx ON match_history (match_id, id);

CREATE SEQUENCE booking_position;
CREATE TABLE bookings (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    match_id   uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    entity     text NOT NULL CHECK (entity IN ('slot', 'event')),
    offer_id   uuid NOT NULL,
    status     text NOT NULL CHECK (status IN ('BOOKED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')),
    -- the order in which requests reached the seat count; the waitlist is promoted in it
    position   bigint NOT NULL DEFAULT nextval('booking_position'),
    starts_at  timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX bookings_one_per_match_offer_idx ON bookings (match_id, offer_id) WHERE status IN ('BOOKED', 'WAITLISTED');
CREATE INDEX bookings_waitlist_idx ON bookings (entity, offer_id, position) WHERE status = 'WAITLISTED';
CREATE INDEX bookings_match_idx ON bookings (match_id);

CREATE TABLE service_sessions (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    match_id     uuid NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    starts_at    timestamptz NOT NULL,
    ends_at      timestamptz NOT NULL CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '12 hours'),
    attendance   text NOT NULL CHECK (attendance IN ('ATTENDED', 'EXCUSED', 'NO_SHOW')),
    note         text NOT NULL DEFAULT '',
    volunteer_id uuid REFERENCES volunteers (id),
    hours_status text NOT NULL CHECK (hours_status IN ('NOT_APPLICABLE', 'PENDING', 'APPROVED', 'REJECTED')),
    hours_note   text,
    approved_by  uuid REFERENCES users (id),
    approved_at  timestamptz,
    logged_by    uuid REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (match_id, starts_at),
    CHECK ((volunteer_id IS NULL) = (hours_status = 'NOT_APPLICABLE'))
);
CREATE INDEX service_sessions_volunteer_idx ON service_sessions (volunteer_id, starts_at) WHERE volunteer_id IS NOT NULL;
CREATE INDEX service_sessions_pending_idx ON service_sessions (hours_status) WHERE hours_status = 'PENDING';

CREATE TABLE notifications (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    title      text NOT NULL,
    body       text NOT NULL DEFAULT '',
    match_id   uuid REFERENCES matches (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at    timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Search documents gain load, record, seats and weekly windows: every offer
-- goes through the outbox again, under a new version so the index takes it.
UPDATE services SET version = version + 1;
UPDATE volunteers SET version = version + 1;
UPDATE slots SET version = version + 1;
UPDATE events SET version = version + 1;
INSERT INTO outbox (entity, entity_id)
SELECT 'service', id FROM services
UNION ALL SELECT 'volunteer', id FROM volunteers
UNION ALL SELECT 'slot', id FROM slots
UNION ALL SELECT 'event', id FROM events;

-- +goose Down
DROP TABLE notifications;
DROP TABLE service_sessions;
DROP TABLE bookings;
DROP SEQUENCE booking_position;
DROP TABLE match_history;
DROP TABLE matches;
ALTER TABLE events DROP COLUMN booked;
ALTER TABLE slots DROP COLUMN booked;
