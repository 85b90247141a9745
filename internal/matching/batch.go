package matching

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"flowcare/internal/flowcare"
)

// BatchResult summarises a batch proposal.
type BatchResult struct {
	Needs       int
	Proposed    int
	NoCandidate int
	Failed      int
	MatchIDs    []string
	Took        time.Duration
}

// Progress hears how far a batch has gone.
type Progress func(done, total int)

// BestMatcher ranks offers for many needs at once, returning for each query
// the k best offers of any kind. A Matcher that is one (the search copy) lets
// a batch proposal search for a whole batch of needs in one round trip and
// score only what can come first.
type BestMatcher interface {
	BestMatches(ctx context.Context, qs []flowcare.MatchQuery, k int) ([][]flowcare.MatchCandidate, error)
}

// outcome is what became of one need of a batch.
type outcome struct {
	matchID string
	err     error
}

// ProposeForArea proposes the best candidate for every open need of an area
// that has no open match, for staff to review and send. Needs are loaded,
// ranked and written a batch at a time; a need's proposal never depends on
// another's: when a batch's single transaction fails, each of its needs is
// written again in a transaction of its own, so one need's failure keeps the
// others' proposals, and none is made twice.
func (s *Service) ProposeForArea(ctx context.Context, areaID string, limit int, progress Progress) (*BatchResult, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	areas, err := s.store.Areas().AreasByIDs(ctx, []string{areaID})
	if err != nil {
		return nil, err
	}
	if len(areas) == 0 {
		return nil, flowcare.Invalid("areaId", "地区不存在")
	}
	if !CanMatch(a, areas[0].Path) {
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "您不能为这个地区批量匹配")
	}
	if limit <= 0 || limit > 5000 {
		limit = 5000
	}
	start := s.now()
	needs, err := s.store.Matches().OpenNeeds(ctx, areas[0].Path, limit)
	if err != nil {
		return nil, err
	}
	res := &BatchResult{Needs: len(needs)}
	size := s.cfg.BatchSize
	best, batched := s.matcher.(BestMatcher)
	if !batched {
		size = 1
	}
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan []*flowcare.Need)
	var wg sync.WaitGroup
	for range s.cfg.BatchWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range jobs {
				var outs []outcome
				if batched {
					outs = s.proposeBatch(ctx, a, best, batch)
				} else {
					id, err := s.proposeBest(ctx, a, batch[0])
					outs = []outcome{{id, err}}
				}
				for _, o := range outs {
					mu.Lock()
					switch {
					case o.err != nil:
						res.Failed++
						if firstErr == nil {
							firstErr = o.err
						}
					case o.matchID == "":
						res.NoCandidate++
					default:
						res.Proposed++
						res.MatchIDs = append(res.MatchIDs, o.matchID)
					}
					done := res.Proposed + res.NoCandidate + res.Failed
					mu.Unlock()
					if progress != nil {
						progress(done, len(needs))
					}
				}
			}
		}()
	}
	for i := 0; i < len(needs) && ctx.Err() == nil; i += size {
		jobs <- needs[i:min(i+size, len(needs))]
	}
	close(jobs)
	wg.Wait()
	res.Took = s.now().Sub(start)
	// Search being down fails every need the same way: say so rather than
	// report a batch of failures.
	if res.Proposed == 0 && res.Failed > 0 {
		return nil, flowcare.Wrap(firstErr, "批量匹配")
	}
	return res, ctx.Err()
}

