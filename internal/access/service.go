package access

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

// Store is what the access use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Users() flowcare.UserStore
	Areas() flowcare.AreaStore
	Audit() flowcare.AuditStore
	// SessionActor finds the live session with the token hash, its user (id,
	// username, disabled) and the user's active grants, in one round trip.
	SessionActor(ctx context.Context, tokenHash string, now time.Time) (*flowcare.Session, *flowcare.User, []flowcare.Grant, error)
}

// Hasher hashes and checks passwords.
type Hasher interface {
	Hash(password string) (string, error)
	Verify(password, hash string) (bool, error)
}

// Service runs the access use cases.
type Service struct {
	store  Store
	hasher Hasher
	now    func() time.Time
	token  func() (string, error)
	cfg    Config
	// dummyHash is checked against when a username is unknown, so that a
	// wrong username takes as long as a wrong password.
	dummyHash string
	// SessionRecheck is how often WatchSession checks a session again.
	SessionRecheck time.Duration
	sessions       *sessionCache
}

// Config holds the session and lockout policy.
type Config struct {
	SessionTTL time.Duration
	LockAfter  int
	LockFor    time.Duration
	// SessionCache is how long an authenticated session is reused without
	// asking the database again (see DefaultSessionCache for the window it
	// opens); 0 asks on every request.
	SessionCache time.Duration
}

// DefaultConfig: 12-hour sessions; 5 failed sign-ins in a row lock the
// account for 15 minutes; sessions are reused for DefaultSessionCache.
var DefaultConfig = Config{SessionTTL: 12 * time.Hour, LockAfter: 5, LockFor: 15 * time.Minute, SessionCache: DefaultSessionCache}

// Option adjusts a Service, mostly for tests.
type Option func(*Service)

// WithClock injects the time source.
func WithClock(now func() time.Time) Option { return func(s *Service) { s.now = now } }

// WithConfig sets the session and lockout policy.
func WithConfig(c Config) Option { return func(s *Service) { s.cfg = c } }

// New returns the access use cases over store.
func New(store Store, hasher Hasher, opts ...Option) (*Service, error) {
	s := &Service{store: store, hasher: hasher, now: time.Now, token: randomToken, cfg: DefaultConfig, SessionRecheck: DefaultSessionRecheck}
	for _, o := range opts {
		o(s)
	}
	s.sessions = newSessionCache(s.cfg.SessionCache)
	h, err := hasher.Hash("not-a-real-password")
	if err != nil {
		return nil, err
	}
	s.dummyHash = h
	return s, nil
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// HashToken is how session tokens are stored: a leaked table holds no usable token.
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return hex.EncodeToString(h[:])
}

// audit appends an event in the current unit of work, with the request's origin.
func (s *Service) audit(ctx context.Context, st flowcare.AuditStore, actor *flowcare.Actor, action, target string, detail map[string]any) error {
	return flowcare.RecordAudit(ctx, st, s.now(), actor, action, target, detail)
}

// SignInResult is a new session.
type SignInResult struct {
	User      *flowcare.User
	Token     string
	ExpiresAt time.Time
}

var errBadCredentials = flowcare.Errorf(flowcare.EUNAUTHENTICATED, "用户名或密码不正确")

// SignIn checks a username and password and opens a session. Every outcome
// is audited; repeated failures lock the account for a while.
func (s *Service) SignIn(ctx context.Context, username, password string) (*SignInResult, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if username == "" || password == "" {
		return nil, flowcare.Invalid("username", "请输入用户名和密码")
	}
	now := s.now()
	u, err := s.store.Users().UserByUsername(ctx, username)
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		_, _ = s.hasher.Verify(password, s.dummyHash)
		return nil, s.failSignIn(ctx, nil, username, "unknown_user")
	}
	if err != nil {
		return nil, flowcare.Wrap(err, "sign in")
	}
	if u.Disabled {
		return nil, s.failSignIn(ctx, u, username, "disabled")
	}
	if u.LockedUntil != nil && u.LockedUntil.After(now) {
		return nil, s.failSignIn(ctx, u, username, "locked")
	}
	ok, err := s.hasher.Verify(password, u.PasswordHash)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	if !ok {
		return nil, s.failSignIn(ctx, u, username, "wrong_password")
	}
	token, err := s.token()
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	res := &SignInResult{User: u, Token: token, ExpiresAt: now.Add(s.cfg.SessionTTL)}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		se := &flowcare.Session{UserID: u.ID, TokenHash: HashToken(token), CreatedAt: now, ExpiresAt: res.ExpiresAt}
		if err := tx.Users().CreateSession(ctx, se); err != nil {
			return err
		}
		if err := tx.Users().RecordSignIn(ctx, u.ID, now); err != nil {
			return err
		}
		u.LastSignInAt, u.FailedSignIns, u.LockedUntil = &now, 0, nil
		actor := &flowcare.Actor{UserID: u.ID, Username: u.Username, SessionID: se.ID}
		return s.audit(ctx, tx.Audit(), actor, flowcare.AuditSignIn, "user:"+u.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "sign in")
	}
	return res, nil
}

