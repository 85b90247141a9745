import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { Provider, CombinedError, type Client } from 'urql';
import { fromValue } from 'wonka';
import { GraphQLError } from 'graphql';
import type { AreaFieldsFragment } from '../gql/graphql';
import AreasPage from './AreasPage';

vi.mock('../auth/session', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../auth/session')>();
  return {
    ...actual,
    useSession: () => ({ me: null, roles: ['CIVIL_AFFAIRS'], loading: false, retry: () => {}, reset: vi.fn() }),
  };
});

const userEvent = userEventLib.setup({ delay: null });

const area = (id: string, name: string, level: AreaFieldsFragment['level'], more: Partial<AreaFieldsFragment> = {}): AreaFieldsFragment => ({
  __typename: 'Area',
  id,
  name,
  nameEn: null,
  level,
  latitude: null,
  longitude: null,
  canSetPoint: true,
  ...more,
} as AreaFieldsFragment);

const city = area('110000', '北京市', 'CITY', { latitude: 39.9042, longitude: 116.4074 });
// The viewer is civil affairs for 朝阳区 and 海淀区 only: 东城区 is theirs to read, not to move.
const districts = [
  area('110101', '东城区', 'DISTRICT', { canSetPoint: false }),
  area('110105', '朝阳区', 'DISTRICT'),
  area('110108', '海淀区', 'DISTRICT', { latitude: 39.959912, longitude: 116.298056 }),
].map((d) => ({ ...d, parent: city }));

type Answer = { data?: unknown; error?: CombinedError };

function renderPage(setPoint: (variables: Record<string, unknown>) => Answer = () => ({ error: new CombinedError({ networkError: new Error('unexpected') }) })) {
  const executeMutation = vi.fn((operation) => fromValue({ operation, ...setPoint(operation.variables), stale: false, hasNext: false }));
  const query = vi.fn((_doc: unknown, variables: { parentId: string | null }) => ({
    toPromise: () => Promise.resolve(variables.parentId == null ? { data: { areas: districts } } : { data: { areas: [] } }),
  }));
  const client = { executeMutation, query } as unknown as Client;
  render(
    <AntApp>
      <Provider value={client}>
        <MemoryRouter>
          <AreasPage />
        </MemoryRouter>
      </Provider>
    </AntApp>,
  );
  return executeMutation;
}

async function select(name: string) {
  await userEvent.click(await screen.findByText(name, { selector: '[data-testid=area-node-name]' }));
  return screen.findByTestId('area-details');
}

// The message under a field is re-rendered as validation runs on each
// keystroke, so wait for its text instead of holding on to one node.
const shown = (scope: HTMLElement, text: string) => waitFor(() => expect(within(scope).getByText(text)).toBeInTheDocument());

const saved = (id: string, name: string, latitude: number | null, longitude: number | null) => ({
  data: { setAreaPoint: { ...area(id, name, 'DISTRICT', { latitude, longitude }) } },
});

