package directory

import (
	"context"
	"time"

	"flowcare/internal/flowcare"
)

// Store is what the directory use cases need from persistence.
type Store interface {
	flowcare.Transactor
	Users() flowcare.UserStore
	Areas() flowcare.AreaStore
	Directory() flowcare.DirectoryStore
}

// Hasher hashes passwords of volunteers who sign themselves up.
type Hasher interface {
	Hash(password string) (string, error)
}

// SignIn opens a session for a username and password; volunteers who sign up
// are signed in straight away.
type SignIn func(ctx context.Context, username, password string) (token string, expires time.Time, err error)

// Service runs the directory use cases.
type Service struct {
	store    Store
	searcher flowcare.Searcher
	hasher   Hasher
	signIn   SignIn
	now      func() time.Time
}

// New returns the directory use cases.
func New(store Store, searcher flowcare.Searcher, hasher Hasher, signIn SignIn, now func() time.Time) *Service {
	return &Service{store: store, searcher: searcher, hasher: hasher, signIn: signIn, now: now}
}

func (s *Service) audit(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, action, target string, detail map[string]any) error {
	return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, action, target, detail)
}

func (s *Service) org(ctx context.Context, id string) (*flowcare.Organisation, *flowcare.Area, error) {
	os, err := s.store.Areas().OrganisationsByIDs(ctx, []string{id})
	if err != nil {
		return nil, nil, err
	}
	if len(os) == 0 {
		return nil, nil, flowcare.Errorf(flowcare.ENOTFOUND, "机构不存在")
	}
	as, err := s.store.Areas().AreasByIDs(ctx, []string{os[0].AreaID})
	if err != nil || len(as) == 0 {
		return nil, nil, flowcare.Internal(err)
	}
	return os[0], as[0], nil
}

func forbidden(msg string) error { return flowcare.Errorf(flowcare.EFORBIDDEN, "%s", msg) }
