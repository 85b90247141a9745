package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"flowcare/internal/children"
)

// upload posts one operation with one file as the GraphQL multipart request
// spec lays it out: operations (the file variable null), map, then the file.
func (s *testServer) upload(token, query string, vars map[string]any, fileName string, content []byte) (gqlResponse, *http.Response) {
	s.t.Helper()
	vars["file"] = nil
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0":["variables.file"]}`)
	fw, _ := mw.CreateFormFile("0", fileName)
	_, _ = fw.Write(content)
	_ = mw.Close()
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/graphql", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := s.client.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var out gqlResponse
	if err := json.Unmarshal(raw, &out); err != nil {
		s.t.Fatalf("response is not JSON (%d): %s", res.StatusCode, raw)
	}
	return out, res
}

const importColumns = "姓名,性别,出生日期,身份证号码,无证原因,户籍省,户籍市,户籍县,随迁情况,社区编码,来京日期,学校,语言,监护人姓名,监护人关系,监护人电话\r\n"

// realisticList is a list as the education authorities send one: every
// column filled, an ID number on each line, Chinese text throughout.
func realisticList(rows int) []byte {
	var b strings.Builder
	b.WriteString("\ufeff" + importColumns)
	base := day(2012, 1, 1)
	for n := 0; n < rows; n++ {
		birth := base.AddDate(0, 0, n%3600)
		fmt.Fprintf(&b, "上传测试儿童%05d,%s,%s,%s,,河南省,周口市,项城市,父母双方,110105001001,2023-09-01,"+
			"北京市朝阳区建外示例第%d小学（演示）,普通话、河南话,上传测试家长%05d,母亲,139%08d\r\n",
			n, map[bool]string{true: "女", false: "男"}[n%2 == 0], birth.Format("2006-01-02"),
			fictionalID("411681", birth, 500+n/3600), n%40, n, n)
	}
	return []byte(b.String())
}

// TestImportUploadTakesAFullListAsMultipart: a realistic list of 20,000
// rows is over the 4 MiB limit of a JSON body, and goes through as a
// multipart upload within its own limit, which is the import's.
func TestImportUploadTakesAFullListAsMultipart(t *testing.T) {
	if children.MaxImportBytes != maxUploadBody {
		t.Fatalf("the import file limit (%d) and the multipart body limit (%d) differ", children.MaxImportBytes, maxUploadBody)
	}
	s := newTestServer(t, "test")
	token := s.token("demo.civil.chaoyang")
	list := realisticList(children.MaxImportRows)
	if len(list) <= maxGraphQLBody {
		t.Fatalf("the list is %d bytes, not more than a JSON body may carry", len(list))
	}
	t.Logf("20,000 rows in %.1f MiB", float64(len(list))/(1<<20))

	const preview = `mutation($source: ImportSource!, $file: Upload!) {
		previewChildImport(source: $source, file: $file) { rows new matched conflicts invalid lines { line outcome reason } } }`
	start := time.Now()
	r, res := s.upload(token, preview, map[string]any{"source": "EDUCATION"}, "pupils.csv", list)
	if res.StatusCode != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("preview: %d %+v", res.StatusCode, r.Errors)
	}
	var p struct{ Rows, New, Invalid int }
	_ = json.Unmarshal(r.Data["previewChildImport"], &p)
	if p.Rows != children.MaxImportRows || p.New != children.MaxImportRows {
		t.Fatalf("preview = %s", r.Data["previewChildImport"])
	}
	t.Logf("previewed in %v", time.Since(start).Round(time.Millisecond))

	const apply = `mutation($source: ImportSource!, $file: Upload!) {
		applyChildImport(source: $source, file: $file) { fileName rows created updated } }`
	small := realisticList(3)
	r, _ = s.upload(token, apply, map[string]any{"source": "PUBLIC_SECURITY"}, "permits.csv", small)
	var imp struct {
		FileName      string
		Rows, Created int
	}
	if err := json.Unmarshal(r.Data["applyChildImport"], &imp); err != nil || len(r.Errors) > 0 || imp.Created != 3 || imp.FileName != "permits.csv" {
		t.Fatalf("apply = %s %+v", r.Data["applyChildImport"], r.Errors)
	}

	// A file inside a JSON body, as the base64 clients sent it, is a client mistake.
	r, _ = s.do(preview, map[string]any{"source": "EDUCATION", "file": "aGVsbG8="}, http.Header{"Authorization": {"Bearer " + token}})
	if r.code() != "INVALID" || r.Errors[0].Extensions["field"] != "file" {
		t.Fatalf("a JSON file variable: %+v", r.Errors)
	}

	// The same upload of a director, who may not import, is refused as usual.
	r, _ = s.upload(s.token("demo.director"), preview, map[string]any{"source": "EDUCATION"}, "pupils.csv", small)
	if r.code() != "FORBIDDEN" {
		t.Fatalf("director's upload: %+v", r.Errors)
	}
}
