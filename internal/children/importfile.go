package children

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"flowcare/internal/flowcare"
)

// Limits of one import file. MaxImportBytes is the figure of the server's
// limit on a multipart request (maxUploadBody in server/http.go), so a file
// within it fits one upload; the web app states both limits before upload.
const (
	MaxImportRows  = 20000
	MaxImportBytes = 32 << 20
)

// An XLSX file is a zip archive whose parts are read uncompressed. 20,000
// rows of even 60 columns of inline text stay well below these sizes; a
// workbook that declares more is refused before any part is unpacked.
const (
	// maxSheetsBytes bounds the worksheets, which excelize streams from
	// temporary files while the rows are read.
	maxSheetsBytes = 128 << 20
	// maxOtherPartsBytes bounds the other parts (shared strings, styles…),
	// which are held in memory.
	maxOtherPartsBytes = 32 << 20
)

var (
	utf8BOM = []byte("\xef\xbb\xbf")
	// errNotUTF8 is what a person is told of a text file in an encoding that
	// cannot be read: what to do, never "missing columns".
	errNotUTF8     = flowcare.Invalid("file", "无法识别文件的文字编码，请另存为 UTF-8：在 Excel 中选“另存为”→“CSV UTF-8（逗号分隔）”，再导入")
	errTooManyRows = flowcare.Invalid("file", "一次最多导入 %d 行，请分批导入", MaxImportRows)
)

// rowReader yields the rows of a table one at a time, each with the line
// it starts on, so that a file far over the row limit is refused after
// reading just past the limit.
type rowReader interface {
	// next returns io.EOF after the last row.
	next() (line int, cells []string, err error)
	close()
}

// readImportFile reads at most MaxImportBytes of an uploaded file.
func readImportFile(content io.Reader) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(content, MaxImportBytes+1))
	if err != nil {
		return nil, flowcare.Invalid("file", "文件未能完整读取，请重新上传")
	}
	if len(b) > MaxImportBytes {
		return nil, flowcare.Invalid("file", "文件超过 %d MiB，请分批导入", MaxImportBytes>>20)
	}
	return b, nil
}

func checkImportFileName(fileName string) error {
	switch strings.ToLower(filepath.Ext(fileName)) {
	case ".csv", ".xlsx":
		return nil
	}
	return flowcare.Invalid("fileName", "只支持 .csv 或 .xlsx 文件")
}

// openTable opens a CSV or XLSX file for reading row by row. recoded says
// the text was not UTF-8 and was read as GB18030.
func openTable(fileName string, content []byte) (rows rowReader, recoded bool, err error) {
	if strings.ToLower(filepath.Ext(fileName)) == ".xlsx" {
		rows, err = openXLSX(content)
		return rows, false, err
	}
	text, recoded, err := csvText(content)
	if err != nil {
		return nil, false, err
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	return &csvRows{r: r}, recoded, nil
}

// csvText returns a CSV file's text as UTF-8. Excel in China saves "CSV
// (comma delimited)" in the system's GBK code page; GB18030 is its superset.
func csvText(b []byte) ([]byte, bool, error) {
	if bytes.HasPrefix(b, utf8BOM) {
		b = b[len(utf8BOM):]
	} else if bytes.HasPrefix(b, []byte{0xff, 0xfe}) || bytes.HasPrefix(b, []byte{0xfe, 0xff}) {
		// UTF-16, as Excel's "Unicode text" saves: tab-separated, not CSV.
		return nil, false, errNotUTF8
	}
	if utf8.Valid(b) {
		if bytes.IndexByte(b, 0) >= 0 {
			return nil, false, errNotUTF8
		}
		return b, false, nil
	}
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) || bytes.IndexByte(text, 0) >= 0 {
		return nil, false, errNotUTF8
	}
	return text, true, nil
}

type csvRows struct{ r *csv.Reader }

func (c *csvRows) next() (int, []string, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return 0, nil, io.EOF
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return 0, nil, flowcare.Invalid("file", "CSV 文件第 %d 行格式有误（多半是引号不成对），请检查该行后再导入", pe.Line)
	}
	if err != nil {
		return 0, nil, flowcare.Invalid("file", "CSV 文件无法读取")
	}
	line, _ := c.r.FieldPos(0)
	return line, rec, nil
}

func (c *csvRows) close() {}

// checkWorkbook refuses a workbook whose parts would unpack to more than a
// list of children can need, from the sizes its zip directory declares
// (archive/zip fails a part that unpacks to more than it declared).
func checkWorkbook(content []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return errNotXLSX
	}
	var sheets, others uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		if strings.HasPrefix(strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")), "xl/worksheets/sheet") {
			if size > maxSheetsBytes || sheets+size > maxSheetsBytes {
				return tooLargeWorkbook()
			}
			sheets += size
		} else {
			if size > maxOtherPartsBytes || others+size > maxOtherPartsBytes {
				return tooLargeWorkbook()
			}
			others += size
		}
	}
	return nil
}

var errNotXLSX = flowcare.Invalid("file", "XLSX 文件无法读取，请确认是 Excel 2007 及以上格式")

func tooLargeWorkbook() error {
	return flowcare.Invalid("file", "工作簿解压后超过 %d MiB，远大于 %d 行名单所需；请只保留名单所在的工作表，或另存为 CSV 后再导入",
		(maxSheetsBytes+maxOtherPartsBytes)>>20, MaxImportRows)
}

type xlsxRows struct {
	f    *excelize.File
	rows *excelize.Rows
	line int
}

func openXLSX(content []byte) (rowReader, error) {
	if err := checkWorkbook(content); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{UnzipSizeLimit: maxSheetsBytes + maxOtherPartsBytes})
	if err != nil {
		return nil, errNotXLSX
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		_ = f.Close()
		return nil, flowcare.Invalid("file", "XLSX 文件中没有工作表")
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		_ = f.Close()
		return nil, flowcare.Invalid("file", "XLSX 第一个工作表无法读取")
	}
	return &xlsxRows{f: f, rows: rows}, nil
}

func (x *xlsxRows) next() (int, []string, error) {
	if !x.rows.Next() {
		if x.rows.Error() != nil {
			return 0, nil, flowcare.Invalid("file", "XLSX 第一个工作表第 %d 行之后无法读取", x.line)
		}
		return 0, nil, io.EOF
	}
	// Next steps one row at a time, gaps included, so the count is the row number.
	x.line++
	cells, err := x.rows.Columns()
	if err != nil {
		return 0, nil, flowcare.Invalid("file", "XLSX 第一个工作表第 %d 行无法读取", x.line)
	}
	return x.line, cells, nil
}

func (x *xlsxRows) close() {
	_ = x.rows.Close()
	_ = x.f.Close()
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readRows reads the header and up to MaxImportRows data rows, skipping
// blank ones, and stops at the first row past the limit.
func readRows(ctx context.Context, rows rowReader) (header []string, data []tableRow, err error) {
	first := true
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		line, cells, err := rows.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, err
		}
		if first {
			header, first = cells, false
			continue
		}
		if blank(cells) {
			continue
		}
		if len(data) == MaxImportRows {
			return nil, nil, errTooManyRows
		}
		data = append(data, tableRow{line: line, cells: cells})
	}
	if first {
		return nil, nil, flowcare.Invalid("file", "文件为空")
	}
	return header, data, nil
}

type tableRow struct {
	line  int
	cells []string
}
