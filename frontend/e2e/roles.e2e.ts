import { describe, expect, it } from 'vitest';
import { allNavKeys, expectedNav, expectSignedIn, navKeys, signIn, signOut, useBrowser } from './helpers';

describe('navigation for each demo user', () => {
  const { newPage } = useBrowser();

  it.each(Object.entries(expectedNav))('%s sees exactly its menu and can sign out', async (username, expected) => {
    const page = await newPage();
    await signIn(page, username);
    await expectSignedIn(page);
    const keys = await navKeys(page);
    expect(keys).toEqual(expected);
    for (const hidden of allNavKeys.filter((k) => !expected.includes(k))) {
      expect(keys).not.toContain(hidden);
    }
    // A page outside the role's menu must not open by typing its address.
    const forbidden = allNavKeys.find((k) => !expected.includes(k) && k !== 'home');
    if (forbidden) {
      await page.goto(`/${forbidden}`);
      await page.locator('.ant-result-403').waitFor();
    }
    await page.goto('/');
    await signOut(page);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});
