// Package certificate renders the volunteer-service record certificate
// (志愿服务记录证明) as an A4 PDF. Its contents follow what the Ministry of
// Civil Affairs' 《志愿服务记录与证明出具办法（试行）》(2020) asks of such a
// certificate: who the volunteer is, what they did and for how long, over
// which period, and which organisation vouches for it, how to reach it, when
// it issued the certificate and under which number.
package certificate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/go-pdf/fpdf"

	"flowcare/internal/flowcare"
)

// DefaultFontPath is where dev/fonts.sh installs Debian's fonts-droid-fallback.
// fpdf reads only glyf-based TrueType, not the TTC/OTF files most CJK font
// packages ship, and this is a plain TTF covering the whole CJK range.
const DefaultFontPath = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"

// Session is one approved service session.
type Session struct {
	Date    time.Time
	Content string
	Minutes int
}

// Record is everything one certificate states.
type Record struct {
	Number              string // certificate number, e.g. "FC-2026-000123"
	VolunteerName       string
	VolunteerID         string // platform volunteer number
	IDNumberMasked      string // may be empty: shown as "（未登记）"
	Organisation        string // issuing volunteer-service organisation name
	OrganisationContact string // contact person / phone of the organisation
	Sessions            []Session
	TotalMinutes        int
	From, To            time.Time // period covered
	IssuedOn            time.Time
	VerifyURL           string // may be empty
}

// Renderer draws certificates. It is safe for concurrent use.
type Renderer struct {
	// font is a TrueType font for the Chinese text; Latin letters, digits
	// and Western punctuation are set in the PDF core font Helvetica, since
	// CJK fallback fonts such as Droid Sans Fallback carry no glyphs for them.
	font []byte
}

// New reads the TrueType font at fontPath once; every certificate embeds the
// subset of it that its text uses.
func New(fontPath string) (*Renderer, error) {
	font, err := os.ReadFile(fontPath)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("certificate font %s is missing; install it with `bash dev/fonts.sh`: %w", fontPath, err)
	}
	if err != nil {
		return nil, fmt.Errorf("reading certificate font %s: %w", fontPath, err)
	}
	if err := checkTrueType(font); err != nil {
		return nil, fmt.Errorf("certificate font %s: %w; `bash dev/fonts.sh` installs one that works", fontPath, err)
	}
	r := &Renderer{font: font}
	if err := r.tryFont(); err != nil {
		return nil, fmt.Errorf("certificate font %s cannot be used: %w; `bash dev/fonts.sh` installs one that works", fontPath, err)
	}
	return r, nil
}

// tryFont loads the font into a throwaway document: fpdf reports a font it
// cannot parse only when the font is first used, and panics on some damaged
// files, which should stop the server at start rather than on a volunteer's
// request.
func (r *Renderer) tryFont() (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("fpdf failed to parse it: %v", p)
		}
	}()
	return r.newPDF().Error()
}

// checkTrueType tells apart the font files fpdf cannot read, whose failure it
// would otherwise report only as an undefined font.
func checkTrueType(b []byte) error {
	if len(b) < 12 {
		return errors.New("is not a font file")
	}
	switch string(b[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "ttcf":
		return errors.New("is a TrueType collection (.ttc), which fpdf cannot read")
	case "OTTO":
		return errors.New("is an OpenType font with CFF outlines, which fpdf cannot read")
	}
	return errors.New("is not a TrueType font")
}

// Render validates rec and writes its certificate to w. Nothing is written
// for a record that fails validation.
func (r *Renderer) Render(w io.Writer, rec Record) error {
	if err := rec.validate(); err != nil {
		return fmt.Errorf("rendering certificate %q: %w", rec.Number, err)
	}
	d := newDoc(r.newPDF(), rec.cleaned())
	d.draw()
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("writing certificate %q: %w", rec.Number, err)
	}
	return nil
}

