import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { App as AntApp } from 'antd';
import { Provider, type Client } from 'urql';
import { fromValue, never } from 'wonka';
import type { AreaLevel, MatchCandidatesQuery } from '../../gql/graphql';
import i18n from '../../i18n';
import NeedMatchingPage from './NeedMatchingPage';

type Result = MatchCandidatesQuery['matchCandidates'];

const candidate = (id: string, title: string, km: number): Result['candidates'][number] => ({
  entity: 'VOLUNTEER',
  id,
  title,
  organisationId: null,
  organisationName: null,
  startsAt: null,
  endsAt: null,
  distanceKm: km < 0 ? null : km,
  languages: [],
  seatsLeft: null,
  score: 50,
  openMatchId: null,
  factors: [
    // A negative distance is the server's "no place to measure from".
    { factor: 'DISTANCE', value: km, points: km < 0 ? 0 : 30, max: 40 },
    { factor: 'LANGUAGE', value: 1, points: 10, max: 10 },
  ],
});

function result(distanceFrom: AreaLevel): Result {
  return {
    maxKm: 5,
    distanceFrom,
    need: {
      id: 'need-1',
      category: 'READING_GUIDANCE',
      description: '每周一次阅读陪伴（演示）',
      urgency: 'MEDIUM',
      language: '',
      place: 'NEAR_HOME',
      status: 'OPEN',
      createdAt: '2026-01-05T08:00:00Z',
      updatedAt: '2026-01-05T08:00:00Z',
      matches: [],
      windows: [],
      history: [],
    },
    candidates: [candidate('v1', '示例志愿者甲（演示）', 1.2), candidate('v2', '示例志愿者乙（演示）', -1)],
  };
}

function renderPage(distanceFrom: AreaLevel) {
  const executeQuery = vi.fn((operation) => fromValue({ operation, data: { matchCandidates: result(distanceFrom) }, stale: false, hasNext: false }));
  const client = { executeQuery, executeMutation: () => never } as unknown as Client;
  render(
    <AntApp>
      <Provider value={client}>
        <MemoryRouter initialEntries={['/matching/need/need-1']}>
          <Routes>
            <Route path="/matching/need/:needId" element={<NeedMatchingPage />} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </AntApp>,
  );
}

const candidateCard = (title: string) => screen.getAllByTestId('candidate').find((c) => c.dataset.title === title)!;

describe('NeedMatchingPage distance notes', () => {
  it.each([
    ['STREET', '距离按街道中心估算'],
    ['DISTRICT', '距离按区中心估算'],
    ['CITY', '距离按全市中心估算'],
  ] as const)('says distances from %s are estimates, by the limit and on each measured distance', async (level, note) => {
    renderPage(level);
    expect(await screen.findByTestId('distance-note')).toHaveTextContent(note);
    expect(screen.getByTestId('distance-limit')).toHaveTextContent('距离上限 5 公里');

    const measured = candidateCard('示例志愿者甲（演示）');
    const line = within(measured).getAllByTestId('factor').find((f) => f.dataset.factor === 'DISTANCE')!;
    expect(within(line).getByTestId('factor-distance-note')).toHaveTextContent(`（${note}）`);
    // The factor's own text stays as it was, for whoever reads it alone.
    expect(within(line).getByTestId('factor-text').textContent).toBe('距离 1.2 公里：+30 / 40');
    expect(within(measured).getAllByTestId('factor-distance-note')).toHaveLength(1);

    // Nothing was measured for the candidate without a place, so there is nothing to qualify.
    expect(within(candidateCard('示例志愿者乙（演示）')).queryByTestId('factor-distance-note')).not.toBeInTheDocument();
  });

  it('says nothing when the child’s community has its own point', async () => {
    renderPage('COMMUNITY');
    await screen.findAllByTestId('candidate');
    expect(screen.getByTestId('distance-limit')).toHaveTextContent('距离上限 5 公里');
    expect(screen.queryByTestId('distance-note')).not.toBeInTheDocument();
    expect(screen.queryAllByTestId('factor-distance-note')).toHaveLength(0);
  });

  it('has the notes in English too', async () => {
    await i18n.changeLanguage('en');
    renderPage('STREET');
    expect(await screen.findByTestId('distance-note')).toHaveTextContent("Distance estimated from the street's centre");
  });
});
