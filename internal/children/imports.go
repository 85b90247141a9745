package children

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

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
	// child is the checked record of a new or matched line.
	child *flowcare.Child
}

// ImportPreview counts what an import would do, line by line.
type ImportPreview struct {
	Rows, New, Matched, Conflicts, Invalid int
	Lines                                  []ImportRow
	// elsewhere are the lines that met children outside the importer's area.
	elsewhere []elsewhereAttempt
}

// DefaultImportDeadline bounds one preview or import: 20,000 lines take
// well under a minute on a small server.
const DefaultImportDeadline = 2 * time.Minute

func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006/1/2", "2006.1.2", "20060102", "01-02-06"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("日期“%s”无法识别，请用 YYYY-MM-DD", s)
}

func knownColumn(h string) bool {
	for _, c := range append(importRequired[:len(importRequired):len(importRequired)], importOptional...) {
		if c == h {
			return true
		}
	}
	return false
}

// parseImport turns a table into child inputs, or says which line is wrong.
// recoded says the file was read as GB18030 rather than UTF-8.
func parseImport(header []string, table []tableRow, recoded bool) ([]ImportRow, error) {
	col := map[string]int{}
	known := false
	for i, h := range header {
		h = strings.TrimSpace(h)
		col[h] = i
		known = known || knownColumn(h)
	}
	var missing []string
	for _, h := range importRequired {
		if _, ok := col[h]; !ok {
			missing = append(missing, h)
		}
	}
	if len(missing) > 0 {
		if recoded && !known {
			// Not one column name could be read: the encoding was not GBK either.
			return nil, errNotUTF8
		}
		return nil, flowcare.Invalid("file", "缺少必需的列：%s（必需列：%s；可选列：%s）",
			strings.Join(missing, "、"), strings.Join(importRequired, "、"), strings.Join(importOptional, "、"))
	}
	if len(table) == 0 {
		return nil, flowcare.Invalid("file", "文件中没有数据行")
	}
	cell := func(row []string, name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		return strings.TrimSpace(row[i])
	}
	out := make([]ImportRow, 0, len(table))
	for _, tr := range table {
		row := tr.cells
		r := ImportRow{Line: tr.line, Name: cell(row, "姓名")}
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

// duplicateChunk bounds the records looked up in one statement.
const duplicateChunk = 2000

// classify decides each row's outcome against what is stored, without
// writing. A stored child the importer may not change is never matched:
// the line is a conflict that says only that the child is registered
// elsewhere, and it is kept for the audit.
func (s *Service) classify(ctx context.Context, st flowcare.ChildStore, a *flowcare.Actor, rows []ImportRow) (*ImportPreview, error) {
	p := &ImportPreview{Rows: len(rows)}
	var ids []string
	seen := map[string]bool{}
	for i := range rows {
		if id := rows[i].input.CommunityID; rows[i].Outcome == "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	communities := map[string]*flowcare.Area{}
	if len(ids) > 0 {
		as, err := s.store.Areas().AreasByIDs(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, c := range as {
			if c.Level == flowcare.AreaCommunity {
				communities[c.ID] = c
			}
		}
	}
	seenIDs := map[string]int{}
	var pending []int
	for i := range rows {
		r := &rows[i]
		if r.Outcome != "" {
			continue
		}
		comm := communities[r.input.CommunityID]
		switch {
		case comm == nil:
			r.Outcome, r.Reason = OutcomeInvalid, fmt.Sprintf("社区编码“%s”不存在", r.input.CommunityID)
			continue
		case !CanRegister(a, comm.Path):
			r.Outcome, r.Reason = OutcomeInvalid, "该社区不在您负责的区域内"
			continue
		case len(r.input.Guardians) == 0:
			r.Outcome, r.Reason = OutcomeInvalid, "缺少监护人姓名"
			continue
		}
		c, err := s.build(r.input, false)
		switch {
		case err != nil:
			r.Outcome, r.Reason = OutcomeInvalid, flowcare.ErrorMessage(err)
		case flowcare.AgeOn(c.BirthDate, s.Today()) >= 16:
			r.Outcome, r.Reason = OutcomeInvalid, "已满 16 周岁"
		case c.IDNumber != "" && seenIDs[c.IDNumber] != 0:
			r.Outcome, r.Reason = OutcomeConflict, fmt.Sprintf("与第 %d 行身份证号码相同", seenIDs[c.IDNumber])
		default:
			if c.IDNumber != "" {
				seenIDs[c.IDNumber] = r.Line
			}
			c.AreaPath, r.child = comm.Path, c
			pending = append(pending, i)
		}
	}
	for start := 0; start < len(pending); start += duplicateChunk {
		chunk := pending[start:min(start+duplicateChunk, len(pending))]
		cs := make([]*flowcare.Child, len(chunk))
		for j, i := range chunk {
			cs[j] = rows[i].child
		}
		found, err := st.FindDuplicates(ctx, cs)
		if err != nil {
			return nil, err
		}
		for j, i := range chunk {
			r := &rows[i]
			m := sortMatches(a, found[j])
			switch {
			case len(m.mineByID) > 0:
				r.Outcome, r.ChildID = OutcomeMatched, m.mineByID[0].ChildID
			case len(m.elsewhere) > 0:
				r.Outcome, r.Reason = OutcomeConflict, RegisteredElsewhere
				p.elsewhere = append(p.elsewhere, elsewhereAttempt{line: r.Line, community: r.input.CommunityID, matches: m.elsewhere})
			case len(m.mineByName) > 0:
				r.Outcome, r.Reason, r.ChildID = OutcomeConflict, "已有同名且出生日期相同的儿童，请人工核对", m.mineByName[0].ChildID
			default:
				r.Outcome = OutcomeNew
			}
		}
	}
	for i := range rows {
		switch rows[i].Outcome {
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
func openImport(ctx context.Context, src flowcare.ImportSource, fileName string, content io.Reader) (*flowcare.Actor, []ImportRow, error) {
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
	if err := checkImportFileName(fileName); err != nil {
		return nil, nil, err
	}
	b, err := readImportFile(content)
	if err != nil {
		return nil, nil, err
	}
	table, recoded, err := openTable(fileName, b)
	if err != nil {
		return nil, nil, err
	}
	defer table.close()
	header, data, err := readRows(ctx, table)
	if err != nil {
		return nil, nil, err
	}
	rows, err := parseImport(header, data, recoded)
	return a, rows, err
}

// SetImportDeadline changes how long one preview or import may take.
func (s *Service) SetImportDeadline(d time.Duration) { s.importDeadline = d }

// importFailed says a preview or import ran out of time in words a person
// can act on; other errors keep their own.
func importFailed(ctx context.Context, err error, attempt string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return flowcare.Errorf(flowcare.EUNAVAILABLE, "名单处理超时，未写入任何内容；请稍后重试，或把文件拆成较小的几份分批导入")
	}
	var fe *flowcare.Error
	if errors.As(err, &fe) {
		return err
	}
	return flowcare.Wrap(err, attempt)
}

// PreviewImport reads a list and says, line by line, what an import would
// do. It writes nothing but the audit of lines that met children outside
// the importer's area.
func (s *Service) PreviewImport(ctx context.Context, src flowcare.ImportSource, fileName string, content io.Reader) (*ImportPreview, error) {
	ctx, cancel := context.WithTimeout(ctx, s.importDeadline)
	defer cancel()
	a, rows, err := openImport(ctx, src, fileName, content)
	if err != nil {
		return nil, importFailed(ctx, err, "preview import")
	}
	p, err := s.classify(ctx, s.store.Children(), a, rows)
	if err == nil {
		err = s.recordElsewhere(ctx, a, viaImportPreview, p.elsewhere)
	}
	if err != nil {
		return nil, importFailed(ctx, err, "preview import")
	}
	return p, nil
}

// ApplyImport creates the new children and updates the matched ones in one
// transaction; conflicts and invalid lines are left for people to resolve.
// The import is kept as a record with a summary free of personal data, and
// every child it creates or changes has its own audit entry naming it.
func (s *Service) ApplyImport(ctx context.Context, src flowcare.ImportSource, fileName string, content io.Reader) (*flowcare.ChildImport, error) {
	ctx, cancel := context.WithTimeout(ctx, s.importDeadline)
	defer cancel()
	a, rows, err := openImport(ctx, src, fileName, content)
	if err != nil {
		return nil, importFailed(ctx, err, "apply import")
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
		for _, r := range p.Lines {
			summary = append(summary, line{r.Line, string(r.Outcome), r.Reason})
		}
		b, _ := json.Marshal(summary)
		imp.Rows, imp.Created, imp.Updated, imp.Conflicts, imp.Invalid, imp.Summary = p.Rows, p.New, p.Matched, p.Conflicts, p.Invalid, string(b)
		if err := tx.Children().SaveImport(ctx, imp, a.UserID); err != nil {
			return err
		}
		if err := s.applyLines(ctx, tx, a, imp, p.Lines); err != nil {
			return err
		}
		if err := s.auditElsewhere(ctx, tx.Audit(), a, viaImport, imp.ID, p.elsewhere); err != nil {
			return err
		}
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "child.imported", "import:"+imp.ID,
			map[string]any{"source": src, "rows": imp.Rows, "created": imp.Created, "updated": imp.Updated})
	})
	if err != nil {
		return nil, importFailed(ctx, err, "apply import")
	}
	return imp, nil
}

// DefaultImportChunk is how many new children an import writes per
// statement: a thousand keep a statement's arrays to a few hundred
// kilobytes, and 20,000 lines to some sixty statements.
const DefaultImportChunk = 1000

// SetImportChunk changes how many new children an import writes per
// statement; 1 writes each line with statements of its own, as registering
// one child does.
func (s *Service) SetImportChunk(n int) { s.importChunk = n }

// applyLines writes the new and matched lines. New children are written a
// chunk at a time, with their guardians and their audit entries in one
// statement each; matched ones are updated one by one, as each needs its
// stored record read first, and their audit entries go with the next chunk.
func (s *Service) applyLines(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, imp *flowcare.ChildImport, lines []ImportRow) error {
	chunk := s.importChunk
	if chunk == 0 {
		chunk = DefaultImportChunk
	}
	if chunk <= 1 {
		for i := range lines {
			if err := s.applyLine(ctx, tx, a, imp, &lines[i]); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		fresh  []*ImportRow
		audits []*flowcare.AuditEvent
	)
	flush := func() error {
		if len(fresh) > 0 {
			cs := make([]*flowcare.Child, len(fresh))
			for i, r := range fresh {
				r.child.RegisteredBy = a.UserID
				cs[i] = r.child
			}
			if err := tx.Children().CreateChildren(ctx, cs); err != nil {
				return fmt.Errorf("lines %d to %d: %w", fresh[0].Line, fresh[len(fresh)-1].Line, err)
			}
			for _, r := range fresh {
				detail := lineDetail(imp, r)
				detail["community"] = r.child.CommunityID
				e, err := flowcare.NewAuditEvent(ctx, s.now(), a, "child.registered", "child:"+r.child.ID, detail)
				if err != nil {
					return err
				}
				audits = append(audits, e)
			}
			fresh = fresh[:0]
		}
		err := tx.Audit().RecordAll(ctx, audits)
		audits = audits[:0]
		return err
	}
	for i := range lines {
		r := &lines[i]
		switch r.Outcome {
		case OutcomeNew:
			fresh = append(fresh, r)
		case OutcomeMatched:
			detail, err := s.updateMatched(ctx, tx, a, imp, r)
			if err != nil {
				return err
			}
			e, err := flowcare.NewAuditEvent(ctx, s.now(), a, "child.updated", "child:"+r.child.ID, detail)
			if err != nil {
				return err
			}
			audits = append(audits, e)
		}
		if len(fresh) >= chunk || len(audits) >= chunk {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// lineDetail is what the audit entry of a line's child says of the line.
func lineDetail(imp *flowcare.ChildImport, r *ImportRow) map[string]any {
	return map[string]any{"import": imp.ID, "source": imp.Source, "line": r.Line}
}

// applyLine writes one new or matched line, with an audit entry on the
// child's file that names the import and the line.
func (s *Service) applyLine(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, imp *flowcare.ChildImport, r *ImportRow) error {
	switch r.Outcome {
	case OutcomeNew:
		c := r.child
		c.RegisteredBy = a.UserID
		if err := tx.Children().CreateChild(ctx, c); err != nil {
			return fmt.Errorf("line %d: %w", r.Line, err)
		}
		detail := lineDetail(imp, r)
		detail["community"] = c.CommunityID
		return s.audit(ctx, tx, a, "child.registered", c.ID, detail)
	case OutcomeMatched:
		detail, err := s.updateMatched(ctx, tx, a, imp, r)
		if err != nil {
			return err
		}
		return s.audit(ctx, tx, a, "child.updated", r.child.ID, detail)
	}
	return nil
}

// updateMatched writes a matched line over the stored child and returns the
// detail of its audit entry.
func (s *Service) updateMatched(ctx context.Context, tx flowcare.Tx, a *flowcare.Actor, imp *flowcare.ChildImport, r *ImportRow) (map[string]any, error) {
	old, err := tx.Children().ChildByID(ctx, r.ChildID)
	if err != nil {
		return nil, err
	}
	if !CanRegister(a, old.AreaPath) {
		// Moved out of the importer's area since it was classified.
		return nil, flowcare.Errorf(flowcare.ECONFLICT, "第 %d 行的儿童档案刚刚有变动，请重新预览后再导入", r.Line)
	}
	c := r.child
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
		return nil, fmt.Errorf("line %d: %w", r.Line, err)
	}
	detail := lineDetail(imp, r)
	if old.CommunityID != c.CommunityID {
		detail["moved_from"], detail["community"] = old.CommunityID, c.CommunityID
	}
	return detail, nil
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
