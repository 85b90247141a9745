import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectSignedIn, signIn, useBrowser } from './helpers';
import { childIdByName } from './matchingHelpers';

// New requests reach a provider whose page is already open through the
// notificationAdded subscription: the bell changes within seconds, far
// sooner than its catch-up poll, and without a reload.

async function gql<T>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await page.request.post('/graphql', { data: { query, variables } });
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: T; errors?: { message: string }[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data;
}

describe('notifications', () => {
  const { newPage } = useBrowser();

  it('a request sent to a volunteer rings the open bell without a reload', async () => {
    const volunteer = await newPage();
    await signIn(volunteer, 'demo.volunteer');
    await expectSignedIn(volunteer);
    const bell = volunteer.locator('[data-testid=notification-bell]');
    await bell.waitFor();
    const before = Number(await bell.getAttribute('data-unread'));
    // The page's websocket subscribes once the bell is shown; give it a moment to register.
    await volunteer.waitForTimeout(1000);

    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    const childId = await childIdByName(director, '演示儿童甲');
    const { createNeed } = await gql<{ createNeed: { id: string } }>(
      director,
      `mutation($c: ID!, $d: String!) { createNeed(childId: $c, input: {category: READING_GUIDANCE, description: $d, urgency: LOW,
        windows: [{day: 6, start: 540, end: 720}], language: "普通话", place: NEAR_HOME}) { id } }`,
      { c: childId, d: `推送测试 ${Date.now().toString(36)}` },
    );
    const { matchCandidates } = await gql<{ matchCandidates: { candidates: { entity: string; id: string; title: string }[] } }>(
      director,
      'query($n: ID!) { matchCandidates(needId: $n) { candidates { entity id title } } }',
      { n: createNeed.id },
    );
    const lin = matchCandidates.candidates.find((c) => c.entity === 'VOLUNTEER' && c.title === '小林（演示）');
    expect(lin).toBeDefined();
    const sentAt = Date.now();
    await gql(director, 'mutation($n: ID!, $o: ID!) { proposeMatch(needId: $n, input: {entity: VOLUNTEER, offerId: $o, send: true}) { id } }', {
      n: createNeed.id,
      o: lin!.id,
    });

    await expect
      .poll(async () => Number(await bell.getAttribute('data-unread')), { timeout: 10_000, interval: 200 })
      .toBe(before + 1);
    // The poll runs every two minutes; only the push can have been this quick.
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    await volunteer.locator('.ant-message').filter({ hasText: '新的服务请求' }).waitFor();
  });
});