func (r *Renderer) newPDF() *fpdf.Fpdf {
	pdf := fpdf.New("P", "mm", "A4", "")
	// fpdf's subsetter appends to slices of the font it was given; each
	// document gets its own copy so that concurrent renders never share one.
	pdf.AddUTF8FontFromBytes(cjkFamily, "", bytes.Clone(r.font))
	pdf.SetFont(latinFamily, "", 10)
	pdf.SetFont(cjkFamily, "", 10)
	return pdf
}

const (
	cjkFamily   = "cjk"
	latinFamily = "Helvetica"

	pageWidth    = 210.0
	pageHeight   = 297.0
	marginX      = 20.0
	marginTop    = 18.0
	contentWidth = pageWidth - 2*marginX
	// contentBottom leaves room for the footer that identifies every page.
	contentBottom = pageHeight - 22.0

	padX = 1.8
	padY = 1.6
	// leading is the line height as a multiple of the font size.
	leading = 1.45
	ptToMM  = 25.4 / 72

	maxContentRunes = 500
	maxFieldRunes   = 200
)

// China has kept one offset all year since 1991; a fixed zone avoids needing
// the tz database on the server.
func beijing(t time.Time) time.Time {
	return t.In(flowcare.Beijing)
}

// chineseDate formats the calendar day in Beijing, e.g. 2026年11月28日.
func chineseDate(t time.Time) string {
	t = beijing(t)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func civilDay(t time.Time) int {
	t = beijing(t)
	return t.Year()*10000 + int(t.Month())*100 + t.Day()
}

// hours shows minutes as hours with one decimal, rounding half up in integer
// arithmetic so that 45 minutes is 0.8 and not whatever a float makes of it.
func hours(minutes int) string {
	tenths := (minutes*10 + 30) / 60
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

func (rec Record) validate() error {
	required := []struct{ field, value, name string }{
		{"number", rec.Number, "证明编号"},
		{"volunteerName", rec.VolunteerName, "志愿者姓名"},
		{"volunteerId", rec.VolunteerID, "志愿者编号"},
		{"organisation", rec.Organisation, "出具证明的志愿服务组织名称"},
		{"organisationContact", rec.OrganisationContact, "志愿服务组织的联系人或联系方式"},
	}
	for _, f := range required {
		if strings.TrimSpace(f.value) == "" {
			return flowcare.Invalid(f.field, "请填写%s", f.name)
		}
		if utf8.RuneCountInString(f.value) > maxFieldRunes {
			return flowcare.Invalid(f.field, "%s不能超过 %d 个字", f.name, maxFieldRunes)
		}
	}
	if utf8.RuneCountInString(rec.IDNumberMasked) > maxFieldRunes {
		return flowcare.Invalid("idNumberMasked", "证件号码不能超过 %d 个字", maxFieldRunes)
	}
	if rec.IssuedOn.IsZero() {
		return flowcare.Invalid("issuedOn", "请填写出具日期")
	}
	if rec.From.IsZero() {
		return flowcare.Invalid("from", "请填写服务时间段的开始日期")
	}
	if rec.To.IsZero() {
		return flowcare.Invalid("to", "请填写服务时间段的结束日期")
	}
	if civilDay(rec.To) < civilDay(rec.From) {
		return flowcare.Invalid("to", "服务时间段的结束日期（%s）早于开始日期（%s）", chineseDate(rec.To), chineseDate(rec.From))
	}
	if len(rec.Sessions) == 0 {
		return flowcare.Invalid("sessions", "没有可证明的志愿服务记录，至少需要一条")
	}
	sum := 0
	for i, s := range rec.Sessions {
		field := fmt.Sprintf("sessions[%d]", i)
		if s.Minutes <= 0 {
			return flowcare.Invalid(field+".minutes", "第 %d 条服务记录的时长必须大于零", i+1)
		}
		if strings.TrimSpace(s.Content) == "" {
			return flowcare.Invalid(field+".content", "第 %d 条服务记录缺少服务内容", i+1)
		}
		if utf8.RuneCountInString(s.Content) > maxContentRunes {
			return flowcare.Invalid(field+".content", "第 %d 条服务记录的服务内容不能超过 %d 个字", i+1, maxContentRunes)
		}
		if s.Date.IsZero() {
			return flowcare.Invalid(field+".date", "第 %d 条服务记录缺少日期", i+1)
		}
		if d := civilDay(s.Date); d < civilDay(rec.From) || d > civilDay(rec.To) {
			return flowcare.Invalid(field+".date", "第 %d 条服务记录的日期（%s）不在服务时间段 %s 至 %s 内",
				i+1, chineseDate(s.Date), chineseDate(rec.From), chineseDate(rec.To))
		}
		sum += s.Minutes
	}
	// A certificate whose total disagrees with its own rows cannot be trusted.
	if rec.TotalMinutes != sum {
		return flowcare.Invalid("totalMinutes", "累计时长（%d 分钟）与各条服务记录之和（%d 分钟）不一致", rec.TotalMinutes, sum)
	}
	return nil
}

// cleaned returns rec with text the font can draw: fpdf addresses glyphs by
// 16-bit code, so characters beyond the Basic Multilingual Plane (emoji, rare
// CJK extensions) become a visible placeholder instead of garbage.
func (rec Record) cleaned() Record {
	// Fields drawn on one line lose their line breaks and runs of spaces.
	oneLine := func(s string) string { return strings.Join(strings.Fields(clean(s)), " ") }
	rec.Number = oneLine(rec.Number)
	rec.VolunteerName = oneLine(rec.VolunteerName)
	rec.VolunteerID = oneLine(rec.VolunteerID)
	rec.IDNumberMasked = oneLine(rec.IDNumberMasked)
	rec.Organisation = oneLine(rec.Organisation)
	rec.OrganisationContact = oneLine(rec.OrganisationContact)
	rec.VerifyURL = oneLine(rec.VerifyURL)
	sessions := make([]Session, len(rec.Sessions))
	for i, s := range rec.Sessions {
		s.Content = strings.TrimSpace(clean(s.Content))
		sessions[i] = s
	}
	rec.Sessions = sessions
	return rec
}

func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case unicode.IsControl(r) || r == utf8.RuneError:
			return -1
		case r > 0xFFFF:
			return '□'
		}
		return r
	}, s)
}

