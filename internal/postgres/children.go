package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"

	"flowcare/internal/flowcare"
	"flowcare/internal/secrets"
)

type childStore struct {
	q    sqlx.ExtContext
	keys *secrets.Keyring
}

// Field names bound into each ciphertext.
const (
	fChildName     = "children.name"
	fChildID       = "children.id_number"
	fChildAddress  = "children.address"
	fGuardianName  = "guardians.name"
	fGuardianPhone = "guardians.phone"
)

var errNoKeys = errors.New("no data keys configured for personal data")

type childRow struct {
	ID             string         `db:"id"`
	NameEnc        string         `db:"name_enc"`
	Gender         string         `db:"gender"`
	BirthDate      time.Time      `db:"birth_date"`
	IDNumberEnc    *string        `db:"id_number_enc"`
	NoIDReason     *string        `db:"no_id_reason"`
	Province       string         `db:"hukou_province"`
	City           string         `db:"hukou_city"`
	County         string         `db:"hukou_county"`
	MovedWith      string         `db:"moved_with"`
	CommunityID    string         `db:"community_id"`
	AddressEnc     *string        `db:"address_enc"`
	ArrivedOn      time.Time      `db:"arrived_on"`
	School         string         `db:"school"`
	Languages      pq.StringArray `db:"languages"`
	Disability     string         `db:"disability"`
	Status         string         `db:"status"`
	LastReviewedOn *time.Time     `db:"last_reviewed_on"`
	RegisteredBy   *string        `db:"registered_by_username"`
	CreatedAt      time.Time      `db:"created_at"`
	UpdatedAt      time.Time      `db:"updated_at"`
	AreaPath       string         `db:"area_path"`
}

const (
	childColumns = `c.id, c.name_enc, c.gender, c.birth_date, c.id_number_enc, c.no_id_reason, c.hukou_province, c.hukou_city,
	       c.hukou_county, c.moved_with, c.community_id, c.address_enc, c.arrived_on, c.school, c.languages, c.disability,
	       c.status, c.last_reviewed_on, u.username AS registered_by_username, c.created_at, c.updated_at, a.path AS area_path`
	childFrom   = ` FROM children c JOIN areas a ON a.id = c.community_id LEFT JOIN users u ON u.id = c.registered_by`
	childSelect = `SELECT ` + childColumns + childFrom
)

func (s *childStore) decrypt(field string, v *string) (string, error) {
	if v == nil {
		return "", nil
	}
	pt, err := s.keys.Decrypt(field, *v)
	if err != nil {
		return "", flowcare.Internal(err)
	}
	return pt, nil
}

func (s *childStore) domain(r *childRow) (*flowcare.Child, error) {
	c := &flowcare.Child{ID: r.ID, Gender: flowcare.Gender(r.Gender), BirthDate: r.BirthDate,
		Hukou:     flowcare.HukouOrigin{Province: r.Province, City: r.City, County: r.County},
		MovedWith: flowcare.MovedWith(r.MovedWith), CommunityID: r.CommunityID, ArrivedOn: r.ArrivedOn, School: r.School,
		Languages: nonNil(r.Languages), Disability: r.Disability, Status: flowcare.ChildStatus(r.Status),
		LastReviewedOn: r.LastReviewedOn, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, AreaPath: r.AreaPath,
		Guardians: []flowcare.Guardian{}}
	var err error
	if c.Name, err = s.decrypt(fChildName, &r.NameEnc); err != nil {
		return nil, err
	}
	if c.IDNumber, err = s.decrypt(fChildID, r.IDNumberEnc); err != nil {
		return nil, err
	}
	if c.Address, err = s.decrypt(fChildAddress, r.AddressEnc); err != nil {
		return nil, err
	}
	if r.NoIDReason != nil {
		c.NoIDReason = *r.NoIDReason
	}
	if r.RegisteredBy != nil {
		c.RegisteredBy = *r.RegisteredBy
	}
	return c, nil
}

