import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { Provider, CombinedError, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import { GraphQLError } from 'graphql';
import SignInPage from './SignInPage';

// Signed out, and no real client: the page's mutation goes to the fake client below.
vi.mock('../auth/session', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../auth/session')>();
  return {
    ...actual,
    useSession: () => ({ me: null, roles: [], loading: false, retry: () => {}, reset: vi.fn() }),
  };
});

const userEvent = userEventLib.setup({ delay: null });

function renderPage(executeMutation: Client['executeMutation']) {
  const client = { executeMutation, executeQuery: () => never } as unknown as Client;
  return render(
    <AntApp>
      <Provider value={client}>
        <MemoryRouter initialEntries={['/signin']}>
          <Routes>
            <Route path="/signin" element={<SignInPage />} />
            <Route path="/" element={<div>home page</div>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </AntApp>,
  );
}

describe('SignInPage', () => {
  it('asks for username and password before calling the server', async () => {
    const executeMutation = vi.fn();
    renderPage(executeMutation);
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('treats a blank username as missing', async () => {
    const executeMutation = vi.fn();
    renderPage(executeMutation);
    await userEvent.type(screen.getByLabelText('用户名'), '   ');
    await userEvent.type(screen.getByLabelText('密码'), 'secret-password');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('shows the server message for a wrong password', async () => {
    const executeMutation = vi.fn((operation) =>
      fromValue({
        operation,
        data: undefined,
        error: new CombinedError({
          graphQLErrors: [new GraphQLError('用户名或密码不正确', { extensions: { code: 'UNAUTHENTICATED' } })],
        }),
        stale: false,
        hasNext: false,
      }),
    );
    renderPage(executeMutation as unknown as Client['executeMutation']);
    await userEvent.type(screen.getByLabelText('用户名'), 'demo.admin');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-password');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码不正确');
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0][0].variables).toEqual({
      input: { username: 'demo.admin', password: 'wrong-password' },
    });
  });

  it('goes home after signing in', async () => {
    const executeMutation = vi.fn((operation) =>
      fromValue({
        operation,
        data: { signIn: { __typename: 'SignInPayload', user: { __typename: 'User', id: '1' }, expiresAt: '2030-01-01T00:00:00Z' } },
        stale: false,
        hasNext: false,
      }),
    );
    renderPage(executeMutation as unknown as Client['executeMutation']);
    await userEvent.type(screen.getByLabelText('用户名'), ' demo.admin ');
    await userEvent.type(screen.getByLabelText('密码'), 'flowcare-demo');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByText('home page')).toBeInTheDocument());
    expect(executeMutation.mock.calls[0][0].variables.input.username).toBe('demo.admin');
  });
});
