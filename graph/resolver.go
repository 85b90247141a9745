// Package graph is the GraphQL layer: resolvers convert between the schema and
// the domain, call one use case and convert back.
package graph

import (
	"context"

	"flowcare/internal/access"
	"flowcare/internal/children"
	"flowcare/internal/directory"
	"flowcare/internal/funding"
	"flowcare/internal/matching"
	"flowcare/internal/reference"
)

// Resolver holds the use cases the resolvers call.
type Resolver struct {
	Access     *access.Service
	Reference  *reference.Service
	Directory  *directory.Service
	ChildFiles *children.Service
	Matching   *matching.Service
	Funding    *funding.Service
	// Notifications hears of new notifications for a user, from any replica.
	Notifications Notifier
}

// Notifier delivers the ids of a user's new notifications until ctx ends.
type Notifier interface {
	Subscribe(ctx context.Context, userID string) <-chan string
}