func (s *childStore) seal(c *flowcare.Child) (*SealedChild, error) {
	if s.keys == nil {
		return nil, flowcare.Internal(errNoKeys)
	}
	return (&Sealer{keys: s.keys}).Child(c)
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *childStore) CreateChild(ctx context.Context, c *flowcare.Child) error {
	sd, err := s.seal(c)
	if err != nil {
		return err
	}
	err = s.q.QueryRowxContext(ctx, `
		INSERT INTO children (name_enc, name_birth_hash, gender, birth_date, id_number_enc, id_number_hash, no_id_reason,
			hukou_province, hukou_city, hukou_county, moved_with, community_id, address_enc, arrived_on, school, languages,
			disability, status, registered_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, NULLIF($19, '')::uuid)
		RETURNING id, created_at, updated_at`,
		sd.Name, sd.NameBirthHash, c.Gender, c.BirthDate, sd.IDNumber, sd.IDHash, nullable(c.NoIDReason),
		c.Hukou.Province, c.Hukou.City, c.Hukou.County, c.MovedWith, c.CommunityID, sd.Address, c.ArrivedOn, c.School,
		stringArray(c.Languages), c.Disability, c.Status, c.RegisteredBy).Scan(&c.ID, &c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return childConflict(err)
	}
	return s.replaceGuardians(ctx, c, true)
}

// CreateChildren registers many children, with their guardians, in two
// statements however many there are: an import of 20,000 lines then costs
// tens of round trips rather than tens of thousands. Each child is sealed
// and gets its id, times and guardian ids exactly as CreateChild gives them.
func (s *childStore) CreateChildren(ctx context.Context, cs []*flowcare.Child) error {
	if len(cs) == 0 {
		return nil
	}
	n := len(cs)
	var (
		names, nameHashes, genders, births, provinces, cities, counties = make([]string, n), make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		movedWith, communities, arrived, schools, languages, disabilities, statuses, registeredBy = make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		idNumbers, idHashes, noIDReasons, addresses = make([]*string, n), make([]*string, n), make([]*string, n), make([]*string, n)
	)
	for i, c := range cs {
		sd, err := s.seal(c)
		if err != nil {
			return err
		}
		// One text[] per row cannot sit in an array of rows, which must be
		// rectangular; each row's languages travel as a JSON array.
		langs, err := json.Marshal(nonNil(c.Languages))
		if err != nil {
			return flowcare.Internal(err)
		}
		names[i], nameHashes[i], genders[i], births[i] = sd.Name, sd.NameBirthHash, string(c.Gender), c.BirthDate.Format(time.DateOnly)
		idNumbers[i], idHashes[i], noIDReasons[i] = sd.IDNumber, sd.IDHash, nullable(c.NoIDReason)
		provinces[i], cities[i], counties[i], movedWith[i] = c.Hukou.Province, c.Hukou.City, c.Hukou.County, string(c.MovedWith)
		communities[i], addresses[i], arrived[i], schools[i] = c.CommunityID, sd.Address, c.ArrivedOn.Format(time.DateOnly), c.School
		languages[i], disabilities[i], statuses[i], registeredBy[i] = string(langs), c.Disability, string(c.Status), c.RegisteredBy
	}
	// The ids are drawn before the insert, so that each returned row is
	// joined back to its input by position rather than by the order
	// RETURNING happens to keep.
	var rows []struct {
		Ord       int       `db:"ord"`
		ID        string    `db:"id"`
		CreatedAt time.Time `db:"created_at"`
		UpdatedAt time.Time `db:"updated_at"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		WITH r AS (
			SELECT gen_random_uuid() AS id, r.*
			FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
			            $10::text[], $11::text[], $12::text[], $13::text[], $14::date[], $15::text[], $16::text[], $17::text[], $18::text[],
			            $19::text[])
			     WITH ORDINALITY AS r (name_enc, name_birth_hash, gender, birth_date, id_number_enc, id_number_hash, no_id_reason,
			            hukou_province, hukou_city, hukou_county, moved_with, community_id, address_enc, arrived_on, school, languages,
			            disability, status, registered_by, ord)),
		ins AS (
			INSERT INTO children (id, name_enc, name_birth_hash, gender, birth_date, id_number_enc, id_number_hash, no_id_reason,
				hukou_province, hukou_city, hukou_county, moved_with, community_id, address_enc, arrived_on, school, languages,
				disability, status, registered_by)
			SELECT id, name_enc, name_birth_hash, gender, birth_date, id_number_enc, id_number_hash, no_id_reason,
				hukou_province, hukou_city, hukou_county, moved_with, community_id, address_enc, arrived_on, school,
				ARRAY(SELECT jsonb_array_elements_text(languages::jsonb)), disability, status, NULLIF(registered_by, '')::uuid
			FROM r ORDER BY ord
			RETURNING id, created_at, updated_at)
		SELECT r.ord, ins.id, ins.created_at, ins.updated_at FROM ins JOIN r USING (id)`,
		pq.Array(names), pq.Array(nameHashes), pq.Array(genders), pq.Array(births), pq.Array(idNumbers), pq.Array(idHashes),
		pq.Array(noIDReasons), pq.Array(provinces), pq.Array(cities), pq.Array(counties), pq.Array(movedWith), pq.Array(communities),
		pq.Array(addresses), pq.Array(arrived), pq.Array(schools), pq.Array(languages), pq.Array(disabilities), pq.Array(statuses),
		pq.Array(registeredBy))
	if err != nil {
		return childConflict(err)
	}
	if len(rows) != n {
		return flowcare.Internal(fmt.Errorf("create children: %d rows inserted for %d children", len(rows), n))
	}
	for _, r := range rows {
		c := cs[r.Ord-1]
		c.ID, c.CreatedAt, c.UpdatedAt = r.ID, r.CreatedAt, r.UpdatedAt
	}
	return s.createGuardians(ctx, cs)
}

