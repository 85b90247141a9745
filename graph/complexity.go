package graph

import (
	"flowcare/graph/generated"
	"flowcare/internal/flowcare"
)

// Config returns the schema configuration, with list fields costed by the
// page they ask for so that the complexity limit sees large pages coming.
func Config(r *Resolver) generated.Config {
	c := generated.Config{Resolvers: r}
	perPage := func(child int, first *int, def int) int {
		n := def
		if first != nil && *first > 0 {
			n = *first
		}
		return 1 + child*n
	}
	c.Complexity.Query.Users = func(child int, first *int, _ *string, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.AuditEvents = func(child int, first *int, _ *string, _ *string) int { return perPage(child, first, 50) }
	c.Complexity.Query.Organisations = func(child int, first *int, _ *string, _ *string, _ *flowcare.OrganisationKind) int {
		return perPage(child, first, 20)
	}
	return c
}
