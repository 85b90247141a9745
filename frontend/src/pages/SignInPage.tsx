import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../auth/session';
import { errorMessage } from '../graphql/errors';
import LanguageSwitch from '../components/LanguageSwitch';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
      }
      expiresAt
    }
  }
`);

interface Values {
  username: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useTranslation();
  const { me, reset } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [{ fetching }, signIn] = useMutation(SignInMutation);
  const [failure, setFailure] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me) return <Navigate to={from} replace />;

  const onFinish = async (values: Values) => {
    setFailure(null);
    const result = await signIn({ input: { username: values.username.trim(), password: values.password } });
    if (result.error || !result.data) {
      setFailure(result.error ? errorMessage(result.error, t) : t('error.unknown'));
      return;
    }
    reset();
    navigate(from, { replace: true });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('signIn.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </Flex>
        {failure ? (
          <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" data-testid="sign-in-error" />
        ) : null}
        <Form<Values> layout="vertical" onFinish={(v) => void onFinish(v)} requiredMark={false} disabled={fetching}>
          <Form.Item
            name="username"
            label={t('signIn.username')}
            rules={[{ required: true, whitespace: true, message: t('signIn.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[{ required: true, message: t('signIn.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={fetching}>
            {t('signIn.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('signIn.volunteerPrompt')}{' '}
          <Link to="/volunteer/signup" data-testid="volunteer-signup-link">
            {t('signIn.becomeVolunteer')}
          </Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