describe('AreasPage', () => {
  it('shows an area without a point, and no form to someone who may not set it', async () => {
    const executeMutation = renderPage();
    const details = await select('东城区');
    expect(details).toHaveTextContent('110101');
    expect(details).toHaveTextContent('区');
    expect(within(details).getByTestId('area-point')).toHaveTextContent('未设置位置，距离按上级区域估算');
    expect(within(details).queryByTestId('area-point-form')).not.toBeInTheDocument();
    expect(within(details).queryByLabelText('纬度')).not.toBeInTheDocument();
    expect(within(details).queryByRole('button', { name: /保存位置/ })).not.toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('asks for both coordinates before asking the server', async () => {
    const executeMutation = renderPage();
    const details = await select('朝阳区');
    await userEvent.click(within(details).getByRole('button', { name: /保存位置/ }));
    await shown(details, '请输入纬度');
    await shown(details, '请输入经度');
    expect(executeMutation).not.toHaveBeenCalled();
  }, 40_000);

  it('holds the point to Beijing before asking the server', async () => {
    const executeMutation = renderPage();
    const details = await select('朝阳区');
    await userEvent.type(within(details).getByLabelText('纬度'), '38.5');
    await userEvent.type(within(details).getByLabelText('经度'), '118');
    await userEvent.click(within(details).getByRole('button', { name: /保存位置/ }));
    await shown(details, '纬度须在 39.4 至 41.1 之间（北京市范围）');
    await shown(details, '经度须在 115.4 至 117.6 之间（北京市范围）');
    expect(executeMutation).not.toHaveBeenCalled();
  }, 40_000);

  it('catches latitude and longitude typed the wrong way round', async () => {
    const executeMutation = renderPage();
    const details = await select('朝阳区');
    await userEvent.type(within(details).getByLabelText('纬度'), '116.44');
    await userEvent.type(within(details).getByLabelText('经度'), '39.92');
    await userEvent.click(within(details).getByRole('button', { name: /保存位置/ }));
    await shown(details, '纬度须在 39.4 至 41.1 之间（北京市范围）');
    await shown(details, '经度须在 115.4 至 117.6 之间（北京市范围）');
    expect(executeMutation).not.toHaveBeenCalled();
  }, 40_000);

  it('saves a point and shows it in the details and the tree', async () => {
    const executeMutation = renderPage((v) => saved('110105', '朝阳区', v.latitude as number, v.longitude as number));
    const details = await select('朝阳区');
    expect(screen.queryAllByTestId('area-node-point')).toHaveLength(2); // the city and 海淀区
    await userEvent.type(within(details).getByLabelText('纬度'), '39.921506');
    await userEvent.type(within(details).getByLabelText('经度'), '116.443205');
    await userEvent.click(within(details).getByRole('button', { name: /保存位置/ }));
    expect(await screen.findByText('位置已保存')).toBeInTheDocument();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(executeMutation.mock.calls[0][0].variables).toEqual({ areaId: '110105', latitude: 39.921506, longitude: 116.443205 });
    await waitFor(() => expect(within(screen.getByTestId('area-details')).getByTestId('area-point')).toHaveTextContent('39.921506, 116.443205'));
    expect(screen.queryAllByTestId('area-node-point')).toHaveLength(3);
  }, 40_000);

  it('shows the server’s message when it refuses', async () => {
    renderPage(() => ({
      error: new CombinedError({
        graphQLErrors: [new GraphQLError('只有平台管理员或本区域的民政工作人员可以设置区域位置', { extensions: { code: 'FORBIDDEN' } })],
      }),
    }));
    const details = await select('朝阳区');
    await userEvent.type(within(details).getByLabelText('纬度'), '39.92');
    await userEvent.type(within(details).getByLabelText('经度'), '116.44');
    await userEvent.click(within(details).getByRole('button', { name: /保存位置/ }));
    expect(await within(details).findByRole('alert')).toHaveTextContent('只有平台管理员或本区域的民政工作人员可以设置区域位置');
    expect(within(details).getByTestId('area-point')).toHaveTextContent('未设置位置');
  }, 40_000);

  it('clears a point only after confirming, and never the city’s', async () => {
    const executeMutation = renderPage(() => saved('110108', '海淀区', null, null));
    const cityDetails = await select('北京市');
    expect(within(cityDetails).getByTestId('area-point')).toHaveTextContent('39.904200, 116.407400');
    expect(within(cityDetails).getByRole('button', { name: /保存位置/ })).toBeInTheDocument();
    expect(within(cityDetails).queryByTestId('area-point-clear')).not.toBeInTheDocument();

    const details = await select('海淀区');
    expect(within(details).getByLabelText('纬度')).toHaveValue('39.959912');
    await userEvent.click(within(details).getByTestId('area-point-clear'));
    expect(await screen.findByText('清除此区域的位置？')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('area-point-clear-ok'));
    expect(await screen.findByText('位置已清除')).toBeInTheDocument();
    expect(executeMutation.mock.calls[0][0].variables).toEqual({ areaId: '110108', latitude: null, longitude: null });
    await waitFor(() => expect(within(screen.getByTestId('area-details')).getByTestId('area-point')).toHaveTextContent('未设置位置，距离按上级区域估算'));
    expect(within(screen.getByTestId('area-details')).queryByTestId('area-point-clear')).not.toBeInTheDocument();
  }, 40_000);
});
