// Package graph is the GraphQL layer: resolvers convert between the schema and
// the domain, call one use case and convert back.
package graph

import (
	"flowcare/internal/access"
	"flowcare/internal/children"
	"flowcare/internal/directory"
	"flowcare/internal/reference"
)

// Resolver holds the use cases the resolvers call.
type Resolver struct {
	Access     *access.Service
	Reference  *reference.Service
	Directory  *directory.Service
	ChildFiles *children.Service
}
