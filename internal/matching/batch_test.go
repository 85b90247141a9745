package matching_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/lib/pq"

	"flowcare/internal/flowcare"
	"flowcare/internal/matching"
	"flowcare/internal/postgres"
)

// failingStore is the real database with one fault: writing a match for one
// need fails, as a constraint or a lost connection would fail it.
type failingStore struct {
	*postgres.DB
	needID string
}

func (s failingStore) InTx(ctx context.Context, fn func(flowcare.Tx) error) error {
	return s.DB.InTx(ctx, func(tx flowcare.Tx) error { return fn(failingTx{tx, s.needID}) })
}

type failingTx struct {
	flowcare.Tx
	needID string
}

func (t failingTx) Matches() flowcare.MatchStore { return failingMatches{t.Tx.Matches(), t.needID} }

type failingMatches struct {
	flowcare.MatchStore
	needID string
}

func (m failingMatches) CreateMatch(ctx context.Context, x *flowcare.Match, by string) error {
	if x.NeedID == m.needID {
		return flowcare.Errorf(flowcare.EUNAVAILABLE, "数据库暂时不可用")
	}
	return m.MatchStore.CreateMatch(ctx, x, by)
}

// A batch is written in one transaction; when a need in it fails, the
// others' proposals are kept, exactly once each, and the failed need is left
// open for the next run.
func TestBatchKeepsTheOthersProposalsWhenOneNeedFails(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	var needs []string
	for range 6 {
		needs = append(needs, f.need().ID)
	}
	cfg := matching.DefaultConfig
	cfg.BatchSize, cfg.BatchWorkers = 10, 1
	clock := func() time.Time { return f.now }
	svc := matching.New(failingStore{f.db, needs[2]}, f.es, cfg, clock)
	res, err := svc.ProposeForArea(as(f.civil), "110105", 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Needs != 6 || res.Proposed != 5 || res.Failed != 1 || len(res.MatchIDs) != 5 {
		t.Fatalf("batch = %+v", res)
	}
	proposals := func() map[string]int {
		rows, err := f.db.SQL().QueryContext(ctx, `SELECT need_id, count(*) FROM matches GROUP BY need_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string]int{}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				t.Fatal(err)
			}
			out[id] = n
		}
		return out
	}
	got := proposals()
	for i, id := range needs {
		want, status := 1, flowcare.NeedMatching
		if i == 2 {
			want, status = 0, flowcare.NeedOpen
		}
		if got[id] != want || f.needStatus(id) != status {
			t.Fatalf("need %d: %d proposals, %s; want %d, %s", i, got[id], f.needStatus(id), want, status)
		}
	}
	var moves int
	if err := f.db.SQL().QueryRowContext(ctx, `SELECT count(*) FROM need_history WHERE need_id = ANY($1::uuid[]) AND status = 'MATCHING'`,
		pq.Array(needs)).Scan(&moves); err != nil {
		t.Fatal(err)
	}
	if moves != 5 {
		t.Fatalf("%d needs recorded as moved to matching, want 5", moves)
	}

	// The next run, without the fault, proposes for the need left open and
	// for no other.
	res, err = f.svc.ProposeForArea(as(f.civil), "110105", 0, nil)
	if err != nil || res.Needs != 1 || res.Proposed != 1 {
		t.Fatalf("second batch = %+v, %v", res, err)
	}
	for _, id := range needs {
		if n := proposals()[id]; n != 1 {
			t.Fatalf("need %s has %d proposals after the second run", id, n)
		}
	}
}

// onlyMatch hides the search copy's batch ranking, so that a batch ranks
// each need on its own as Candidates does.
type onlyMatch struct{ flowcare.Matcher }

// A batch proposes for each need the first of the candidates Candidates
// lists for it, with the same score and explanation, whether it ranks the
// needs together or one by one.
func TestBatchProposesTheFirstCandidate(t *testing.T) {
	f := setup(t)
	ctx := context.Background()
	var needs []*flowcare.Need
	for i := range 4 {
		n := f.need()
		if i%2 == 1 {
			// Anywhere: the far volunteer is a candidate too.
			n.Place = flowcare.PlaceAny
			n.Windows = append(n.Windows, flowcare.TimeWindow{Day: 7, Start: 14 * 60, End: 16 * 60})
			if err := f.db.Care().UpdateNeed(ctx, n); err != nil {
				t.Fatal(err)
			}
		}
		needs = append(needs, n)
	}
	first := map[string]matching.Candidate{}
	for _, n := range needs {
		l, err := f.svc.Candidates(as(f.director), n.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.Candidates) == 0 {
			t.Fatalf("need %s has no candidates", n.ID)
		}
		first[n.ID] = l.Candidates[0]
	}
	clock := func() time.Time { return f.now }
	oneByOne := matching.New(f.db, onlyMatch{f.es}, matching.DefaultConfig, clock)
	for _, svc := range []*matching.Service{f.svc, oneByOne} {
		res, err := svc.ProposeForArea(as(f.civil), "110105", 0, nil)
		if err != nil || res.Proposed != len(needs) {
			t.Fatalf("batch = %+v, %v", res, err)
		}
		ms, err := svc.MatchesByIDs(ctx, res.MatchIDs)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			c := first[m.NeedID]
			if m.Entity != c.Entity || m.OfferID != c.ID || m.Score == nil || *m.Score != c.Score || !slices.Equal(m.Factors, c.Factors) {
				t.Fatalf("proposal %s:%s score %v %+v, first candidate %s:%s score %v %+v",
					m.Entity, m.OfferID, m.Score, m.Factors, c.Entity, c.ID, c.Score, c.Factors)
			}
		}
		// Withdraw the proposals so that the other way finds the needs open again.
		if _, err := f.db.SQL().ExecContext(ctx, `UPDATE matches SET status = 'CANCELLED' WHERE id = ANY($1::uuid[])`, pq.Array(res.MatchIDs)); err != nil {
			t.Fatal(err)
		}
		for _, n := range needs {
			if err := f.db.Care().SetNeedStatus(ctx, n.ID, flowcare.NeedOpen, "测试", "", f.now); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// racingStore proposes the best candidate of one need just before the batch
// reads the needs' open matches, as staff proposing by hand meanwhile would.
type racingStore struct {
	*postgres.DB
	propose func()
}

func (s racingStore) OpenMatchesOf(ctx context.Context, needIDs []string) ([]*flowcare.Match, error) {
	if s.propose != nil {
		s.propose()
	}
	return s.DB.OpenMatchesOf(ctx, needIDs)
}

// When a proposal made since the needs were listed took a need's best
// candidate, the batch ranks that need in full and proposes the next best.
func TestBatchProposesTheNextBestWhenTheBestWasJustTaken(t *testing.T) {
	f := setup(t)
	n := f.need()
	l, err := f.svc.Candidates(as(f.director), n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Candidates) < 2 {
		t.Fatalf("want two candidates, have %d", len(l.Candidates))
	}
	first, second := l.Candidates[0], l.Candidates[1]
	clock := func() time.Time { return f.now }
	once := false
	svc := matching.New(racingStore{f.db, func() {
		if once {
			return
		}
		once = true
		if _, err := f.svc.Propose(as(f.director), n.ID, matching.ProposeInput{Entity: first.Entity, OfferID: first.ID}); err != nil {
			t.Error(err)
		}
	}}, f.es, matching.DefaultConfig, clock)
	res, err := svc.ProposeForArea(as(f.civil), "110105", 0, nil)
	if err != nil || res.Needs != 1 || res.Proposed != 1 {
		t.Fatalf("batch = %+v, %v", res, err)
	}
	ms, err := svc.MatchesByIDs(context.Background(), res.MatchIDs)
	if err != nil || len(ms) != 1 {
		t.Fatal(ms, err)
	}
	if ms[0].Entity != second.Entity || ms[0].OfferID != second.ID {
		t.Fatalf("batch proposed %s:%s, want the second best %s:%s (the best %s:%s was taken)",
			ms[0].Entity, ms[0].OfferID, second.Entity, second.ID, first.Entity, first.ID)
	}
}
