package children

import (
	"context"

	"flowcare/internal/flowcare"
)

// RegisteredElsewhere is all a person is told of a stored child that may be
// the one they are entering but lies outside the area they may change: the
// same words whichever district it is in and whether the ID number or the
// name and birth date matched, so that registering cannot be used to learn
// who is registered where. Civil-affairs staff over both areas can look.
const RegisteredElsewhere = "已在其他地区登记，请联系民政部门核实"

// AuditMatchElsewhere is the audit action on a stored child's file each time
// someone outside its area enters a record that matches it.
const AuditMatchElsewhere = "child.match_outside_scope"

// Where a match outside the caller's area was met, in its audit entry.
const (
	viaRegister      = "register"
	viaUpdate        = "update"
	viaImportPreview = "import_preview"
	viaImport        = "import"
)

// matches sorts what FindDuplicates found for one record by what the actor
// may know of it.
type matches struct {
	// mine are children the actor may change, and so may be told of.
	mineByID, mineByName []flowcare.ChildMatch
	elsewhere            []flowcare.ChildMatch
}

func sortMatches(a *flowcare.Actor, ms []flowcare.ChildMatch) matches {
	var out matches
	for _, m := range ms {
		switch {
		case !CanRegister(a, m.AreaPath):
			out.elsewhere = append(out.elsewhere, m)
		case m.ByIDNumber:
			out.mineByID = append(out.mineByID, m)
		default:
			out.mineByName = append(out.mineByName, m)
		}
	}
	return out
}

func (m matches) elsewhereByID() bool {
	for _, e := range m.elsewhere {
		if e.ByIDNumber {
			return true
		}
	}
	return false
}

// errRegisteredElsewhere names no field: a field would say which of the
// record's parts matched.
func errRegisteredElsewhere() error {
	return &flowcare.Error{Code: flowcare.ECONFLICT, Message: RegisteredElsewhere}
}

// elsewhereAttempt is one record that met children outside the actor's area.
type elsewhereAttempt struct {
	line      int
	community string
	matches   []flowcare.ChildMatch
}

// auditElsewhere records on each matched child's file who entered a record
// matching it, from where, and how it matched, so that civil-affairs staff
// can follow up and probing shows.
func (s *Service) auditElsewhere(ctx context.Context, st flowcare.AuditStore, a *flowcare.Actor, via, importID string, attempts []elsewhereAttempt) error {
	for _, at := range attempts {
		for _, m := range at.matches {
			detail := map[string]any{"via": via, "community": at.community, "match": "name_birth"}
			if m.ByIDNumber {
				detail["match"] = "id_number"
			}
			if at.line > 0 {
				detail["line"] = at.line
			}
			if importID != "" {
				detail["import"] = importID
			}
			if err := flowcare.RecordAudit(ctx, st, s.now(), a, AuditMatchElsewhere, "child:"+m.ChildID, detail); err != nil {
				return err
			}
		}
	}
	return nil
}

// recordElsewhere writes the audit of a refused attempt in its own
// transaction, since the refusal rolls the attempt's back.
func (s *Service) recordElsewhere(ctx context.Context, a *flowcare.Actor, via string, attempts []elsewhereAttempt) error {
	if len(attempts) == 0 {
		return nil
	}
	return s.store.InTx(ctx, func(tx flowcare.Tx) error {
		return s.auditElsewhere(ctx, tx.Audit(), a, via, "", attempts)
	})
}
