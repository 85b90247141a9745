-- +goose Up
-- The overview counts a whole area's children on every visit. At the city's
-- 300,000 children the live count read every row and took 450-650 ms on two
-- cores (EXPLAIN ANALYZE on the city-size data set), so the counts are kept
-- per community, for one day at a time.
--
-- Counting an area's children (the list's total, the overview of a district)
-- reads this index alone, without the table.
DROP INDEX children_community_idx;
CREATE INDEX children_community_idx ON children (community_id)
    INCLUDE (id, status, birth_date, arrived_on, moved_with, last_reviewed_on, created_at);

-- The day the counts hold for and its cut-off dates, which the application
-- works out (its calendar arithmetic is the one every other count uses). A
-- NULL day means nothing is counted yet.
CREATE TABLE child_counts_as_of (
    one             boolean PRIMARY KEY DEFAULT true CHECK (one),
    as_of           date,
    born_after      date,
    arrived_by      date,
    reviewed_before date
);
INSERT INTO child_counts_as_of (one) VALUES (true);

CREATE TABLE child_counts (
    community_id   text PRIMARY KEY REFERENCES areas (id),
    children       integer NOT NULL, -- every child, whatever their status: the community has a row in the overview
    active         integer NOT NULL,
    eligible       integer NOT NULL,
    reviews_due    integer NOT NULL,
    on_ledger      integer NOT NULL,
    visits_overdue integer NOT NULL
);

