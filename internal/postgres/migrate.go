package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"

	"github.com/pressly/goose/v3"

	"flowcare/migrations"
)

// MigrationStatus says how far a database is behind the embedded migrations.
type MigrationStatus struct {
	Current int64
	Latest  int64
	Pending []string
}

func provider(db *sql.DB) (*goose.Provider, error) {
	return goose.NewProvider(goose.DialectPostgres, db, migrations.FS)
}

// Migrate applies every pending migration, reporting each one through log.
func Migrate(ctx context.Context, db *sql.DB, log *slog.Logger) error {
	p, err := provider(db)
	if err != nil {
		return fmt.Errorf("load migrations: %w", err)
	}
	results, err := p.Up(ctx)
	for _, r := range results {
		log.Info("migration applied", "version", r.Source.Version, "file", r.Source.Path, "duration", r.Duration.String())
	}
	if err != nil {
		return fmt.Errorf("apply migrations: %w", err)
	}
	return nil
}

// Status reports the applied and pending migrations.
func Status(ctx context.Context, db *sql.DB) (MigrationStatus, error) {
	p, err := provider(db)
	if err != nil {
		return MigrationStatus{}, fmt.Errorf("load migrations: %w", err)
	}
	st, err := p.Status(ctx)
	if err != nil {
		return MigrationStatus{}, fmt.Errorf("read migration status: %w", err)
	}
	var ms MigrationStatus
	for _, s := range st {
		if s.Source.Version > ms.Latest {
			ms.Latest = s.Source.Version
		}
		if s.State == goose.StateApplied {
			if s.Source.Version > ms.Current {
				ms.Current = s.Source.Version
			}
		} else {
			ms.Pending = append(ms.Pending, s.Source.Path)
		}
	}
	return ms, nil
}

// PrintStatus writes a line per migration.
func PrintStatus(ctx context.Context, db *sql.DB, w io.Writer) error {
	p, err := provider(db)
	if err != nil {
		return err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return err
	}
	for _, s := range st {
		at := "pending"
		if s.State == goose.StateApplied {
			at = "applied " + s.AppliedAt.Format("2006-01-02 15:04:05")
		}
		fmt.Fprintf(w, "%05d  %-40s %s\n", s.Source.Version, s.Source.Path, at)
	}
	return nil
}
