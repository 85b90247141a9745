package search_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"flowcare/internal/flowcare"
	"flowcare/search"
)

func TestIndexKeepsTheHighestVersion(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	titleOf := func(id string) string {
		t.Helper()
		p := mustSearch(t, c, flowcare.SearchQuery{Entity: flowcare.EntityService})
		for _, h := range p.Hits {
			if h.ID == id {
				return h.Title
			}
		}
		return ""
	}
	v := func(id string, version int64, name string) flowcare.SearchDoc {
		d := serviceDoc(id, name)
		d.Version = version
		return d
	}
	del := func(id string, version int64) flowcare.SearchDoc {
		return flowcare.SearchDoc{Entity: flowcare.EntityService, ID: id, Version: version, Delete: true}
	}

	steps := []struct {
		name string
		docs []flowcare.SearchDoc
		want string // title of s1 afterwards, "" when gone
	}{
		{"version 2 is indexed", []flowcare.SearchDoc{v("s1", 2, "第二版")}, "第二版"},
		{"a stale version 1 is ignored", []flowcare.SearchDoc{v("s1", 1, "第一版")}, "第二版"},
		{"re-sending version 2 is harmless", []flowcare.SearchDoc{v("s1", 2, "第二版")}, "第二版"},
		{"a batch with old and new versions keeps the newest", []flowcare.SearchDoc{v("s1", 4, "第四版"), v("s1", 3, "第三版")}, "第四版"},
		{"a stale delete does not remove", []flowcare.SearchDoc{del("s1", 3)}, "第四版"},
		{"a newer delete removes", []flowcare.SearchDoc{del("s1", 5)}, ""},
		{"repeating the delete is harmless", []flowcare.SearchDoc{del("s1", 5)}, ""},
		{"deleting what was never indexed is harmless", []flowcare.SearchDoc{del("never", 1)}, ""},
	}
	for _, s := range steps {
		if err := c.Index(ctx, s.docs); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if err := c.Refresh(ctx, flowcare.EntityService); err != nil {
			t.Fatal(err)
		}
		if got := titleOf("s1"); got != s.want {
			t.Errorf("%s: s1 is %q, want %q", s.name, got, s.want)
		}
	}
}

func TestIndexRejectsWhatItCannotStore(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	noVersion := serviceDoc("s1", "服务")
	noVersion.Version = 0
	empty := flowcare.SearchDoc{Entity: flowcare.EntityService, ID: "s2", Version: 1}
	tests := []struct {
		name string
		doc  flowcare.SearchDoc
	}{
		{"no version", noVersion},
		{"no service", empty},
		{"unknown entity", flowcare.SearchDoc{Entity: "child", ID: "c1", Version: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := c.Index(ctx, []flowcare.SearchDoc{tt.doc}); err == nil {
				t.Error("Index succeeded")
			}
		})
	}
}

func TestIndexBeforeEnsureIndicesFailsAndCreatesNothing(t *testing.T) {
	c, prefix := newTestClient(t)
	ctx := context.Background()
	if err := c.Index(ctx, []flowcare.SearchDoc{serviceDoc("s1", "服务")}); err == nil {
		t.Error("indexing through a missing alias succeeded")
	}
	del := flowcare.SearchDoc{Entity: flowcare.EntityService, ID: "s1", Version: 2, Delete: true}
	if err := c.Index(ctx, []flowcare.SearchDoc{del}); err == nil {
		t.Error("deleting through a missing alias succeeded")
	}
	var rows []any
	getJSON(t, esURL(t)+"/_cat/indices/"+prefix+"-*?format=json", &rows)
	if len(rows) != 0 {
		t.Fatalf("writes through missing aliases created indices: %v", rows)
	}
	if err := c.EnsureIndices(ctx); err != nil {
		t.Fatalf("EnsureIndices after failed writes: %v", err)
	}
}