// failSignIn audits a failed attempt, counts it towards a lockout and returns
// the error to show. Unknown users, wrong passwords and disabled accounts get
// the same message so that sign-in does not reveal which usernames exist.
func (s *Service) failSignIn(ctx context.Context, u *flowcare.User, username, reason string) error {
	now := s.now()
	result := errBadCredentials
	err := s.store.InTx(ctx, func(tx flowcare.Tx) error {
		detail := map[string]any{"username": username, "reason": reason}
		target := ""
		if u != nil {
			target = "user:" + u.ID
			switch reason {
			case "wrong_password":
				nu, err := tx.Users().RecordFailedSignIn(ctx, u.ID, s.cfg.LockAfter, now.Add(s.cfg.LockFor))
				if err != nil {
					return err
				}
				detail["failures"] = nu.FailedSignIns
				if nu.LockedUntil != nil && nu.LockedUntil.After(now) {
					detail["locked_until"] = nu.LockedUntil
					result = lockedError(*nu.LockedUntil)
				}
			case "locked":
				result = lockedError(*u.LockedUntil)
			}
		}
		return s.audit(ctx, tx.Audit(), nil, flowcare.AuditSignInFailed, target, detail)
	})
	if err != nil {
		return flowcare.Wrap(err, "record failed sign-in")
	}
	return result
}

func lockedError(until time.Time) *flowcare.Error {
	return flowcare.Errorf(flowcare.ELOCKED, "登录失败次数过多，账户已暂时锁定，请于 %s 后再试或联系管理员解锁",
		until.In(flowcare.Beijing).Format("15:04"))
}

// Authenticate turns a session token into the acting user with their grants,
// from the session cache when the session was found there within
// Config.SessionCache.
func (s *Service) Authenticate(ctx context.Context, token string) (*flowcare.Actor, error) {
	if token == "" {
		return nil, flowcare.Errorf(flowcare.EUNAUTHENTICATED, "请先登录")
	}
	hash, now := HashToken(token), s.now()
	if a, ok := s.sessions.get(hash, now); ok {
		return a, nil
	}
	return s.authenticate(ctx, hash, now)
}

// authenticate asks the database, and remembers the answer in the cache; a
// session that no longer stands is dropped from it.
func (s *Service) authenticate(ctx context.Context, hash string, now time.Time) (*flowcare.Actor, error) {
	gen := s.sessions.generation()
	se, u, grants, err := s.store.SessionActor(ctx, hash, now)
	if flowcare.ErrorCode(err) == flowcare.ENOTFOUND {
		s.sessions.dropToken(hash)
		return nil, flowcare.Errorf(flowcare.EUNAUTHENTICATED, "登录已失效，请重新登录")
	}
	if err != nil {
		return nil, flowcare.Wrap(err, "authenticate")
	}
	if u.Disabled {
		s.sessions.dropToken(hash)
		return nil, flowcare.Errorf(flowcare.EUNAUTHENTICATED, "账户已停用")
	}
	a := &flowcare.Actor{UserID: u.ID, Username: u.Username, SessionID: se.ID, Grants: grants}
	s.sessions.put(hash, gen, a, se.ExpiresAt, now)
	return a, nil
}

// ActorFor is a named user with their grants, for operator commands that
// act on a staff member's behalf and under their scope.
func (s *Service) ActorFor(ctx context.Context, username string) (*flowcare.Actor, error) {
	u, err := s.store.Users().UserByUsername(ctx, username)
	if err != nil {
		return nil, flowcare.Wrap(err, "find user "+username)
	}
	if u.Disabled {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "账户 %s 已停用", username)
	}
	grants, err := s.store.Users().ActiveGrants(ctx, []string{u.ID})
	if err != nil {
		return nil, flowcare.Wrap(err, "find grants of "+username)
	}
	return &flowcare.Actor{UserID: u.ID, Username: u.Username, Grants: grants[u.ID]}, nil
}

