-- +goose Up
-- One row per applied import from education or public security lists. The
-- summary holds line numbers, outcomes and reasons, never personal data.
CREATE TABLE child_imports (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    source     text NOT NULL CHECK (source IN ('EDUCATION', 'PUBLIC_SECURITY')),
    file_name  text NOT NULL,
    rows       integer NOT NULL,
    created    integer NOT NULL,
    updated    integer NOT NULL,
    conflicts  integer NOT NULL,
    invalid    integer NOT NULL,
    summary    jsonb NOT NULL DEFAULT '[]',
    imported_by uuid REFERENCES users (id),
    imported_at timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE child_imports;
