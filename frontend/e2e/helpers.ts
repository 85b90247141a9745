import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';

export const demoPassword = 'flowcare-demo';

// Menu keys in the order the app shows them (src/nav.ts).
export const expectedNav: Record<string, string[]> = {
  'demo.admin': ['home', 'directory', 'organisations', 'users', 'areas', 'audit', 'account'],
  'demo.civil': ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'organisations', 'funding', 'users', 'areas', 'account'],
  'demo.civil.chaoyang': ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'organisations', 'funding', 'users', 'areas', 'account'],
  'demo.supervisor': ['home', 'children', 'ledger', 'matching', 'directory', 'areas', 'account'],
  'demo.director': ['home', 'children', 'ledger', 'matching', 'directory', 'areas', 'account'],
  'demo.orgadmin': ['home', 'directory', 'organisation', 'inbox', 'hours', 'funding', 'users', 'account'],
  'demo.orgstaff': ['home', 'directory', 'organisation', 'inbox', 'hours', 'funding', 'account'],
  'demo.volunteer': ['home', 'directory', 'volunteer', 'inbox', 'hours', 'account'],
  'demo.venue': ['home', 'directory', 'organisation', 'inbox', 'account'],
  'demo.organiser': ['home', 'directory', 'organisation', 'inbox', 'account'],
  'demo.auditor': ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'funding', 'areas', 'audit', 'account'],
};

export const allNavKeys = ['home', 'children', 'ledger', 'matching', 'overview', 'directory', 'organisation', 'organisations', 'volunteer', 'inbox', 'hours', 'funding', 'users', 'areas', 'audit', 'account'];

// Connects to the shared browser for this file and hands each test a fresh context.
export function useBrowser() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const baseURL = inject('baseURL');

  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    baseURL,
    async newPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser.newContext({ baseURL, locale: 'zh-CN', ...options });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    },
  };
}

export async function signIn(page: Page, username: string, password = demoPassword) {
  await page.goto('/signin');
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
}

// The layout with its sign-out button can render a moment before the app
// navigates away from /signin, so the test waits for the navigation too.
export async function expectSignedIn(page: Page) {
  await page.locator('[data-testid=sign-out]').waitFor();
  await page.waitForURL((url) => url.pathname !== '/signin');
  expect(new URL(page.url()).pathname).not.toBe('/signin');
}

export async function navKeys(page: Page): Promise<string[]> {
  const menu = page.locator('[data-testid=nav-menu]');
  await menu.locator('[data-nav-key=home]').waitFor();
  return menu.locator('[data-nav-key]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav-key') ?? ''));
}

export async function signOut(page: Page) {
  await page.locator('[data-testid=sign-out]').click();
  await page.waitForURL((url) => url.pathname === '/signin');
  await page.locator('#username').waitFor();
}

// The server keeps its database between runs, so created users need fresh names.
export function uniqueName(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
