package postgres

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strconv"
	"strings"
	"syscall"

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

// unavailableMessage is what a person is told while PostgreSQL cannot be
// reached: nothing about why, only that trying again later will work.
const unavailableMessage = "服务暂不可用，请稍后再试"

// unavailable reports whether err says PostgreSQL could not be reached or
// dropped the connection (refused, reset, shut down, restarting, out of
// connection slots), as opposed to refusing a statement.
func unavailable(err error) bool {
	var pe *pq.Error
	if errors.As(err, &pe) {
		switch pe.Code.Class() {
		case "08": // connection_exception
			return true
		case "57": // operator intervention: admin_shutdown, crash_shutdown, cannot_connect_now
			return pe.Code != "57014" // query_canceled is about one statement
		case "53":
			return pe.Code == "53300" // too_many_connections
		}
		return false
	}
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var ne *net.OpError
	return errors.As(err, &ne)
}