// doc is one certificate being laid out. Between drawing calls the CJK font
// is the current one; Latin runs switch to Helvetica only while drawn.
type doc struct {
	pdf *fpdf.Fpdf
	rec Record
	// size is the font size in points, the same for both fonts.
	size float64
	// latinWidth is Helvetica's advance for each WinAnsi byte at 1pt, in mm.
	latinWidth [256]float64
}

func newDoc(pdf *fpdf.Fpdf, rec Record) *doc {
	d := &doc{pdf: pdf, rec: rec}
	pdf.SetFont(latinFamily, "", 1)
	for b := range d.latinWidth {
		d.latinWidth[b] = pdf.GetStringWidth(string([]byte{byte(b)}))
	}
	d.setSize(11)

	pdf.SetTitle("志愿服务记录证明 "+rec.Number, true)
	pdf.SetAuthor(rec.Organisation, true)
	pdf.SetSubject("志愿服务记录证明", true)
	pdf.SetCreator("flowcare", true)
	pdf.SetLang("zh-CN")
	// The same record always yields the same bytes, so a reissued
	// certificate can be compared with the original.
	pdf.SetCreationDate(rec.IssuedOn)
	pdf.SetModificationDate(rec.IssuedOn)
	pdf.SetCatalogSort(true)
	pdf.SetMargins(marginX, marginTop, marginX)
	// Breaks are placed by hand so that table rows never split and the
	// table header is repeated.
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0)
	pdf.SetLineWidth(0.2)
	pdf.SetDrawColor(90, 90, 90)
	pdf.SetHeaderFunc(d.header)
	return d
}

func (d *doc) setSize(size float64) {
	if size == d.size {
		return
	}
	d.size = size
	d.pdf.SetFont(cjkFamily, "", size)
}

func lineHeight(size float64) float64 { return size * ptToMM * leading }

// run is a stretch of text set in one font; Latin runs hold WinAnsi bytes.
type run struct {
	text  string
	latin bool
}

