import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import VolunteerSignUpPage from './VolunteerSignUpPage';

vi.mock('../../auth/session', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../auth/session')>();
  return {
    ...actual,
    useSession: () => ({ me: null, roles: [], loading: false, retry: () => {}, reset: vi.fn() }),
  };
});

const userEvent = userEventLib.setup({ delay: null });

// Queries (areas, organisations) answer with empty lists; the mutation is recorded.
function renderPage(executeMutation = vi.fn()) {
  const executeQuery = vi.fn((operation) =>
    fromValue({
      operation,
      data: { areas: [], organisations: { __typename: 'OrganisationConnection', edges: [] } },
      stale: false,
      hasNext: false,
    }),
  );
  const client = { executeMutation, executeQuery } as unknown as Client;
  render(
    <AntApp>
      <Provider value={client}>
        <MemoryRouter initialEntries={['/volunteer/signup']}>
          <Routes>
            <Route path="/volunteer/signup" element={<VolunteerSignUpPage />} />
            <Route path="/volunteer" element={<div>profile page</div>} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </AntApp>,
  );
  return executeMutation;
}

const submit = () => userEvent.click(screen.getByTestId('sign-up-submit'));

describe('VolunteerSignUpPage', () => {
  it('says what is missing before calling the server', async () => {
    const executeMutation = renderPage();
    await submit();
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(screen.getByText('请输入姓名')).toBeInTheDocument();
    expect(screen.getByText('请输入手机号')).toBeInTheDocument();
    expect(screen.getByText('请至少选择一项特长')).toBeInTheDocument();
    expect(screen.getByText('请选择居住的街道（乡镇）')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('rejects a short password and a confirmation that does not match', async () => {
    const executeMutation = renderPage();
    await userEvent.type(screen.getByLabelText('密码'), 'short');
    await userEvent.type(screen.getByLabelText('确认密码'), 'different-password');
    await submit();
    expect(await screen.findByText('密码至少 10 个字符')).toBeInTheDocument();
    expect(await screen.findByText('两次输入的密码不一致')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('accepts a matching confirmation', async () => {
    renderPage();
    await userEvent.type(screen.getByLabelText('密码'), 'long-enough-password');
    await userEvent.type(screen.getByLabelText('确认密码'), 'long-enough-password');
    await submit();
    await screen.findByText('请输入用户名');
    expect(screen.queryByText('两次输入的密码不一致')).not.toBeInTheDocument();
    expect(screen.queryByText('密码至少 10 个字符')).not.toBeInTheDocument();
  });

  it('wants an 11-digit mobile number', async () => {
    const executeMutation = renderPage();
    const phone = screen.getByLabelText('手机号');
    for (const bad of ['1380013800', '23800138000']) {
      await userEvent.clear(phone);
      await userEvent.type(phone, bad);
      await submit();
      expect(await screen.findByText('请输入 11 位手机号')).toBeInTheDocument();
    }
    await userEvent.clear(phone);
    await userEvent.type(phone, '13800138000');
    await submit();
    await waitFor(() => expect(screen.queryByText('请输入 11 位手机号')).not.toBeInTheDocument());
    expect(executeMutation).not.toHaveBeenCalled();
  }, 40_000);

  it('rejects a username the server would refuse', async () => {
    renderPage();
    await userEvent.type(screen.getByLabelText('用户名'), 'Bad Name');
    await submit();
    expect(await screen.findAllByText('3–40 个字符：小写字母、数字、点、短横线或下划线')).not.toHaveLength(0);
  });
});
