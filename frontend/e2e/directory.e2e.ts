import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectSignedIn, signIn, uniqueName, useBrowser } from './helpers';

// Opens an antd select by its field id and picks an option (by title, or the first).
async function chooseOption(page: Page, field: string, option?: string) {
  await page.locator(`#${field}`).click();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`#${field}_list`) });
  const item = option
    ? dropdown.locator(`.ant-select-item-option[title="${option}"]`)
    : dropdown.locator('.ant-select-item-option').first();
  await item.click();
}

// Walks a district → street cascader, taking the first entry of each level.
async function chooseFirstStreet(page: Page, field: string) {
  await page.locator(`#${field}`).click();
  const dropdown = page.locator('.ant-cascader-dropdown:visible');
  await dropdown.locator('.ant-cascader-menu').first().locator('.ant-cascader-menu-item').first().click();
  const streets = dropdown.locator('.ant-cascader-menu').nth(1);
  await streets.locator('.ant-cascader-menu-item').first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

async function fillDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

function formatLocal(d: Date, time: string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

describe('the directory', () => {
  const { newPage } = useBrowser();

  it('a volunteer signs up on a phone and lands on their profile, vetting incomplete', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto('/signin');
    await page.locator('[data-testid=volunteer-signup-link]').click();
    await page.waitForURL((url) => url.pathname === '/volunteer/signup');

    // The home-street picker needs the area list without a session.
    await page.locator('#homeAreaId').waitFor();
    await page.waitForLoadState('networkidle');
    if (await page.locator('[data-testid=sign-up-areas-error]').count()) {
      throw new Error(
        'the API refuses `areas` to visitors who are not signed in, so the public sign-up page cannot offer a home street: ' +
          (await page.locator('[data-testid=sign-up-areas-error]').textContent()),
      );
    }

    const username = uniqueName('e2e.vol');
    const form = page.locator('[data-testid=sign-up-form]');
    await form.locator('#username').fill(username);
    await form.locator('#password').fill('e2e-volunteer-pw');
    await form.locator('#confirmPassword').fill('e2e-volunteer-pw');
    await form.locator('#displayName').fill('测试志愿者');
    await form.locator('#phone').fill('13800138000');
    await chooseOption(page, 'skills', '阅读指导');
    await page.keyboard.press('Escape');
    await chooseFirstStreet(page, 'homeAreaId');
    await page.locator('[data-testid=availability-add]').click();
    await page.locator('[data-testid=availability-row]').waitFor();
    await form.locator('#hoursPerMonth').fill('10');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.locator('[data-testid=sign-up-submit]').click();
    await page.waitForURL((url) => url.pathname === '/volunteer');
    await page.locator('[data-testid=vetting-incomplete]').waitFor();
    expect(await page.locator('[data-testid=vetting-incomplete]').textContent()).toContain('审核完成前不会被推荐给儿童');
    expect(await page.locator('[data-testid=volunteer-display-name]').textContent()).toBe('测试志愿者');
  });

  it('an organisation admin posts a service, publishes it and finds it in the directory', async () => {
    const name = `E2E 阅读陪伴 ${uniqueName('svc')}`;
    const page = await newPage();
    await signIn(page, 'demo.orgadmin');
    await expectSignedIn(page);
    await page.goto('/organisation');
    await page.getByRole('tab', { name: '服务项目' }).click();
    await page.locator('[data-testid=create-service]').click();
    const form = page.locator('[data-testid=service-form]');
    await form.locator('#name').fill(name);
    await form.locator('#description').fill('每周六上午的亲子阅读陪伴');
    await chooseOption(page, 'categories', '阅读指导');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=availability-add]').click();
    await page.locator('[data-testid=service-submit]').click();

    const row = page.locator('.ant-table-row', { hasText: name });
    await row.waitFor();
    expect(await row.locator('[data-testid=service-status]').textContent()).toBe('草稿');
    await row.locator('[data-testid=service-publish]').click();
    await row.locator('[data-testid=service-status]', { hasText: '已发布' }).waitFor();

    // The search copy catches up within a second or two; search again until it does.
    await page.goto('/directory');
    await page.locator('[data-testid=directory-text]').fill(name);
    const hit = page.locator('[data-testid=directory-result]', { hasText: name });
    const deadline = Date.now() + 10_000;
    for (;;) {
      await page.locator('[data-testid=directory-search]').click();
      try {
        await hit.waitFor({ timeout: 1_500 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw e;
      }
    }
    expect(await hit.textContent()).toContain('晨曦社会工作服务中心（演示）');
    expect(await hit.textContent()).toContain('阅读指导');
  });

  it('a venue publishes a weekly series of four slots and sees them week by week', async () => {
    const title = `E2E 亲子绘本 ${uniqueName('slot')}`;
    const page = await newPage();
    await signIn(page, 'demo.venue');
    await expectSignedIn(page);
    await page.goto('/organisation');
    await page.getByRole('tab', { name: '场馆时段' }).click();
    await page.locator('[data-testid=publish-slot]').click();
    const form = page.locator('[data-testid=slot-form]');
    await form.locator('#title').fill(title);
    const day = new Date(Date.now() + 9 * 24 * 3600 * 1000);
    await fillDate(form.locator('#startsAt'), formatLocal(day, '10:00'));
    await fillDate(form.locator('#endsAt'), formatLocal(day, '11:30'));
    await form.locator('[data-testid=slot-repeat]').click();
    await form.locator('#weeks').fill('4');
    await page.locator('[data-testid=slot-submit]').click();
    await form.waitFor({ state: 'hidden' });

    // The calendar moves to the first slot's week; each of four weeks shows one.
    for (let week = 0; week < 4; week++) {
      if (week > 0) await page.locator('[data-testid=week-next]').click();
      const card = page.locator(`[data-testid=slot-card][data-title="${title}"]`);
      await card.waitFor();
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain('10:00–11:30');
    }
    await page.locator('[data-testid=week-next]').click();
    await page.locator('[data-testid=week-label]').waitFor();
    await expect.poll(() => page.locator(`[data-testid=slot-card][data-title="${title}"]`).count()).toBe(0);
  });
});