func splitRuns(s string) []run {
	var runs []run
	var buf []byte
	latin := false
	for _, r := range s {
		b, isLatin := winAnsi(r)
		if len(buf) > 0 && isLatin != latin {
			runs = append(runs, run{string(buf), latin})
			buf = nil
		}
		latin = isLatin
		if isLatin {
			buf = append(buf, b)
		} else {
			buf = utf8.AppendRune(buf, r)
		}
	}
	if len(buf) > 0 {
		runs = append(runs, run{string(buf), latin})
	}
	return runs
}

// winAnsi returns r's byte in WinAnsiEncoding, the encoding of the core font
// Helvetica, if it has one.
func winAnsi(r rune) (byte, bool) {
	if (r >= 0x20 && r <= 0x7E) || (r >= 0xA0 && r <= 0xFF) {
		return byte(r), true
	}
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case 'ƒ':
		return 0x83, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '†':
		return 0x86, true
	case '‡':
		return 0x87, true
	case 'ˆ':
		return 0x88, true
	case '‰':
		return 0x89, true
	case 'Š':
		return 0x8A, true
	case '‹':
		return 0x8B, true
	case 'Œ':
		return 0x8C, true
	case 'Ž':
		return 0x8E, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '•':
		return 0x95, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '˜':
		return 0x98, true
	case '™':
		return 0x99, true
	case 'š':
		return 0x9A, true
	case '›':
		return 0x9B, true
	case 'œ':
		return 0x9C, true
	case 'ž':
		return 0x9E, true
	case 'Ÿ':
		return 0x9F, true
	}
	return 0, false
}

func (d *doc) runWidth(r run) float64 {
	if !r.latin {
		return d.pdf.GetStringWidth(r.text)
	}
	w := 0.0
	for i := 0; i < len(r.text); i++ {
		w += d.latinWidth[r.text[i]]
	}
	return w * d.size
}

// measure is the width of s at the current size, in mm.
func (d *doc) measure(s string) float64 {
	w := 0.0
	for _, r := range splitRuns(s) {
		w += d.runWidth(r)
	}
	return w
}

// write sets one line of s in a box w wide and h high at (x, y), aligned
// "L", "C" or "R".
func (d *doc) write(x, y, w, h float64, s, align string) {
	runs := splitRuns(s)
	total := 0.0
	for _, r := range runs {
		total += d.runWidth(r)
	}
	switch align {
	case "C":
		x += (w - total) / 2
	case "R":
		x += w - total
	}
	for _, r := range runs {
		rw := d.runWidth(r)
		d.pdf.SetXY(x, y)
		if r.latin {
			d.pdf.SetFont(latinFamily, "", d.size)
		}
		d.pdf.CellFormat(rw, h, r.text, "", 0, "L", false, 0, "")
		if r.latin {
			d.pdf.SetFont(cjkFamily, "", d.size)
		}
		x += rw
	}
}

// keepSize lets the page header change the size: fpdf restores its own font
// state after the header, and the returned func restores the doc's.
func (d *doc) keepSize() func() {
	size := d.size
	return func() { d.size = size }
}

func (d *doc) header() {
	if d.pdf.PageNo() == 1 {
		return
	}
	defer d.keepSize()()
	pdf := d.pdf
	d.setSize(9)
	pdf.SetTextColor(110, 110, 110)
	d.write(marginX, 11, contentWidth, 5, "志愿服务记录证明（续）", "L")
	d.write(marginX, 11, contentWidth, 5, "志愿者："+d.rec.VolunteerName, "R")
	pdf.Line(marginX, 16.5, pageWidth-marginX, 16.5)
	pdf.SetTextColor(0, 0, 0)
	pdf.SetXY(marginX, 20)
}

// footers put the certificate number and page count on every page, so that
// a page cannot be passed off as part of another certificate or go missing
// unnoticed. They are drawn once the page count is known.
func (d *doc) footers() {
	pdf := d.pdf
	total := pdf.PageCount()
	for n := 1; n <= total; n++ {
		pdf.SetPage(n)
		// The page's content stream ends with whatever font it last used,
		// which fpdf no longer knows; make it state the font again.
		pdf.SetFont(latinFamily, "", 8.5)
		d.size = 0
		d.setSize(8.5)
		pdf.SetTextColor(110, 110, 110)
		text := fmt.Sprintf("证明编号：%s　　第 %d 页，共 %d 页", d.rec.Number, n, total)
		d.write(marginX, pageHeight-15, contentWidth, 5, text, "C")
	}
}

