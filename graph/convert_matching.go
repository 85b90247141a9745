package graph

import (
	"context"
	"errors"
	"strings"

	"github.com/vikstrous/dataloadgen"

	"flowcare/graph/model"
	"flowcare/internal/flowcare"
	"flowcare/internal/matching"
)

func matchConnection(l *matching.MatchList) *model.MatchConnection {
	edges, pi := connection(l.Matches, l.HasNext, func(m *flowcare.Match) string { return m.ID },
		func(c string, m *flowcare.Match) *model.MatchEdge { return &model.MatchEdge{Cursor: c, Node: m} })
	return &model.MatchConnection{Edges: edges, PageInfo: pi, TotalCount: l.Total}
}

func sessionConnection(l *matching.SessionList) *model.SessionConnection {
	edges, pi := connection(l.Sessions, l.HasNext, func(s *flowcare.ServiceSession) string { return s.ID },
		func(c string, s *flowcare.ServiceSession) *model.SessionEdge {
			return &model.SessionEdge{Cursor: c, Node: s}
		})
	return &model.SessionConnection{Edges: edges, PageInfo: pi, TotalCount: l.Total}
}

func searchEntity(e flowcare.Entity) model.SearchEntity {
	return model.SearchEntity(strings.ToUpper(string(e)))
}

func entityOf(e model.SearchEntity) flowcare.Entity {
	return flowcare.Entity(strings.ToLower(string(e)))
}

// loadList loads a key's list through a loader, a missing key being an empty list.
func loadList[V any](ctx context.Context, l *dataloadgen.Loader[string, []V], key string) ([]*V, error) {
	vs, err := l.Load(ctx, key)
	if errors.Is(err, dataloadgen.ErrNotFound) {
		return []*V{}, nil
	}
	return ptrs(vs), err
}

func intOr(v *int, def int) int {
	if v == nil {
		return def
	}
	return *v
}