// SignOut revokes the current session.
func (s *Service) SignOut(ctx context.Context) error {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return err
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().RevokeSession(ctx, a.SessionID, s.now()); err != nil {
			return err
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditSignOut, "user:"+a.UserID, nil)
	})
	if err == nil {
		s.sessions.dropSession(a.SessionID)
	}
	return err
}

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

func validatePassword(field, p string) error {
	if utf8.RuneCountInString(p) < MinPasswordLength {
		return flowcare.Invalid(field, "密码至少需要 %d 个字符", MinPasswordLength)
	}
	if len(p) > 200 {
		return flowcare.Invalid(field, "密码不能超过 200 个字符")
	}
	return nil
}

// ChangePassword replaces the signed-in user's password and ends their other sessions.
func (s *Service) ChangePassword(ctx context.Context, current, next string) error {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return err
	}
	if err := validatePassword("newPassword", next); err != nil {
		return err
	}
	if current == next {
		return flowcare.Invalid("newPassword", "新密码不能与当前密码相同")
	}
	u, err := s.store.Users().UserByID(ctx, a.UserID)
	if err != nil {
		return flowcare.Wrap(err, "change password")
	}
	ok, err := s.hasher.Verify(current, u.PasswordHash)
	if err != nil {
		return flowcare.Internal(err)
	}
	if !ok {
		return flowcare.Invalid("currentPassword", "当前密码不正确")
	}
	hash, err := s.hasher.Hash(next)
	if err != nil {
		return flowcare.Internal(err)
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().SetPassword(ctx, a.UserID, hash); err != nil {
			return err
		}
		if err := tx.Users().RevokeUserSessions(ctx, a.UserID, a.SessionID, s.now()); err != nil {
			return err
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditPasswordChanged, "user:"+a.UserID, nil)
	})
	if err == nil {
		// The other sessions ended; the current one is simply read again.
		s.sessions.dropUser(a.UserID)
	}
	return err
}

// GrantSpec names a role and where it applies.
type GrantSpec struct {
	Role           flowcare.Role
	AreaID         string
	OrganisationID string
}

// resolveGrant checks that a grant is well-formed for its role and returns it
// with its area path, so that authorization can test containment.
func (s *Service) resolveGrant(ctx context.Context, areas flowcare.AreaStore, spec GrantSpec) (*flowcare.Grant, Scope, error) {
	if !spec.Role.Valid() {
		return nil, Scope{}, flowcare.Invalid("role", "未知的角色“%s”", spec.Role)
	}
	rs := spec.Role.Scope()
	g := &flowcare.Grant{Role: spec.Role}
	var sc Scope
	if len(rs.AreaLevels) > 0 {
		if spec.OrganisationID != "" {
			return nil, sc, flowcare.Invalid("organisationId", "该角色按区域授权，不能指定机构")
		}
		if spec.AreaID == "" {
			return nil, sc, flowcare.Invalid("areaId", "请选择授权区域")
		}
		as, err := areas.AreasByIDs(ctx, []string{spec.AreaID})
		if err != nil {
			return nil, sc, err
		}
		if len(as) == 0 {
			return nil, sc, flowcare.Invalid("areaId", "区域“%s”不存在", spec.AreaID)
		}
		a := as[0]
		if !containsLevel(rs.AreaLevels, a.Level) {
			return nil, sc, flowcare.Invalid("areaId", "%s只能授权在%s一级，“%s”是%s", roleName(spec.Role), levelNames(rs.AreaLevels), a.Name, levelName(a.Level))
		}
		g.AreaID, g.AreaPath = &a.ID, &a.Path
		sc.AreaPath = a.Path
		return g, sc, nil
	}
	if spec.AreaID != "" {
		return nil, sc, flowcare.Invalid("areaId", "该角色按机构授权，不能指定区域")
	}
	if spec.OrganisationID == "" {
		if rs.OrgOptional {
			return g, sc, nil
		}
		return nil, sc, flowcare.Invalid("organisationId", "请选择授权机构")
	}
	os, err := areas.OrganisationsByIDs(ctx, []string{spec.OrganisationID})
	if err != nil {
		return nil, sc, err
	}
	if len(os) == 0 {
		return nil, sc, flowcare.Invalid("organisationId", "机构不存在")
	}
	o := os[0]
	if !containsKind(rs.OrgKinds, o.Kind) {
		return nil, sc, flowcare.Invalid("organisationId", "%s不能授权在“%s”这类机构", roleName(spec.Role), o.Name)
	}
	g.OrganisationID = &o.ID
	sc.OrganisationID = o.ID
	return g, sc, nil
}