func (d *doc) draw() {
	pdf, rec := d.pdf, d.rec
	pdf.AddPage()

	d.setSize(22)
	d.write(marginX, marginTop+4, contentWidth, 12, "志愿服务记录证明", "C")
	d.setSize(10)
	d.write(marginX, marginTop+16, contentWidth, 7, "证明编号："+rec.Number, "R")
	pdf.SetXY(marginX, marginTop+26)

	d.paragraph(fmt.Sprintf("兹证明 %s（志愿者编号：%s）于 %s 至 %s 期间在 %s 参加志愿服务 %d 次，累计志愿服务时长 %s 小时。具体记录如下：",
		rec.VolunteerName, rec.VolunteerID, chineseDate(rec.From), chineseDate(rec.To),
		rec.Organisation, len(rec.Sessions), hours(rec.TotalMinutes)), 11.5, 2)
	d.gap(4)

	idNumber := rec.IDNumberMasked
	if idNumber == "" {
		idNumber = "（未登记）"
	}
	const label = 34.0
	value := contentWidth/2 - label
	d.heading("一、志愿者基本信息")
	d.row(10.5, nil,
		cell{w: label, text: "姓名", align: "C", shade: true},
		cell{w: value, text: rec.VolunteerName},
		cell{w: label, text: "志愿者编号", align: "C", shade: true},
		cell{w: value, text: rec.VolunteerID})
	d.row(10.5, nil,
		cell{w: label, text: "证件号码", align: "C", shade: true},
		cell{w: contentWidth - label, text: idNumber})
	d.gap(5)

	// The heading, the period, the table header and a first row belong together.
	d.ensure(45)
	d.heading("二、志愿服务情况")
	d.row(10.5, nil,
		cell{w: label, text: "服务时间段", align: "C", shade: true},
		cell{w: contentWidth - label, text: chineseDate(rec.From) + " 至 " + chineseDate(rec.To)})
	d.gap(2)
	// 序号, 服务日期, 服务内容, 时长（小时）
	cols := [4]float64{14, 34, contentWidth - 14 - 34 - 26, 26}
	tableHeader := func() {
		d.row(10, nil,
			cell{w: cols[0], text: "序号", align: "C", shade: true},
			cell{w: cols[1], text: "服务日期", align: "C", shade: true},
			cell{w: cols[2], text: "服务内容", align: "C", shade: true},
			cell{w: cols[3], text: "时长（小时）", align: "C", shade: true})
	}
	tableHeader()
	for i, s := range rec.Sessions {
		d.row(10, tableHeader,
			cell{w: cols[0], text: fmt.Sprint(i + 1), align: "C"},
			cell{w: cols[1], text: chineseDate(s.Date), align: "C"},
			cell{w: cols[2], text: s.Content},
			cell{w: cols[3], text: hours(s.Minutes), align: "C"})
	}
	d.row(10.5, tableHeader,
		cell{w: contentWidth - cols[3], text: fmt.Sprintf("累计志愿服务时长（共 %d 次）", len(rec.Sessions)), align: "R", shade: true},
		cell{w: cols[3], text: hours(rec.TotalMinutes) + " 小时", align: "C", shade: true})
	d.gap(5)

	d.ensure(40)
	d.heading("三、出具证明的志愿服务组织")
	for _, kv := range [][2]string{
		{"组织名称", rec.Organisation},
		{"联系人/联系方式", rec.OrganisationContact},
		{"出具日期", chineseDate(rec.IssuedOn)},
		{"证明编号", rec.Number},
	} {
		d.row(10.5, nil,
			cell{w: label, text: kv[0], align: "C", shade: true},
			cell{w: contentWidth - label, text: kv[1]})
	}
	d.gap(4)

	d.paragraph("本证明依据《志愿服务记录与证明出具办法（试行）》出具，所载志愿服务信息与本组织的志愿服务记录一致。", 10.5, 2)
	if rec.VerifyURL != "" {
		d.paragraph("核验地址："+rec.VerifyURL, 10.5, 2)
	}
	d.seal()
	d.footers()
}