// createGuardians inserts the guardians of children just created, in one
// statement; (child, position) is unique, so it ties each new id to its
// guardian.
func (s *childStore) createGuardians(ctx context.Context, cs []*flowcare.Child) error {
	var (
		childIDs, names, relations, phones []string
		positions                          []int64
		primary                            []bool
	)
	type key struct {
		child    string
		position int
	}
	byKey := map[key]*flowcare.Guardian{}
	sealer := &Sealer{keys: s.keys}
	for _, c := range cs {
		for i := range c.Guardians {
			g := &c.Guardians[i]
			name, phone, err := sealer.Guardian(g)
			if err != nil {
				return err
			}
			childIDs, positions, names = append(childIDs, c.ID), append(positions, int64(i)), append(names, name)
			relations, phones, primary = append(relations, g.Relation), append(phones, phone), append(primary, g.Primary)
			g.ChildID = c.ID
			byKey[key{c.ID, i}] = g
		}
	}
	if len(childIDs) == 0 {
		return nil
	}
	var rows []struct {
		ChildID  string `db:"child_id"`
		Position int    `db:"position"`
		ID       string `db:"id"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		INSERT INTO guardians (child_id, position, name_enc, relation, phone_enc, is_primary)
		SELECT child_id, position, name_enc, relation, NULLIF(phone_enc, ''), is_primary
		FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bool[])
		     AS g (child_id, position, name_enc, relation, phone_enc, is_primary)
		RETURNING child_id, position, id`,
		pq.Array(childIDs), pq.Array(positions), pq.Array(names), pq.Array(relations), pq.Array(phones), pq.Array(primary))
	if err != nil {
		return mapError(err)
	}
	for _, r := range rows {
		if g := byKey[key{r.ChildID, r.Position}]; g != nil {
			g.ID = r.ID
		}
	}
	return nil
}

func childConflict(err error) error {
	var pe *pq.Error
	if errors.As(err, &pe) && pe.Code.Name() == "unique_violation" {
		return &flowcare.Error{Code: flowcare.ECONFLICT, Field: "idNumber", Message: "该身份证号码的儿童已经登记", Err: err}
	}
	return mapError(err)
}

func (s *childStore) UpdateChild(ctx context.Context, c *flowcare.Child) error {
	sd, err := s.seal(c)
	if err != nil {
		return err
	}
	err = s.q.QueryRowxContext(ctx, `
		UPDATE children SET name_enc = $2, name_birth_hash = $3, gender = $4, birth_date = $5, id_number_enc = $6,
			id_number_hash = $7, no_id_reason = $8, hukou_province = $9, hukou_city = $10, hukou_county = $11, moved_with = $12,
			community_id = $13, address_enc = $14, arrived_on = $15, school = $16, languages = $17, disability = $18,
			status = $19, updated_at = now()
		WHERE id = $1 RETURNING created_at, updated_at`,
		c.ID, sd.Name, sd.NameBirthHash, c.Gender, c.BirthDate, sd.IDNumber, sd.IDHash, nullable(c.NoIDReason),
		c.Hukou.Province, c.Hukou.City, c.Hukou.County, c.MovedWith, c.CommunityID, sd.Address, c.ArrivedOn, c.School,
		stringArray(c.Languages), c.Disability, c.Status).Scan(&c.CreatedAt, &c.UpdatedAt)
	if err != nil {
		return childConflict(err)
	}
	return s.replaceGuardians(ctx, c, false)
}

