package search

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"strings"

	"flowcare/internal/flowcare"
)

//go:embed mappings/*.json
var mappingFiles embed.FS

// A single node keeps no replicas; a cluster gets them from an index template
// or a settings update, not from code.
const (
	numberOfShards   = 1
	numberOfReplicas = 0
	refreshInterval  = "1s"
)

// mapping returns the explicit mapping of e's documents.
func mapping(e flowcare.Entity) (json.RawMessage, error) {
	b, err := mappingFiles.ReadFile("mappings/" + string(e) + ".json")
	if err != nil {
		return nil, fmt.Errorf("mapping of %s: %w", e, err)
	}
	if !json.Valid(b) {
		return nil, fmt.Errorf("mapping of %s is not valid JSON", e)
	}
	return b, nil
}

// indexBody is the body of a create-index request for e, with the alias to
// add in the same request when alias is not empty.
func indexBody(e flowcare.Entity, alias string) (*bytes.Buffer, error) {
	m, err := mapping(e)
	if err != nil {
		return nil, err
	}
	body := map[string]any{
		"settings": map[string]any{
			"number_of_shards":   numberOfShards,
			"number_of_replicas": numberOfReplicas,
			"refresh_interval":   refreshInterval,
		},
		"mappings": m,
	}
	if alias != "" {
		body["aliases"] = map[string]any{alias: map[string]any{}}
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(body); err != nil {
		return nil, fmt.Errorf("index body of %s: %w", e, err)
	}
	return &buf, nil
}

// Alias is the name searches and the outbox relay use for e's documents.
func (c *Client) Alias(e flowcare.Entity) string {
	return c.prefix + "-" + aliasSuffix(e)
}

func aliasSuffix(e flowcare.Entity) string {
	return string(e) + "s"
}

// versionedName names a new index behind e's alias: the UTC creation time
// sorts versions, the random suffix separates two made in the same second.
func (c *Client) versionedName(e flowcare.Entity) string {
	return c.Alias(e) + "-v" + c.now().UTC().Format("20060102150405") + c.suffix()
}

// ownsIndex reports whether index is one of e's versioned indices, so that a
// services index never ends up behind the volunteers alias.
func (c *Client) ownsIndex(e flowcare.Entity, index string) bool {
	return strings.HasPrefix(index, c.Alias(e)+"-v")
}

func knownEntity(e flowcare.Entity) bool {
	for _, x := range flowcare.Entities {
		if x == e {
			return true
		}
	}
	return false
}
