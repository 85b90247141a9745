package postgres

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"

	"flowcare/internal/flowcare"
)

// sessionGrantRow is one row of SessionActor: the session and its user on
// every row, and one active grant of the user (none when all columns of the
// grant are NULL).
type sessionGrantRow struct {
	SessionID        string    `db:"session_id"`
	SessionExpiresAt time.Time `db:"session_expires_at"`
	UserID           string    `db:"user_id"`
	Username         string    `db:"username"`
	Disabled         bool      `db:"disabled"`

	GrantID        *string    `db:"grant_id"`
	Role           *string    `db:"role"`
	AreaID         *string    `db:"area_id"`
	AreaPath       *string    `db:"area_path"`
	OrganisationID *string    `db:"organisation_id"`
	GrantedAt      *time.Time `db:"granted_at"`
	GrantedBy      *string    `db:"granted_by_username"`
}

// SessionActor finds the live session with the token hash, its user and the
// user's active grants in one round trip: it runs before every signed-in
// request, where three statements were a quarter of a list's cost. The user
// carries only its id, username and whether it is disabled. NOT_FOUND when no
// session with the hash is unrevoked and unexpired at now.
func (d *DB) SessionActor(ctx context.Context, tokenHash string, now time.Time) (*flowcare.Session, *flowcare.User, []flowcare.Grant, error) {
	var rows []sessionGrantRow
	err := sqlx.SelectContext(ctx, d.db, &rows, `
		SELECT s.id AS session_id, s.expires_at AS session_expires_at, u.id AS user_id, u.username, u.disabled,
		       g.id AS grant_id, g.role, g.area_id, a.path AS area_path, g.organisation_id, g.granted_at,
		       gb.username AS granted_by_username
		FROM sessions s
		JOIN users u ON u.id = s.user_id
		LEFT JOIN role_grants g ON g.user_id = u.id AND g.revoked_at IS NULL
		LEFT JOIN areas a ON a.id = g.area_id
		LEFT JOIN users gb ON gb.id = g.granted_by
		WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2
		ORDER BY g.granted_at, g.id`, tokenHash, now)
	if err != nil {
		return nil, nil, nil, mapError(err)
	}
	if len(rows) == 0 {
		return nil, nil, nil, flowcare.Errorf(flowcare.ENOTFOUND, "会话已失效，请重新登录")
	}
	r := rows[0]
	se := &flowcare.Session{ID: r.SessionID, UserID: r.UserID, TokenHash: tokenHash, ExpiresAt: r.SessionExpiresAt}
	u := &flowcare.User{ID: r.UserID, Username: r.Username, Disabled: r.Disabled}
	var grants []flowcare.Grant
	for _, r := range rows {
		if r.GrantID == nil {
			continue
		}
		grants = append(grants, flowcare.Grant{ID: *r.GrantID, UserID: r.UserID, Role: flowcare.Role(*r.Role), AreaID: r.AreaID,
			AreaPath: r.AreaPath, OrganisationID: r.OrganisationID, GrantedAt: *r.GrantedAt, GrantedBy: r.GrantedBy})
	}
	return se, u, grants, nil
}