// replaceGuardians writes the child's guardians in order; existing rows keep
// their ids (consents refer to them) and surplus rows go. A child just
// created has neither, which saves an import two statements per line.
func (s *childStore) replaceGuardians(ctx context.Context, c *flowcare.Child, created bool) error {
	var keep []string
	for i := range c.Guardians {
		g := &c.Guardians[i]
		name, phone, err := (&Sealer{keys: s.keys}).Guardian(g)
		if err != nil {
			return err
		}
		err = sqlx.GetContext(ctx, s.q, &g.ID, `
			INSERT INTO guardians (child_id, position, name_enc, relation, phone_enc, is_primary)
			VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6)
			ON CONFLICT (child_id, position) DO UPDATE SET name_enc = EXCLUDED.name_enc, relation = EXCLUDED.relation,
				phone_enc = EXCLUDED.phone_enc, is_primary = EXCLUDED.is_primary
			RETURNING id`, c.ID, i, name, g.Relation, phone, g.Primary)
		if err != nil {
			return mapError(err)
		}
		g.ChildID = c.ID
		keep = append(keep, g.ID)
	}
	if created {
		return nil
	}
	_, err := s.q.ExecContext(ctx, `
		UPDATE consents SET guardian_id = NULL WHERE child_id = $1 AND guardian_id <> ALL($2::uuid[])`, c.ID, stringArray(keep))
	if err != nil {
		return mapError(err)
	}
	_, err = s.q.ExecContext(ctx, `DELETE FROM guardians WHERE child_id = $1 AND id <> ALL($2::uuid[])`, c.ID, stringArray(keep))
	return mapError(err)
}

func (s *childStore) guardiansOf(ctx context.Context, cs []*flowcare.Child) error {
	if len(cs) == 0 {
		return nil
	}
	ids := make([]string, len(cs))
	byID := map[string]*flowcare.Child{}
	for i, c := range cs {
		ids[i], byID[c.ID] = c.ID, c
	}
	var rows []struct {
		flowcare.Guardian
		NameEnc  string  `db:"name_enc"`
		PhoneEnc *string `db:"phone_enc"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `SELECT id, child_id, name_enc, relation, phone_enc, is_primary FROM guardians
		WHERE child_id = ANY($1::uuid[]) ORDER BY child_id, position`, pq.Array(ids))
	if err != nil {
		return mapError(err)
	}
	for _, r := range rows {
		g := r.Guardian
		if g.Name, err = s.decrypt(fGuardianName, &r.NameEnc); err != nil {
			return err
		}
		if g.Phone, err = s.decrypt(fGuardianPhone, r.PhoneEnc); err != nil {
			return err
		}
		byID[g.ChildID].Guardians = append(byID[g.ChildID].Guardians, g)
	}
	return nil
}

func (s *childStore) selectChildren(ctx context.Context, withGuardians bool, query string, args ...any) ([]*flowcare.Child, error) {
	if s.keys == nil {
		return nil, flowcare.Internal(errNoKeys)
	}
	var rows []childRow
	if err := sqlx.SelectContext(ctx, s.q, &rows, query, args...); err != nil {
		return nil, mapError(err)
	}
	out := make([]*flowcare.Child, len(rows))
	for i := range rows {
		c, err := s.domain(&rows[i])
		if err != nil {
			return nil, err
		}
		out[i] = c
	}
	if withGuardians {
		if err := s.guardiansOf(ctx, out); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func (s *childStore) ChildByID(ctx context.Context, id string) (*flowcare.Child, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "儿童档案不存在")
	}
	cs, err := s.selectChildren(ctx, true, childSelect+` WHERE c.id = $1`, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "儿童档案不存在")
	}
	return cs[0], nil
}

func (s *childStore) ChildrenByIDs(ctx context.Context, ids []string) ([]*flowcare.Child, error) {
	cs, err := s.selectChildren(ctx, false, childSelect+` WHERE c.id = ANY($1::uuid[])`, pq.Array(validUUIDs(ids)))
	for _, c := range cs {
		c.IDNumber, c.Address = "", ""
	}
	return cs, err
}

func (s *childStore) nameBirthHash(c *flowcare.Child) string {
	return (&Sealer{keys: s.keys}).NameBirthHash(c)
}

// FindDuplicates looks every record up in one statement, so that an import
// of thousands of lines costs one round trip rather than two per line.
func (s *childStore) FindDuplicates(ctx context.Context, cs []*flowcare.Child) ([][]flowcare.ChildMatch, error) {
	if s.keys == nil {
		return nil, flowcare.Internal(errNoKeys)
	}
	out := make([][]flowcare.ChildMatch, len(cs))
	if len(cs) == 0 {
		return out, nil
	}
	byID, byName := map[string][]int{}, map[string][]int{}
	var idHashes, nameHashes []string
	for i, c := range cs {
		if c.IDNumber != "" {
			h := (&Sealer{keys: s.keys}).IDHash(c.IDNumber)
			if byID[h] == nil {
				idHashes = append(idHashes, h)
			}
			byID[h] = append(byID[h], i)
		}
		h := s.nameBirthHash(c)
		if byName[h] == nil {
			nameHashes = append(nameHashes, h)
		}
		byName[h] = append(byName[h], i)
	}
	var rows []struct {
		ID       string  `db:"id"`
		Path     string  `db:"path"`
		IDHash   *string `db:"id_number_hash"`
		NameHash string  `db:"name_birth_hash"`
	}
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT c.id, a.path, c.id_number_hash, c.name_birth_hash FROM children c JOIN areas a ON a.id = c.community_id
		WHERE c.id_number_hash = ANY($1::text[]) OR c.name_birth_hash = ANY($2::text[])
		ORDER BY c.id`, stringArray(idHashes), stringArray(nameHashes))
	if err != nil {
		return nil, mapError(err)
	}
	for _, r := range rows {
		sameID := map[int]bool{}
		if r.IDHash != nil {
			for _, i := range byID[*r.IDHash] {
				if cs[i].ID != r.ID {
					out[i] = append(out[i], flowcare.ChildMatch{ChildID: r.ID, AreaPath: r.Path, ByIDNumber: true})
					sameID[i] = true
				}
			}
		}
		for _, i := range byName[r.NameHash] {
			if cs[i].ID != r.ID && !sameID[i] {
				out[i] = append(out[i], flowcare.ChildMatch{ChildID: r.ID, AreaPath: r.Path})
			}
		}
	}
	return out, nil
}

