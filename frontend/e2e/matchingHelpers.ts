import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { fillDate, ymd } from './childHelpers';

// Matching and the closed loop, shared by the browser tests. The seeded
// children keep their needs between tests, so each test raises its own.

// The id of a seeded child the signed-in user may read, by name, through the API
// the page itself uses (the session cookie goes with the request).
export async function childIdByName(page: Page, name: string): Promise<string> {
  let after: string | null = null;
  for (let i = 0; i < 20; i++) {
    const res = await page.request.post('/graphql', {
      data: {
        query: 'query($after: String) { children(first: 100, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }',
        variables: { after },
      },
    });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      data: { children: { edges: { node: { id: string; name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    };
    const found = body.data.children.edges.find((e) => e.node.name === name);
    if (found) return found.node.id;
    if (!body.data.children.pageInfo.hasNextPage) break;
    after = body.data.children.pageInfo.endCursor;
  }
  throw new Error(`child ${name} is not in the signed-in user's area`);
}

export interface NeedDraft {
  // Shown in the needs table; fresh each run so the row can be found.
  description: string;
  // Option title of the category, e.g. 阅读指导.
  category: string;
  // Radio label of the place, e.g. 住所附近.
  place: string;
  language: string;
  // One weekly window: day label (周六) and HH:mm times.
  window: { day: string; start: string; end: string };
}

// Raises a need on the open child's file and returns its row in the needs table.
export async function raiseNeed(page: Page, need: NeedDraft): Promise<Locator> {
  await page.locator('[data-testid=tab-needs]').click();
  await page.locator('[data-testid=create-need]').click();
  const form = page.locator('[data-testid=need-form]');
  await form.waitFor();
  await page.locator('#category').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${need.category}"]`).click();
  await form.locator('[data-testid=need-description]').fill(need.description);
  await form.locator('label').filter({ hasText: new RegExp(`^${need.place}$`) }).click();
  await form.locator('[data-testid=need-language]').fill(need.language);
  await form.locator('[data-testid=availability-add]').click();
  const row = form.locator('[data-testid=availability-row]').last();
  await row.locator('[data-testid=availability-day]').click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${need.window.day}"]`).click();
  await row.locator('[data-testid=availability-start]').fill(need.window.start);
  await row.locator('[data-testid=availability-end]').fill(need.window.end);
  await page.locator('[data-testid=need-submit]').click();
  await form.waitFor({ state: 'detached' });
  const needRow = page.locator('[data-testid=needs] .ant-table-row').filter({ hasText: need.description });
  await needRow.waitFor();
  return needRow;
}

// The inbox card of one match, in whichever tab is open.
export function inboxCard(page: Page, matchId: string): Locator {
  return page.locator(`[data-testid=inbox-card][data-match-id="${matchId}"]`);
}

export function daysAgo(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() - days);
  return d;
}

// Logs a past session from the card's drawer (a bottom sheet on a phone).
export async function logSession(page: Page, card: Locator, day: Date, start: string, end: string, note: string) {
  await card.locator('[data-testid=log-session]').click();
  const form = page.locator('[data-testid=session-form]');
  await form.waitFor();
  await fillDate(form.locator('#session_date'), ymd(day));
  await form.locator('[data-testid=session-start]').fill(start);
  await form.locator('[data-testid=session-end]').fill(end);
  await form.locator('label').filter({ hasText: /^出席$/ }).click();
  await form.locator('[data-testid=session-note]').fill(note);
  await form.locator('[data-testid=session-submit]').click();
  await form.waitFor({ state: 'detached' });
}

// The number shown by a Statistic inside the element with this test id.
export async function statisticValue(page: Page, testId: string): Promise<number> {
  const value = page.locator(`[data-testid=${testId}] .ant-statistic-content-value`);
  await value.waitFor();
  return Number((await value.textContent())?.replace(/[^\d.]/g, ''));
}
