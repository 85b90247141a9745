package search

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"flowcare/internal/flowcare"
)

// EnsureIndices creates a first versioned index and its alias for every
// entity that has none; entities that have one are left alone.
func (c *Client) EnsureIndices(ctx context.Context) error {
	for _, e := range flowcare.Entities {
		if err := c.ensureIndex(ctx, e); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) ensureIndex(ctx context.Context, e flowcare.Entity) error {
	alias := c.Alias(e)
	current, err := c.aliasIndices(ctx, alias)
	if err != nil {
		return fmt.Errorf("ensure index for %s: %w", alias, err)
	}
	if len(current) > 0 {
		// Mappings only ever gain fields, which an existing index accepts;
		// a rebuild is needed only for documents to fill them in.
		return c.putMapping(ctx, e, alias)
	}
	name := c.versionedName(e)
	if err := c.createIndex(ctx, e, name, alias); err != nil {
		return fmt.Errorf("ensure index for %s: %w", alias, err)
	}
	// Two replicas starting together may both have created an index behind
	// the alias, which leaves it without a write index. Both see the same
	// names, so the one that does not sort first removes its own.
	current, err = c.aliasIndices(ctx, alias)
	if err != nil {
		return fmt.Errorf("ensure index for %s: %w", alias, err)
	}
	if len(current) > 1 && current[0] != name {
		if err := c.deleteIndices(ctx, []string{name}); err != nil {
			return fmt.Errorf("ensure index for %s: remove duplicate: %w", alias, err)
		}
	}
	return nil
}

// NewIndex creates an empty versioned index for e, not yet behind its alias.
func (c *Client) NewIndex(ctx context.Context, e flowcare.Entity) (string, error) {
	if !knownEntity(e) {
		return "", fmt.Errorf("new index: unknown entity %q", e)
	}
	name := c.versionedName(e)
	if err := c.createIndex(ctx, e, name, ""); err != nil {
		return "", fmt.Errorf("new index for %s: %w", e, err)
	}
	return name, nil
}

// SwapAlias points e's alias at index alone in one atomic _aliases call, so
// searches never see an empty or doubled alias, then deletes the indices the
// alias pointed at before.
func (c *Client) SwapAlias(ctx context.Context, e flowcare.Entity, index string) error {
	alias := c.Alias(e)
	if !c.ownsIndex(e, index) {
		return fmt.Errorf("swap alias %s: index %s is not one of its versions", alias, index)
	}
	// Documents written by the reindex become visible on the swap rather than
	// up to a refresh interval after it.
	if err := c.refreshIndex(ctx, index); err != nil {
		return fmt.Errorf("swap alias %s to %s: %w", alias, index, err)
	}
	current, err := c.aliasIndices(ctx, alias)
	if err != nil {
		return fmt.Errorf("swap alias %s to %s: %w", alias, index, err)
	}
	var old []string
	actions := []map[string]any{}
	for _, name := range current {
		if name != index {
			old = append(old, name)
			actions = append(actions, map[string]any{"remove": map[string]any{"index": name, "alias": alias}})
		}
	}
	actions = append(actions, map[string]any{"add": map[string]any{"index": index, "alias": alias}})
	body, err := json.Marshal(map[string]any{"actions": actions})
	if err != nil {
		return fmt.Errorf("swap alias %s to %s: %w", alias, index, err)
	}
	res, err := c.es.Indices.UpdateAliases(bytes.NewReader(body), c.es.Indices.UpdateAliases.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("swap alias %s to %s: %w", alias, index, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("swap alias %s to %s: %w", alias, index, responseError(res))
	}
	if err := c.deleteIndices(ctx, old); err != nil {
		return fmt.Errorf("swap alias %s to %s: delete old indices: %w", alias, index, err)
	}
	return nil
}

// Count returns the number of documents behind e's alias.
func (c *Client) Count(ctx context.Context, e flowcare.Entity) (int, error) {
	alias := c.Alias(e)
	res, err := c.es.Count(c.es.Count.WithContext(ctx), c.es.Count.WithIndex(alias))
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", alias, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return 0, fmt.Errorf("count %s: %w", alias, responseError(res))
	}
	var body struct {
		Count int `json:"count"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return 0, fmt.Errorf("count %s: %w", alias, err)
	}
	return body.Count, nil
}

// AliasIndices returns the indices behind e's alias, sorted; none when the
// alias does not exist.
func (c *Client) AliasIndices(ctx context.Context, e flowcare.Entity) ([]string, error) {
	names, err := c.aliasIndices(ctx, c.Alias(e))
	if err != nil {
		return nil, fmt.Errorf("indices behind %s: %w", c.Alias(e), err)
	}
	return names, nil
}

func (c *Client) aliasIndices(ctx context.Context, alias string) ([]string, error) {
	res, err := c.es.Indices.GetAlias(c.es.Indices.GetAlias.WithContext(ctx), c.es.Indices.GetAlias.WithName(alias))
	if err != nil {
		return nil, fmt.Errorf("get alias: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	if res.IsError() {
		return nil, fmt.Errorf("get alias: %w", responseError(res))
	}
	var body map[string]json.RawMessage
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("get alias: %w", err)
	}
	names := make([]string, 0, len(body))
	for name := range body {
		names = append(names, name)
	}
	sort.Strings(names)
	return names, nil
}

func (c *Client) createIndex(ctx context.Context, e flowcare.Entity, name, alias string) error {
	body, err := indexBody(e, alias)
	if err != nil {
		return err
	}
	res, err := c.es.Indices.Create(name, c.es.Indices.Create.WithContext(ctx), c.es.Indices.Create.WithBody(body))
	if err != nil {
		return fmt.Errorf("create index %s: %w", name, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("create index %s: %w", name, responseError(res))
	}
	return nil
}

func (c *Client) refreshIndex(ctx context.Context, name string) error {
	res, err := c.es.Indices.Refresh(c.es.Indices.Refresh.WithContext(ctx), c.es.Indices.Refresh.WithIndex(name))
	if err != nil {
		return fmt.Errorf("refresh %s: %w", name, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("refresh %s: %w", name, responseError(res))
	}
	return nil
}

// deleteIndices deletes indices by their full names: the cluster refuses
// wildcards for deletes (action.destructive_requires_name).
func (c *Client) deleteIndices(ctx context.Context, names []string) error {
	if len(names) == 0 {
		return nil
	}
	res, err := c.es.Indices.Delete(names, c.es.Indices.Delete.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("delete %s: %w", strings.Join(names, ","), err)
	}
	defer res.Body.Close()
	if res.IsError() && res.StatusCode != http.StatusNotFound {
		return fmt.Errorf("delete %s: %w", strings.Join(names, ","), responseError(res))
	}
	return nil
}

func (c *Client) putMapping(ctx context.Context, e flowcare.Entity, alias string) error {
	m, err := mapping(e)
	if err != nil {
		return err
	}
	res, err := c.es.Indices.PutMapping([]string{alias}, bytes.NewReader(m), c.es.Indices.PutMapping.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("update mapping of %s: %w", alias, err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("update mapping of %s: %w", alias, responseError(res))
	}
	return nil
}

// SuspendForBulkLoad turns off refreshes, replicas and the translog's sync
// after every request of e's new index while it is filled: each refresh
// writes a segment that merging then rewrites, each replica indexes every
// document again, and each sync waits for the disk. A node lost meanwhile
// loses only a load that is started again. Only an index no search reads may
// go without refreshes, so one behind the alias is refused.
func (c *Client) SuspendForBulkLoad(ctx context.Context, e flowcare.Entity, index string) (flowcare.IndexSettings, error) {
	var was flowcare.IndexSettings
	if !c.ownsIndex(e, index) {
		return was, fmt.Errorf("suspend settings of %s: not one of the versions of %s", index, c.Alias(e))
	}
	live, err := c.aliasIndices(ctx, c.Alias(e))
	if err != nil {
		return was, fmt.Errorf("suspend settings of %s: %w", index, err)
	}
	for _, name := range live {
		if name == index {
			return was, fmt.Errorf("suspend settings of %s: searches read it through %s", index, c.Alias(e))
		}
	}
	if was, err = c.indexSettings(ctx, index); err != nil {
		return was, fmt.Errorf("suspend settings of %s: %w", index, err)
	}
	if err := c.putSettings(ctx, index, map[string]any{"refresh_interval": "-1", "number_of_replicas": 0,
		"translog.durability": "async"}); err != nil {
		return was, fmt.Errorf("suspend settings of %s: %w", index, err)
	}
	return was, nil
}

// RestoreSettings gives index back the settings SuspendForBulkLoad took. New
// replicas copy the primary's segments; until they are allocated the
// primaries answer searches alone.
func (c *Client) RestoreSettings(ctx context.Context, index string, s flowcare.IndexSettings) error {
	// A null puts the cluster's default back.
	orDefault := func(v string) any {
		if v == "" {
			return nil
		}
		return v
	}
	if err := c.putSettings(ctx, index, map[string]any{"refresh_interval": orDefault(s.RefreshInterval), "number_of_replicas": s.Replicas,
		"translog.durability": orDefault(s.Durability)}); err != nil {
		return fmt.Errorf("restore settings of %s: %w", index, err)
	}
	return nil
}

func (c *Client) indexSettings(ctx context.Context, index string) (flowcare.IndexSettings, error) {
	var out flowcare.IndexSettings
	res, err := c.es.Indices.GetSettings(c.es.Indices.GetSettings.WithContext(ctx), c.es.Indices.GetSettings.WithIndex(index),
		c.es.Indices.GetSettings.WithFlatSettings(true),
		c.es.Indices.GetSettings.WithName("index.refresh_interval", "index.number_of_replicas", "index.translog.durability"))
	if err != nil {
		return out, fmt.Errorf("read settings: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return out, fmt.Errorf("read settings: %w", responseError(res))
	}
	var body map[string]struct {
		Settings struct {
			Refresh    string `json:"index.refresh_interval"`
			Replicas   string `json:"index.number_of_replicas"`
			Durability string `json:"index.translog.durability"`
		} `json:"settings"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return out, fmt.Errorf("read settings: %w", err)
	}
	st, ok := body[index]
	if !ok {
		return out, fmt.Errorf("read settings: no settings of %s in the answer", index)
	}
	out.RefreshInterval, out.Durability = st.Settings.Refresh, st.Settings.Durability
	if st.Settings.Replicas != "" {
		if out.Replicas, err = strconv.Atoi(st.Settings.Replicas); err != nil {
			return out, fmt.Errorf("read settings: number_of_replicas %q: %w", st.Settings.Replicas, err)
		}
	}
	return out, nil
}

func (c *Client) putSettings(ctx context.Context, index string, settings map[string]any) error {
	body, err := json.Marshal(map[string]any{"index": settings})
	if err != nil {
		return err
	}
	res, err := c.es.Indices.PutSettings(bytes.NewReader(body), c.es.Indices.PutSettings.WithContext(ctx),
		c.es.Indices.PutSettings.WithIndex(index))
	if err != nil {
		return fmt.Errorf("update settings: %w", err)
	}
	defer res.Body.Close()
	if res.IsError() {
		return fmt.Errorf("update settings: %w", responseError(res))
	}
	return nil
}
