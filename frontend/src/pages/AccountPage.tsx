import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../auth/session';
import GrantList from '../components/GrantList';
import { errorMessage } from '../graphql/errors';
import { formatTime } from '../labels';

const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const minPasswordLength = 10;

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [{ fetching }, changePassword] = useMutation(ChangePasswordMutation);

  const onFinish = async (values: PasswordValues) => {
    const result = await changePassword({
      input: { currentPassword: values.currentPassword, newPassword: values.newPassword },
    });
    if (result.error) {
      message.error(errorMessage(result.error, t));
      return;
    }
    form.resetFields();
    message.success(t('account.changed'));
  };

  return (
    <Form<PasswordValues> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} style={{ maxWidth: 420 }}>
      <Form.Item
        name="currentPassword"
        label={t('account.currentPassword')}
        rules={[{ required: true, message: t('account.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.newPassword')}
        rules={[
          { required: true, message: t('account.newRequired') },
          { min: minPasswordLength, message: t('account.tooShort') },
        ]}
        hasFeedback
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.confirmPassword')}
        dependencies={['newPassword']}
        hasFeedback
        rules={[
          { required: true, message: t('account.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={fetching}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!me) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card title={t('account.profile')}>
        <Descriptions column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('account.username')}>{me.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.displayName')}>{me.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('account.lastSignIn')}>{formatTime(t, me.lastSignInAt)}</Descriptions.Item>
          <Descriptions.Item label={t('account.createdAt')}>{formatTime(t, me.createdAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('account.myGrants')}>
        <GrantList grants={me.grants} empty={t('home.noGrants')} showGrantedAt />
      </Card>
      <Card title={t('account.changePassword')}>
        <ChangePasswordForm />
      </Card>
    </Space>
  );
}
