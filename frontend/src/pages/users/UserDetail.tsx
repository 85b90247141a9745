import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Popconfirm, Result, Space, Spin } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UserFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { formatTime } from '../../labels';
import GrantList from '../../components/GrantList';
import GrantFields, { toGrantInput, type GrantValues } from '../../components/GrantFields';
import UserStatus from './UserStatus';

const UserQuery = graphql(`
  query User($id: ID!) {
    user(id: $id) {
      ...UserFields
    }
  }
`);

const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      ...GrantFields
    }
  }
`);

const RevokeRoleMutation = graphql(`
  mutation RevokeRole($grantId: ID!) {
    revokeRole(grantId: $grantId) {
      id
      revokedAt
    }
  }
`);

const SetUserDisabledMutation = graphql(`
  mutation SetUserDisabled($userId: ID!, $disabled: Boolean!) {
    setUserDisabled(userId: $userId, disabled: $disabled) {
      ...UserFields
    }
  }
`);

function GrantRoleForm({ userId, onGranted }: { userId: string; onGranted: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grant: GrantValues }>();
  const [{ fetching }, grantRole] = useMutation(GrantRoleMutation);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: { grant: GrantValues }) => {
    setFailure(null);
    const result = await grantRole({ input: { userId, grant: toGrantInput(values.grant) } });
    if (result.error) {
      setFailure(errorMessage(result.error, t));
      return;
    }
    form.resetFields();
    message.success(t('users.granted'));
    onGranted();
  };

  return (
    <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} style={{ maxWidth: 480 }}>
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <GrantFields name="grant" />
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('users.grantRole')}
      </Button>
    </Form>
  );
}

function DisableButton({ user }: { user: UserFieldsFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ fetching }, setDisabled] = useMutation(SetUserDisabledMutation);
  const disabling = !user.disabled;
  const onConfirm = async () => {
    const result = await setDisabled({ userId: user.id, disabled: disabling });
    if (result.error) message.error(errorMessage(result.error, t));
    else message.success(t(disabling ? 'users.disabledDone' : 'users.enabledDone'));
  };
  return (
    <Popconfirm
      title={t(disabling ? 'users.disableConfirm' : 'users.enableConfirm')}
      onConfirm={() => onConfirm()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: disabling }}
    >
      <Button danger={disabling} loading={fetching}>
        {t(disabling ? 'users.disable' : 'users.enable')}
      </Button>
    </Popconfirm>
  );
}

export default function UserDetail() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: UserQuery, variables: { id } });
  const [, revokeRole] = useMutation(RevokeRoleMutation);
  const user = data?.user;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const back = (
    <Link to="/users">
      <Button type="text" icon={<ArrowLeftOutlined />}>
        {t('common.back')}
      </Button>
    </Link>
  );

  if (fetching && !data) return <Spin />;
  if (error) return <Result status="error" title={errorMessage(error, t)} extra={back} />;
  if (!user) return <Result status="404" title={t('users.notFound')} extra={back} />;

  const revoke = async (grantId: string) => {
    const result = await revokeRole({ grantId });
    if (result.error) {
      message.error(errorMessage(result.error, t));
      return;
    }
    message.success(t('users.revoked'));
    reload();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={<Space>{back}{t('users.detailTitle')}</Space>} extra={<DisableButton user={user} />}>
        <Descriptions column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('users.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('users.status')}>
            <UserStatus user={user} />
          </Descriptions.Item>
          <Descriptions.Item label={t('users.lastSignIn')}>{formatTime(t, user.lastSignInAt)}</Descriptions.Item>
          <Descriptions.Item label={t('users.createdAt')}>{formatTime(t, user.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('users.grants')}>
        <GrantList
          grants={user.grants}
          empty={t('users.noGrants')}
          showGrantedAt
          actions={(grant) => [
            <Popconfirm
              key="revoke"
              title={t('users.revokeConfirm')}
              onConfirm={() => revoke(grant.id)}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
            >
              <Button type="link" danger>
                {t('users.revoke')}
              </Button>
            </Popconfirm>,
          ]}
        />
      </Card>
      <Card title={t('users.grantRole')}>
        <GrantRoleForm userId={user.id} onGranted={reload} />
      </Card>
    </Space>
  );
}
