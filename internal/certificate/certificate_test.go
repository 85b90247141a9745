package certificate

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

func newRenderer(t *testing.T) *Renderer {
	t.Helper()
	r, err := New(DefaultFontPath)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func beijingDate(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.FixedZone("UTC+8", 8*60*60))
}

func sessionContents() []string {
	return []string{
		"陪伴流动儿童阅读绘本《小王子》，并指导完成读书笔记",
		"周末心理健康游戏小组（助教）",
		"书信陪伴：为结对儿童回信，讲解写信格式与礼仪；整理来信并归档",
		"国家博物馆研学活动讲解员，带领 12 名儿童参观“古代中国”基本陈列",
		"English reading club for grade 3–4 pupils, with 趣味单词游戏",
	}
}

// sampleRecord is a volunteer with n sessions, 45 to 150 minutes each.
func sampleRecord(n int) Record {
	contents := sessionContents()
	from := beijingDate(2026, 1, 1)
	rec := Record{
		Number:              "FC-2026-000123",
		VolunteerName:       "欧阳晓雯",
		VolunteerID:         "BJ110105-000987",
		Organisation:        "北京市朝阳区阳光流动儿童关爱志愿服务中心",
		OrganisationContact: "王老师 010-8765 4321",
		From:                from,
		To:                  beijingDate(2026, 11, 27),
		IssuedOn:            beijingDate(2026, 11, 28),
		VerifyURL:           "https://flowcare.example.cn/verify/FC-2026-000123",
	}
	for i := range n {
		minutes := 45 + (i*15)%120
		rec.Sessions = append(rec.Sessions, Session{
			Date:    from.AddDate(0, 0, i*7),
			Content: contents[i%len(contents)],
			Minutes: minutes,
		})
		rec.TotalMinutes += minutes
	}
	return rec
}

func render(t *testing.T, r *Renderer, rec Record) string {
	t.Helper()
	var buf bytes.Buffer
	if err := r.Render(&buf, rec); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.String()
}

// object returns the body of indirect object n.
func object(t *testing.T, pdf string, n int) string {
	t.Helper()
	head := fmt.Sprintf("\n%d 0 obj\n", n)
	i := strings.Index(pdf, head)
	if i < 0 {
		t.Fatalf("no object %d", n)
	}
	return pdf[i+len(head):]
}

