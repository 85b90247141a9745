import { describe, expect, it } from 'vitest';
import { expectSignedIn, signIn, signOut, uniqueName, useBrowser } from './helpers';

describe('sign-in', () => {
  const { newPage } = useBrowser();

  it('sends a signed-out visitor to the sign-in page', async () => {
    const page = await newPage();
    await page.goto('/users');
    await page.waitForURL((url) => url.pathname === '/signin');
  });

  it('shows the server message for unknown credentials', async () => {
    const page = await newPage();
    // An unknown user gets the same answer as a wrong password, without risking a demo account's lockout.
    await signIn(page, uniqueName('nobody'), 'not-the-password');
    const alert = page.locator('[data-testid=sign-in-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码不正确');
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('works on a phone-sized screen, menu in a drawer', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, 'demo.admin');
    await expectSignedIn(page);
    // The side menu is folded away; the header button opens it.
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    await page.locator('[data-testid=nav-toggle]').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('[data-nav-key=audit]').click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('[data-testid=audit-action-filter]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await signOut(page);
  });

  it('switches the language to English and back', async () => {
    const page = await newPage();
    await page.goto('/signin');
    await page.locator('[data-testid=language-switch]').click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.locator('[data-testid=language-switch]').click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
  });
});
