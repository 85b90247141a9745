package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"flowcare/internal/access"
	"flowcare/internal/flowcare"
)

// A generated city set is written once. Its last transaction, the one with
// the money, also writes an audit entry that marks the set complete; a second
// run finds the entry and leaves the set as it is. A run that stopped before
// that transaction left no money and no mark: the next run removes what it
// had written (every generated row has an id of its own kind, see genID) and
// starts again. Replacing a complete set is not offered: the ledger and the
// audit log are append-only, and a set is made again in a fresh database.
const (
	cityMarkAction = "dataset.generated"
	cityMarkTarget = "dataset:city"
)

// cityCounts are the sizes of a generated set.
type cityCounts struct {
	Children      int `json:"children"`
	Organisations int `json:"organisations"`
	Services      int `json:"services"`
	Volunteers    int `json:"volunteers"`
	Slots         int `json:"slots"`
	Events        int `json:"events"`
	Needs         int `json:"needs"`
	OpenNeeds     int `json:"openNeeds"`
}

// fullCity is the set at scale 1: a city of Beijing's size.
var fullCity = cityCounts{Children: 300000, Organisations: 5000, Services: 400000, Volunteers: 150000,
	Slots: 300000, Events: 150000, Needs: 200000, OpenNeeds: 60000}

// ledgerShare is the share of children on the key-care ledger.
const ledgerShare = 0.10

type cityOptions struct {
	Seed  uint64
	Scale float64
	// Counts given explicitly (>= 0) override the scaled ones.
	Counts cityCounts
	// Workers is how many stages write at once.
	Workers int
	// Batch is how many records of a stage go in one transaction.
	Batch int
	// Now is when the set is generated: times are laid out before it.
	Now time.Time
}

func defaultCityOptions() cityOptions {
	return cityOptions{Seed: 1, Scale: 1, Workers: 2, Batch: 20000,
		Counts: cityCounts{-1, -1, -1, -1, -1, -1, -1, -1}}
}

// counts resolves the sizes: explicit ones as given, the rest scaled from
// the full city, with at least one organisation of every kind.
func (o cityOptions) counts() cityCounts {
	scaled := func(explicit, full, least int) int {
		if explicit >= 0 {
			return explicit
		}
		return max(least, int(math.Round(float64(full)*o.Scale)))
	}
	c := cityCounts{
		Children:      scaled(o.Counts.Children, fullCity.Children, 1),
		Organisations: scaled(o.Counts.Organisations, fullCity.Organisations, len(orgKindShares)+2),
		Services:      scaled(o.Counts.Services, fullCity.Services, 0),
		Volunteers:    scaled(o.Counts.Volunteers, fullCity.Volunteers, 0),
		Slots:         scaled(o.Counts.Slots, fullCity.Slots, 0),
		Events:        scaled(o.Counts.Events, fullCity.Events, 0),
		Needs:         scaled(o.Counts.Needs, fullCity.Needs, 0),
		OpenNeeds:     scaled(o.Counts.OpenNeeds, fullCity.OpenNeeds, 0),
	}
	c.OpenNeeds = min(c.OpenNeeds, c.Needs)
	return c
}