func TestVolunteerDocumentHoldsNothingPersonal(t *testing.T) {
	c, _ := ensured(t)
	phone := "13800138000"
	expires := time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)
	doc := flowcare.SearchDoc{
		Entity: flowcare.EntityVolunteer, ID: "vol-1", Version: 1,
		Areas:  []string{"110000", "110105", "110105001"},
		Points: []flowcare.GeoPoint{centre()},
		Vetted: true, VettingExpires: &expires,
		Volunteer: &flowcare.Volunteer{
			ID: "vol-1", UserID: "user-secret-id", DisplayName: "李老师", Phone: &phone,
			Bio: "住在某小区三号楼，私人信息", Skills: []flowcare.Category{flowcare.CatReadingGuidance},
			Languages: []string{"zh"}, HomeAreaID: "110105001",
			Availability:    []flowcare.TimeWindow{{Day: 6, Start: 540, End: 720}},
			HoursPerMonth:   8,
			OrganisationIDs: []string{"org-1", "org-2"},
			Vetting: []flowcare.VettingItem{{ID: "vet-1", Kind: flowcare.VettingCriminalRecord,
				Status: flowcare.VettingApproved, ExpiresOn: expires, Note: &phone}},
			CreatedAt: time.Now(), UpdatedAt: time.Now(),
		},
	}
	index(t, c, doc)

	res, err := http.Get(esURL(t) + "/" + c.Alias(flowcare.EntityVolunteer) + "/_doc/vol-1")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var got struct {
		Source map[string]json.RawMessage `json:"_source"`
	}
	if err := json.NewDecoder(res.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"id": true, "title": true, "categories": true, "languages": true, "areas": true,
		"availability": true, "hours_per_month": true, "organisation_id": true,
		"vetted": true, "vetting_expires": true, "points": true,
		// Counts of the volunteer's matches, for ranking: nothing about a child.
		"active_matches": true, "completion_rate": true, "capacity_left": true,
	}
	for k := range got.Source {
		if !allowed[k] {
			t.Errorf("volunteer document has field %q", k)
		}
	}
	raw, _ := json.Marshal(got.Source)
	for _, secret := range []string{phone, "user-secret-id", "三号楼", "vet-1"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("volunteer document contains %q", secret)
		}
	}
	if len(got.Source) == 0 {
		t.Fatal("volunteer document not found")
	}
}

func TestDeadClusterIsUnavailable(t *testing.T) {
	c, err := search.New("http://127.0.0.1:1", search.WithPrefix("t-dead"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, err = c.Search(ctx, flowcare.SearchQuery{Entity: flowcare.EntityService, Text: "阅读"})
	if code := flowcare.ErrorCode(err); code != flowcare.EUNAVAILABLE {
		t.Errorf("search: code %q (%v), want %s", code, err, flowcare.EUNAVAILABLE)
	}
	if msg := flowcare.ErrorMessage(err); msg != "搜索服务暂时不可用，请稍后再试" {
		t.Errorf("search: message %q", msg)
	}
	if err := c.Index(ctx, []flowcare.SearchDoc{serviceDoc("s1", "服务")}); err == nil {
		t.Error("index into a dead cluster succeeded")
	}
	if err := c.EnsureIndices(ctx); err == nil {
		t.Error("EnsureIndices on a dead cluster succeeded")
	}
}

func TestSearchWithoutIndicesIsUnavailable(t *testing.T) {
	c, _ := newTestClient(t)
	_, err := c.Search(context.Background(), flowcare.SearchQuery{Entity: flowcare.EntitySlot})
	if code := flowcare.ErrorCode(err); code != flowcare.EUNAVAILABLE {
		t.Errorf("code %q (%v), want %s", code, err, flowcare.EUNAVAILABLE)
	}
}

func TestNewRejectsBadPrefix(t *testing.T) {
	for _, p := range []string{"", "Upper", "_x", "a b", "a*"} {
		if _, err := search.New("http://127.0.0.1:9200", search.WithPrefix(p)); err == nil {
			t.Errorf("prefix %q accepted", p)
		}
	}
}

func TestIndexReportsFailedItemsWithoutTheirContent(t *testing.T) {
	c, _ := ensured(t)
	ctx := context.Background()
	alias := c.Alias(flowcare.EntityService)
	setBlock := func(on bool) {
		t.Helper()
		body := strings.NewReader(`{"index.blocks.write":` + map[bool]string{true: "true", false: "false"}[on] + `}`)
		req, _ := http.NewRequest(http.MethodPut, esURL(t)+"/"+alias+"/_settings", body)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusOK {
			t.Fatalf("set write block %v: status %d", on, res.StatusCode)
		}
	}
	setBlock(true)
	defer setBlock(false)
	d := serviceDoc("s1", "服务")
	d.Service.Description = "不应出现在错误里的描述"
	err := c.Index(ctx, []flowcare.SearchDoc{d, serviceDoc("s2", "服务")})
	if err == nil {
		t.Fatal("indexing into a write-blocked index succeeded")
	}
	if msg := err.Error(); !strings.Contains(msg, "2 failed") || !strings.Contains(msg, "403") || strings.Contains(msg, d.Service.Description) {
		t.Errorf("error %q, want both failures with their status and no document content", msg)
	}
}
