package postgres

import (
	"context"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
)

type userStore struct{ q sqlx.ExtContext }

const userColumns = `id, username, display_name, password_hash, disabled, failed_sign_ins, locked_until, created_at, last_sign_in_at`

func (s *userStore) CreateUser(ctx context.Context, u *flowcare.User) error {
	row := s.q.QueryRowxContext(ctx, `
		INSERT INTO users (username, display_name, password_hash, disabled)
		VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
		u.Username, u.DisplayName, u.PasswordHash, u.Disabled)
	if err := row.Scan(&u.ID, &u.CreatedAt); err != nil {
		if flowcare.ErrorCode(mapError(err)) == flowcare.ECONFLICT {
			return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "username", Message: "用户名“" + u.Username + "”已被使用", Err: err}
		}
		return mapError(err)
	}
	return nil
}

func (s *userStore) UserByID(ctx context.Context, id string) (*flowcare.User, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "用户不存在")
	}
	var u flowcare.User
	err := sqlx.GetContext(ctx, s.q, &u, `SELECT `+userColumns+` FROM users WHERE id = $1`, id)
	return &u, notFound(err, "用户不存在")
}

func (s *userStore) UserByUsername(ctx context.Context, username string) (*flowcare.User, error) {
	var u flowcare.User
	err := sqlx.GetContext(ctx, s.q, &u, `SELECT `+userColumns+` FROM users WHERE username = $1`, strings.ToLower(username))
	return &u, notFound(err, "用户不存在")
}

func (s *userStore) UsersByIDs(ctx context.Context, ids []string) ([]*flowcare.User, error) {
	var us []*flowcare.User
	err := sqlx.SelectContext(ctx, s.q, &us, `SELECT `+userColumns+` FROM users WHERE id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
	return us, mapError(err)
}

// ListUsers pages through users by username. A non-nil reach keeps only users
// holding at least one active grant that falls within it.
func (s *userStore) ListUsers(ctx context.Context, f flowcare.UserFilter, p flowcare.Page) ([]*flowcare.User, int, error) {
	var where []string
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + itoa(len(args)) }
	if f.Search != "" {
		pat := "%" + escapeLike(strings.ToLower(f.Search)) + "%"
		where = append(where, "(username LIKE "+arg(pat)+" OR lower(display_name) LIKE "+arg(pat)+")")
	}
	if f.Reach != nil {
		where = append(where, reachClause(f.Reach, arg))
	}
	cond := "TRUE"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM users u WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	pageCond := cond
	if p.After != "" {
		pageCond += " AND username > " + arg(p.After)
	}
	var us []*flowcare.User
	err := sqlx.SelectContext(ctx, s.q, &us, `SELECT `+userColumns+` FROM users u WHERE `+pageCond+
		` ORDER BY username LIMIT `+itoa(p.Limit()+1), args...)
	return us, total, mapError(err)
}

// reachClause expresses "has an active grant within one of these reaches" in SQL.
func reachClause(reach []flowcare.Reach, arg func(any) string) string {
	var ors []string
	for _, r := range reach {
		if r.Any {
			return "TRUE"
		}
		roles := make([]string, len(r.Roles))
		for i, x := range r.Roles {
			roles[i] = string(x)
		}
		c := "g.role = ANY(" + arg(pq.Array(roles)) + ")"
		if r.OrganisationID != "" {
			c += " AND g.organisation_id = " + arg(r.OrganisationID) + "::uuid"
		} else {
			prefix := escapeLike(r.AreaPath) + "/%"
			inside := "a.path LIKE " + arg(prefix)
			if !r.StrictlyInside {
				inside = "(" + inside + " OR a.path = " + arg(r.AreaPath) + ")"
			}
			c += " AND " + inside
		}
		ors = append(ors, "("+c+")")
	}
	if len(ors) == 0 {
		return "FALSE"
	}
	return `EXISTS (SELECT 1 FROM role_grants g LEFT JOIN areas a ON a.id = g.area_id
		WHERE g.user_id = u.id AND g.revoked_at IS NULL AND (` + strings.Join(ors, " OR ") + `))`
}

