package graph

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/vikstrous/dataloadgen"

	"flowcare/internal/directory"
	"flowcare/internal/flowcare"
)

// Loaders batch the look-ups behind associations so that a list of N items
// costs one query per association, not N.
type Loaders struct {
	Areas         *dataloadgen.Loader[string, *flowcare.Area]
	Children      *dataloadgen.Loader[string, []*flowcare.Area]
	Organisations *dataloadgen.Loader[string, *flowcare.Organisation]
	Grants        *dataloadgen.Loader[string, []flowcare.Grant]
	Locations     *dataloadgen.Loader[string, []flowcare.Location]
	Volunteers    *dataloadgen.Loader[string, *flowcare.Volunteer]
	Consents      *dataloadgen.Loader[string, []flowcare.Consent]
	Kids          *dataloadgen.Loader[string, *flowcare.Child]
	Sessions      *dataloadgen.Loader[string, []flowcare.ServiceSession]
	Bookings      *dataloadgen.Loader[string, []flowcare.Booking]
	Figures       *dataloadgen.Loader[string, flowcare.ContractFigures]
	Contracts     *dataloadgen.Loader[string, *flowcare.Contract]
	Payments      *dataloadgen.Loader[string, []flowcare.Payment]
}

func newLoaders(res *Resolver) *Loaders {
	ref, dir, kids := res.Reference, res.Directory, res.ChildFiles
	wait := dataloadgen.WithWait(2 * time.Millisecond)
	return &Loaders{
		Areas: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*flowcare.Area, error) {
			as, err := ref.AreasByIDs(ctx, ids)
			m := make(map[string]*flowcare.Area, len(as))
			for _, a := range as {
				m[a.ID] = a
			}
			return m, err
		}, wait),
		Children: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]*flowcare.Area, error) {
			return ref.ChildrenOf(ctx, ids)
		}, wait),
		Organisations: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*flowcare.Organisation, error) {
			os, err := ref.OrganisationsByIDs(ctx, ids)
			m := make(map[string]*flowcare.Organisation, len(os))
			for _, o := range os {
				m[o.ID] = o
			}
			return m, err
		}, wait),
		Grants: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.Grant, error) {
			return res.Access.GrantsOf(ctx, ids)
		}, wait),
		Locations: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.Location, error) {
			return dir.LocationsOf(ctx, ids)
		}, wait),
		Kids: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*flowcare.Child, error) {
			cs, err := kids.ChildrenByIDs(ctx, ids)
			m := make(map[string]*flowcare.Child, len(cs))
			for _, c := range cs {
				m[c.ID] = c
			}
			return m, err
		}, wait),
		Consents: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.Consent, error) {
			return kids.Consents(ctx, ids)
		}, wait),
		Sessions: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.ServiceSession, error) {
			return res.Matching.Sessions(ctx, ids)
		}, wait),
		Bookings: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.Booking, error) {
			return res.Matching.Bookings(ctx, ids)
		}, wait),
		Figures: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]flowcare.ContractFigures, error) {
			return res.Funding.FiguresOf(ctx, ids)
		}, wait),
		Contracts: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*flowcare.Contract, error) {
			return res.Funding.ContractsByIDs(ctx, ids)
		}, wait),
		Payments: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string][]flowcare.Payment, error) {
			return res.Funding.Payments(ctx, ids)
		}, wait),
		Volunteers: dataloadgen.NewMappedLoader(func(ctx context.Context, ids []string) (map[string]*flowcare.Volunteer, error) {
			vs, err := dir.VolunteersByIDs(ctx, ids)
			m := make(map[string]*flowcare.Volunteer, len(vs))
			for _, v := range vs {
				m[v.ID] = v
			}
			return m, err
		}, wait),
	}
}

type loadersKey struct{}

// WithLoaders gives every request its own loaders, so that cached values
// never outlive the request or cross between users.
func WithLoaders(res *Resolver, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), loadersKey{}, newLoaders(res))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func loaders(ctx context.Context) *Loaders { return ctx.Value(loadersKey{}).(*Loaders) }

// loadOptional loads by key, treating a missing key as "none".
func loadOptional[V any](ctx context.Context, l *dataloadgen.Loader[string, V], key *string) (V, error) {
	var zero V
	if key == nil {
		return zero, nil
	}
	v, err := l.Load(ctx, *key)
	if err == dataloadgen.ErrNotFound {
		return zero, nil
	}
	return v, err
}

// loadMany loads several keys in one batch, leaving out the ones that do not exist.
func loadMany[V any](ctx context.Context, l *dataloadgen.Loader[string, V], keys []string) ([]V, error) {
	vs, err := l.LoadAll(ctx, keys)
	if err == nil {
		return vs, nil
	}
	// LoadAll reports missing keys as errors; keep what was found.
	out := make([]V, 0, len(keys))
	for _, k := range keys {
		v, err := l.Load(ctx, k)
		if errors.Is(err, dataloadgen.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func actor(ctx context.Context) *flowcare.Actor {
	if a := flowcare.ActorFrom(ctx); a != nil {
		return a
	}
	return &flowcare.Actor{}
}

func orgPermissions(ctx context.Context, o *flowcare.Organisation) (directory.OrganisationPermissions, error) {
	area, err := loadOptional(ctx, loaders(ctx).Areas, &o.AreaID)
	if err != nil || area == nil {
		return directory.OrganisationPermissions{}, err
	}
	return directory.PermissionsOn(ctx, o, area.Path), nil
}
