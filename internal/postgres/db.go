// Package postgres keeps flowcare's data in PostgreSQL through sqlx and lib/pq.
package postgres

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

// DB is the PostgreSQL adapter. Its stores run outside a transaction; InTx
// gives stores that share one.
type DB struct {
	db     *sqlx.DB
	keys   *secrets.Keyring
	health *health
}

// UseKeyring sets the keys that encrypt personal data at rest; the child
// store refuses to work without them.
func (d *DB) UseKeyring(k *secrets.Keyring) { d.keys = k }

// UseLogger sets where the adapter reports PostgreSQL becoming unreachable
// and reachable again; until it is called that goes to slog's default logger.
func (d *DB) UseLogger(l *slog.Logger) { d.health.setLog(l) }

// Open connects to PostgreSQL and checks that it answers.
func Open(ctx context.Context, url string) (*DB, error) { return OpenDriver(ctx, "postgres", url) }

// OpenDriver is Open through a database/sql driver registered under another
// name that speaks to PostgreSQL, such as one that counts statements in a test.
func OpenDriver(ctx context.Context, driverName, url string) (*DB, error) {
	c, err := connectorFor(driverName, url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	h := &health{now: time.Now}
	db := sqlx.NewDb(sql.OpenDB(trackedConnector{Connector: c, health: h}), "postgres")
	// Every connection the pool may open stays open while idle: under load a
	// smaller idle pool closes connections only to open them again a moment
	// later, each a new PostgreSQL backend.
	db.SetMaxOpenConns(maxConns)
	db.SetMaxIdleConns(maxConns)
	db.SetConnMaxIdleTime(connMaxIdle)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &DB{db: db, health: h}, nil
}

const (
	maxConns = 20
	// connMaxIdle lets a pool that grew for a burst shrink back once it has
	// passed, without closing connections between the requests of a steady load.
	connMaxIdle = 5 * time.Minute
)

// connectorFor returns a connector for a registered driver; lib/pq's own
// connector honours the context of a connection attempt.
func connectorFor(driverName, url string) (driver.Connector, error) {
	if driverName == "postgres" {
		return pq.NewConnector(url)
	}
	probe, err := sql.Open(driverName, url)
	if err != nil {
		return nil, err
	}
	drv := probe.Driver()
	_ = probe.Close()
	if dc, ok := drv.(driver.DriverContext); ok {
		return dc.OpenConnector(url)
	}
	return dsnConnector{driver: drv, dsn: url}, nil
}

type dsnConnector struct {
	driver driver.Driver
	dsn    string
}

func (c dsnConnector) Connect(context.Context) (driver.Conn, error) { return c.driver.Open(c.dsn) }
func (c dsnConnector) Driver() driver.Driver                        { return c.driver }

// trackedConnector tells health how each new connection went. While
// PostgreSQL is away every request asks the pool for a new connection and
// fails, so the attempts, not the requests, mark when an outage begins and ends.
type trackedConnector struct {
	driver.Connector
	health *health
}

func (c trackedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	c.health.observe(ctx, err)
	return conn, err
}

// health remembers whether PostgreSQL is reachable so that an outage is
// logged once when it begins and once when it ends, however many requests
// fail in between; the requests themselves answer UNAVAILABLE unlogged.
type health struct {
	now func() time.Time

	mu        sync.Mutex
	log       *slog.Logger
	downSince time.Time
	failures  int
}

func (h *health) setLog(l *slog.Logger) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.log = l
}

