// Package postgres keeps flowcare's data in PostgreSQL through sqlx and lib/pq.
package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

// DB is the PostgreSQL adapter. Its stores run outside a transaction; InTx
// gives stores that share one.
type DB struct {
	db   *sqlx.DB
	keys *secrets.Keyring
}

// UseKeyring sets the keys that encrypt personal data at rest; the child
// store refuses to work without them.
func (d *DB) UseKeyring(k *secrets.Keyring) { d.keys = k }

// Open connects to PostgreSQL and checks that it answers.
func Open(ctx context.Context, url string) (*DB, error) { return OpenDriver(ctx, "postgres", url) }

// OpenDriver is Open through a database/sql driver registered under another
// name that speaks to PostgreSQL, such as one that counts statements in a test.
func OpenDriver(ctx context.Context, driverName, url string) (*DB, error) {
	raw, err := sql.Open(driverName, url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db := sqlx.NewDb(raw, "postgres")
	db.SetMaxOpenConns(20)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pingCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := db.PingContext(pingCtx); err != nil {
		db.Close()
		return nil, fmt.Errorf("connect to postgres: %w", err)
	}
	return &DB{db: db}, nil
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
		return flowcare.Internal(fmt.Errorf("begin transaction: %w", err))
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
// violations become CONFLICT or INVALID; anything else is internal. The
// original error stays in the chain for the log.
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
