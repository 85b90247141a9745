import { useState } from 'react';
import { Alert, App, Button, Divider, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { graphql } from '../../gql';
import { errorMessage } from '../../graphql/errors';
import GrantFields, { toGrantInput, type GrantValues } from '../../components/GrantFields';

const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

// Mirrors the server's rule so most mistakes are caught before a round trip.
export const usernamePattern = /^[a-z0-9._-]{3,40}$/;

interface Values {
  username: string;
  displayName: string;
  password: string;
  grant: GrantValues;
}

export default function CreateUserForm({ onCreated }: { onCreated: (user: { id: string }) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ fetching }, createUser] = useMutation(CreateUserMutation);
  const [failure, setFailure] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setFailure(null);
    const result = await createUser({
      input: {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        grant: toGrantInput(values.grant),
      },
    });
    if (result.error || !result.data) {
      setFailure(result.error ? errorMessage(result.error, t) : t('error.unknown'));
      return;
    }
    message.success(t('users.created', { username: result.data.createUser.username }));
    onCreated(result.data.createUser);
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} data-testid="create-user-form">
      {failure ? <Alert type="error" showIcon message={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={t('users.usernameFormat')}
        rules={[
          { required: true, message: t('users.usernameRequired') },
          { pattern: usernamePattern, message: t('users.usernameFormat') },
        ]}
      >
        <Input autoComplete="off" autoCapitalize="none" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.initialPassword')}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          { min: 10, message: t('users.passwordTooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Divider orientation="left" plain>
        {t('users.firstGrant')}
      </Divider>
      <GrantFields name="grant" />
      <Button type="primary" htmlType="submit" loading={fetching} block>
        {t('common.submit')}
      </Button>
    </Form>
  );
}