func (h *health) observe(ctx context.Context, err error) {
	if err != nil && (ctx.Err() != nil || !unavailable(err)) {
		// A request that gave up, or a refusal such as a wrong password,
		// says nothing about whether PostgreSQL is up.
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	log := h.log
	if log == nil {
		log = slog.Default()
	}
	switch {
	case err != nil && h.downSince.IsZero():
		h.downSince, h.failures = h.now(), 1
		log.Error("postgres unavailable: requests answer UNAVAILABLE until it is back", "error", err.Error())
	case err != nil:
		h.failures++
	case !h.downSince.IsZero():
		log.Info("postgres reachable again", "down_for", h.now().Sub(h.downSince).Round(time.Millisecond).String(),
			"failed_connection_attempts", h.failures)
		h.downSince, h.failures = time.Time{}, 0
	}
}

// Close closes the connection pool.
func (d *DB) Close() error { return d.db.Close() }

// SQL returns the underlying pool, for migrations and health checks.
func (d *DB) SQL() *sql.DB { return d.db.DB }

// Ping checks that PostgreSQL answers.
func (d *DB) Ping(ctx context.Context) error { return d.db.PingContext(ctx) }

type tx struct {
	q    sqlx.ExtContext
	keys *secrets.Keyring
}

func (t tx) Users() flowcare.UserStore          { return &userStore{q: t.q} }
func (t tx) Areas() flowcare.AreaStore          { return &areaStore{q: t.q} }
func (t tx) Audit() flowcare.AuditStore         { return &auditStore{q: t.q} }
func (t tx) Directory() flowcare.DirectoryStore { return &directoryStore{q: t.q} }
func (t tx) Children() flowcare.ChildStore      { return &childStore{q: t.q, keys: t.keys} }
func (t tx) Care() flowcare.CareStore           { return &careStore{q: t.q, keys: t.keys} }

// Users returns the user store outside any transaction.
func (d *DB) Users() flowcare.UserStore { return tx{q: d.db}.Users() }

// Areas returns the area store outside any transaction.
func (d *DB) Areas() flowcare.AreaStore { return tx{q: d.db}.Areas() }

// Audit returns the audit store outside any transaction.
func (d *DB) Audit() flowcare.AuditStore { return tx{q: d.db}.Audit() }

// Directory returns the directory store outside any transaction.
func (d *DB) Directory() flowcare.DirectoryStore { return tx{q: d.db}.Directory() }

// Care returns the ledger, visit and need store outside any transaction.
func (d *DB) Care() flowcare.CareStore { return tx{q: d.db, keys: d.keys}.Care() }

// Children returns the child store outside any transaction.
func (d *DB) Children() flowcare.ChildStore { return tx{q: d.db, keys: d.keys}.Children() }

// InTx runs fn in one transaction and commits when it returns nil, so that a
// failure part-way leaves nothing half-written.
func (d *DB) InTx(ctx context.Context, fn func(flowcare.Tx) error) (err error) {
	t, err := d.db.BeginTxx(ctx, nil)
	if err != nil {
		return mapError(fmt.Errorf("begin transaction: %w", err))
	}
	defer func() {
		if p := recover(); p != nil {
			_ = t.Rollback()
			panic(p)
		}
	}()
	if err := fn(tx{q: t, keys: d.keys}); err != nil {
		_ = t.Rollback()
		return err
	}
	if err := t.Commit(); err != nil {
		return mapError(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// mapError turns driver errors into application errors: constraint
// violations become CONFLICT or INVALID, a lost or refused connection
// UNAVAILABLE; anything else is internal. The original error stays in the
// chain for the log.
func mapError(err error) error {
	if err == nil {
		return nil
	}
	var fe *flowcare.Error
	if errors.As(err, &fe) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &flowcare.Error{Code: flowcare.ENOTFOUND, Message: "记录不存在", Err: err}
	}
	if unavailable(err) {
		return &flowcare.Error{Code: flowcare.EUNAVAILABLE, Message: unavailableMessage, Err: err}
	}
	var pe *pq.Error
	if errors.As(err, &pe) {
		switch pe.Code.Name() {
		case "unique_violation":
			return &flowcare.Error{Code: flowcare.ECONFLICT, Message: "该记录已存在", Err: err}
		case "foreign_key_violation":
			return &flowcare.Error{Code: flowcare.EINVALID, Message: "引用的记录不存在", Err: err}
		case "check_violation", "not_null_violation", "invalid_text_representation":
			return &flowcare.Error{Code: flowcare.EINVALID, Message: "输入不符合要求", Err: err}
		}
	}
	return flowcare.Internal(err)
}