func cmdGenerate(ctx context.Context, cfg Config, stdout io.Writer, args []string) error {
	if len(args) == 0 || args[0] != "city" {
		return usageError{"say `generate city`, with --scale 0.01 or counts for a smaller set"}
	}
	opts := defaultCityOptions()
	fs := flag.NewFlagSet("generate city", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Float64Var(&opts.Scale, "scale", 1, "size relative to the full city (1: 300,000 children, 1,000,000 offers)")
	fs.Uint64Var(&opts.Seed, "seed", 1, "seed of the random choices: the same seed makes the same set")
	fs.IntVar(&opts.Counts.Children, "children", -1, "children (default 300,000 × scale)")
	fs.IntVar(&opts.Counts.Organisations, "organisations", -1, "organisations (default 5,000 × scale)")
	fs.IntVar(&opts.Counts.Services, "services", -1, "services (default 400,000 × scale)")
	fs.IntVar(&opts.Counts.Volunteers, "volunteers", -1, "volunteers (default 150,000 × scale)")
	fs.IntVar(&opts.Counts.Slots, "slots", -1, "venue slots (default 300,000 × scale)")
	fs.IntVar(&opts.Counts.Events, "events", -1, "events (default 150,000 × scale)")
	fs.IntVar(&opts.Counts.Needs, "needs", -1, "needs of the last 12 months, every status (default 200,000 × scale)")
	fs.IntVar(&opts.Counts.OpenNeeds, "open-needs", -1, "of those, needs open now (default 60,000 × scale)")
	fs.IntVar(&opts.Workers, "workers", 2, "stages written at once")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() > 0 {
		return usageError{fmt.Sprintf("generate city: %v", errOr(err, "unexpected arguments"))}
	}
	if !(opts.Scale > 0 && opts.Scale <= 10) {
		return usageError{"--scale must be above 0 and at most 10"}
	}
	if opts.Workers < 1 || opts.Workers > 16 {
		return usageError{"--workers must be between 1 and 16"}
	}
	if _, err := cfg.keyring(); err != nil {
		return err
	}
	a, err := newApp(ctx, cfg)
	if err != nil {
		return err
	}
	defer a.db.Close()
	opts.Now = time.Now()
	_, err = generateCity(ctx, a, access.DefaultArgon2id(), opts, stdout)
	return err
}

func errOr(err error, msg string) string {
	if err != nil {
		return err.Error()
	}
	return msg
}

// cityResult is what a run did.
type cityResult struct {
	// AlreadyThere is set when the set was found complete and left alone.
	AlreadyThere bool
	Counts       cityCounts
	Elapsed      time.Duration
}

// generateCity builds the set on top of the demo, or finds it already there.
func generateCity(ctx context.Context, a *app, hasher access.Hasher, opts cityOptions, out io.Writer) (*cityResult, error) {
	start := time.Now()
	rep := newReporter(out)
	if _, err := a.db.Users().UserByUsername(ctx, "demo.admin"); flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		rep.printf("generate: the demo is missing; seeding it first")
		if err := seedDemo(ctx, a, hasher, out); err != nil {
			return nil, fmt.Errorf("seed the demo: %w", err)
		}
	} else if err != nil {
		return nil, err
	}
	db := a.db.SQL()
	mark, err := readCityMark(ctx, db)
	if err != nil {
		return nil, err
	}
	if mark != nil {
		rep.printf("generate: this database already has a generated city set (seed %d, scale %g, %s children, %s offers, made %s); leaving it as it is",
			mark.Seed, mark.Scale, thousands(mark.Counts.Children), thousands(mark.Counts.offers()), mark.At.In(flowcare.Beijing).Format("2006-01-02 15:04"))
		if err := checkCityIndices(ctx, a, rep); err != nil {
			return nil, err
		}
		return &cityResult{AlreadyThere: true, Counts: mark.Counts, Elapsed: time.Since(start)}, nil
	}
	if err := removePartialCity(ctx, db, rep); err != nil {
		return nil, err
	}
	counts := opts.counts()
	geo, err := loadCityGeo(ctx, db)
	if err != nil {
		return nil, err
	}
	sealer, err := a.db.Sealer()
	if err != nil {
		return nil, err
	}
	hash, err := hasher.Hash(DemoPassword)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	p, err := planCity(geo, opts, counts, hash)
	if err != nil {
		return nil, err
	}
	rep.printf("generate: planned %s children, %s organisations, %s offers, %s needs, %s matches, %s contracts in %.1fs (seed %d)",
		thousands(len(p.children)), thousands(len(p.orgs)), thousands(counts.offers()), thousands(len(p.needs)),
		thousands(len(p.matches)), thousands(len(p.funding.contracts)), time.Since(t0).Seconds(), opts.Seed)
	w := &cityWriter{db: db, plan: p, sealer: sealer, batch: opts.Batch}
	if err := runStages(ctx, opts.Workers, w.stages(), rep); err != nil {
		return nil, fmt.Errorf("%w (the next run removes what this one wrote and starts again)", err)
	}
	pgDone := time.Since(start)
	if err := reindexCity(ctx, a, rep); err != nil {
		return nil, fmt.Errorf("%w; the data set itself is complete: `flowcare reindex` builds the indices again", err)
	}
	res := &cityResult{Counts: counts, Elapsed: time.Since(start)}
	rep.summary(p, pgDone, res.Elapsed)
	return res, nil
}

func (c cityCounts) offers() int { return c.Services + c.Volunteers + c.Slots + c.Events }

type cityMark struct {
	Seed   uint64     `json:"seed"`
	Scale  float64    `json:"scale"`
	Counts cityCounts `json:"counts"`
	At     time.Time  `json:"at"`
}

func readCityMark(ctx context.Context, db *sql.DB) (*cityMark, error) {
	var detail []byte
	err := db.QueryRowContext(ctx, `SELECT detail FROM audit_events WHERE action = $1 AND target = $2 ORDER BY id DESC LIMIT 1`,
		cityMarkAction, cityMarkTarget).Scan(&detail)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("look for a generated set: %w", err)
	}
	var m cityMark
	if err := json.Unmarshal(detail, &m); err != nil {
		return nil, fmt.Errorf("read the mark of the generated set: %w", err)
	}
	return &m, nil
}