-- What one child adds to its community's counts on the day of s, and what
-- one ledger entry adds to its child's community.
-- +goose StatementBegin
CREATE FUNCTION child_counts_of(c children, s child_counts_as_of) RETURNS integer[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY[1, active::int, (active AND c.arrived_on <= s.arrived_by AND c.moved_with <> 'ALONE')::int,
                 (active AND coalesce(c.last_reviewed_on, c.created_at::date) < s.reviewed_before)::int]
    FROM (SELECT c.status = 'ACTIVE' AND c.birth_date > s.born_after AS active) x
$$;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE FUNCTION ledger_counts_of(l ledger_entries, s child_counts_as_of) RETURNS integer[]
LANGUAGE sql STABLE AS $$
    -- l is all NULL where a child has no entry.
    SELECT ARRAY[0, 0, 0, 0, open::int, (open AND l.next_visit_due < s.as_of)::int]
    FROM (SELECT l.child_id IS NOT NULL AND l.left_on IS NULL AS open) x
$$;
-- +goose StatementEnd

-- Applies a statement's changes to the counts: of children (with the open
-- ledger entry each has, so that a child moving takes it along) or of ledger
-- entries (counted in their child's community). The day's row is read FOR
-- SHARE and so held until the writer commits: a recount updates that row
-- first and waits for every writer still counting under the old day, and
-- writers arriving meanwhile wait for the recount and then count under the
-- new day. Nothing is counted while no day is set.
-- +goose StatementBegin
CREATE FUNCTION child_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s child_counts_as_of;
    now_ text;
    was text;
    changes text;
BEGIN
    SELECT * INTO s FROM child_counts_as_of FOR SHARE;
    IF s.as_of IS NULL THEN
        RETURN NULL;
    END IF;
    -- Each row counted under the day: +1 as it is now, -1 as it was.
    IF TG_TABLE_NAME = 'children' THEN
        now_ := 'SELECT r.community_id, 1 AS sign, child_counts_of(r, $1) || (ledger_counts_of(l, $1))[5:6] AS v
                 FROM new_rows r LEFT JOIN ledger_entries l ON l.child_id = r.id';
        was := 'SELECT r.community_id, -1 AS sign, child_counts_of(r, $1) || (ledger_counts_of(l, $1))[5:6] AS v
                FROM old_rows r LEFT JOIN ledger_entries l ON l.child_id = r.id';
    ELSE
        -- An entry whose child is gone went with it: see child_counts_forget_ledger.
        now_ := 'SELECT c.community_id, 1 AS sign, ledger_counts_of(r, $1) AS v FROM new_rows r JOIN children c ON c.id = r.child_id';
        was := 'SELECT c.community_id, -1 AS sign, ledger_counts_of(r, $1) AS v FROM old_rows r JOIN children c ON c.id = r.child_id';
    END IF;
    changes := CASE TG_OP WHEN 'INSERT' THEN now_ WHEN 'DELETE' THEN was ELSE now_ || ' UNION ALL ' || was END;
    EXECUTE 'INSERT INTO child_counts AS k (community_id, children, active, eligible, reviews_due, on_ledger, visits_overdue)
        SELECT community_id, sum(sign * v[1]), sum(sign * v[2]), sum(sign * v[3]), sum(sign * v[4]), sum(sign * v[5]), sum(sign * v[6])
        FROM (' || changes || ') d GROUP BY community_id
        ON CONFLICT (community_id) DO UPDATE SET children = k.children + EXCLUDED.children, active = k.active + EXCLUDED.active,
            eligible = k.eligible + EXCLUDED.eligible, reviews_due = k.reviews_due + EXCLUDED.reviews_due,
            on_ledger = k.on_ledger + EXCLUDED.on_ledger, visits_overdue = k.visits_overdue + EXCLUDED.visits_overdue' USING s;
    RETURN NULL;
END
$$;
-- +goose StatementEnd

CREATE TRIGGER child_counts_insert AFTER INSERT ON children REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();
CREATE TRIGGER child_counts_update AFTER UPDATE ON children REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();
CREATE TRIGGER child_counts_delete AFTER DELETE ON children REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();
CREATE TRIGGER ledger_counts_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();
CREATE TRIGGER ledger_counts_update AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();
CREATE TRIGGER ledger_counts_delete AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION child_counts_apply();

-- A child's ledger entry is deleted with the child, after which neither the
-- entry's child nor the child's entry can be found; the entry is taken off
-- the counts while both still stand. Children are not deleted in the
-- ordinary run of things, so a row trigger costs nothing that matters.
-- +goose StatementBegin
CREATE FUNCTION child_counts_forget_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s child_counts_as_of;
BEGIN
    SELECT * INTO s FROM child_counts_as_of FOR SHARE;
    IF s.as_of IS NOT NULL THEN
        UPDATE child_counts k SET on_ledger = k.on_ledger - x.v[5], visits_overdue = k.visits_overdue - x.v[6]
        FROM (SELECT ledger_counts_of(l, s) v FROM ledger_entries l WHERE l.child_id = OLD.id) x
        WHERE k.community_id = OLD.community_id;
    END IF;
    RETURN OLD;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER child_counts_forget_ledger BEFORE DELETE ON children FOR EACH ROW EXECUTE FUNCTION child_counts_forget_ledger();

-- Counts every community again for a new day.
-- +goose StatementBegin
CREATE FUNCTION child_counts_recount(day date, born_after date, arrived_by date, reviewed_before date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    s child_counts_as_of;
BEGIN
    UPDATE child_counts_as_of SET as_of = day, born_after = child_counts_recount.born_after,
        arrived_by = child_counts_recount.arrived_by, reviewed_before = child_counts_recount.reviewed_before
    RETURNING * INTO s;
    DELETE FROM child_counts;
    INSERT INTO child_counts (community_id, children, active, eligible, reviews_due, on_ledger, visits_overdue)
    SELECT community_id, sum(v[1]), sum(v[2]), sum(v[3]), sum(v[4]), sum(v[5]), sum(v[6])
    FROM (SELECT c.community_id, child_counts_of(c, s) || (ledger_counts_of(l, s))[5:6] AS v
          FROM children c LEFT JOIN ledger_entries l ON l.child_id = c.id) x
    GROUP BY community_id;
END
$$;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER child_counts_insert ON children;
DROP TRIGGER child_counts_update ON children;
DROP TRIGGER child_counts_delete ON children;
DROP TRIGGER child_counts_forget_ledger ON children;
DROP TRIGGER ledger_counts_insert ON ledger_entries;
DROP TRIGGER ledger_counts_update ON ledger_entries;
DROP TRIGGER ledger_counts_delete ON ledger_entries;
DROP FUNCTION child_counts_forget_ledger();
DROP FUNCTION child_counts_recount(date, date, date, date);
DROP FUNCTION child_counts_apply();
DROP FUNCTION child_counts_of(children, child_counts_as_of);
DROP FUNCTION ledger_counts_of(ledger_entries, child_counts_as_of);
DROP TABLE child_counts;
DROP TABLE child_counts_as_of;
DROP INDEX children_community_idx;
CREATE INDEX children_community_idx ON children (community_id);
