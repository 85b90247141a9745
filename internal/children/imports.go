package children

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"flowcare/internal/flowcare"
)

// Import columns, in Chinese as the lists from education and public security
// arrive; the required ones must be present.
var (
	importRequired = []string{"姓名", "性别", "出生日期", "户籍省", "户籍县", "随迁情况", "社区编码", "来京日期"}
	importOptional = []string{"身份证号码", "无证原因", "户籍市", "学校", "语言", "监护人姓名", "监护人关系", "监护人电话"}
	movedWithNames = map[string]flowcare.MovedWith{
		"父母双方": flowcare.MovedWithBothGuardians, "父母一方": flowcare.MovedWithOneGuardian,
		"其他照料人": flowcare.MovedWithOtherCarer, "独自": flowcare.MovedAlone,
	}
	genderNames = map[string]flowcare.Gender{"女": flowcare.GenderFemale, "男": flowcare.GenderMale}
)

// ImportOutcome is what an import does with one row.
type ImportOutcome string

const (
	OutcomeNew      ImportOutcome = "NEW"
	OutcomeMatched  ImportOutcome = "MATCHED"
	OutcomeConflict ImportOutcome = "CONFLICT"
	OutcomeInvalid  ImportOutcome = "INVALID"
)

// ImportRow is the outcome of one line of an import file.
type ImportRow struct {
	Line    int
	Outcome ImportOutcome
	Reason  string
	Name    string
	ChildID string
	input   ChildInput
}

// ImportPreview counts what an import would do, line by line.
type ImportPreview struct {
	Rows, New, Matched, Conflicts, Invalid int
	Lines                                  []ImportRow
}

// MaxImportRows bounds one file.
const MaxImportRows = 20000

// readTable reads a CSV or XLSX file into rows of cells, header first.
func readTable(fileName string, content []byte) ([][]string, error) {
	switch strings.ToLower(filepath.Ext(fileName)) {
	case ".csv":
		r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(content, []byte("\xef\xbb\xbf"))))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			return nil, flowcare.Invalid("file", "CSV 文件无法读取：%v", err)
		}
		return rows, nil
	case ".xlsx":
		f, err := excelize.OpenReader(bytes.NewReader(content))
		if err != nil {
			return nil, flowcare.Invalid("file", "XLSX 文件无法读取，请确认是 Excel 2007 及以上格式")
		}
		defer f.Close()
		sheets := f.GetSheetList()
		if len(sheets) == 0 {
			return nil, flowcare.Invalid("file", "XLSX 文件中没有工作表")
		}
		rows, err := f.GetRows(sheets[0])
		if err != nil {
			return nil, flowcare.Invalid("file", "XLSX 第一个工作表无法读取")
		}
		return rows, nil
	}
	return nil, flowcare.Invalid("fileName", "只支持 .csv 或 .xlsx 文件")
}

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006/1/2", "2006.1.2", "20060102", "01-02-06"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("日期“%s”无法识别，请用 YYYY-MM-DD", s)
}