// writeCityMark records the set as complete, inside its last transaction.
func writeCityMark(ctx context.Context, tx *sql.Tx, p *cityPlan) error {
	detail, err := json.Marshal(cityMark{Seed: p.opts.Seed, Scale: p.opts.Scale, Counts: p.counts, At: p.now})
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_events (at, actor_username, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)`,
		p.now, "flowcare generate city", cityMarkAction, cityMarkTarget, string(detail))
	return err
}

// generatedTables are the tables a run writes before its last transaction,
// children of a foreign key before their parents, and the kind of id each
// row carries. Rows below them (history, guardians, sessions…) go with
// their parents' cascades.
var generatedTables = []struct {
	table string
	kind  idKind
}{
	{"matches", kindMatch}, {"needs", kindNeed}, {"children", kindChild},
	{"services", kindService}, {"slots", kindSlot}, {"events", kindEvent}, {"volunteers", kindVolunteer},
	{"role_grants", kindGrant}, {"organisations", kindOrg}, {"users", kindUser},
}

// removePartialCity deletes what an interrupted run wrote. Nothing of the
// demo or anyone else carries a generated id, so nothing else goes.
func removePartialCity(ctx context.Context, db *sql.DB, rep *reporter) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM users WHERE id BETWEEN $1 AND $2`,
		genID(kindUser, 0), genID(kindUser, maxGenIndex)).Scan(&n); err != nil {
		return fmt.Errorf("look for a partial set: %w", err)
	}
	if n == 0 {
		return nil
	}
	rep.printf("generate: an earlier run stopped part-way; removing what it wrote")
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Organisation staff and volunteers answered matches and logged sessions:
	// those rows go with the matches, first.
	for _, t := range generatedTables {
		res, err := tx.ExecContext(ctx, `DELETE FROM `+t.table+` WHERE id BETWEEN $1 AND $2`, genID(t.kind, 0), genID(t.kind, maxGenIndex))
		if err != nil {
			return fmt.Errorf("remove the partial set's %s: %w", t.table, err)
		}
		if k, _ := res.RowsAffected(); k > 0 {
			rep.printf("generate: removed %s %s", thousands(int(k)), t.table)
		}
	}
	return tx.Commit()
}

// idKind tells generated rows apart by table. A generated id is a version 8
// UUID (RFC 9562, for ids of one's own layout): c17e followed by the kind,
// then the row's number. PostgreSQL's gen_random_uuid makes version 4 only,
// so no other row can fall in a generated range.
type idKind int

const (
	kindOrg idKind = iota + 1
	kindUser
	kindGrant
	kindService
	kindLocation
	kindVolunteer
	kindVetting
	kindSlot
	kindSeries
	kindEvent
	kindChild
	kindGuardian
	kindConsent
	kindReview
	kindVisit
	kindNeed
	kindMatch
	kindBooking
	kindSession
	kindBudgetLine
	kindContract
	kindAuthorisation
	kindDelivery
	kindInvoice
	kindPayment
)

const maxGenIndex = 1<<48 - 1

func genID(k idKind, n int) string {
	return fmt.Sprintf("c17e%04x-0000-8000-8000-%012x", int(k), n)
}

// checkCityIndices rebuilds the search indices of a complete set when they
// do not hold what PostgreSQL offers, as after a run whose index build failed.
func checkCityIndices(ctx context.Context, a *app, rep *reporter) error {
	if err := a.search.EnsureIndices(ctx); err != nil {
		return fmt.Errorf("%w (is Elasticsearch running? `make services` starts a local one)", err)
	}
	want, err := liveOffers(ctx, a.db.SQL())
	if err != nil {
		return err
	}
	var behind []flowcare.Entity
	for _, e := range flowcare.Entities {
		got, err := a.search.Count(ctx, e)
		if err != nil {
			return err
		}
		if got != want[e] {
			rep.printf("generate: the %s index holds %s documents, PostgreSQL offers %s; rebuilding it", e, thousands(got), thousands(want[e]))
			behind = append(behind, e)
		}
	}
	if len(behind) == 0 {
		rep.printf("generate: the search indices hold every offer")
		return nil
	}
	return reindexCity(ctx, a, rep, behind...)
}

// liveOffers counts the offers the search copy should hold: what is
// published by a verified organisation, and every volunteer.
func liveOffers(ctx context.Context, db *sql.DB) (map[flowcare.Entity]int, error) {
	out := map[flowcare.Entity]int{}
	for e, q := range map[flowcare.Entity]string{
		flowcare.EntityService: `SELECT count(*) FROM services s JOIN organisations o ON o.id = s.organisation_id
			WHERE s.status = 'ACTIVE' AND o.verification_status = 'VERIFIED'`,
		flowcare.EntityVolunteer: `SELECT count(*) FROM volunteers`,
		flowcare.EntitySlot: `SELECT count(*) FROM slots s JOIN organisations o ON o.id = s.venue_id
			WHERE s.status = 'PUBLISHED' AND o.verification_status = 'VERIFIED'`,
		flowcare.EntityEvent: `SELECT count(*) FROM events e JOIN organisations o ON o.id = e.organisation_id
			WHERE e.status = 'PUBLISHED' AND o.verification_status = 'VERIFIED'`,
	} {
		var n int
		if err := db.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return nil, fmt.Errorf("count live %ss: %w", e, err)
		}
		out[e] = n
	}
	return out, nil
}

// reindexCity builds indices (all four when none is named) from PostgreSQL
// with the reindex command's code, two at a time.
func reindexCity(ctx context.Context, a *app, rep *reporter, entities ...flowcare.Entity) error {
	if err := a.search.EnsureIndices(ctx); err != nil {
		return fmt.Errorf("%w (is Elasticsearch running? `make services` starts a local one)", err)
	}
	if len(entities) == 0 {
		entities = flowcare.Entities
	}
	return rebuildIndices(ctx, a, entities, 2000, 2, rep.out())
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}
