// Package migrations holds the ordered SQL migrations, embedded in the binary.
// They only move forward: a change to the schema is a new file.
package migrations

import "embed"

// FS holds the migration files in goose's format.
//
//go:embed *.sql
var FS embed.FS