// proposeBatch loads what ranking needs for a batch of needs with one query
// of each kind, ranks them in one search, and writes their proposals in one
// transaction. The outcomes are in the order of needs.
func (s *Service) proposeBatch(ctx context.Context, a *flowcare.Actor, best BestMatcher, needs []*flowcare.Need) []outcome {
	outs := make([]outcome, len(needs))
	fail := func(err error) []outcome {
		for i := range outs {
			outs[i] = outcome{err: err}
		}
		return outs
	}
	childIDs := make([]string, len(needs))
	needIDs := make([]string, len(needs))
	for i, n := range needs {
		childIDs[i], needIDs[i] = n.ChildID, n.ID
	}
	children, err := s.store.Children().ChildrenByIDs(ctx, childIDs)
	if err != nil {
		return fail(err)
	}
	childByID := make(map[string]*flowcare.Child, len(children))
	var areaIDs []string
	for _, c := range children {
		childByID[c.ID] = c
		areaIDs = append(areaIDs, strings.Split(c.AreaPath, "/")...)
	}
	areas, err := s.store.Areas().AreasByIDs(ctx, unique(areaIDs))
	if err != nil {
		return fail(err)
	}
	areaByID := make(map[string]*flowcare.Area, len(areas))
	for _, ar := range areas {
		areaByID[ar.ID] = ar
	}
	good, err := s.store.GoodMatchesOf(ctx, childIDs)
	if err != nil {
		return fail(err)
	}

	// The needs that can be ranked, and their queries.
	var ranked []int
	var qs []flowcare.MatchQuery
	contexts := make([]*needContext, len(needs))
	for i, n := range needs {
		c := childByID[n.ChildID]
		if c == nil {
			outs[i].err = fmt.Errorf("need %s: child missing", n.ID)
			continue
		}
		origin, _, err := originOf(c, areaByID)
		if err != nil {
			outs[i].err = err
			continue
		}
		contexts[i] = &needContext{need: n, child: c}
		ranked = append(ranked, i)
		qs = append(qs, s.matchQuery(contexts[i], origin, good[c.ID]))
	}
	if len(qs) == 0 {
		return outs
	}
	// Only the best of each need: the fewer a search keeps, the sooner the
	// offers it has scored rule out the rest.
	found, err := best.BestMatches(ctx, qs, 1)
	if err != nil {
		err = flowcare.Wrap(err, "查找匹配的服务")
		for _, i := range ranked {
			outs[i].err = err
		}
		return outs
	}
	open, err := s.store.OpenMatchesOf(ctx, needIDs)
	if err != nil {
		return fail(err)
	}
	taken := map[string]bool{}
	for _, m := range open {
		taken[m.NeedID+" "+string(m.Entity)+" "+m.OfferID] = true
	}

	type pick struct {
		i int
		c Candidate
	}
	var picks []pick
	for k, i := range ranked {
		n := needs[i]
		var chosen *flowcare.MatchCandidate
		for j := range found[k] {
			if !taken[n.ID+" "+string(found[k][j].Entity)+" "+found[k][j].ID] {
				chosen = &found[k][j]
				break
			}
		}
		switch {
		case chosen != nil:
			picks = append(picks, pick{i, Candidate{MatchCandidate: *chosen}})
		case len(found[k]) > 0:
			// A proposal made since the needs were listed took the best:
			// rank this need in full, on its own.
			outs[i].matchID, outs[i].err = s.proposeBest(ctx, a, n)
		}
	}
	if len(picks) == 0 {
		return outs
	}

	// One transaction for the batch. createMatch moves a need it proposes
	// for to matching, so each attempt works on a copy: a rolled-back
	// attempt leaves the need as it was for the next.
	ids := make([]string, len(picks))
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		for k, p := range picks {
			n := *needs[p.i]
			m, err := s.createMatch(ctx, tx, a, &n, &p.c, nil, "批量匹配建议")
			if err != nil {
				return err
			}
			ids[k] = m.ID
		}
		return nil
	})
	if err == nil {
		for k, p := range picks {
			outs[p.i].matchID = ids[k]
		}
		return outs
	}
	// Nothing of the batch was written: each need on its own, so that only
	// the ones that fail again fail.
	for _, p := range picks {
		n := *needs[p.i]
		err := s.store.InTx(ctx, func(tx flowcare.Tx) error {
			m, err := s.createMatch(ctx, tx, a, &n, &p.c, nil, "批量匹配建议")
			if err == nil {
				outs[p.i].matchID = m.ID
			}
			return err
		})
		if err != nil {
			outs[p.i] = outcome{err: err}
		}
	}
	return outs
}

// proposeBest ranks one need in full and proposes its best candidate that
// has no open match, in a transaction of its own.
func (s *Service) proposeBest(ctx context.Context, a *flowcare.Actor, n *flowcare.Need) (string, error) {
	cs, err := s.store.Children().ChildrenByIDs(ctx, []string{n.ChildID})
	if err != nil {
		return "", err
	}
	if len(cs) == 0 {
		return "", fmt.Errorf("need %s: child missing", n.ID)
	}
	nc := &needContext{need: n, child: cs[0]}
	ranked, err := s.rank(ctx, nc)
	if err != nil {
		return "", err
	}
	for i := range ranked {
		if ranked[i].OpenMatchID != nil {
			continue
		}
		var m *flowcare.Match
		err := s.store.InTx(ctx, func(tx flowcare.Tx) error {
			var err error
			m, err = s.createMatch(ctx, tx, a, n, &ranked[i], nil, "批量匹配建议")
			return err
		})
		if err != nil {
			return "", err
		}
		return m.ID, nil
	}
	return "", nil
}

func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
