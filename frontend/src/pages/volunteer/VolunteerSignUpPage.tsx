import { useState } from 'react';
import { Alert, Button, Card, Divider, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { AreaChildrenQuery } from '../../graphql/areas';
import { useSession } from '../../auth/session';
import { errorMessage } from '../../graphql/errors';
import LanguageSwitch from '../../components/LanguageSwitch';
import { usernamePattern } from '../users/CreateUserForm';
import { minPasswordLength } from '../AccountPage';
import VolunteerProfileFields, { toProfileInput, type ProfileValues } from './VolunteerProfileFields';

const SignUpVolunteerMutation = graphql(`
  mutation SignUpVolunteer($input: VolunteerSignUpInput!) {
    signUpVolunteer(input: $input) {
      user {
        id
      }
      expiresAt
    }
  }
`);

interface Values extends ProfileValues {
  username: string;
  password: string;
  confirmPassword: string;
}

export default function VolunteerSignUpPage() {
  const { t } = useTranslation();
  const { me, roles, reset } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const [{ fetching }, signUp] = useMutation(SignUpVolunteerMutation);
  // The same request the home-street picker makes: if the place list cannot be
  // read, say so instead of leaving an empty picker.
  const [areas] = useQuery({ query: AreaChildrenQuery, variables: {} });

  if (me) return <Navigate to={roles.includes('VOLUNTEER') ? '/volunteer' : '/'} replace />;

  const onFinish = async (v: Values) => {
    setFailure(null);
    const result = await signUp({
      input: { username: v.username.trim(), password: v.password, profile: toProfileInput(v) },
    });
    if (result.error || !result.data) {
      setFailure(result.error ? errorMessage(result.error, t) : t('error.unknown'));
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    reset();
    navigate('/volunteer', { replace: true });
  };

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 12, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 520 }} styles={{ body: { padding: 16 } }}>
        <Flex justify="space-between" align="start" gap={8}>
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('signUp.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('signUp.subtitle')}</Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </Flex>
        {areas.error ? (
          <Alert
            type="warning"
            showIcon
            message={t('signUp.areasUnavailable')}
            description={errorMessage(areas.error, t)}
            style={{ marginBottom: 16 }}
            data-testid="sign-up-areas-error"
          />
        ) : null}
        {failure ? (
          <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" data-testid="sign-up-error" />
        ) : null}
        <Form<Values>
          layout="vertical"
          onFinish={(v) => void onFinish(v)}
          disabled={fetching}
          initialValues={{ hoursPerMonth: 8, languages: ['普通话'], availability: [] }}
          scrollToFirstError
          data-testid="sign-up-form"
        >
          <Divider orientation="left" plain style={{ marginTop: 0 }}>
            {t('signUp.account')}
          </Divider>
          <Form.Item
            name="username"
            label={t('signIn.username')}
            extra={t('users.usernameFormat')}
            rules={[
              { required: true, message: t('signIn.usernameRequired') },
              { pattern: usernamePattern, message: t('users.usernameFormat') },
            ]}
          >
            <Input autoComplete="username" autoCapitalize="none" size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signIn.password')}
            rules={[
              { required: true, message: t('signIn.passwordRequired') },
              { min: minPasswordLength, message: t('account.tooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('signUp.confirmPassword')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('signUp.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue('password') === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('signUp.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" size="large" />
          </Form.Item>
          <Divider orientation="left" plain>
            {t('signUp.profile')}
          </Divider>
          <VolunteerProfileFields />
          <Alert type="info" showIcon message={t('signUp.vettingNotice')} style={{ marginBottom: 16 }} />
          <Button type="primary" htmlType="submit" block size="large" loading={fetching} data-testid="sign-up-submit">
            {t('signUp.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('signUp.haveAccount')} <Link to="/signin">{t('signIn.submit')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