// childCond is the condition of a ChildFilter on childFrom, with its
// arguments; arg adds one and returns its placeholder.
func (s *childStore) childCond(f flowcare.ChildFilter, today time.Time, arg func(any) string) string {
	var where []string
	if f.AreaPath != "" {
		where = append(where, "(a.path = "+arg(f.AreaPath)+" OR a.path LIKE "+arg(escapeLike(f.AreaPath)+"/%")+")")
	}
	if f.Status == flowcare.ChildActive {
		where = append(where, "c.status = 'ACTIVE' AND c.birth_date > "+arg(today.AddDate(-16, 0, 0)))
	}
	if f.ReviewDueBefore != nil {
		where = append(where, "(c.last_reviewed_on IS NULL OR c.last_reviewed_on < "+arg(*f.ReviewDueBefore)+")")
	}
	if f.Search != "" && s.keys != nil {
		where = append(where, "c.id_number_hash = "+arg(s.keys.Hash("id", f.Search)))
	}
	if len(where) == 0 {
		return "TRUE"
	}
	return strings.Join(where, " AND ")
}

// ListChildren lists children of an area, oldest registration first. The
// active list leaves out children who have turned 16 by today.
func (s *childStore) ListChildren(ctx context.Context, f flowcare.ChildFilter, today time.Time, p flowcare.Page) ([]*flowcare.Child, int, error) {
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + itoa(len(args)) }
	cond := s.childCond(f, today, arg)
	var total int
	if err := sqlx.GetContext(ctx, s.q, &total, `SELECT count(*) FROM children c JOIN areas a ON a.id = c.community_id WHERE `+cond, args...); err != nil {
		return nil, 0, mapError(err)
	}
	if p.After != "" {
		if !validUUID(p.After) {
			return nil, 0, flowcare.Invalid("after", "分页游标无效")
		}
		cond += " AND (c.created_at, c.id) > (SELECT created_at, id FROM children WHERE id = " + arg(p.After) + ")"
	}
	order := ` ORDER BY c.created_at, c.id LIMIT ` + itoa(p.Limit()+1)
	q := childSelect + ` WHERE ` + cond + order
	if strings.Contains(f.AreaPath, "/") && total < gatherBelow {
		// An area's matching children are gathered from the community index
		// and only then ordered. Walking registration order instead, as the
		// planner prefers (it cannot tell how few of the city's children an
		// area holds), read about 60,000 rows for a page of the largest
		// street's children due for review: 850 ms, where this takes 5 ms.
		// Where many match, as in a large district, that walk soon finds a
		// page and is the cheaper.
		q = `WITH m AS MATERIALIZED (SELECT c.id, c.created_at FROM children c JOIN areas a ON a.id = c.community_id WHERE ` + cond + `)
			` + childSelect + ` WHERE c.id IN (SELECT id FROM m ORDER BY created_at, id LIMIT ` + itoa(p.Limit()+1) + `)` + order
	}
	cs, err := s.selectChildren(ctx, false, q, args...)
	return cs, total, err
}

