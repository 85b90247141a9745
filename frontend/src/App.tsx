import { Suspense, lazy, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ApiProvider, useSession } from './auth/session';
import { canSee, navItems, type NavItem } from './nav';
import AppShell from './layout/AppShell';
import ErrorBoundary from './components/ErrorBoundary';
import { Forbidden, NotFound, PageLoading } from './components/StatusPages';
import { errorMessage } from './graphql/errors';

const SignInPage = lazy(() => import('./pages/SignInPage'));
const VolunteerSignUpPage = lazy(() => import('./pages/volunteer/VolunteerSignUpPage'));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, loading, error, retry } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!me && error) {
    return (
      <Result
        status="warning"
        title={errorMessage(error, t)}
        extra={
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!me) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

// A page for visitors who are not signed in; waits for the session check so a
// signed-in visitor can be sent on.
function PublicPage() {
  const { loading } = useSession();
  if (loading) return <PageLoading />;
  return <VolunteerSignUpPage />;
}

function Guarded({ item }: { item: NavItem }) {
  const { roles } = useSession();
  if (!canSee(item, roles)) return <Forbidden />;
  const Page = item.page;
  return <Page />;
}

function Themed({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <Themed>
      <ErrorBoundary>
        <BrowserRouter>
          <ApiProvider>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/signin" element={<SignInPage />} />
                {/* Public: anyone may sign up as a volunteer. */}
                <Route path="/volunteer/signup" element={<PublicPage />} />
                <Route
                  element={
                    <RequireSignIn>
                      <AppShell />
                    </RequireSignIn>
                  }
                >
                  {navItems.map((item) =>
                    item.path === '/' ? (
                      <Route key={item.key} index element={<Guarded item={item} />} />
                    ) : (
                      <Route key={item.key} path={`${item.path}/*`} element={<Guarded item={item} />} />
                    ),
                  )}
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </ApiProvider>
        </BrowserRouter>
      </ErrorBoundary>
    </Themed>
  );
}