// parseImport turns a table into child inputs, or says which line is wrong.
func parseImport(table [][]string) ([]ImportRow, error) {
	if len(table) == 0 {
		return nil, flowcare.Invalid("file", "文件为空")
	}
	col := map[string]int{}
	for i, h := range table[0] {
		col[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, h := range importRequired {
		if _, ok := col[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		return nil, flowcare.Invalid("file", "缺少必需的列：%s（必需列：%s；可选列：%s）",
			strings.Join(missing, "、"), strings.Join(importRequired, "、"), strings.Join(importOptional, "、"))
	}
	if len(table) == 1 {
		return nil, flowcare.Invalid("file", "文件中没有数据行")
	}
	if len(table)-1 > MaxImportRows {
		return nil, flowcare.Invalid("file", "一次最多导入 %d 行，请分批导入", MaxImportRows)
	}
	cell := func(row []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	var out []ImportRow
	for i, row := range table[1:] {
		r := ImportRow{Line: i + 2, Name: cell(row, "姓名")}
		bad := func(format string, args ...any) {
			r.Outcome, r.Reason = OutcomeInvalid, fmt.Sprintf(format, args...)
		}
		in := ChildInput{Name: r.Name, IDNumber: cell(row, "身份证号码"), NoIDReason: cell(row, "无证原因"), CommunityID: cell(row, "社区编码"),
			Hukou:  flowcare.HukouOrigin{Province: cell(row, "户籍省"), City: cell(row, "户籍市"), County: cell(row, "户籍县")},
			School: cell(row, "学校")}
		if l := cell(row, "语言"); l != "" {
			in.Languages = strings.FieldsFunc(l, func(r rune) bool { return r == '、' || r == ',' || r == '，' || r == ' ' })
		}
		var ok bool
		if in.Gender, ok = genderNames[cell(row, "性别")]; !ok {
			bad("性别须为“男”或“女”")
		}
		if in.MovedWith, ok = movedWithNames[cell(row, "随迁情况")]; !ok && r.Outcome == "" {
			bad("随迁情况须为：父母双方、父母一方、其他照料人或独自")
		}
		var err error
		if in.BirthDate, err = parseDate(cell(row, "出生日期")); err != nil && r.Outcome == "" {
			bad("出生日期：%v", err)
		}
		if in.ArrivedOn, err = parseDate(cell(row, "来京日期")); err != nil && r.Outcome == "" {
			bad("来京日期：%v", err)
		}
		if g := cell(row, "监护人姓名"); g != "" {
			rel := cell(row, "监护人关系")
			if rel == "" {
				rel = "监护人"
			}
			in.Guardians = []GuardianInput{{Name: g, Relation: rel, Phone: cell(row, "监护人电话"), Primary: true}}
		}
		r.input = in
		out = append(out, r)
	}
	return out, nil
}

// classify decides each row's outcome against what is stored, without writing.
func (s *Service) classify(ctx context.Context, st flowcare.ChildStore, a *flowcare.Actor, rows []ImportRow) (*ImportPreview, error) {
	p := &ImportPreview{Rows: len(rows)}
	communities := map[string]*flowcare.Area{}
	seenIDs := map[string]int{}
	for i := range rows {
		r := &rows[i]
		if r.Outcome == "" {
			comm, ok := communities[r.input.CommunityID]
			if !ok {
				as, err := s.store.Areas().AreasByIDs(ctx, []string{r.input.CommunityID})
				if err != nil {
					return nil, err
				}
				if len(as) == 1 && as[0].Level == flowcare.AreaCommunity {
					comm = as[0]
				}
				communities[r.input.CommunityID] = comm
			}
			switch {
			case comm == nil:
				r.Outcome, r.Reason = OutcomeInvalid, fmt.Sprintf("社区编码“%s”不存在", r.input.CommunityID)
			case !CanRegister(a, comm.Path):
				r.Outcome, r.Reason = OutcomeInvalid, "该社区不在您负责的区域内"
			case len(r.input.Guardians) == 0:
				r.Outcome, r.Reason = OutcomeInvalid, "缺少监护人姓名"
			}
		}
		if r.Outcome == "" {
			c, err := s.build(r.input, false)
			if err != nil {
				r.Outcome, r.Reason = OutcomeInvalid, flowcare.ErrorMessage(err)
			} else if flowcare.AgeOn(c.BirthDate, s.Today()) >= 16 {
				r.Outcome, r.Reason = OutcomeInvalid, "已满 16 周岁"
			} else if prev, dup := seenIDs[c.IDNumber]; dup && c.IDNumber != "" {
				r.Outcome, r.Reason = OutcomeConflict, fmt.Sprintf("与第 %d 行身份证号码相同", prev)
			} else {
				if c.IDNumber != "" {
					seenIDs[c.IDNumber] = r.Line
				}
				byID, byName, err := st.FindDuplicates(ctx, c)
				if err != nil {
					return nil, err
				}
				switch {
				case len(byID) == 1:
					r.Outcome, r.ChildID = OutcomeMatched, byID[0]
				case len(byName) > 0:
					r.Outcome, r.Reason, r.ChildID = OutcomeConflict, "已有同名且出生日期相同的儿童，请人工核对", byName[0]
				default:
					r.Outcome = OutcomeNew
				}
			}
		}
		switch r.Outcome {
		case OutcomeNew:
			p.New++
		case OutcomeMatched:
			p.Matched++
		case OutcomeConflict:
			p.Conflicts++
		default:
			p.Invalid++
		}
	}
	p.Lines = rows
	return p, nil
}

func canImport(a *flowcare.Actor) bool {
	for _, g := range a.Grants {
		if g.AreaPath != nil && (g.Role == flowcare.RoleCivilAffairs || g.Role == flowcare.RoleChildSupervisor) {
			return true
		}
	}
	return false
}

func checkSource(src flowcare.ImportSource) error {
	if src != flowcare.SourceEducation && src != flowcare.SourcePublicSecurity {
		return flowcare.Invalid("source", "请选择数据来源：教育部门或公安部门")
	}
	return nil
}

// openImport checks who imports what and reads the file's rows.
func openImport(ctx context.Context, src flowcare.ImportSource, fileName string, content []byte) (*flowcare.Actor, []ImportRow, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !canImport(a) {
		return nil, nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有民政工作人员和儿童督导员可以导入名单")
	}
	if err := checkSource(src); err != nil {
		return nil, nil, err
	}
	table, err := readTable(fileName, content)
	if err != nil {
		return nil, nil, err
	}
	rows, err := parseImport(table)
	return a, rows, err
}

// PreviewImport reads a list and says, line by line, what an import would do.
// It writes nothing.
func (s *Service) PreviewImport(ctx context.Context, src flowcare.ImportSource, fileName string, content []byte) (*ImportPreview, error) {
	a, rows, err := openImport(ctx, src, fileName, content)
	if err != nil {
		return nil, err
	}
	return s.classify(ctx, s.store.Children(), a, rows)
}

// ApplyImport creates the new children and updates the matched ones in one
// transaction; conflicts and invalid lines are left for people to resolve.
// The import is kept as a record with a summary free of personal data.
func (s *Service) ApplyImport(ctx context.Context, src flowcare.ImportSource, fileName string, content []byte) (*flowcare.ChildImport, error) {
	a, rows, err := openImport(ctx, src, fileName, content)
	if err != nil {
		return nil, err
	}
	imp := &flowcare.ChildImport{Source: src, FileName: filepath.Base(fileName), ImportedBy: &a.Username}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		p, err := s.classify(ctx, tx.Children(), a, rows)
		if err != nil {
			return err
		}
		type line struct {
			Line    int    `json:"line"`
			Outcome string `json:"outcome"`
			Reason  string `json:"reason,omitempty"`
		}
		summary := make([]line, 0, len(p.Lines))
		for i := range p.Lines {
			r := &p.Lines[i]
			summary = append(summary, line{r.Line, string(r.Outcome), r.Reason})
			switch r.Outcome {
			case OutcomeNew:
				c, err := s.build(r.input, false)
				if err != nil {
					return err
				}
				c.RegisteredBy = a.UserID
				if err := tx.Children().CreateChild(ctx, c); err != nil {
					return fmt.Errorf("line %d: %w", r.Line, err)
				}
			case OutcomeMatched:
				old, err := tx.Children().ChildByID(ctx, r.ChildID)
				if err != nil {
					return err
				}
				c, err := s.build(r.input, false)
				if err != nil {
					return err
				}
				c.ID, c.Status, c.LastReviewedOn, c.RegisteredBy = old.ID, old.Status, old.LastReviewedOn, old.RegisteredBy
				// The list's guardian replaces the first one; others stay.
				if len(old.Guardians) > 1 {
					c.Guardians = append(c.Guardians, old.Guardians[1:]...)
				}
				for j := range c.Guardians {
					if j < len(old.Guardians) {
						c.Guardians[j].ID = old.Guardians[j].ID
					}
				}
				if c.Address == "" {
					c.Address = old.Address
				}
				if err := tx.Children().UpdateChild(ctx, c); err != nil {
					return fmt.Errorf("line %d: %w", r.Line, err)
				}
			}
		}
		b, _ := json.Marshal(summary)
		imp.Rows, imp.Created, imp.Updated, imp.Conflicts, imp.Invalid, imp.Summary = p.Rows, p.New, p.Matched, p.Conflicts, p.Invalid, string(b)
		if err := tx.Children().SaveImport(ctx, imp, a.UserID); err != nil {
			return err
		}
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "child.imported", "import:"+imp.ID,
			map[string]any{"source": src, "rows": imp.Rows, "created": imp.Created, "updated": imp.Updated})
	})
	if err != nil {
		var fe *flowcare.Error
		if errors.As(err, &fe) {
			return nil, err
		}
		return nil, flowcare.Wrap(err, "apply import")
	}
	return imp, nil
}

// Imports lists the applied imports, newest first.
func (s *Service) Imports(ctx context.Context, p flowcare.Page) ([]*flowcare.ChildImport, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if !canImport(a) && !a.HasRole(flowcare.RoleAuditor) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您无权查看导入记录")
	}
	return s.store.Children().ListImports(ctx, p)
}
