import { useState } from 'react';
import { Alert, Button, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import type { ChildViewsQuery as ChildViewsResult } from '../../gql/graphql';
import { ChildViewsQuery } from '../../graphql/children';
import { errorMessage } from '../../graphql/errors';
import { filePartLabel, formatTime } from '../../labels';

type View = ChildViewsResult['childViews']['edges'][number]['node'] & { key: string };

const pageSize = 50;
const most = 200;

// Who read this child's file (civil-affairs staff and auditors only), newest
// first; more is loaded by asking for a longer first page, up to the API's limit.
export default function ViewsTab({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const [first, setFirst] = useState(pageSize);
  // Always ask again: the log grows with every read, including the one that opened this page.
  const [{ data, fetching, error }] = useQuery({
    query: ChildViewsQuery,
    variables: { childId, first },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.childViews;
  const views: View[] = (conn?.edges ?? []).map((e) => ({ ...e.node, key: e.cursor }));
  const more = !!conn?.pageInfo.hasNextPage;
  return (
    <>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<View>
        rowKey="key"
        size="small"
        dataSource={views}
        loading={fetching}
        pagination={views.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('childViews.empty') }}
        data-testid="child-views"
        footer={
          more
            ? () =>
                first < most ? (
                  <Button size="small" onClick={() => setFirst(Math.min(first + pageSize, most))} loading={fetching} data-testid="views-more">
                    {t('childViews.more')}
                  </Button>
                ) : (
                  t('childViews.limited', { count: most })
                )
            : undefined
        }
        columns={[
          { title: t('childViews.at'), dataIndex: 'at', render: (v: string) => formatTime(t, v) },
          { title: t('childViews.actor'), dataIndex: 'actor', render: (v: string | null) => <span data-testid="view-actor">{v ?? '—'}</span> },
          {
            title: t('childViews.parts'),
            key: 'parts',
            render: (_, v) => v.parts.map((p) => <Tag key={p}>{filePartLabel(t, p)}</Tag>),
          },
          { title: t('childViews.ip'), dataIndex: 'ip', render: (v: string | null) => v || '—' },
        ]}
      />
    </>
  );
}
