package graph

import (
	"time"

	"flowcare/graph/generated"
	"flowcare/graph/model"
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
	c.Complexity.Query.Organisations = func(child int, first *int, _ *string, _ *string, _ *flowcare.OrganisationKind, _ *flowcare.VerificationStatus, _ *string) int {
		return perPage(child, first, 20)
	}
	c.Complexity.Query.Services = func(child int, _ string, _ *flowcare.ServiceStatus, first *int, _ *string) int {
		return perPage(child, first, 20)
	}
	c.Complexity.Query.Volunteers = func(child int, _ string, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.Slots = func(child int, _ string, _ *time.Time, _ *time.Time, first *int, _ *string) int {
		return perPage(child, first, 50)
	}
	c.Complexity.Query.Events = func(child int, _ string, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.Search = func(child int, _ model.SearchInput, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.MatchBoard = func(child int, _ *string, _ []flowcare.MatchStatus, first *int, _ *string) int {
		return perPage(child, first, 20)
	}
	c.Complexity.Query.MatchInbox = func(child int, _ []flowcare.MatchStatus, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.PendingHours = func(child int, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.MyHours = func(child int, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.Notifications = func(child int, _ *bool, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.Contracts = func(child int, _ *string, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.Invoices = func(child int, _ *string, _ []flowcare.InvoiceStatus, first *int, _ *string) int {
		return perPage(child, first, 20)
	}
	c.Complexity.Query.Children = func(child int, _ *string, _ *string, _ *bool, _ *bool, first *int, _ *string) int {
		return perPage(child, first, 20)
	}
	c.Complexity.Query.Ledger = func(child int, _ *string, _ *bool, first *int, _ *string) int { return perPage(child, first, 20) }
	c.Complexity.Query.ChildViews = func(child int, _ string, first *int, _ *string) int { return perPage(child, first, 50) }
	c.Complexity.Query.ChildImports = func(child int, first *int) int { return perPage(child, first, 20) }
	c.Complexity.Child.Services = func(child int, first *int, _ *string) int { return perPage(child, first, 20) }

	// Lists without pages are costed by the size they usually reach: the
	// streets of a district or the communities of a street, a worker list of
	// an area, the items of one organisation.
	sized := func(child, n int) int { return 1 + child*n }
	c.Complexity.Query.Areas = func(child int, _ *string, _ *flowcare.AreaLevel) int { return sized(child, 30) }
	c.Complexity.Query.ChildOverview = func(child int, _ *string) int { return sized(child, 30) }
	c.Complexity.Query.ReviewWorkload = func(child int, _ *string) int { return sized(child, 30) }
	c.Complexity.Query.BudgetLines = func(child int, _ *int) int { return sized(child, 20) }
	c.Complexity.Query.ExpiringVetting = func(child int, _ string, _ *int) int { return sized(child, 20) }
	c.Complexity.Query.PendingDeliveries = func(child int) int { return sized(child, 20) }
	c.Complexity.Query.PendingVisits = func(child int) int { return sized(child, 20) }
	c.Complexity.Query.MyOrganisations = func(child int) int { return sized(child, 5) }
	c.Complexity.Query.GrantableRoles = func(child int) int { return sized(child, 10) }
	c.Complexity.Query.VisitCadence = func(child int) int { return sized(child, 5) }
	return c
}
