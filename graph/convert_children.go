package graph

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"flowcare/graph/model"
	"flowcare/internal/children"
	"flowcare/internal/flowcare"
)

func hukou(in *model.HukouOriginInput) flowcare.HukouOrigin {
	if in == nil {
		return flowcare.HukouOrigin{}
	}
	return flowcare.HukouOrigin{Province: in.Province, City: str(in.City), County: in.County}
}

func childInput(in model.ChildInput) children.ChildInput {
	out := children.ChildInput{Name: in.Name, Gender: in.Gender, BirthDate: in.BirthDate, IDNumber: str(in.IDNumber),
		NoIDReason: str(in.NoIDReason), Hukou: hukou(in.Hukou), MovedWith: in.MovedWith, CommunityID: in.CommunityID,
		Address: str(in.Address), ArrivedOn: in.ArrivedOn, School: str(in.School), Languages: in.Languages,
		Disability: str(in.Disability)}
	for _, g := range in.Guardians {
		out.Guardians = append(out.Guardians, children.GuardianInput{Name: g.Name, Relation: g.Relation, Phone: str(g.Phone),
			Primary: g.Primary != nil && *g.Primary})
	}
	return out
}

// pathArea returns the area id at depth i of a child's community path.
func pathArea(c *flowcare.Child, i int) *string {
	parts := strings.Split(c.AreaPath, "/")
	if i >= len(parts) {
		return nil
	}
	return &parts[i]
}

func childView(e *flowcare.AuditEvent) *model.ChildView {
	var d struct {
		Parts []string `json:"parts"`
	}
	_ = json.Unmarshal([]byte(e.Detail), &d)
	if d.Parts == nil {
		d.Parts = []string{}
	}
	return &model.ChildView{At: e.At, Actor: e.ActorUsername, Parts: d.Parts, IP: e.IP}
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func needInput(in model.NeedInput) children.NeedInput {
	return children.NeedInput{Category: in.Category, Description: in.Description, Urgency: in.Urgency, Windows: windows(in.Windows),
		Language: str(in.Language), Place: in.Place}
}

func cadence(c map[flowcare.Level]int) []*model.VisitCadence {
	out := []*model.VisitCadence{}
	for _, l := range []flowcare.Level{flowcare.LevelHigh, flowcare.LevelMedium, flowcare.LevelLow} {
		if d, ok := c[l]; ok {
			out = append(out, &model.VisitCadence{Risk: l, Days: d})
		}
	}
	return out
}

// upload is a multipart file's name and content; a part without content
// reads as an empty file.
func upload(f graphql.Upload) (string, io.Reader) {
	if f.File == nil {
		return f.Filename, strings.NewReader("")
	}
	return f.Filename, f.File
}

// importPreview shows every line that needs attention and, of the plain new
// and matched ones, enough to recognise the file.
func importPreview(p *children.ImportPreview) *model.ImportPreview {
	out := &model.ImportPreview{Rows: p.Rows, New: p.New, Matched: p.Matched, Conflicts: p.Conflicts, Invalid: p.Invalid,
		Lines: []*model.ImportLine{}}
	plain := 0
	for _, l := range p.Lines {
		if l.Outcome == children.OutcomeNew || l.Outcome == children.OutcomeMatched {
			if plain++; plain > 200 {
				continue
			}
		}
		out.Lines = append(out.Lines, &model.ImportLine{Line: l.Line, Outcome: model.ImportOutcome(l.Outcome), Reason: optional(l.Reason), Name: l.Name})
	}
	return out
}

func visitInput(in model.VisitInput) children.VisitInput {
	return children.VisitInput{VisitedOn: in.VisitedOn, Form: in.Form, Findings: in.Findings, FollowUp: str(in.FollowUp), NextVisitOn: in.NextVisitOn}
}
