import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectSignedIn, signIn, useBrowser } from './helpers';

// The area tree holds Beijing's real divisions; the demo adds its communities
// under 建外街道. Points are set on 呼家楼街道, which the divisions leave
// without one and no other test measures from, and cleared again at the end.
const chaoyang = '110105';
const jianwai = '110105001';
const hujialou = '110105003';
const dongcheng = '110101';

const node = (page: Page, id: string) => page.locator(`[data-testid=area-node][data-area-id="${id}"]`);
const childrenOf = (page: Page, id: string) => page.locator(`[data-testid=area-node][data-parent="${id}"]`);

async function openAreas(page: Page, username: string) {
  await signIn(page, username);
  await expectSignedIn(page);
  await page.goto('/areas');
  await node(page, '110000').waitFor();
}

// Expands a node by its switcher and waits for its children to arrive.
async function expand(page: Page, id: string) {
  await page.locator('.ant-tree-treenode', { has: node(page, id) }).locator('.ant-tree-switcher').click();
  await childrenOf(page, id).first().waitFor();
}

async function select(page: Page, id: string) {
  await node(page, id).locator('[data-testid=area-node-name]').click();
  const details = page.locator(`[data-testid=area-details][data-area-id="${id}"]`);
  await details.waitFor();
  return details;
}

describe('areas', () => {
  const { newPage } = useBrowser();

  it('an admin walks 北京市 → 朝阳区 → 建外街道, sets a street’s point and clears it after confirming', async () => {
    const page = await newPage();
    await signIn(page, 'demo.admin');
    await expectSignedIn(page);
    await page.locator('[data-testid=nav-menu] [data-nav-key=areas]').click();
    await page.waitForURL((url) => url.pathname === '/areas');

    // The city opens expanded on its districts.
    await childrenOf(page, '110000').first().waitFor();
    expect(await childrenOf(page, '110000').locator('[data-testid=area-node-name]').allTextContents()).toContain('朝阳区');
    await expand(page, chaoyang);
    await expect.poll(() => childrenOf(page, chaoyang).count()).toBe(43);
    expect(await childrenOf(page, chaoyang).evaluateAll((els) => els.map((e) => e.getAttribute('data-level')))).toEqual(Array(43).fill('STREET'));
    expect(await node(page, jianwai).locator('[data-testid=area-node-name]').textContent()).toBe('建外街道');

    await expand(page, jianwai);
    const communities = await childrenOf(page, jianwai).locator('[data-testid=area-node-name]').allTextContents();
    expect(communities).toContain('建外示例社区（演示）');
    expect(communities.length).toBeGreaterThan(2);
    expect(new Set(await childrenOf(page, jianwai).evaluateAll((els) => els.map((e) => e.getAttribute('data-level'))))).toEqual(new Set(['COMMUNITY']));

    // An out-of-Beijing latitude is caught on the page.
    const details = await select(page, hujialou);
    expect(await details.textContent()).toContain('呼家楼街道');
    expect(await details.textContent()).toContain(hujialou);
    await details.locator('[data-testid=area-latitude]').fill('31.230416');
    await details.locator('[data-testid=area-longitude]').fill('121.473701');
    await details.locator('[data-testid=area-point-save]').click();
    await details.getByText('纬度须在 39.4 至 41.1 之间（北京市范围）').waitFor();
    await details.getByText('经度须在 115.4 至 117.6 之间（北京市范围）').waitFor();

    await details.locator('[data-testid=area-latitude]').fill('39.923449');
    await details.locator('[data-testid=area-longitude]').fill('116.461353');
    await details.locator('[data-testid=area-point-save]').click();
    await page.locator('.ant-message').getByText('位置已保存').waitFor();
    await expect.poll(() => details.locator('[data-testid=area-point]').textContent()).toContain('39.923449, 116.461353');
    await node(page, hujialou).locator('[data-testid=area-node-point]').waitFor();

    // The point is the server's, not only the page's: a fresh load shows it.
    await page.reload();
    await node(page, '110000').waitFor();
    await expand(page, chaoyang);
    const reloaded = await select(page, hujialou);
    expect(await reloaded.locator('[data-testid=area-point]').textContent()).toContain('39.923449, 116.461353');
    expect(await reloaded.locator('[data-testid=area-latitude]').inputValue()).toBe('39.923449');

    // Clearing asks first; cancelling keeps the point.
    await reloaded.locator('[data-testid=area-point-clear]').click();
    const confirm = page.locator('.ant-popconfirm');
    await confirm.getByText('清除此区域的位置？').waitFor();
    await confirm.getByRole('button', { name: /取\s*消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await reloaded.locator('[data-testid=area-point]').textContent()).toContain('39.923449');

    await reloaded.locator('[data-testid=area-point-clear]').click();
    await page.locator('[data-testid=area-point-clear-ok]').click();
    await page.locator('.ant-message').getByText('位置已清除').waitFor();
    await expect.poll(() => reloaded.locator('[data-testid=area-point]').textContent()).toBe('未设置位置，距离按上级区域估算');
    expect(await node(page, hujialou).locator('[data-testid=area-node-point]').count()).toBe(0);
    expect(await reloaded.locator('[data-testid=area-point-clear]').count()).toBe(0);

    // The city keeps its point: there is no clearing it.
    const city = await select(page, '110000');
    await city.locator('[data-testid=area-point-form]').waitFor();
    expect(await city.locator('[data-testid=area-point-clear]').count()).toBe(0);
  });

  it('district civil affairs may move their own streets only; on a phone the details stack under the tree', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await openAreas(page, 'demo.civil.chaoyang');
    await expand(page, chaoyang);
    await expand(page, jianwai);
    const details = await select(page, jianwai);
    await details.locator('[data-testid=area-point-form]').waitFor();
    expect(await details.locator('[data-testid=area-point]').textContent()).toMatch(/^\D*39\.\d{6}, 116\.\d{6}$/);

    const tree = await page.locator('[data-testid=area-tree-box]').boundingBox();
    const box = await details.boundingBox();
    expect(tree && box).toBeTruthy();
    expect(box!.y).toBeGreaterThanOrEqual(tree!.y + tree!.height);
    expect(box!.width).toBeGreaterThanOrEqual(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // 东城区 is outside their area: they read it, without a form.
    const other = await select(page, dongcheng);
    expect(await other.locator('[data-testid=area-point]').textContent()).toBeTruthy();
    expect(await other.locator('[data-testid=area-point-form]').count()).toBe(0);
    expect(await other.locator('[data-testid=area-latitude]').count()).toBe(0);
  });

  it('a community director reads areas without any form', async () => {
    const page = await newPage();
    await openAreas(page, 'demo.director');
    const details = await select(page, chaoyang);
    expect(await details.textContent()).toContain('朝阳区');
    expect(await details.locator('[data-testid=area-point-form]').count()).toBe(0);
  });
});
