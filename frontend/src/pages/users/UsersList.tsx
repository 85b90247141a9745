import { useState } from 'react';
import { Alert, Button, Card, Drawer, Flex, Input, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { UserFieldsFragment } from '../../gql/graphql';
import { errorMessage } from '../../graphql/errors';
import { formatTime, roleLabel } from '../../labels';
import UserStatus from './UserStatus';
import CreateUserForm from './CreateUserForm';

const UsersQuery = graphql(`
  query Users($first: Int!, $after: String, $search: String) {
    users(first: $first, after: $after, search: $search) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...UserFields
        }
      }
    }
  }
`);

const pageSize = 20;

export default function UsersList() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  // Cursor pagination: the `after` of every page visited so far, so "previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [creating, setCreating] = useState(false);
  const after = cursors[cursors.length - 1];
  const [{ data, fetching, error }] = useQuery({
    query: UsersQuery,
    variables: { first: pageSize, after, search: search || null },
  });
  const conn = data?.users;
  const rows = conn?.edges.map((e) => e.node) ?? [];

  const columns = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string, user: UserFieldsFragment) => <Link to={`/users/${user.id}`}>{username}</Link>,
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_: unknown, user: UserFieldsFragment) => (
        <Space size={[0, 4]} wrap>
          {[...new Set(user.grants.map((g) => g.role))].map((role) => (
            <Tag key={role} color="blue">
              {roleLabel(t, role)}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      render: (_: unknown, user: UserFieldsFragment) => <UserStatus user={user} />,
    },
    {
      title: t('users.lastSignIn'),
      dataIndex: 'lastSignInAt',
      render: (v: string | null) => formatTime(t, v),
      responsive: ['md' as const],
    },
  ];

  return (
    <Card
      title={t('users.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
          {t('users.create')}
        </Button>
      }
    >
      <Input.Search
        placeholder={t('users.searchPlaceholder')}
        allowClear
        enterButton={t('common.search')}
        onSearch={(value) => {
          setSearch(value.trim());
          setCursors([null]);
        }}
        style={{ maxWidth: 420, marginBottom: 16 }}
        data-testid="user-search"
      />
      {error ? <Alert type="error" showIcon message={errorMessage(error, t)} style={{ marginBottom: 16 }} /> : null}
      <Table<UserFieldsFragment>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={fetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('users.empty') }}
        onRow={(user) => ({ onDoubleClick: () => navigate(`/users/${user.id}`) })}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 16 }} wrap gap={8}>
        <Typography.Text type="secondary" data-testid="users-total">
          {conn ? t('common.total', { count: conn.totalCount }) : null}
        </Typography.Text>
        <Space>
          <Button disabled={cursors.length <= 1 || fetching} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {t('common.prevPage')}
          </Button>
          <Button
            disabled={!conn?.pageInfo.hasNextPage || fetching}
            onClick={() => {
              const next = conn?.pageInfo.endCursor;
              if (next) setCursors((c) => [...c, next]);
            }}
          >
            {t('common.nextPage')}
          </Button>
        </Space>
      </Flex>
      <Drawer
        title={t('users.createTitle')}
        open={creating}
        onClose={() => setCreating(false)}
        width={480}
        destroyOnHidden
        styles={{ wrapper: { maxWidth: '100vw' } }}
      >
        <CreateUserForm
          onCreated={(user) => {
            setCreating(false);
            navigate(`/users/${user.id}`);
          }}
        />
      </Drawer>
    </Card>
  );
}
