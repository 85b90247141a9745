package graph

import (
	"flowcare/graph/model"
	"flowcare/internal/access"
	"flowcare/internal/flowcare"
)

func page(first *int, after *string) flowcare.Page {
	p := flowcare.Page{}
	if first != nil {
		p.First = *first
	}
	if after != nil {
		p.After = *after
	}
	return p
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func grantSpec(g *model.GrantInput) access.GrantSpec {
	return access.GrantSpec{Role: g.Role, AreaID: str(g.AreaID), OrganisationID: str(g.OrganisationID)}
}

// connection builds a Relay connection from one page of nodes.
func connection[N any, E any](nodes []N, hasNext bool, cursor func(N) string, edge func(string, N) E) ([]E, *model.PageInfo) {
	edges := make([]E, len(nodes))
	pi := &model.PageInfo{HasNextPage: hasNext}
	for i, n := range nodes {
		c := cursor(n)
		edges[i] = edge(c, n)
		pi.EndCursor = &c
	}
	return edges, pi
}
