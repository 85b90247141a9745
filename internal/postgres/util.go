package postgres

import (
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

func itoa(i int) string { return strconv.Itoa(i) }

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// escapeLike makes user input match literally inside a LIKE pattern.
func escapeLike(s string) string { return likeEscaper.Replace(s) }

// notFound maps a missing row to NOT_FOUND with a message about what is missing.
func notFound(err error, msg string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return &flowcare.Error{Code: flowcare.ENOTFOUND, Message: msg, Err: err}
	}
	return mapError(err)
}

// validUUID lets lookups by a malformed id answer "not found" instead of
// failing the query with a cast error.
func validUUID(s string) bool { return uuid.Validate(s) == nil }

func validUUIDs(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if validUUID(id) {
			out = append(out, id)
		}
	}
	return out
}

// stringArray never sends NULL for an empty list: the columns are NOT NULL.
func stringArray(ss []string) any {
	if ss == nil {
		ss = []string{}
	}
	return pq.Array(ss)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }

func isUniqueViolation(err error) bool {
	var pe *pq.Error
	return errors.As(err, &pe) && pe.Code.Name() == "unique_violation"
}
