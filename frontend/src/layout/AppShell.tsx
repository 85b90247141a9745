import { Suspense, useMemo, useState } from 'react';
import { App, Button, Drawer, Grid, Layout, Menu, Space, Typography, theme } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../auth/session';
import { itemForPath, navFor } from '../nav';
import LanguageSwitch from '../components/LanguageSwitch';
import NotificationBell from '../components/NotificationBell';
import ErrorBoundary from '../components/ErrorBoundary';
import { PageLoading } from '../components/StatusPages';
import { errorMessage } from '../graphql/errors';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export default function AppShell() {
  const { t } = useTranslation();
  const { me, roles, reset } = useSession();
  const screens = Grid.useBreakpoint();
  // Before the first measurement useBreakpoint is empty; treat that as desktop to avoid a flash of the drawer layout.
  const isPhone = screens.md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const [signOutState, signOut] = useMutation(SignOutMutation);

  const items = useMemo(
    () =>
      navFor(roles).map((item) => ({
        key: item.key,
        icon: createElement(item.icon),
        label: <span data-nav-key={item.key}>{t(item.label)}</span>,
      })),
    [roles, t],
  );
  const selected = itemForPath(location.pathname)?.key;

  const go = ({ key }: { key: string }) => {
    const item = navFor(roles).find((i) => i.key === key);
    if (item) navigate(item.path);
    setDrawerOpen(false);
  };

  const onSignOut = async () => {
    const result = await signOut({});
    if (result.error) {
      message.error(errorMessage(result.error, t));
      return;
    }
    reset();
    navigate('/signin', { replace: true });
  };

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={go}
      style={{ borderInlineEnd: 'none' }}
      data-testid="nav-menu"
    />
  );

  const brand = (
    <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
      {isPhone || collapsed ? t('app.shortName') : t('app.name')}
    </Typography.Text>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          width={260}
          title={t('app.shortName')}
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
      ) : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          width={220}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <div style={{ padding: '16px 16px 8px', overflow: 'hidden', textAlign: collapsed ? 'center' : 'left' }}>
            <img src="/favicon.svg" alt="" width={24} height={24} style={{ verticalAlign: 'middle', marginInlineEnd: collapsed ? 0 : 8 }} />
            {collapsed ? null : brand}
          </div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: isPhone ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {isPhone ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                data-testid="nav-toggle"
                onClick={() => setDrawerOpen(true)}
              />
              {brand}
            </>
          ) : null}
          <div style={{ flex: 1 }} />
          <Space size={isPhone ? 0 : 'small'}>
            {isPhone ? null : (
              <Typography.Text data-testid="current-user" title={t('shell.signedInAs', { name: me?.displayName })}>
                {me?.displayName}
              </Typography.Text>
            )}
            <NotificationBell compact={isPhone} />
            <LanguageSwitch compact={isPhone} />
            <Button
              type="text"
              icon={<LogoutOutlined />}
              loading={signOutState.fetching}
              onClick={() => void onSignOut()}
              aria-label={t('shell.signOut')}
              data-testid="sign-out"
            >
              {isPhone ? null : t('shell.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: isPhone ? 12 : 24 }}>
          <ErrorBoundary key={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