// stream returns the data of the stream object that body starts, inflated
// if it is compressed.
func stream(t *testing.T, body string) []byte {
	t.Helper()
	m := regexp.MustCompile(`^<<[^>]*/Length (\d+)[^>]*>>\s*stream\r?\n`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("not a stream object: %.60q", body)
	}
	n, _ := strconv.Atoi(m[1])
	data := body[len(m[0]) : len(m[0])+n]
	if !strings.Contains(m[0], "/FlateDecode") {
		return []byte(data)
	}
	zr, err := zlib.NewReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// winAnsiHigh is WinAnsiEncoding's 0x80–0x9F; elsewhere it is Latin-1.
const winAnsiHigh = "€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ"

// pageTexts extracts the text shown on each page, in drawing order. Strings
// set in a Type0 (CJK) font are UTF-16BE code points, since the font is
// Identity-H encoded by Unicode value; the others are WinAnsi bytes.
func pageTexts(t *testing.T, pdf string) []string {
	pages, _ := shownText(t, pdf)
	return pages
}

// shownText is pageTexts and, apart, all the text set in the CJK font.
func shownText(t *testing.T, pdf string) (pages []string, inCJKFont string) {
	t.Helper()
	type0 := map[string]bool{}
	for _, m := range regexp.MustCompile(`/F(\w+) (\d+) 0 R`).FindAllStringSubmatch(object(t, pdf, 2), -1) {
		n, _ := strconv.Atoi(m[2])
		type0[m[1]] = strings.HasPrefix(object(t, pdf, n), "<</Type /Font\n/Subtype /Type0")
	}
	if len(type0) == 0 {
		t.Fatal("no fonts in the page resources")
	}
	high := []rune(winAnsiHigh)
	ops := regexp.MustCompile(`(?s)/F(\w+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) ?Tj`)
	var cjkText strings.Builder
	for _, m := range regexp.MustCompile(`/Type /Page\n(?:[^>]|>[^>])*/Contents (\d+) 0 R`).FindAllStringSubmatch(pdf, -1) {
		n, _ := strconv.Atoi(m[1])
		content := string(stream(t, object(t, pdf, n)))
		var text strings.Builder
		cjk := false
		for _, op := range ops.FindAllStringSubmatch(content, -1) {
			if op[1] != "" {
				cjk = type0[op[1]]
				continue
			}
			raw := unescape(op[2])
			if cjk {
				units := make([]uint16, len(raw)/2)
				for i := range units {
					units[i] = uint16(raw[2*i])<<8 | uint16(raw[2*i+1])
				}
				text.WriteString(string(utf16.Decode(units)))
				cjkText.WriteString(string(utf16.Decode(units)))
				continue
			}
			for i := 0; i < len(raw); i++ {
				if b := raw[i]; b >= 0x80 && b <= 0x9F {
					text.WriteRune(high[b-0x80])
				} else {
					text.WriteRune(rune(b))
				}
			}
		}
		pages = append(pages, text.String())
	}
	return pages, cjkText.String()
}

// unescape undoes the escapes of a PDF literal string that fpdf writes.
func unescape(s string) string {
	return regexp.MustCompile(`(?s)\\(.)`).ReplaceAllStringFunc(s, func(e string) string {
		if e == `\r` {
			return "\r"
		}
		return e[1:]
	})
}

// infoString decodes the UTF-16 value of key in the document's Info dictionary.
func infoString(t *testing.T, pdf, key string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)/` + key + ` \(((?:\\.|[^\\)])*)\)`).FindStringSubmatch(pdf)
	if m == nil {
		t.Fatalf("no /%s in the Info dictionary", key)
	}
	raw := unescape(m[1])
	if len(raw) < 2 || raw[:2] != "\xFE\xFF" {
		t.Fatalf("/%s is not UTF-16 with a byte-order mark: %q", key, raw)
	}
	units := make([]uint16, (len(raw)-2)/2)
	for i := range units {
		units[i] = uint16(raw[2+2*i])<<8 | uint16(raw[3+2*i])
	}
	return string(utf16.Decode(units))
}

func TestRenderFortySessionsFlowsOntoMorePages(t *testing.T) {
	r := newRenderer(t)
	rec := sampleRecord(40)
	rec.IDNumberMasked = ""
	pdf := render(t, r, rec)

	if !strings.HasPrefix(pdf, "%PDF-") {
		t.Fatalf("output starts with %q, not %%PDF-", pdf[:min(len(pdf), 8)])
	}
	if !strings.HasSuffix(strings.TrimSpace(pdf), "%%EOF") {
		t.Errorf("output does not end with %s", "%%EOF")
	}
	pageObjects := len(regexp.MustCompile(`/Type /Page\b[^s]`).FindAllString(pdf, -1))
	if pageObjects < 2 {
		t.Fatalf("40 sessions fit on %d page; they should flow onto further pages", pageObjects)
	}
	pages, inCJKFont := shownText(t, pdf)
	if len(pages) != pageObjects {
		t.Fatalf("read the text of %d pages out of %d", len(pages), pageObjects)
	}
	all := strings.Join(pages, "\n")

	for i, p := range pages {
		footer := fmt.Sprintf("证明编号：%s　　第 %d 页，共 %d 页", rec.Number, i+1, len(pages))
		if !strings.Contains(p, footer) {
			t.Errorf("page %d lacks the footer %q", i+1, footer)
		}
	}
	// The table header is repeated on each page the table reaches.
	if got := strings.Count(all, "序号服务日期服务内容时长（小时）"); got < 2 {
		t.Errorf("session table header drawn %d times, want it repeated on the next page", got)
	}
	if !strings.Contains(pages[1], "志愿服务记录证明（续）") {
		t.Error("page 2 is not marked as a continuation")
	}

	for _, want := range []string{
		"志愿服务记录证明",
		"兹证明 欧阳晓雯（志愿者编号：BJ110105-000987）",
		"证件号码（未登记）",
		"服务时间段2026年1月1日 至 2026年11月27日",
		"1" + "2026年1月1日" + "陪伴流动儿童阅读绘本《小王子》，并指导完成读书笔记" + "0.8",
		"2" + "2026年1月8日" + "周末心理健康游戏小组（助教）" + "1.0",
		"带领 12 名儿童参观“古代中国”基本陈列",
		"40" + "2026年10月1日",
		"累计志愿服务时长（共 40 次）65.0 小时",
		"组织名称北京市朝阳区阳光流动儿童关爱志愿服务中心",
		"联系人/联系方式王老师 010-8765 4321",
		"出具日期2026年11月28日",
		"证明编号FC-2026-000123",
		"核验地址：https://flowcare.example.cn/verify/FC-2026-000123",
		"特此证明。",
		"（盖章）北京市朝阳区阳光流动儿童关爱志愿服务中心2026年11月28日",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the certificate does not show %q", want)
		}
	}
	if t.Failed() {
		t.Logf("text read from the pages:\n%s", all)
	}
	// Droid Sans Fallback has no Latin glyphs, not even digits; those must
	// be set in Helvetica or they show as empty boxes.
	if i := strings.IndexFunc(inCJKFont, func(r rune) bool { return r <= 0xFF || r == '“' || r == '–' }); i >= 0 {
		t.Errorf("%q is set in the CJK font, which has no glyph for it", []rune(inCJKFont[i:])[0])
	}

	if got := infoString(t, pdf, "Title"); got != "志愿服务记录证明 FC-2026-000123" {
		t.Errorf("Title = %q", got)
	}
	if got := infoString(t, pdf, "Creator"); got != "flowcare" {
		t.Errorf("Creator = %q", got)
	}

	// The CJK font program itself is embedded, as a TrueType subset.
	m := regexp.MustCompile(`/FontName /utf8cjk\s[^>]*/FontFile2 (\d+) 0 R`).FindStringSubmatch(pdf)
	if m == nil {
		t.Fatal("no font descriptor with an embedded FontFile2 for the CJK font")
	}
	n, _ := strconv.Atoi(m[1])
	font := stream(t, object(t, pdf, n))
	if !bytes.HasPrefix(font, []byte{0, 1, 0, 0}) {
		t.Errorf("embedded font program starts with % x, not a TrueType header", font[:min(len(font), 4)])
	}
	if len(font) > 1<<20 {
		t.Errorf("embedded font is %d bytes; it should be a subset of the glyphs used", len(font))
	}
}

// fpdf's font subsetter writes into the font bytes it is given; the
// renderer's own copy must survive any number of renders, also concurrent ones.
func TestRenderIsRepeatableAndConcurrent(t *testing.T) {
	r := newRenderer(t)
	font := bytes.Clone(r.font)
	rec := sampleRecord(12)
	want := render(t, r, rec)

	got := make([]string, 4)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := r.Render(&buf, rec); err != nil {
				t.Error(err)
			}
			got[i] = buf.String()
		})
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("render %d of the same record gave different bytes", i+1)
		}
	}
	if !bytes.Equal(r.font, font) {
		t.Error("rendering changed the renderer's font bytes")
	}
}

func TestRenderShortRecordIsOnePage(t *testing.T) {
	r := newRenderer(t)
	rec := sampleRecord(2)
	rec.IDNumberMasked = "1101**********1234"
	rec.VerifyURL = ""
	pages := pageTexts(t, render(t, r, rec))
	if len(pages) != 1 {
		t.Fatalf("two sessions take %d pages, want 1", len(pages))
	}
	for _, want := range []string{"证件号码1101**********1234", "累计志愿服务时长（共 2 次）1.8 小时", "第 1 页，共 1 页"} {
		if !strings.Contains(pages[0], want) {
			t.Errorf("the certificate does not show %q:\n%s", want, pages[0])
		}
	}
	for _, unwanted := range []string{"（未登记）", "核验地址"} {
		if strings.Contains(pages[0], unwanted) {
			t.Errorf("the certificate shows %q", unwanted)
		}
	}
}

func TestRenderReplacesCharactersTheFontCannotAddress(t *testing.T) {
	r := newRenderer(t)
	rec := sampleRecord(1)
	rec.Sessions[0].Content = "陪读😀绘本\t第二部分"
	pages := pageTexts(t, render(t, r, rec))
	if !strings.Contains(pages[0], "陪读□绘本 第二部分") {
		t.Errorf("content not drawn as 陪读□绘本 第二部分:\n%s", pages[0])
	}
}

func TestRenderRejectsIncompleteRecords(t *testing.T) {
	r := newRenderer(t)
	cases := []struct {
		name  string
		edit  func(*Record)
		field string
	}{
		{"no volunteer name", func(r *Record) { r.VolunteerName = "" }, "volunteerName"},
		{"blank volunteer name", func(r *Record) { r.VolunteerName = " \t " }, "volunteerName"},
		{"no sessions", func(r *Record) { r.Sessions = nil; r.TotalMinutes = 0 }, "sessions"},
		{"zero minutes", func(r *Record) { r.TotalMinutes -= r.Sessions[1].Minutes; r.Sessions[1].Minutes = 0 }, "sessions[1].minutes"},
		{"negative minutes", func(r *Record) { r.TotalMinutes -= r.Sessions[0].Minutes + 30; r.Sessions[0].Minutes = -30 }, "sessions[0].minutes"},
		{"total disagrees with sessions", func(r *Record) { r.TotalMinutes++ }, "totalMinutes"},
		{"session outside the period", func(r *Record) { r.Sessions[2].Date = r.To.AddDate(0, 0, 1) }, "sessions[2].date"},
		{"period ends before it starts", func(r *Record) { r.From, r.To = r.To, r.From }, "to"},
		{"no organisation", func(r *Record) { r.Organisation = "" }, "organisation"},
		{"no certificate number", func(r *Record) { r.Number = "" }, "number"},
		{"no issue date", func(r *Record) { r.IssuedOn = time.Time{} }, "issuedOn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := sampleRecord(3)
			c.edit(&rec)
			var buf bytes.Buffer
			err := r.Render(&buf, rec)
			if err == nil {
				t.Fatal("Render accepted the record")
			}
			if code := flowcare.ErrorCode(err); code != flowcare.EINVALID {
				t.Errorf("error code %s, want %s (%v)", code, flowcare.EINVALID, err)
			}
			if f := flowcare.ErrorField(err); f != c.field {
				t.Errorf("error about field %q, want %q (%v)", f, c.field, err)
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written for a rejected record", buf.Len())
			}
		})
	}
}

func TestNewMissingFontSaysHowToInstallIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "DroidSansFallbackFull.ttf")
	_, err := New(path)
	if err == nil {
		t.Fatal("New accepted a missing font file")
	}
	for _, want := range []string{path, "dev/fonts.sh"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}

func TestNewRejectsFontsFpdfCannotRead(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(DefaultFontPath)
	if err != nil {
		t.Fatalf("%v; install the font with `bash dev/fonts.sh`", err)
	}
	for name, head := range map[string]string{
		"collection.ttc": "ttcf\x00\x01\x00\x00\x00\x00\x00\x02",
		"cff.otf":        "OTTO\x00\x0a\x00\x80\x00\x03\x00\x20",
		"notes.txt":      "this is not a font at all",
		"truncated.ttf":  string(good[:5000]),
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(head), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := New(path)
		if err == nil {
			t.Errorf("New accepted %s", name)
			continue
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("error %q does not name %s", err, path)
		}
	}
}

func TestHoursHaveOneDecimal(t *testing.T) {
	for minutes, want := range map[int]string{
		90: "1.5", 60: "1.0", 45: "0.8", 20: "0.3", 125: "2.1", 4080: "68.0", 3: "0.1",
	} {
		if got := hours(minutes); got != want {
			t.Errorf("hours(%d) = %s, want %s", minutes, got, want)
		}
	}
}

func TestChineseDateUsesBeijingCalendarDay(t *testing.T) {
	cases := map[time.Time]string{
		beijingDate(2026, 11, 28):                        "2026年11月28日",
		time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC):      "2026年1月5日",
		time.Date(2026, 11, 27, 17, 30, 0, 0, time.UTC):  "2026年11月28日",
		time.Date(2026, 12, 31, 15, 59, 59, 0, time.UTC): "2026年12月31日",
	}
	for in, want := range cases {
		if got := chineseDate(in); got != want {
			t.Errorf("chineseDate(%s) = %s, want %s", in, got, want)
		}
	}
}

// width counts a wide character as 2 and anything else as 1.
func width(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isWide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

func TestWrapKeepsWordsAndPunctuation(t *testing.T) {
	cases := []struct {
		text  string
		width float64
		want  []string
	}{
		{"陪伴儿童阅读绘本", 8, []string{"陪伴儿童", "阅读绘本"}},
		// 。 may not start a line, so 本 goes down with it.
		{"阅读绘本。好", 8, []string{"阅读绘", "本。好"}},
		{"带领 12 名儿童参观", 9, []string{"带领 12", "名儿童参", "观"}},
		{"reading club for pupils", 12, []string{"reading club", "for pupils"}},
		{"“古代中国”陈列", 8, []string{"“古代中", "国”陈列"}},
		{"第一行\n第二行", 20, []string{"第一行", "第二行"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		// A date is not broken.
		{"于 2026年11月27日 至今", 16, []string{"于", "2026年11月27日", "至今"}},
		{"自2026年1月1日起", 13, []string{"自", "2026年1月1日", "起"}},
	}
	for _, c := range cases {
		got := wrap(c.text, c.width, width)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
		}
	}
}

func TestWrapNeverOverflowsOrLosesText(t *testing.T) {
	text := strings.Join(sessionContents(), "，") + "。"
	for w := 2.0; w <= 40; w++ {
		lines := wrap(text, w, width)
		for _, l := range lines {
			if width(l) > w {
				t.Fatalf("width %v: line %q is %v wide", w, l, width(l))
			}
			// Below 8 some words with their punctuation are wider than a
			// line and must be cut somewhere.
			if r, _ := utf8.DecodeRuneInString(l); strings.ContainsRune(closingPunct, r) && w >= 8 {
				t.Errorf("width %v: line %q starts with closing punctuation", w, l)
			}
		}
		strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if strip(strings.Join(lines, "")) != strip(text) {
			t.Fatalf("width %v: wrapping changed the text to %q", w, lines)
		}
	}
}
