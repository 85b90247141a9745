package matching

import (
	"context"
	"strings"
	"unicode/utf8"

	"flowcare/internal/flowcare"
)

// ChildProfile is what a provider learns of a child on an accepted match:
// enough to serve the child, nothing more. No ID number, address, hukou or
// case notes.
type ChildProfile struct {
	MatchID       string
	Name          string
	Gender        flowcare.Gender
	Age           int
	Languages     []string
	Disability    string
	CommunityName string
	NeedNote      string
	Windows       []flowcare.TimeWindow
	// GuardianRelation and GuardianPhone are the primary guardian's, for
	// arranging sessions.
	GuardianRelation string
	GuardianPhone    string
	// Basis is CONSENT or OVERRIDE: why the provider may see this.
	Basis string
}

// ChildProfile shows a provider the minimal profile of the child on a match
// it accepted, only while the guardian's consent to share with providers
// stands or civil-affairs staff recorded an override. Every read is audited
// on the child's file.
func (s *Service) ChildProfile(ctx context.Context, matchID string) (*ChildProfile, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	m, err := s.store.Matches().MatchByID(ctx, matchID)
	if err != nil {
		return nil, err
	}
	ok, err := s.provider(ctx, a, m)
	if err != nil {
		return nil, err
	}
	if !ok || m.Status == flowcare.MatchProposed {
		if canWatch(a, m.AreaPath) {
			return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "服务方资料只向接受匹配的提供方展示；工作人员请查看儿童档案")
		}
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
	}
	switch m.Status {
	case flowcare.MatchAccepted, flowcare.MatchInProgress:
	default:
		return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "只有已接受、服务中的匹配可以查看儿童资料")
	}
	consents, err := s.store.Children().ConsentsOf(ctx, []string{m.ChildID})
	if err != nil {
		return nil, err
	}
	basis := "CONSENT"
	if !flowcare.HasConsent(consents[m.ChildID], flowcare.ConsentShare) {
		if m.ConsentOverride == nil {
			return nil, flowcare.Errorf(flowcare.EFORBIDDEN, "监护人尚未同意向服务方提供儿童信息；请联系儿童主任登记同意")
		}
		basis = "OVERRIDE"
	}
	c, err := s.store.Children().ChildByID(ctx, m.ChildID)
	if err != nil {
		return nil, err
	}
	need, err := s.store.Care().NeedByID(ctx, m.NeedID)
	if err != nil {
		return nil, err
	}
	p := &ChildProfile{MatchID: m.ID, Name: c.Name, Gender: c.Gender, Age: flowcare.AgeOn(c.BirthDate, s.now().In(flowcare.Beijing)),
		Languages: c.Languages, Disability: c.Disability, NeedNote: need.Description, Windows: need.Windows, Basis: basis}
	if areas, err := s.store.Areas().AreasByIDs(ctx, []string{c.CommunityID}); err != nil {
		return nil, err
	} else if len(areas) > 0 {
		p.CommunityName = areas[0].Name
	}
	for _, g := range c.Guardians {
		if g.Primary {
			p.GuardianRelation, p.GuardianPhone = g.Relation, g.Phone
		}
	}
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "child.read", "child:"+c.ID,
			map[string]any{"parts": []string{"provider_profile"}, "match": m.ID, "basis": basis})
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// OverrideConsent lets civil-affairs staff share a child's minimal profile
// with the provider of one match without the guardian's consent, when the
// child's welfare needs it. The written reason is kept on the match and in
// the audit log.
func (s *Service) OverrideConsent(ctx context.Context, matchID, reason string) (*flowcare.Match, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	reason = strings.TrimSpace(reason)
	if utf8.RuneCountInString(reason) < 10 {
		return nil, flowcare.Invalid("reason", "请写明理由（至少 10 个字），说明为何未经监护人同意也需要共享")
	}
	if utf8.RuneCountInString(reason) > 500 {
		return nil, flowcare.Invalid("reason", "理由不能超过 500 个字符")
	}
	var m *flowcare.Match
	err = s.store.InTx(ctx, func(tx flowcare.Tx) error {
		if m, err = tx.Matches().LockMatch(ctx, matchID); err != nil {
			return err
		}
		if !CanOverrideConsent(a, m.AreaPath) {
			if canWatch(a, m.AreaPath) {
				return flowcare.Errorf(flowcare.EFORBIDDEN, "只有民政工作人员可以在未获同意时授权共享")
			}
			return flowcare.Errorf(flowcare.ENOTFOUND, "匹配记录不存在")
		}
		if !m.Status.Open() {
			return flowcare.Errorf(flowcare.ECONFLICT, "匹配已结束，无需授权共享")
		}
		if err := tx.Matches().SetConsentOverride(ctx, m.ID, reason); err != nil {
			return err
		}
		m.ConsentOverride = &reason
		return flowcare.RecordAudit(ctx, tx.Audit(), s.now(), a, "match.consent_override", "child:"+m.ChildID,
			map[string]any{"match": m.ID, "reason": reason})
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}
