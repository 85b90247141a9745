package postgres

import (
	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

// Sealer turns personal data into the values the child and care stores
// write: ciphertexts bound to their column and keyed hashes. The stores seal
// through it, and so does anything that loads rows in bulk with COPY, so
// that a bulk-loaded child is stored exactly as a registered one.
type Sealer struct{ keys *secrets.Keyring }

// Sealer returns the sealer of the configured keys; without keys personal
// data cannot be written at all.
func (d *DB) Sealer() (*Sealer, error) {
	if d.keys == nil {
		return nil, flowcare.Internal(errNoKeys)
	}
	return &Sealer{keys: d.keys}, nil
}

// SealedChild holds a child's personal data as stored: nil where the value
// is empty, since the columns are nullable.
type SealedChild struct {
	Name          string
	IDNumber      *string
	Address       *string
	IDHash        *string
	NameBirthHash string
}

func (s *Sealer) optional(field, v string) (*string, error) {
	if v == "" {
		return nil, nil
	}
	ct, err := s.keys.Encrypt(field, v)
	if err != nil {
		return nil, flowcare.Internal(err)
	}
	return &ct, nil
}

// Child seals a child's name, ID number and address and makes the hashes
// that find the child again by ID number or by name and birth date.
func (s *Sealer) Child(c *flowcare.Child) (*SealedChild, error) {
	out := &SealedChild{NameBirthHash: s.NameBirthHash(c)}
	name, err := s.optional(fChildName, c.Name)
	if err != nil {
		return nil, err
	}
	if name != nil {
		out.Name = *name
	}
	if out.IDNumber, err = s.optional(fChildID, c.IDNumber); err != nil {
		return nil, err
	}
	if out.Address, err = s.optional(fChildAddress, c.Address); err != nil {
		return nil, err
	}
	if c.IDNumber != "" {
		h := s.IDHash(c.IDNumber)
		out.IDHash = &h
	}
	return out, nil
}

// IDHash is the keyed hash an ID number is looked up by.
func (s *Sealer) IDHash(idNumber string) string { return s.keys.Hash("id", idNumber) }

// NameBirthHash is the keyed hash of a child's name and birth date, which
// finds likely duplicates.
func (s *Sealer) NameBirthHash(c *flowcare.Child) string {
	return s.keys.Hash("name+birth", c.Name+"|"+c.BirthDate.Format("2006-01-02"))
}

// Guardian seals a guardian's name and phone number; an empty phone stays
// empty (NULL in the table).
func (s *Sealer) Guardian(g *flowcare.Guardian) (name, phone string, err error) {
	if name, err = s.keys.Encrypt(fGuardianName, g.Name); err != nil {
		return "", "", flowcare.Internal(err)
	}
	if phone, err = s.keys.Encrypt(fGuardianPhone, g.Phone); err != nil {
		return "", "", flowcare.Internal(err)
	}
	return name, phone, nil
}

// Visit seals a visit's findings and follow-up, free text that may name
// people and places; an empty follow-up stays empty (NULL in the table).
func (s *Sealer) Visit(v *flowcare.Visit) (findings, followUp string, err error) {
	if findings, err = s.keys.Encrypt(fVisitFindings, v.Findings); err != nil {
		return "", "", flowcare.Internal(err)
	}
	if followUp, err = s.keys.Encrypt(fVisitFollowUp, v.FollowUp); err != nil {
		return "", "", flowcare.Internal(err)
	}
	return findings, followUp, nil
}
