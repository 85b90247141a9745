import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectedNav, expectSignedIn, navKeys, signIn, signOut, uniqueName, useBrowser } from './helpers';

async function chooseOption(page: Page, field: string, option?: string) {
  await page.locator(`#${field}`).click();
  // Closed dropdowns linger in the DOM; pick the one belonging to this field.
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`#${field}_list`) });
  const item = option
    ? dropdown.locator(`.ant-select-item-option[title="${option}"]`)
    : dropdown.locator('.ant-select-item-option').first();
  await item.click();
}

describe('user administration', () => {
  const { newPage } = useBrowser();

  it('an admin creates a user with a grant, and that user signs in', async () => {
    const username = uniqueName('e2e.civil');
    const password = 'e2e-password-123';

    const admin = await newPage();
    await signIn(admin, 'demo.admin');
    await expectSignedIn(admin);
    await admin.goto('/users');
    await admin.locator('[data-testid=create-user]').click();
    const form = admin.locator('[data-testid=create-user-form]');
    await form.locator('#username').fill(username);
    await form.locator('#displayName').fill('测试民政');
    await form.locator('#password').fill(password);
    await chooseOption(admin, 'grant_role', '民政工作人员');
    // The first option is the city itself.
    await chooseOption(admin, 'grant_areaId');
    await form.locator('button[type=submit]').click();
    await admin.waitForURL((url) => /^\/users\/[^/]+$/.test(url.pathname));
    await admin.locator('[data-testid=grant-item]').first().waitFor();
    expect(await admin.locator('[data-testid=grant-item]').first().textContent()).toContain('民政工作人员');
    await signOut(admin);

    const user = await newPage();
    await signIn(user, username, 'wrong-password-1');
    const alert = user.locator('[data-testid=sign-in-error]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('用户名或密码不正确');

    await user.locator('#password').fill(password);
    await user.locator('button[type=submit]').click();
    await expectSignedIn(user);
    expect(await navKeys(user)).toEqual(expectedNav['demo.civil']);
    expect(await user.locator('[data-testid=current-user]').textContent()).toBe('测试民政');
    await signOut(user);
  });

  it('an organisation admin is offered only the roles they may grant, and sees only their people', async () => {
    const page = await newPage();
    await signIn(page, 'demo.orgadmin');
    await expectSignedIn(page);
    await page.goto('/users');
    await page.locator('.ant-table-row', { hasText: 'demo.orgstaff' }).waitFor();
    const names = await page.locator('.ant-table-row').allTextContents();
    expect(names.some((n) => n.includes('demo.admin'))).toBe(false);
    await page.locator('[data-testid=create-user]').click();
    await page.locator('#grant_role').click();
    const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator('#grant_role_list') });
    await dropdown.locator('.ant-select-item-option').first().waitFor();
    const offered = await dropdown.locator('.ant-select-item-option').evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(offered).toEqual(['社会组织工作人员', '志愿者']);
  });

  it('a user list search finds a demo user', async () => {
    const admin = await newPage();
    await signIn(admin, 'demo.admin');
    await expectSignedIn(admin);
    await admin.goto('/users');
    const search = admin.getByPlaceholder('搜索用户名或姓名');
    await search.fill('demo.auditor');
    await search.press('Enter');
    await admin.locator('.ant-table-row', { hasText: 'demo.auditor' }).waitFor();
    expect(await admin.locator('[data-testid=users-total]').textContent()).toMatch(/共 \d+ 条/);
  });
});