// seal closes the certificate with 特此证明 and the place where the
// organisation stamps over its name and the date; a certificate is valid only
// with that seal.
func (d *doc) seal() {
	pdf := d.pdf
	d.setSize(11)
	lineH := lineHeight(11)
	blockX, blockW := marginX+contentWidth/2, contentWidth/2
	lines := wrap(d.rec.Organisation, blockW, d.measure)
	lines = append(lines, chineseDate(d.rec.IssuedOn))
	height := max(44, 20+float64(len(lines))*lineH)

	d.gap(1)
	d.ensure(height)
	top := pdf.GetY()
	d.paragraph("特此证明。", 11.5, 2)

	cx, cy, radius := blockX+blockW/2, top+22, 20.0
	pdf.SetDrawColor(170, 170, 170)
	pdf.SetDashPattern([]float64{1.2, 1.2}, 0)
	pdf.Circle(cx, cy, radius, "D")
	pdf.SetDashPattern([]float64{}, 0)
	pdf.SetDrawColor(90, 90, 90)

	pdf.SetTextColor(150, 150, 150)
	d.setSize(10)
	d.write(cx-radius, cy-radius+5, 2*radius, 6, "（盖章）", "C")
	pdf.SetTextColor(0, 0, 0)

	d.setSize(11)
	y := cy - 2
	for _, l := range lines {
		d.write(blockX, y, blockW, lineH, l, "C")
		y += lineH
	}
	pdf.SetXY(marginX, max(y, top+height))
}

func (d *doc) gap(h float64) {
	d.pdf.SetXY(marginX, d.pdf.GetY()+h)
}

// ensure starts a new page unless h millimetres are left on this one.
func (d *doc) ensure(h float64) bool {
	if d.pdf.GetY()+h <= contentBottom {
		return false
	}
	d.pdf.AddPage()
	return true
}

func (d *doc) heading(text string) {
	pdf := d.pdf
	d.setSize(12.5)
	y := pdf.GetY()
	pdf.SetFillColor(60, 90, 150)
	pdf.Rect(marginX, y+1.5, 1.2, 5, "F")
	d.write(marginX+3, y, contentWidth-3, 8, text, "L")
	pdf.SetXY(marginX, y+9)
}

// paragraph writes wrapped text across the content width; the first line is
// indented by indent character widths, as Chinese prose is.
func (d *doc) paragraph(text string, size, indent float64) {
	d.setSize(size)
	lineH := lineHeight(size)
	first := indent * d.measure("中")
	for i, l := range wrapIndented(text, contentWidth, first, d.measure) {
		d.ensure(lineH)
		x := marginX
		if i == 0 {
			x += first
		}
		y := d.pdf.GetY()
		d.write(x, y, contentWidth-(x-marginX), lineH, l, "L")
		d.pdf.SetXY(marginX, y+lineH)
	}
}

type cell struct {
	w     float64
	text  string
	align string // "L" unless set
	shade bool
}

// row draws one table row whose height fits its tallest cell. A row never
// splits across pages; when it moves to a new page, onNewPage redraws
// whatever must head it there.
func (d *doc) row(size float64, onNewPage func(), cells ...cell) {
	pdf := d.pdf
	d.setSize(size)
	lineH := lineHeight(size)
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		lines[i] = wrap(c.text, c.w-2*padX, d.measure)
		n = max(n, len(lines[i]))
	}
	h := float64(n)*lineH + 2*padY
	if d.ensure(h) && onNewPage != nil {
		onNewPage()
		d.setSize(size)
	}
	x, y := marginX, pdf.GetY()
	pdf.SetFillColor(242, 243, 246)
	for i, c := range cells {
		style := "D"
		if c.shade {
			style = "FD"
		}
		pdf.Rect(x, y, c.w, h, style)
		align := c.align
		if align == "" {
			align = "L"
		}
		top := y + (h-float64(len(lines[i]))*lineH)/2
		for j, l := range lines[i] {
			d.write(x+padX, top+float64(j)*lineH, c.w-2*padX, lineH, l, align)
		}
		x += c.w
	}
	pdf.SetXY(marginX, y+h)
}

