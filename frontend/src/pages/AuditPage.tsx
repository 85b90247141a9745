import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography } from 'antd';
import type { CombinedError } from 'urql';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { AuditEventsQuery as AuditEventsResult } from '../gql/graphql';
import { errorMessage } from '../graphql/errors';
import { auditActionLabel, formatTime, knownAuditActions } from '../labels';

const AuditEventsQuery = graphql(`
  query AuditEvents($first: Int!, $after: String, $action: String) {
    auditEvents(first: $first, after: $after, action: $action) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          actor
          action
          target
          ip
          userAgent
          detail
        }
      }
    }
  }
`);

type AuditEvent = AuditEventsResult['auditEvents']['edges'][number]['node'];

const pageSize = 50;

function prettyDetail(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [action, setAction] = useState<string | undefined>();
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [endCursor, setEndCursor] = useState<string | null>(null);
  const [hasNext, setHasNext] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CombinedError | undefined>();
  // Answers to a superseded filter must not land in the table.
  const requestId = useRef(0);

  const load = useCallback(
    async (after: string | null) => {
      const id = ++requestId.current;
      setLoading(true);
      const result = await client
        .query(AuditEventsQuery, { first: pageSize, after, action: action ?? null }, { requestPolicy: 'network-only' })
        .toPromise();
      if (id !== requestId.current) return;
      setLoading(false);
      setError(result.error);
      const conn = result.data?.auditEvents;
      if (!conn) return;
      const page = conn.edges.map((e) => e.node);
      setEvents((prev) => (after ? [...prev, ...page] : page));
      setEndCursor(conn.pageInfo.endCursor ?? null);
      setHasNext(conn.pageInfo.hasNextPage);
    },
    [client, action],
  );

  useEffect(() => {
    setEvents([]);
    void load(null);
  }, [load]);

  const columns = [
    { title: t('audit.time'), dataIndex: 'at', render: (v: string) => formatTime(t, v), width: 150 },
    {
      title: t('audit.actor'),
      dataIndex: 'actor',
      render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('audit.anonymous')}</Typography.Text>,
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      render: (v: string) => (
        <Tag color={v.endsWith('_failed') ? 'red' : 'blue'} title={v}>
          {auditActionLabel(t, i18n, v)}
        </Tag>
      ),
    },
    { title: t('audit.target'), dataIndex: 'target', render: (v: string | null) => v ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '—', responsive: ['sm' as const] },
  ];

  return (
    <Card
      title={t('audit.title')}
      extra={
        <Select
          allowClear
          value={action}
          onChange={setAction}
          placeholder={t('audit.allActions')}
          aria-label={t('audit.filterAction')}
          style={{ minWidth: 180 }}
          options={knownAuditActions.map((a) => ({ value: a, label: auditActionLabel(t, i18n, a) }))}
          data-testid="audit-action-filter"
        />
      }
    >
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 16 }} /> : null}
      <Table<AuditEvent>
        rowKey="id"
        columns={columns}
        dataSource={events}
        loading={loading && events.length === 0}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('audit.empty') }}
        expandable={{
          expandedRowRender: (event) => (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('audit.userAgent')}>{event.userAgent ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('audit.detail')}>
                <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{prettyDetail(event.detail)}</pre>
              </Descriptions.Item>
            </Descriptions>
          ),
        }}
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {hasNext ? (
          <Button loading={loading} onClick={() => void load(endCursor)} data-testid="audit-load-more">
            {t('common.loadMore')}
          </Button>
        ) : events.length > 0 ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
