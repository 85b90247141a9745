import { expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { demoPassword } from './helpers';
import { ymd } from './childHelpers';

// Funded purchases, shared by the browser tests. What the test is not about
// (a need, a match and its sessions) is set up through the API with bearer
// tokens, the way another client would; the rest goes through the pages.

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class Api {
  private constructor(private readonly token: string) {}

  static async signIn(username: string): Promise<Api> {
    const r = await post<{ signIn: { token: string } }>(null, 'mutation($u: String!, $p: String!) { signIn(input: {username: $u, password: $p}) { token } }', {
      u: username,
      p: demoPassword,
    });
    return new Api(r.signIn.token);
  }

  query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    return post<T>(this.token, query, variables);
  }
}

async function post<T>(token: string | null, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${inject('baseURL')}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GraphQLAnswer<T>;
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

// A session in Beijing time, some days back.
function beijing(daysAgo: number, hour: number): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(d.getUTCDate() - daysAgo);
  const day = d.toISOString().slice(0, 10);
  return `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}

export interface DeliveredMatch {
  matchId: string;
  needDescription: string;
}

// The community director raises a fresh reading need for 演示儿童甲 and sends
// it to the demo organisation's reading group; its staff accept and log two
// attended sessions of an hour each, two and three days ago.
export async function deliveredMatch(stamp: string): Promise<DeliveredMatch> {
  const director = await Api.signIn('demo.director');
  const staff = await Api.signIn('demo.orgstaff');

  const children = await director.query<{ children: { edges: { node: { id: string; name: string } }[] } }>('{ children(first: 100) { edges { node { id name } } } }');
  const child = children.children.edges.find((e) => e.node.name === '演示儿童甲');
  expect(child, '演示儿童甲 is in the director’s community').toBeTruthy();
  const needDescription = `希望周末有人陪伴阅读（购买服务测试 ${stamp}）`;
  const need = await director.query<{ createNeed: { id: string } }>(
    `mutation($c: ID!, $d: String!) { createNeed(childId: $c, input: {category: READING_GUIDANCE, description: $d, urgency: MEDIUM,
      language: "普通话", place: ANY}) { id } }`,
    { c: child!.node.id, d: needDescription },
  );

  const orgs = await staff.query<{ myOrganisations: { id: string; name: string }[] }>('{ myOrganisations { id name } }');
  const org = orgs.myOrganisations.find((o) => o.name === '晨曦社会工作服务中心（演示）');
  expect(org).toBeTruthy();
  const services = await staff.query<{ services: { edges: { node: { id: string; name: string } }[] } }>(
    'query($o: ID!) { services(organisationId: $o, first: 50) { edges { node { id name } } } }',
    { o: org!.id },
  );
  const service = services.services.edges.find((e) => e.node.name === '周末阅读陪伴小组');
  expect(service).toBeTruthy();

  const match = await director.query<{ proposeMatch: { id: string; status: string } }>(
    'mutation($n: ID!, $o: ID!) { proposeMatch(needId: $n, input: {entity: SERVICE, offerId: $o, send: true}) { id status } }',
    { n: need.createNeed.id, o: service!.node.id },
  );
  expect(match.proposeMatch.status).toBe('REQUESTED');
  const matchId = match.proposeMatch.id;
  await staff.query('mutation($id: ID!) { respondToMatch(id: $id, accept: true) { status } }', { id: matchId });
  for (const daysAgo of [3, 2]) {
    await staff.query(
      `mutation($id: ID!, $s: Time!, $e: Time!) { logSession(matchId: $id, input: {startsAt: $s, endsAt: $e, attendance: ATTENDED,
        note: "共读绘本（购买服务测试）"}) { id } }`,
      { id: matchId, s: beijing(daysAgo, 10), e: beijing(daysAgo, 11) },
    );
  }
  return { matchId, needDescription };
}

export function daysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return ymd(d);
}

// Types both dates of the range picker in the open modal.
export async function fillRange(page: Page, from: string, to: string) {
  const inputs = page.locator('.ant-modal:visible .ant-picker-range input');
  await inputs.nth(0).click();
  await inputs.nth(0).fill(from);
  await inputs.nth(0).press('Enter');
  await inputs.nth(1).fill(to);
  await inputs.nth(1).press('Enter');
  await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
}

// Picks an option of the select in the open dropdown by its visible text.
export async function pickOption(page: Page, select: Locator, text: string, type?: string) {
  await select.click();
  if (type) await select.locator('input').fill(type);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

// A multiple select keeps its list open; a click on the modal's title closes
// it (Escape would close the modal too).
export async function closeDropdown(page: Page) {
  await page.locator('.ant-modal:visible .ant-modal-title').click();
  // Two lists may still be fading out at once; wait until none is shown.
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

// The field error shown under a form item, once it appears.
export function fieldError(page: Page, text: string): Locator {
  return page.locator('.ant-modal:visible .ant-form-item-explain-error').filter({ hasText: text });
}

// A table row by text it contains.
export function rowWith(page: Page, table: string, text: string): Locator {
  return page.locator(`[data-testid=${table}] .ant-table-row`).filter({ hasText: text });
}