// Punctuation that must not start a line, and that must not end one.
const (
	closingPunct = ",.;:?!)]}%，。、；：？！）》」』】〕〉”’…—％"
	openingPunct = "([{（《「『【〔〈“‘"
)

func wrap(s string, width float64, measure func(string) float64) []string {
	return wrapIndented(s, width, 0, measure)
}

// wrapIndented breaks s into lines no wider than width, the first one indent
// narrower. Chinese may break between any two characters, Latin words and
// numbers stay whole where they fit, and punctuation keeps to the character
// it belongs to.
func wrapIndented(s string, width, indent float64, measure func(string) float64) []string {
	var lines []string
	avail := width - indent
	for _, para := range strings.Split(s, "\n") {
		line := ""
		emit := func() {
			lines = append(lines, strings.TrimRight(line, " "))
			line = ""
			avail = width
		}
		for _, tok := range tokens(para) {
			if measure(line+tok) <= avail {
				line += tok
				continue
			}
			if strings.TrimSpace(line) != "" {
				emit()
			}
			tok = strings.TrimLeft(tok, " ")
			for measure(tok) > avail {
				cut := fit(tok, avail, measure)
				// Cutting a word that fills a whole line must not push its
				// closing punctuation to the start of the next one.
				for startsClosing(tok[cut:]) {
					_, size := utf8.DecodeLastRuneInString(tok[:cut])
					if cut == size {
						break
					}
					cut -= size
				}
				line = tok[:cut]
				emit()
				tok = tok[cut:]
			}
			line = tok
		}
		emit()
	}
	return lines
}

// fit returns how many bytes of the front of s fit in width, at least one rune.
func fit(s string, width float64, measure func(string) float64) int {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && measure(s[:next]) > width {
			break
		}
		end = next
	}
	return end
}

// tokens splits text into the pieces a line may not be broken inside: a
// run of Latin letters or digits, one wide (CJK) character, one space or a
// whole date, each with the punctuation that clings to it.
func tokens(s string) []string {
	var units []string
	word := []rune{}
	flush := func() {
		if len(word) > 0 {
			units = append(units, string(word))
			word = word[:0]
		}
	}
	for _, r := range s {
		switch {
		case r == ' ':
			flush()
			units = append(units, " ")
		case isWide(r):
			flush()
			units = append(units, string(r))
		default:
			word = append(word, r)
		}
	}
	flush()

	var out []string
	carry := ""
	for _, u := range units {
		switch {
		case allIn(u, closingPunct) && len(out) > 0 && out[len(out)-1] != " " && carry == "":
			out[len(out)-1] += u
		case allIn(u, openingPunct):
			carry += u
		case len(out) > 0 && carry == "" && datePart(out[len(out)-1], u):
			out[len(out)-1] += u
		default:
			out = append(out, carry+u)
			carry = ""
		}
	}
	if carry != "" {
		out = append(out, carry)
	}
	return out
}

// datePart tells whether u continues a date such as 2026年11月28日, which
// reads badly broken across lines.
func datePart(prev, u string) bool {
	last, _ := utf8.DecodeLastRuneInString(prev)
	first, _ := utf8.DecodeRuneInString(u)
	switch {
	case isDigit(last):
		return u == "年" || u == "月" || u == "日"
	case last == '年' || last == '月':
		return isDigit(first) && strings.IndexFunc(prev, isDigit) >= 0
	}
	return false
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isWide(r rune) bool {
	return r >= 0x2E80 || (r >= 0x2010 && r <= 0x206F && strings.ContainsRune(closingPunct+openingPunct, r))
}

func allIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return s != ""
}

func startsClosing(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return s != "" && strings.ContainsRune(closingPunct, r)
}
