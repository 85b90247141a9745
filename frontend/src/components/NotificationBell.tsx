import { useEffect, useMemo, useState } from 'react';
import { App, Badge, Button, Drawer, Empty, Flex, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery, useSubscription } from 'urql';
import type { NotificationFieldsFragment, Role } from '../gql/graphql';
import { useSession } from '../auth/session';
import { errorMessage } from '../graphql/errors';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationsReadMutation,
  NotificationAddedSubscription,
  NotificationsQuery,
} from '../graphql/matching';
import { formatTime } from '../labels';
import { hasAnyRole, matchWatchRoles, providerRoles } from '../nav';

// New notifications are pushed over the notificationAdded subscription; the
// occasional poll only catches up after the websocket was away.
export const pollSeconds = 120;

const latest = 10;

// Where a notification about a match leads: staff to the match, providers to their inbox.
export function notificationTarget(n: Pick<NotificationFieldsFragment, 'matchId'>, roles: readonly Role[]): string | null {
  if (!n.matchId) return null;
  if (hasAnyRole(roles, matchWatchRoles)) return `/matching/match/${n.matchId}`;
  if (hasAnyRole(roles, providerRoles)) return '/inbox';
  return null;
}

export default function NotificationBell({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [marking, setMarking] = useState(false);
  const context = useMemo(() => ({ additionalTypenames: ['Notification'] }), []);
  const [{ data, error }, refetch] = useQuery({ query: NotificationsQuery, variables: { unreadOnly: false, first: latest }, context });
  const [, markRead] = useMutation(MarkNotificationsReadMutation);
  const [, markAllRead] = useMutation(MarkAllNotificationsReadMutation);
  const [pushed] = useSubscription({ query: NotificationAddedSubscription });
  const pushedId = pushed.data?.notificationAdded.id;

  useEffect(() => {
    if (!pushedId) return;
    refetch({ requestPolicy: 'network-only' });
    const title = pushed.data?.notificationAdded.title;
    if (title) message.info(title);
    // Only a new notification's arrival matters, not other renders.
  }, [pushedId]);

  useEffect(() => {
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), pollSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [refetch]);

  const conn = data?.notifications;
  const unread = conn?.unread ?? 0;
  const items = conn?.edges.map((e) => e.node) ?? [];

  const mark = async (ids: string[]) => {
    if (ids.length === 0) return true;
    const r = await markRead({ ids });
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    refetch({ requestPolicy: 'network-only' });
    return true;
  };

  // "All" means every unread one, not only the ten shown.
  const markAll = async () => {
    setMarking(true);
    try {
      const r = await markAllRead({});
      if (r.error) {
        message.error(errorMessage(r.error, t));
        return;
      }
      refetch({ requestPolicy: 'network-only' });
      message.success(t('notifications.markedAll'));
    } finally {
      setMarking(false);
    }
  };

  const openItem = (n: NotificationFieldsFragment) => {
    if (!n.read) void mark([n.id]);
    const to = notificationTarget(n, roles);
    if (to) {
      setOpen(false);
      navigate(to);
    }
  };

  const content = (
    <div style={{ width: compact ? '100%' : 340 }} data-testid="notifications">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} loading={marking} onClick={() => void markAll()} data-testid="notifications-read-all">
          {t('notifications.markAll')}
        </Button>
      </Flex>
      {error && !data ? <Typography.Text type="danger">{errorMessage(error, t)}</Typography.Text> : null}
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List<NotificationFieldsFragment>
          size="small"
          dataSource={items}
          rowKey="id"
          style={{ maxHeight: 400, overflowY: 'auto' }}
          renderItem={(n) => (
            <List.Item
              onClick={() => openItem(n)}
              style={{ cursor: n.matchId ? 'pointer' : 'default', paddingInline: 4 }}
              data-testid="notification"
              data-read={n.read ? 'true' : 'false'}
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={6} align="center">
                  {n.read ? null : <Badge status="processing" />}
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                </Flex>
                {n.body ? <Typography.Text type="secondary">{n.body}</Typography.Text> : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(t, n.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  const setShown = (o: boolean) => {
    setOpen(o);
    if (o) refetch({ requestPolicy: 'network-only' });
  };

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count: unread })}
      data-testid="notification-bell"
      data-unread={unread}
      onClick={compact ? () => setShown(true) : undefined}
      icon={
        <Badge count={unread} size="small" offset={compact ? [2, -2] : [4, -4]} data-testid="notification-count">
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      }
    />
  );

  // A popover anchored to a bell near the screen's edge would run off a phone; there the list drops from the top.
  if (compact) {
    return (
      <>
        {bell}
        <Drawer placement="top" height="auto" open={open} onClose={() => setOpen(false)} closable={false} styles={{ body: { padding: 16 } }}>
          {content}
        </Drawer>
      </>
    );
  }
  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setShown} content={content} arrow={false}>
      {bell}
    </Popover>
  );
}
