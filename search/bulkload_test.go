package search_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"flowcare/internal/flowcare"
)

// settingsOf reads an index's refresh interval, replicas and translog
// durability as the cluster reports them, defaults included.
func settingsOf(t *testing.T, index string) (refresh, replicas, durability string) {
	t.Helper()
	var body map[string]struct {
		Settings map[string]any `json:"settings"`
		Defaults map[string]any `json:"defaults"`
	}
	if code := getJSON(t, esURL(t)+"/"+index+"/_settings?flat_settings=true&include_defaults=true", &body); code != http.StatusOK {
		t.Fatalf("settings of %s: status %d", index, code)
	}
	get := func(k string) string {
		if v, ok := body[index].Settings[k]; ok {
			return fmt.Sprint(v)
		}
		return fmt.Sprint(body[index].Defaults[k])
	}
	return get("index.refresh_interval"), get("index.number_of_replicas"), get("index.translog.durability")
}

func TestBulkLoadFillsANewIndexWithoutRefreshesAndGivesTheSettingsBack(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	fresh, err := c.NewIndex(ctx, flowcare.EntityService)
	if err != nil {
		t.Fatal(err)
	}
	was, err := c.SuspendForBulkLoad(ctx, flowcare.EntityService, fresh)
	if err != nil {
		t.Fatal(err)
	}
	if was.RefreshInterval != "1s" || was.Replicas != 0 {
		t.Errorf("settings before the load = %+v, want the 1s refresh and no replicas an index is made with", was)
	}
	if r, n, d := settingsOf(t, fresh); r != "-1" || n != "0" || d != "async" {
		t.Errorf("during the load: refresh %s, replicas %s, durability %s", r, n, d)
	}
	// Requests of 2 KB make a dozen requests for three workers to share.
	l, err := c.BulkLoad(ctx, fresh, 3, 2048)
	if err != nil {
		t.Fatal(err)
	}
	var docs []flowcare.SearchDoc
	for i := range 60 {
		docs = append(docs, serviceDoc(fmt.Sprintf("load-%02d", i), "装载的服务"))
	}
	for i := 0; i < len(docs); i += 7 {
		if err := l.Add(ctx, docs[i:min(i+7, len(docs))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(ctx); err != nil {
		t.Fatal(err)
	}
	if err := l.Add(ctx, docs[:1]); err == nil {
		t.Error("a closed load took more documents")
	}
	if err := c.RestoreSettings(ctx, fresh, was); err != nil {
		t.Fatal(err)
	}
	if r, n, d := settingsOf(t, fresh); r != "1s" || n != "0" || !strings.EqualFold(d, "request") {
		t.Errorf("after the load: refresh %s, replicas %s, durability %s", r, n, d)
	}
	if err := c.SwapAlias(ctx, flowcare.EntityService, fresh); err != nil {
		t.Fatal(err)
	}
	if n, err := c.Count(ctx, flowcare.EntityService); err != nil || n != len(docs) {
		t.Fatalf("count after the swap = %d (%v), want %d", n, err, len(docs))
	}
	if p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService, Text: "装载", First: 100}); p.Total != len(docs) {
		t.Errorf("search finds %d, want %d", p.Total, len(docs))
	}
}

func TestSuspendForBulkLoadRefusesAnIndexSearchesRead(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	live, err := c.AliasIndices(ctx, flowcare.EntityService)
	if err != nil || len(live) != 1 {
		t.Fatalf("alias indices %v, %v", live, err)
	}
	if _, err := c.SuspendForBulkLoad(ctx, flowcare.EntityService, live[0]); err == nil {
		t.Error("the index behind the alias lost its refreshes")
	}
	volunteers, err := c.NewIndex(ctx, flowcare.EntityVolunteer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.SuspendForBulkLoad(ctx, flowcare.EntityService, volunteers); err == nil {
		t.Error("a volunteers index was suspended as a services one")
	}
	if r, _, _ := settingsOf(t, live[0]); r != "1s" {
		t.Errorf("the live index refreshes every %s", r)
	}
}

func TestBulkLoadReportsWhatTheIndexRefused(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	fresh, err := c.NewIndex(ctx, flowcare.EntityService)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.BulkLoad(ctx, c.Alias(flowcare.EntityService)+"-v19990101000000abcdef", 1, 0); err == nil {
		t.Error("a load into a missing index started")
	}
	l, err := c.BulkLoad(ctx, fresh, 2, 0)
	if err != nil {
		t.Fatal(err)
	}
	wrong := flowcare.SearchDoc{Entity: flowcare.EntityVolunteer, ID: "v1", Version: 1, Volunteer: &flowcare.Volunteer{ID: "v1"}}
	if err := l.Add(ctx, []flowcare.SearchDoc{wrong}); err == nil {
		t.Error("a volunteer went into a services index")
	}
	if err := l.Close(ctx); err != nil {
		t.Fatalf("closing a load that sent nothing: %v", err)
	}

	req, _ := http.NewRequest(http.MethodPut, esURL(t)+"/"+fresh+"/_settings", strings.NewReader(`{"index.blocks.write":true}`))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("write block: %v, %v", res, err)
	}
	res.Body.Close()
	defer func() {
		req, _ := http.NewRequest(http.MethodPut, esURL(t)+"/"+fresh+"/_settings", strings.NewReader(`{"index.blocks.write":false}`))
		req.Header.Set("Content-Type", "application/json")
		if res, err := http.DefaultClient.Do(req); err == nil {
			res.Body.Close()
		}
	}()
	l, err = c.BulkLoad(ctx, fresh, 2, 1024)
	if err != nil {
		t.Fatal(err)
	}
	d := serviceDoc("s1", "服务")
	d.Service.Description = "不应出现在错误里的描述"
	err = l.Add(ctx, []flowcare.SearchDoc{d, serviceDoc("s2", "服务"), serviceDoc("s3", "服务")})
	if cerr := l.Close(ctx); err == nil {
		err = cerr
	}
	if err == nil {
		t.Fatal("a load into a write-blocked index succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "failed") || !strings.Contains(msg, "403") || strings.Contains(msg, d.Service.Description) {
		t.Errorf("error %q, want the refusal with its status and no document content", msg)
	}
}