func (s *userStore) RecordSignIn(ctx context.Context, userID string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = $2 WHERE id = $1`, userID, at)
	return mapError(err)
}

// RecordFailedSignIn counts a failure and locks the account once lockAfter
// failures in a row are reached; the row lock keeps concurrent attempts honest.
func (s *userStore) RecordFailedSignIn(ctx context.Context, userID string, lockAfter int, lockedUntil time.Time) (*flowcare.User, error) {
	var u flowcare.User
	err := sqlx.GetContext(ctx, s.q, &u, `
		UPDATE users SET
			failed_sign_ins = failed_sign_ins + 1,
			locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END
		WHERE id = $1 RETURNING `+userColumns, userID, lockAfter, lockedUntil)
	return &u, mapError(err)
}

func (s *userStore) SetPassword(ctx context.Context, userID, hash string) error {
	_, err := s.q.ExecContext(ctx, `UPDATE users SET password_hash = $2 WHERE id = $1`, userID, hash)
	return mapError(err)
}

func (s *userStore) SetDisabled(ctx context.Context, userID string, disabled bool) error {
	_, err := s.q.ExecContext(ctx, `UPDATE users SET disabled = $2, failed_sign_ins = 0, locked_until = NULL WHERE id = $1`, userID, disabled)
	return mapError(err)
}

func (s *userStore) CreateSession(ctx context.Context, se *flowcare.Session) error {
	row := s.q.QueryRowxContext(ctx, `INSERT INTO sessions (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		se.UserID, se.TokenHash, se.CreatedAt, se.ExpiresAt)
	return mapError(row.Scan(&se.ID))
}

func (s *userStore) SessionByTokenHash(ctx context.Context, hash string, now time.Time) (*flowcare.Session, error) {
	var se flowcare.Session
	err := sqlx.GetContext(ctx, s.q, &se, `
		SELECT id, user_id, token_hash, created_at, expires_at, revoked_at FROM sessions
		WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`, hash, now)
	return &se, notFound(err, "会话已失效，请重新登录")
}

func (s *userStore) RevokeSession(ctx context.Context, id string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, id, at)
	return mapError(err)
}

func (s *userStore) RevokeUserSessions(ctx context.Context, userID, exceptID string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE sessions SET revoked_at = $3 WHERE user_id = $1 AND id::text <> $2 AND revoked_at IS NULL`, userID, exceptID, at)
	return mapError(err)
}

const grantSelect = `
	SELECT g.id, g.user_id, g.role, g.area_id, a.path AS area_path, g.organisation_id, g.granted_at,
	       gb.username AS granted_by_username, g.revoked_at
	FROM role_grants g
	LEFT JOIN areas a ON a.id = g.area_id
	LEFT JOIN users gb ON gb.id = g.granted_by`

func (s *userStore) CreateGrant(ctx context.Context, g *flowcare.Grant, grantedBy string) error {
	var by any
	if grantedBy != "" {
		by = grantedBy
	}
	row := s.q.QueryRowxContext(ctx, `
		INSERT INTO role_grants (user_id, role, area_id, organisation_id, granted_at, granted_by)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		g.UserID, g.Role, g.AreaID, g.OrganisationID, g.GrantedAt, by)
	if err := row.Scan(&g.ID); err != nil {
		if flowcare.ErrorCode(mapError(err)) == flowcare.ECONFLICT {
			return &flowcare.Error{Code: flowcare.ECONFLICT, Message: "该用户已拥有这一授权", Err: err}
		}
		return mapError(err)
	}
	return nil
}

func (s *userStore) GrantByID(ctx context.Context, id string) (*flowcare.Grant, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "授权不存在")
	}
	var g flowcare.Grant
	err := sqlx.GetContext(ctx, s.q, &g, grantSelect+` WHERE g.id = $1`, id)
	return &g, notFound(err, "授权不存在")
}

func (s *userStore) RevokeGrant(ctx context.Context, id, revokedBy string, at time.Time) error {
	res, err := s.q.ExecContext(ctx, `UPDATE role_grants SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`, id, revokedBy, at)
	if err != nil {
		return mapError(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return flowcare.Errorf(flowcare.ECONFLICT, "该授权已被撤销")
	}
	return nil
}

func (s *userStore) ActiveGrants(ctx context.Context, userIDs []string) (map[string][]flowcare.Grant, error) {
	var gs []flowcare.Grant
	err := sqlx.SelectContext(ctx, s.q, &gs, grantSelect+`
		WHERE g.user_id = ANY($1::uuid[]) AND g.revoked_at IS NULL ORDER BY g.granted_at, g.id`, pq.Array(validUUIDs(userIDs)))
	if err != nil {
		return nil, mapError(err)
	}
	out := make(map[string][]flowcare.Grant, len(userIDs))
	for _, g := range gs {
		out[g.UserID] = append(out[g.UserID], g)
	}
	return out, nil
}