// gatherBelow is how many matching children ListChildren gathers and orders
// at most: 20,000 of the city's 300,000 are one in fifteen, which the walk in
// registration order meets every fifteen rows or so.
const gatherBelow = 20000

type reportedChildRow struct {
	childRow
	LedgerRisk      *string    `db:"ledger_risk"`
	LedgerNextVisit *time.Time `db:"ledger_next_visit"`
}

// EachChild reads the whole list in one statement whose rows lib/pq hands
// over as they arrive, so memory holds one batch: read page by page, a
// district's report paid a count and a cursor look-up for every page and
// took half a minute waiting on them.
func (s *childStore) EachChild(ctx context.Context, f flowcare.ChildFilter, today time.Time, batch int, fn func([]flowcare.ReportedChild) error) error {
	if s.keys == nil {
		return flowcare.Internal(errNoKeys)
	}
	if batch < 1 {
		return flowcare.Internal(fmt.Errorf("each child: batch %d", batch))
	}
	var args []any
	arg := func(v any) string { args = append(args, v); return "$" + itoa(len(args)) }
	cond := s.childCond(f, today, arg)
	rows, err := s.q.QueryxContext(ctx, `SELECT `+childColumns+`, l.risk_level AS ledger_risk, l.next_visit_due AS ledger_next_visit`+
		childFrom+` LEFT JOIN ledger_entries l ON l.child_id = c.id AND l.left_on IS NULL
		WHERE `+cond+` ORDER BY c.created_at, c.id`, args...)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	out := make([]flowcare.ReportedChild, 0, batch)
	for rows.Next() {
		var r reportedChildRow
		if err := rows.StructScan(&r); err != nil {
			return mapError(err)
		}
		c, err := s.domain(&r.childRow)
		if err != nil {
			return err
		}
		rc := flowcare.ReportedChild{Child: c}
		if r.LedgerRisk != nil && r.LedgerNextVisit != nil {
			rc.Ledger = &flowcare.LedgerEntry{ChildID: c.ID, Risk: flowcare.Level(*r.LedgerRisk), NextVisitDue: *r.LedgerNextVisit, AreaPath: c.AreaPath}
		}
		if out = append(out, rc); len(out) == batch {
			if err := fn(out); err != nil {
				return err
			}
			out = make([]flowcare.ReportedChild, 0, batch)
		}
	}
	if err := rows.Err(); err != nil {
		return mapError(err)
	}
	if len(out) > 0 {
		return fn(out)
	}
	return nil
}

func (s *childStore) RecordReview(ctx context.Context, childID string, on time.Time, by, note string) error {
	if _, err := s.q.ExecContext(ctx, `INSERT INTO child_reviews (child_id, reviewed_on, reviewer, note) VALUES ($1, $2, NULLIF($3, '')::uuid, $4)`,
		childID, on, by, note); err != nil {
		return mapError(err)
	}
	_, err := s.q.ExecContext(ctx, `UPDATE children SET last_reviewed_on = GREATEST(coalesce(last_reviewed_on, $2), $2), updated_at = now() WHERE id = $1`, childID, on)
	return mapError(err)
}

func (s *childStore) Reviews(ctx context.Context, childID string) ([]flowcare.ChildReview, error) {
	out := []flowcare.ChildReview{}
	err := sqlx.SelectContext(ctx, s.q, &out, `
		SELECT r.reviewed_on, u.username AS reviewer_username, r.note FROM child_reviews r LEFT JOIN users u ON u.id = r.reviewer
		WHERE r.child_id = $1 ORDER BY r.reviewed_on DESC, r.created_at DESC`, childID)
	return out, mapError(err)
}

const consentSelect = `
	SELECT k.id, k.child_id, k.purpose, k.granted, k.guardian_id, k.method, k.given_on, u.username AS recorded_by_username,
	       k.recorded_at, k.withdrawn_at
	FROM consents k LEFT JOIN users u ON u.id = k.recorded_by`

func (s *childStore) CreateConsent(ctx context.Context, c *flowcare.Consent, by string) error {
	return mapError(sqlx.GetContext(ctx, s.q, c, `
		INSERT INTO consents (child_id, purpose, granted, guardian_id, method, given_on, recorded_by)
		VALUES ($1, $2, $3, $4, $5, $6, NULLIF($7, '')::uuid) RETURNING id, recorded_at`,
		c.ChildID, c.Purpose, c.Granted, c.GuardianID, c.Method, c.GivenOn, by))
}