// NewUser is what it takes to create a user.
type NewUser struct {
	Username    string
	DisplayName string
	Password    string
	Grant       GrantSpec
}

var usernameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,39}$`)

// CreateUser creates a user with a first grant the actor is allowed to give.
func (s *Service) CreateUser(ctx context.Context, in NewUser) (*flowcare.User, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	in.Username = strings.ToLower(strings.TrimSpace(in.Username))
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	if !usernameRE.MatchString(in.Username) {
		return nil, flowcare.Invalid("username", "用户名需为 3–40 个字符，只能包含小写字母、数字、点、横线和下划线，并以字母或数字开头")
	}
	if in.DisplayName == "" || utf8.RuneCountInString(in.DisplayName) > 60 {
		return nil, flowcare.Invalid("displayName", "请填写姓名（不超过 60 个字符）")
	}
	if err := validatePassword("password", in.Password); err != nil {
		return nil, err
	}
	g, sc, err := s.resolveGrant(ctx, s.store.Areas(), in.Grant)
	if err != nil {
		return nil, err
	}
	if !CanGrant(a, g.Role, sc) {
		return nil, forbiddenGrant(g.Role)
	}
	hash, err := s.hasher.Hash(in.Password)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	u := &flowcare.User{Username: in.Username, DisplayName: in.DisplayName, PasswordHash: hash}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().CreateUser(ctx, u); err != nil {
			return err
		}
		g.UserID, g.GrantedAt = u.ID, s.now()
		if err := tx.Users().CreateGrant(ctx, g, a.UserID); err != nil {
			return err
		}
		if err := s.audit(ctx, tx.Audit(), a, flowcare.AuditUserCreated, "user:"+u.ID, map[string]any{"username": u.Username}); err != nil {
			return err
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditGrant, "user:"+u.ID, grantDetail(g))
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "create user")
	}
	return u, nil
}

func grantDetail(g *flowcare.Grant) map[string]any {
	d := map[string]any{"role": g.Role, "grant": g.ID}
	if g.AreaID != nil {
		d["area"] = *g.AreaID
	}
	if g.OrganisationID != nil {
		d["organisation"] = *g.OrganisationID
	}
	return d
}

func forbiddenGrant(r flowcare.Role) error {
	return flowcare.Errorf(flowcare.EFORBIDDEN, "您无权在该范围授予“%s”角色", roleName(r))
}

// GrantRole gives an existing user another role.
func (s *Service) GrantRole(ctx context.Context, userID string, spec GrantSpec) (*flowcare.Grant, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	g, sc, err := s.resolveGrant(ctx, s.store.Areas(), spec)
	if err != nil {
		return nil, err
	}
	if !CanGrant(a, g.Role, sc) {
		return nil, forbiddenGrant(g.Role)
	}
	u, err := s.store.Users().UserByID(ctx, userID)
	if err != nil {
		return nil, err
	}
	g.UserID, g.GrantedAt = u.ID, s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().CreateGrant(ctx, g, a.UserID); err != nil {
			return err
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditGrant, "user:"+u.ID, grantDetail(g))
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "grant role")
	}
	s.sessions.dropUser(u.ID)
	g.GrantedBy = &a.Username
	return g, nil
}

// RevokeRole withdraws a grant. No one revokes their own grants, so that an
// admin cannot lock the platform out by accident.
func (s *Service) RevokeRole(ctx context.Context, grantID string) (*flowcare.Grant, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	g, err := s.store.Users().GrantByID(ctx, grantID)
	if err != nil {
		return nil, err
	}
	if !CanGrant(a, g.Role, scopeOf(*g)) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权撤销该授权")
	}
	if g.UserID == a.UserID {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "不能撤销自己的授权，请联系其他管理员")
	}
	if g.RevokedAt != nil {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "该授权已被撤销")
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().RevokeGrant(ctx, g.ID, a.UserID, now); err != nil {
			return err
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditRevoke, "user:"+g.UserID, grantDetail(g))
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "revoke role")
	}
	s.sessions.dropUser(g.UserID)
	g.RevokedAt = &now
	return g, nil
}

// SetUserDisabled disables (ending their sessions) or re-enables a user;
// enabling also clears a lockout.
func (s *Service) SetUserDisabled(ctx context.Context, userID string, disabled bool) (*flowcare.User, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	u, grants, err := s.userWithGrants(ctx, userID)
	if err != nil {
		return nil, err
	}
	if a.UserID == u.ID {
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "不能停用或启用自己的账户")
	}
	if !CanManage(a, u.ID, grants) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权管理该用户")
	}
	action := flowcare.AuditUserEnabled
	if disabled {
		action = flowcare.AuditUserDisabled
	}
	now := s.now()
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if err := tx.Users().SetDisabled(ctx, u.ID, disabled); err != nil {
			return err
		}
		if disabled {
			if err := tx.Users().RevokeUserSessions(ctx, u.ID, "", now); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx.Audit(), a, action, "user:"+u.ID, nil)
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "set user disabled")
	}
	s.sessions.dropUser(u.ID)
	u.Disabled, u.FailedSignIns, u.LockedUntil = disabled, 0, nil
	return u, nil
}

// GrantableRoles lists the roles the actor may give somewhere, in the order of flowcare.Roles.
func (s *Service) GrantableRoles(ctx context.Context) ([]flowcare.Role, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	out := []flowcare.Role{}
	reaches := Reaches(a)
	for _, r := range flowcare.Roles {
		for _, re := range reaches {
			if re.Any || slices.Contains(re.Roles, r) {
				out = append(out, r)
				break
			}
		}
	}
	return out, nil
}

// UserList is one page of users.
type UserList struct {
	Users      []*flowcare.User
	TotalCount int
	HasNext    bool
}

// ListUsers pages through the users the actor may see.
func (s *Service) ListUsers(ctx context.Context, search string, p flowcare.Page) (*UserList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !CanListUsers(a) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看用户列表")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	f := flowcare.UserFilter{Search: strings.TrimSpace(search), Reach: Reaches(a)}
	if len(f.Reach) == 1 && f.Reach[0].Any {
		f.Reach = nil
	}
	us, total, err := s.store.Users().ListUsers(ctx, f, p)
	if err != nil {
		return nil, flowcare.Wrap(err, "list users")
	}
	l := &UserList{Users: us, TotalCount: total}
	if n := p.Limit(); len(us) > n {
		l.Users, l.HasNext = us[:n], true
	}
	return l, nil
}

// User returns one user the actor may see.
func (s *Service) User(ctx context.Context, id string) (*flowcare.User, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	u, grants, err := s.userWithGrants(ctx, id)
	if err != nil {
		return nil, err
	}
	if !CanSee(a, u.ID, grants) {
		// The same answer as for a missing user, so that ids cannot be probed.
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "用户不存在")
	}
	return u, nil
}

func (s *Service) userWithGrants(ctx context.Context, id string) (*flowcare.User, []flowcare.Grant, error) {
	u, err := s.store.Users().UserByID(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	grants, err := s.store.Users().ActiveGrants(ctx, []string{u.ID})
	if err != nil {
		return nil, nil, err
	}
	return u, grants[u.ID], nil
}

// Me returns the signed-in user.
func (s *Service) Me(ctx context.Context) (*flowcare.User, error) {
	a := flowcare.ActorFrom(ctx)
	if a == nil {
		return nil, nil
	}
	return s.store.Users().UserByID(ctx, a.UserID)
}

// GrantsOf returns the active grants of users. It resolves the grants of users
// the caller was already shown (including their own, in the sign-in answer,
// before a session is attached to the request), so it asks for no actor.
func (s *Service) GrantsOf(ctx context.Context, userIDs []string) (map[string][]flowcare.Grant, error) {
	return s.store.Users().ActiveGrants(ctx, userIDs)
}

// AuditPage is one page of the audit log.
type AuditPage struct {
	Events  []*flowcare.AuditEvent
	HasNext bool
}

// AuditEvents reads the audit log; the read is itself recorded.
func (s *Service) AuditEvents(ctx context.Context, action string, p flowcare.Page) (*AuditPage, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !CanReadAuditLog(a) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有平台管理员和监督审计人员可以查看审计日志")
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	var out *AuditPage
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		es, err := tx.Audit().List(ctx, action, p)
		if err != nil {
			return err
		}
		out = &AuditPage{Events: es}
		if n := p.Limit(); len(es) > n {
			out.Events, out.HasNext = es[:n], true
		}
		return s.audit(ctx, tx.Audit(), a, flowcare.AuditRead, "audit_events", map[string]any{"action": action, "after": p.After})
	})
	if err != nil {
		return nil, flowcare.Wrap(err, "read audit log")
	}
	return out, nil
}
