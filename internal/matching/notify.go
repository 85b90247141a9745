package matching

import (
	"context"
	"slices"

	"flowcare/internal/flowcare"
)

// providerUsers are the people who answer for a match.
func (s *Service) providerUsers(ctx context.Context, tx flowcare.Tx, m *flowcare.Match) ([]string, error) {
	if m.ProviderVolunteerID != nil {
		vs, err := tx.Directory().VolunteersByIDs(ctx, []string{*m.ProviderVolunteerID})
		if err != nil || len(vs) == 0 {
			return nil, err
		}
		return []string{vs[0].UserID}, nil
	}
	return tx.Matches().OrgUsers(ctx, *m.ProviderOrgID, providerRoles)
}

// tellStaff notifies the staff member who made the match.
func (s *Service) tellStaff(ctx context.Context, tx flowcare.Tx, m *flowcare.Match, kind, title, body string) error {
	if m.CreatedBy == nil {
		return nil
	}
	return s.notify(ctx, tx, []string{*m.CreatedBy}, kind, title, body, m)
}

func (s *Service) notify(ctx context.Context, tx flowcare.Tx, users []string, kind, title, body string, m *flowcare.Match) error {
	slices.Sort(users)
	users = slices.Compact(users)
	ns := make([]flowcare.Notification, 0, len(users))
	for _, u := range users {
		n := flowcare.Notification{UserID: u, Kind: kind, Title: title, Body: body}
		if m != nil {
			id := m.ID
			n.MatchID = &id
		}
		ns = append(ns, n)
	}
	return tx.Matches().Notify(ctx, ns)
}

// NotificationList is one page of the inbox.
type NotificationList struct {
	Notifications []*flowcare.Notification
	Total         int
	Unread        int
	HasNext       bool
}

// Notifications lists the signed-in user's inbox, newest first.
func (s *Service) Notifications(ctx context.Context, unreadOnly bool, p flowcare.Page) (*NotificationList, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	ns, total, err := s.store.Matches().Notifications(ctx, a.UserID, unreadOnly, p)
	if err != nil {
		return nil, err
	}
	unread, err := s.store.Matches().UnreadCount(ctx, a.UserID)
	if err != nil {
		return nil, err
	}
	l := &NotificationList{Notifications: ns, Total: total, Unread: unread}
	if len(ns) > p.Limit() {
		l.Notifications, l.HasNext = ns[:p.Limit()], true
	}
	return l, nil
}

// Notification returns one of the signed-in user's notifications.
func (s *Service) Notification(ctx context.Context, id string) (*flowcare.Notification, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return nil, err
	}
	ns, err := s.store.Matches().NotificationsByIDs(ctx, []string{id})
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 || ns[0].UserID != a.UserID {
		return nil, flowcare.Errorf(flowcare.ENOTFOUND, "消息不存在")
	}
	return ns[0], nil
}

// MarkRead marks the signed-in user's notifications as read and returns the
// number still unread.
func (s *Service) MarkRead(ctx context.Context, ids []string) (int, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return 0, err
	}
	if len(ids) == 0 || len(ids) > flowcare.MaxPageSize {
		return 0, flowcare.Invalid("ids", "请选择 1 到 %d 条消息", flowcare.MaxPageSize)
	}
	if err := s.store.Matches().MarkRead(ctx, a.UserID, ids, s.now()); err != nil {
		return 0, err
	}
	return s.store.Matches().UnreadCount(ctx, a.UserID)
}

// MarkAllRead marks every notification of the signed-in user as read.
func (s *Service) MarkAllRead(ctx context.Context) (int, error) {
	a, err := flowcare.RequireActor(ctx)
	if err != nil {
		return 0, err
	}
	if err := s.store.Matches().MarkAllRead(ctx, a.UserID, s.now()); err != nil {
		return 0, err
	}
	return 0, nil
}