func (s *childStore) ConsentByID(ctx context.Context, id string) (*flowcare.Consent, error) {
	if !validUUID(id) {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "同意记录不存在")
	}
	var c flowcare.Consent
	err := sqlx.GetContext(ctx, s.q, &c, consentSelect+` WHERE k.id = $1`, id)
	return &c, notFound(err, "同意记录不存在")
}

func (s *childStore) WithdrawConsent(ctx context.Context, id string, at time.Time) error {
	_, err := s.q.ExecContext(ctx, `UPDATE consents SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL`, id, at)
	return mapError(err)
}

func (s *childStore) ConsentsOf(ctx context.Context, childIDs []string) (map[string][]flowcare.Consent, error) {
	var cs []flowcare.Consent
	if err := sqlx.SelectContext(ctx, s.q, &cs, consentSelect+` WHERE k.child_id = ANY($1::uuid[]) ORDER BY k.recorded_at DESC, k.id`,
		pq.Array(validUUIDs(childIDs))); err != nil {
		return nil, mapError(err)
	}
	out := map[string][]flowcare.Consent{}
	for _, c := range cs {
		out[c.ChildID] = append(out[c.ChildID], c)
	}
	return out, nil
}

// ReencryptBatch re-seals the personal data of up to limit children (with
// their guardians) that hold any value under a key other than the current one.
func (s *childStore) ReencryptBatch(ctx context.Context, limit int) (int, error) {
	if s.keys == nil {
		return 0, flowcare.Internal(errNoKeys)
	}
	prefix := s.keys.Current() + ".%"
	var ids []string
	err := sqlx.SelectContext(ctx, s.q, &ids, `
		SELECT c.id FROM children c
		WHERE c.name_enc NOT LIKE $1 OR (c.id_number_enc IS NOT NULL AND c.id_number_enc NOT LIKE $1)
		   OR (c.address_enc IS NOT NULL AND c.address_enc NOT LIKE $1)
		   OR EXISTS (SELECT 1 FROM guardians g WHERE g.child_id = c.id
		              AND (g.name_enc NOT LIKE $1 OR (g.phone_enc IS NOT NULL AND g.phone_enc NOT LIKE $1)))
		ORDER BY c.id LIMIT $2 FOR UPDATE OF c SKIP LOCKED`, prefix, limit)
	if err != nil {
		return 0, mapError(err)
	}
	for _, id := range ids {
		c, err := s.ChildByID(ctx, id)
		if err != nil {
			return 0, err
		}
		if err := s.UpdateChild(ctx, c); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

func (s *childStore) SaveImport(ctx context.Context, imp *flowcare.ChildImport, by string) error {
	return mapError(s.q.QueryRowxContext(ctx, `
		INSERT INTO child_imports (source, file_name, rows, created, updated, conflicts, invalid, summary, imported_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, NULLIF($9, '')::uuid) RETURNING id, imported_at`,
		imp.Source, imp.FileName, imp.Rows, imp.Created, imp.Updated, imp.Conflicts, imp.Invalid, imp.Summary, by).
		Scan(&imp.ID, &imp.ImportedAt))
}

func (s *childStore) ListImports(ctx context.Context, p flowcare.Page) ([]*flowcare.ChildImport, error) {
	var out []*flowcare.ChildImport
	err := sqlx.SelectContext(ctx, s.q, &out, `
		SELECT i.id, i.source, i.file_name, i.rows, i.created, i.updated, i.conflicts, i.invalid, i.summary::text AS summary,
		       u.username AS imported_by_username, i.imported_at
		FROM child_imports i LEFT JOIN users u ON u.id = i.imported_by ORDER BY i.imported_at DESC LIMIT `+itoa(p.Limit()))
	return out, mapError(err)
}

// Overview counts by the level below the area; eligibility's age and stay
// rules are applied in SQL, the hukou rules are not (they need the district
// names), so "eligible" here is an upper bound that the half-yearly report
// refines row by row. The counts come from child_counts, recounted first when
// they hold for an earlier day.
func (s *childStore) Overview(ctx context.Context, areaPath string, today time.Time) ([]flowcare.OverviewRow, error) {
	// Rows are the areas one level below the one asked for (the city's
	// districts, a district's streets, a street's communities); a community
	// is its own single row.
	below := min(strings.Count(areaPath, "/")+2, flowcare.AreaCommunity.Depth()+1)
	counted, err := s.childCountsFor(ctx, today)
	if err != nil || !counted {
		if err == nil {
			return s.liveOverview(ctx, areaPath, today, below)
		}
		return nil, err
	}
	var rows []flowcare.OverviewRow
	err = sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT split_part(a.path, '/', $3) AS area_id, sum(k.active) AS active, sum(k.eligible) AS eligible,
		       sum(k.on_ledger) AS on_ledger, sum(k.visits_overdue) AS visits_overdue, sum(k.reviews_due) AS reviews_due
		FROM child_counts k JOIN areas a ON a.id = k.community_id
		WHERE a.path = $1 OR a.path LIKE $2
		GROUP BY 1 HAVING sum(k.children) > 0 ORDER BY 1`,
		areaPath, escapeLike(areaPath)+"/%", below)
	return rows, mapError(err)
}

// childCountsFor makes child_counts hold for today, recounting them when they
// hold for an earlier day (once a day, about a second at the city's size).
// False when they hold for a later day than today, as they do for a replica
// whose clock is behind another's around midnight.
func (s *childStore) childCountsFor(ctx context.Context, today time.Time) (bool, error) {
	day := today.Format(time.DateOnly)
	var asOf *string
	if err := sqlx.GetContext(ctx, s.q, &asOf, `SELECT to_char(as_of, 'YYYY-MM-DD') FROM child_counts_as_of`); err != nil {
		return false, mapError(err)
	}
	switch {
	case asOf != nil && *asOf == day:
		return true, nil
	case asOf != nil && *asOf > day:
		return false, nil
	}
	_, err := s.q.ExecContext(ctx, `SELECT child_counts_recount($1, $2, $3, $4) FROM child_counts_as_of WHERE as_of IS NULL OR as_of < $1`,
		day, today.AddDate(-16, 0, 0).Format(time.DateOnly), today.AddDate(0, -6, 0).Format(time.DateOnly), today.AddDate(0, -6, 0).Format(time.DateOnly))
	return err == nil, mapError(err)
}

// liveOverview counts every child of the area as it stands.
func (s *childStore) liveOverview(ctx context.Context, areaPath string, today time.Time, below int) ([]flowcare.OverviewRow, error) {
	var rows []flowcare.OverviewRow
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		SELECT split_part(a.path, '/', $7) AS area_id,
		       count(*) FILTER (WHERE c.status = 'ACTIVE' AND c.birth_date > $3) AS active,
		       count(*) FILTER (WHERE c.status = 'ACTIVE' AND c.birth_date > $3 AND c.arrived_on <= $4 AND c.moved_with <> 'ALONE') AS eligible,
		       count(l.child_id) FILTER (WHERE l.left_on IS NULL) AS on_ledger,
		       count(l.child_id) FILTER (WHERE l.left_on IS NULL AND l.next_visit_due < $5) AS visits_overdue,
		       count(*) FILTER (WHERE c.status = 'ACTIVE' AND c.birth_date > $3 AND coalesce(c.last_reviewed_on, c.created_at::date) < $6) AS reviews_due
		FROM children c JOIN areas a ON a.id = c.community_id LEFT JOIN ledger_entries l ON l.child_id = c.id
		WHERE a.path = $1 OR a.path LIKE $2
		GROUP BY 1 ORDER BY 1`,
		areaPath, escapeLike(areaPath)+"/%", today.AddDate(-16, 0, 0), today.AddDate(0, -6, 0), today, today.AddDate(0, -6, 0), below)
	return rows, mapError(err)
}

func (s *childStore) ReviewWorkload(ctx context.Context, areaPath string, today, dueBy time.Time) ([]flowcare.WorkerReviews, error) {
	var rows []flowcare.WorkerReviews
	err := sqlx.SelectContext(ctx, s.q, &rows, `
		WITH due AS (
			SELECT coalesce(u.username, '') AS worker,
			       (coalesce(c.last_reviewed_on, c.created_at::date) + interval '6 months')::date AS due_on
			FROM children c JOIN areas a ON a.id = c.community_id LEFT JOIN users u ON u.id = c.registered_by
			WHERE (a.path = $1 OR a.path LIKE $2) AND c.status = 'ACTIVE' AND c.birth_date > $3)
		SELECT worker, count(*) FILTER (WHERE due_on < $4) AS overdue,
		       count(*) FILTER (WHERE due_on >= $4 AND due_on <= $5) AS due_soon
		FROM due GROUP BY worker HAVING count(*) FILTER (WHERE due_on <= $5) > 0 ORDER BY overdue DESC, due_soon DESC, worker`,
		areaPath, escapeLike(areaPath)+"/%", today.AddDate(-16, 0, 0), today, dueBy)
	return rows, mapError(err)
}
