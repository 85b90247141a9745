// Package pgtest gives each test its own freshly migrated database on the real
// PostgreSQL server that make test starts.
package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"net/url"
	"os"
	"testing"

	_ "github.com/lib/pq" // the driver behind database/sql

	"flowcare/internal/postgres"
	"flowcare/internal/secrets"
)

const howToStart = "start PostgreSQL with `make services` and export DATABASE_URL (`make test` does both)"

// URL returns the server's URL or fails the test saying how to start one.
func URL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("DATABASE_URL")
	if u == "" {
		t.Fatalf("DATABASE_URL is not set: %s", howToStart)
	}
	return u
}

// NewURL creates an empty database and returns its URL; it is dropped when the test ends.
func NewURL(t testing.TB) string {
	t.Helper()
	base := URL(t)
	admin, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatalf("open %s: %v", redact(base), err)
	}
	if err := admin.Ping(); err != nil {
		t.Fatalf("PostgreSQL at %s is not reachable (%v): %s", redact(base), err, howToStart)
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	name := "flowcare_test_" + hex.EncodeToString(b)
	if _, err := admin.Exec(`CREATE DATABASE ` + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec(`DROP DATABASE IF EXISTS ` + name + ` WITH (FORCE)`)
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("parse DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

// New returns a connection to a new, fully migrated database.
func New(t testing.TB) *postgres.DB {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, NewURL(t))
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	if err := postgres.Migrate(ctx, db.SQL(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatalf("migrate test database: %v", err)
	}
	db.UseKeyring(Keyring(t))
	return db
}

func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable URL)"
	}
	return u.Redacted()
}

// Test keys: fixed, so that tests can reason about key ids; never used outside tests.
const (
	TestKey1    = "t1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
	TestKey2    = "t2:ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="
	TestHashKey = "aGFzaC1rZXktZm9yLXRlc3RzLW9ubHktMzItYnl0ZXMhIQ=="
)

// Keyring returns a keyring with the first test key current.
func Keyring(t testing.TB) *secrets.Keyring {
	t.Helper()
	k, err := secrets.New([]string{TestKey1}, "t1", TestHashKey)
	if err != nil {
		t.Fatal(err)
	}
	return k
}
