import { Alert, App, Button, Empty, Flex, Popconfirm, Table, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import type { PendingDeliveriesQuery as PendingResult } from '../../gql/graphql';
import NoteConfirm from '../../components/NoteConfirm';
import { errorMessage } from '../../graphql/errors';
import { PendingDeliveriesQuery, VerifyDeliveryMutation } from '../../graphql/funding';
import { formatSpan } from '../../labels';
import { fundingChange, pendingContext } from './FundingParts';

type Row = PendingResult['pendingDeliveries'][number];

function RowActions({ row }: { row: Row }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, verify] = useMutation(VerifyDeliveryMutation);
  const run = async (accept: boolean, reason: string) => {
    const r = await verify({ sessionId: row.sessionId, accept, reason: reason || null }, fundingChange);
    if (r.error) {
      message.error(errorMessage(r.error, t));
      return false;
    }
    message.success(accept ? t('purchase.verified') : t('purchase.returned'));
    return true;
  };
  return (
    <Flex gap={8} wrap>
      <Popconfirm
        title={t('purchase.verifyConfirm')}
        okText={t('purchase.verify')}
        cancelText={t('common.cancel')}
        onConfirm={() => run(true, '')}
        okButtonProps={{ 'data-testid': 'verify-delivery-ok' }}
      >
        <Button type="primary" size="small" icon={<CheckOutlined />} loading={fetching} data-testid="verify-delivery">
          {t('purchase.verify')}
        </Button>
      </Popconfirm>
      <NoteConfirm
        title={t('purchase.returnTitle')}
        description={t('purchase.returnHint')}
        placeholder={t('purchase.returnReason')}
        okText={t('purchase.return')}
        danger
        onConfirm={(reason) => run(false, reason)}
        testId="return-delivery"
      >
        <Button size="small" danger icon={<RollbackOutlined />} data-testid="return-delivery">
          {t('purchase.return')}
        </Button>
      </NoteConfirm>
    </Flex>
  );
}

// Delivered sessions of authorised matches: civil affairs accept each as
// billable or return it with a reason. Only verified sessions can be invoiced.
export default function VerifyTab() {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: PendingDeliveriesQuery, context: pendingContext, requestPolicy: 'cache-and-network' });
  const rows = data?.pendingDeliveries ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('purchase.verifyHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 12 }} role="alert" /> : null}
      <Table<Row>
        rowKey="sessionId"
        dataSource={rows}
        loading={fetching && !data}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('purchase.noPending')} data-testid="pending-empty" /> }}
        data-testid="pending-deliveries"
        columns={[
          {
            title: t('purchase.contract'),
            key: 'contract',
            render: (_, r) => <Link to={`/funding/contract/${r.contractId}`}>{r.contractTitle}</Link>,
          },
          { title: t('purchase.organisation'), key: 'organisation', render: (_, r) => r.organisation.name },
          { title: t('purchase.service'), dataIndex: 'title', key: 'title' },
          { title: t('purchase.sessionTime'), key: 'time', render: (_, r) => formatSpan(r.startsAt, r.endsAt) },
          { title: t('purchase.minutes'), key: 'minutes', align: 'right', render: (_, r) => t('hours.minutes', { minutes: r.minutes }) },
          { title: t('common.actions'), key: 'actions', render: (_, r) => <RowActions row={r} /> },
        ]}
      />
    </>
  );
}
