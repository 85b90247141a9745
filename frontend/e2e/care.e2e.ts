import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectSignedIn, signIn, useBrowser } from './helpers';
import { childName, fillChildForm, fillDate, idNumberFor, shifted, submitAndOpenFile, ymd } from './childHelpers';

// The key-care ledger, visits and their review, list imports and the area overview.
// The database persists between runs, so every child gets a fresh name.

function daysFromNow(days: number): Date {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d;
}

async function openCareTab(page: Page) {
  await page.locator('[data-testid=tab-care]').click();
  await page.locator('[data-testid=ledger-card]').waitFor();
}

// Searches the children list for an exact ID number and returns the names listed.
async function namesForIdNumber(page: Page, idNumber: string): Promise<string[]> {
  await page.goto('/children');
  const search = page.locator('input[data-testid=search-id-number], [data-testid=search-id-number] input').first();
  await search.fill(idNumber);
  await search.press('Enter');
  const table = page.locator('.ant-table');
  // Wait until the search has been answered: either rows or the no-match text.
  await page.locator('.ant-table-row, .ant-table-placeholder:has-text("没有与该身份证号码相符的儿童")').first().waitFor();
  await expect.poll(() => table.getAttribute('class')).not.toContain('ant-table-loading');
  return page.locator('.ant-table-row td:first-child').allTextContents();
}

describe('key-care ledger and visits', () => {
  const { newPage } = useBrowser();

  it('a director puts a child on the ledger and records a visit; the supervisor accepts it and the next visit moves', async () => {
    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    await director.goto('/children/new');
    const name = childName('台账');
    const birth = shifted(9, 0, Math.floor(Math.random() * 300));
    await fillChildForm(director, { name, birth, arrived: shifted(2, 0), idNumber: idNumberFor(birth), pickCommunity: false });
    const childId = await submitAndOpenFile(director);

    // On the ledger, high risk.
    await openCareTab(director);
    expect(await director.locator('[data-testid=ledger-state]').getAttribute('data-state')).toBe('none');
    expect(await director.locator('[data-testid=record-visit]').count()).toBe(0);
    await director.locator('[data-testid=enter-ledger]').click();
    const ledgerForm = director.locator('[data-testid=ledger-form]');
    await ledgerForm.waitFor();
    await director.locator('#reasons').click();
    await director.locator('.ant-select-dropdown:visible .ant-select-item-option[title="家庭生活困难"]').click();
    await director.keyboard.press('Escape');
    await ledgerForm.locator('label').filter({ hasText: /^高$/ }).click();
    await director.locator('[data-testid=ledger-submit]').click();
    const state = director.locator('[data-testid=ledger-state]');
    await expect.poll(() => state.getAttribute('data-state')).toBe('active');
    expect(await state.locator('[data-testid=risk-tag]').textContent()).toBe('高');
    expect(await state.textContent()).toContain('家庭生活困难');
    await director.locator('[data-testid=ledger-history] [data-testid=ledger-event]').first().waitFor();
    expect(await director.locator('[data-testid=ledger-history]').textContent()).toContain('风险等级：高');
    const dueBefore = await director.locator('[data-testid=next-visit-due]').textContent();

    // A home visit by a community director waits for review.
    const nextVisit = ymd(daysFromNow(10));
    expect(nextVisit).not.toBe(dueBefore);
    await director.locator('[data-testid=record-visit]').click();
    const visitForm = director.locator('[data-testid=visit-form]');
    await visitForm.waitFor();
    await visitForm.locator('label').filter({ hasText: /^入户$/ }).click();
    await visitForm.locator('[data-testid=visit-findings]').fill('家中整洁，孩子情绪稳定（测试）');
    await visitForm.locator('[data-testid=visit-follow-up]').fill('两周后电话回访（测试）');
    await fillDate(visitForm.locator('#nextVisitOn'), nextVisit);
    await director.locator('[data-testid=visit-submit]').click();
    const saved = director.locator('[data-testid=visit-saved]');
    await saved.waitFor();
    expect(await saved.getAttribute('data-status')).toBe('PENDING_REVIEW');
    expect(await saved.textContent()).toContain('等待督导员审核');
    const visitRow = director.locator('[data-testid=visits] .ant-table-row').first();
    await expect.poll(() => visitRow.locator('[data-testid=visit-status]').textContent()).toBe('待审核');
    expect(await director.locator('[data-testid=next-visit-due]').textContent()).toBe(dueBefore);
    expect(director.url()).not.toContain(encodeURIComponent(name));

    // The street's supervisor sees it waiting and accepts it.
    const supervisor = await newPage();
    await signIn(supervisor, 'demo.supervisor');
    await expectSignedIn(supervisor);
    await supervisor.locator('[data-testid=pending-visits-count] .ant-statistic-content-value').waitFor();
    expect(Number(await supervisor.locator('[data-testid=pending-visits-count] .ant-statistic-content-value').textContent())).toBeGreaterThan(0);
    await supervisor.locator('[data-testid=overdue-visits-count] .ant-statistic-content-value').waitFor();
    await supervisor.locator('[data-testid=pending-visits-card] a[href="/ledger?tab=review"]').click();
    await supervisor.waitForURL((url) => url.pathname === '/ledger' && url.searchParams.get('tab') === 'review');
    const row = supervisor.locator('[data-testid=pending-visits] .ant-table-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.textContent()).toContain('demo.director');
    expect(await row.textContent()).toContain('家中整洁，孩子情绪稳定（测试）');
    await row.locator('[data-testid=accept-visit]').click();
    await supervisor.locator('.ant-popover:visible [data-testid=accept-visit-ok]').click();
    await row.waitFor({ state: 'detached' });

    // The file shows the visit accepted and the next visit moved to the date asked for.
    await supervisor.goto(`/children/${childId}`);
    await supervisor.locator('[data-testid=child-file]').waitFor();
    await openCareTab(supervisor);
    const accepted = supervisor.locator('[data-testid=visits] .ant-table-row').first();
    expect(await accepted.locator('[data-testid=visit-status]').textContent()).toBe('已通过');
    expect(await supervisor.locator('[data-testid=next-visit-due]').textContent()).toBe(nextVisit);

    // The ledger lists the child, linking to the file by id.
    await supervisor.locator('[data-testid=nav-menu] [data-nav-key=ledger]').click();
    await supervisor.waitForURL((url) => url.pathname === '/ledger');
    await supervisor.locator('[data-testid=ledger-table] .ant-table-row').first().waitFor();
  });

  it('a supervisor returns a visit with a note; the director corrects it and it waits for review again', async () => {
    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    await director.goto('/children/new');
    const name = childName('退回');
    const birth = shifted(10, 0, Math.floor(Math.random() * 300));
    await fillChildForm(director, { name, birth, arrived: shifted(3, 0), idNumber: idNumberFor(birth), pickCommunity: false });
    const childId = await submitAndOpenFile(director);
    await openCareTab(director);
    await director.locator('[data-testid=enter-ledger]').click();
    const ledgerForm = director.locator('[data-testid=ledger-form]');
    await ledgerForm.waitFor();
    await director.locator('#reasons').click();
    await director.locator('.ant-select-dropdown:visible .ant-select-item-option[title="监护缺失"]').click();
    await director.keyboard.press('Escape');
    await ledgerForm.locator('label').filter({ hasText: /^中$/ }).click();
    await director.locator('[data-testid=ledger-submit]').click();
    await expect.poll(() => director.locator('[data-testid=ledger-state]').getAttribute('data-state')).toBe('active');
    await director.locator('[data-testid=record-visit]').click();
    const visitForm = director.locator('[data-testid=visit-form]');
    await visitForm.locator('[data-testid=visit-findings]').fill('初次走访（测试）');
    await director.locator('[data-testid=visit-submit]').click();
    await director.locator('[data-testid=visit-saved]').waitFor();

    const supervisor = await newPage();
    await signIn(supervisor, 'demo.supervisor');
    await expectSignedIn(supervisor);
    await supervisor.goto('/ledger?tab=review');
    const row = supervisor.locator('[data-testid=pending-visits] .ant-table-row').filter({ hasText: name });
    await row.waitFor();
    await row.locator('[data-testid=return-visit]').click();
    await supervisor.locator('.ant-popover:visible [data-testid=return-visit-note]').fill('请补充监护人情况（测试）');
    await supervisor.locator('.ant-popover:visible [data-testid=return-visit-ok]').click();
    await row.waitFor({ state: 'detached' });

    await director.goto(`/children/${childId}`);
    await director.locator('[data-testid=child-file]').waitFor();
    await openCareTab(director);
    const returned = director.locator('[data-testid=visits] .ant-table-row').first();
    expect(await returned.locator('[data-testid=visit-status]').textContent()).toBe('已退回');
    expect(await returned.locator('[data-testid=review-note]').textContent()).toContain('请补充监护人情况（测试）');
    await returned.locator('[data-testid=resubmit-visit]').click();
    const correction = director.locator('[data-testid=visit-form]');
    await correction.waitFor();
    expect(await correction.locator('[data-testid=visit-findings]').inputValue()).toBe('初次走访（测试）');
    await correction.locator('[data-testid=visit-findings]').fill('初次走访；由祖母照料，父母在外务工（测试）');
    await director.locator('[data-testid=visit-submit]').click();
    await director.locator('[data-testid=visit-saved]').waitFor();
    await expect.poll(() => returned.locator('[data-testid=visit-status]').textContent()).toBe('待审核');
    expect(await returned.textContent()).toContain('由祖母照料');
  });

  it('a director raises a need, moves it along and withdraws it with a note', async () => {
    const page = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    await page.goto('/children/new');
    const birth = shifted(7, 0, Math.floor(Math.random() * 300));
    await fillChildForm(page, { name: childName('需求'), birth, arrived: shifted(3, 0), pickCommunity: false });
    await submitAndOpenFile(page);
    await page.locator('[data-testid=tab-needs]').click();
    await page.locator('[data-testid=create-need]').click();
    const form = page.locator('[data-testid=need-form]');
    await form.waitFor();
    await page.locator('#category').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="阅读指导"]').click();
    await form.locator('[data-testid=need-description]').fill('希望周末有人陪伴阅读（测试）');
    await form.locator('[data-testid=availability-add]').click();
    await page.locator('[data-testid=need-submit]').click();
    const row = page.locator('[data-testid=needs] .ant-table-row').first();
    await row.waitFor();
    expect(await row.locator('[data-testid=need-status]').textContent()).toBe('待匹配');
    expect(await row.textContent()).toContain('阅读指导');

    await row.locator('[data-testid=need-status-menu]').click();
    await page.locator('[data-testid=need-to-MATCHING]').click();
    await expect.poll(() => row.locator('[data-testid=need-status]').textContent()).toBe('匹配中');

    await row.locator('[data-testid=withdraw-need]').click();
    const ok = page.locator('.ant-popover:visible [data-testid=withdraw-need-ok]');
    expect(await ok.isDisabled()).toBe(true);
    await page.locator('.ant-popover:visible [data-testid=withdraw-need-note]').fill('家长表示暂不需要（测试）');
    await ok.click();
    await expect.poll(() => row.locator('[data-testid=need-status]').textContent()).toBe('已撤回');
    expect(await row.locator('[data-testid=withdraw-need]').count()).toBe(0);
  });

  it('the home page links overdue visits to the filtered ledger', async () => {
    const page = await newPage();
    await signIn(page, 'demo.civil.chaoyang');
    await expectSignedIn(page);
    const count = page.locator('[data-testid=overdue-visits-count] .ant-statistic-content-value');
    await count.waitFor();
    const overdue = Number(await count.textContent());
    await page.locator('[data-testid=overdue-visits-card] a[href="/ledger?overdue=1"]').click();
    await page.waitForURL((url) => url.pathname === '/ledger' && url.searchParams.get('overdue') === '1');
    expect(await page.locator('[data-testid=filter-overdue]').getAttribute('aria-checked')).toBe('true');
    await expect.poll(() => page.locator('[data-testid=ledger-total]').textContent()).toBe(`共 ${overdue} 条`);
    if (overdue > 0) {
      const rows = page.locator('[data-testid=ledger-table] .ant-table-row');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().locator('[data-testid=overdue-tag]').count()).toBe(1);
    }
  });
});

describe('list imports', () => {
  const { newPage } = useBrowser();

  it('civil affairs preview a list (nothing written), then import it', async () => {
    const page = await newPage();
    await signIn(page, 'demo.civil.chaoyang');
    await expectSignedIn(page);

    const name = childName('导入');
    const birth = shifted(8, 0, Math.floor(Math.random() * 300));
    const goodId = idNumberFor(birth);
    const badBirth = shifted(7, 0, Math.floor(Math.random() * 300));
    const valid = idNumberFor(badBirth);
    const badId = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const header = '姓名,性别,出生日期,身份证号码,无证原因,户籍省,户籍市,户籍县,随迁情况,社区编码,来京日期,学校,监护人姓名,监护人关系,监护人电话';
    const row = (n: string, b: Date, id: string, community: string) =>
      `${n},女,${ymd(b)},${id},,河南省,周口市,项城市,父母双方,${community},${ymd(shifted(2, 0))},示例小学,测试家长,母亲,13800138000`;
    const csv = [
      header,
      row(name, birth, goodId, '110105001001'),
      row(childName('错号'), badBirth, badId, '110105001001'),
      row(childName('无社区'), shifted(6, 0), '', '110105999999').replace(',,河南省', ',尚未办理户口登记,河南省'),
    ].join('\n');

    await page.goto('/children');
    await page.locator('[data-testid=import-children]').click();
    await page.waitForURL((url) => url.pathname === '/children/import');
    await page.locator('[data-testid=import-columns]').waitFor();
    expect(await page.locator('[data-testid=import-columns]').textContent()).toContain('社区编码');
    // The limits are stated before anything is sent.
    const limits = await page.locator('[data-testid=import-limits]').textContent();
    expect(limits).toContain('20,000 行');
    expect(limits).toContain('32 MiB');
    expect(limits).toContain('GBK/GB18030');
    await page.locator('[data-testid=download-template]').waitFor();

    // A file the server would refuse for its size is refused here, without
    // being sent (importFile.test.ts checks the sizes; an empty file is cheap).
    const fileInput = page.locator('[data-testid=child-import] input[type=file]');
    await fileInput.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
    await expect.poll(() => page.locator('[data-testid=child-import] [role=alert]').textContent()).toContain('文件是空的');
    expect(await page.locator('[data-testid=import-preview]').isDisabled()).toBe(true);

    // The file goes as a GraphQL multipart upload, never inside a JSON body.
    const uploads: string[] = [];
    const jsonBodies: string[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith('/graphql') && req.method() === 'POST') {
        const type = req.headers()['content-type'] ?? '';
        if (type.startsWith('multipart/form-data')) uploads.push(type);
        else jsonBodies.push(req.postData() ?? '');
      }
    });
    await fileInput.setInputFiles({
      name: 'pupils.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\ufeff' + csv, 'utf8'),
    });
    await page.locator('[data-testid=chosen-file]').waitFor();
    await page.locator('[data-testid=import-preview]').click();

    const counts = page.locator('[data-testid=preview-counts]');
    await counts.waitFor();
    expect(await counts.locator('[data-testid=count-new]').getAttribute('data-value')).toBe('1');
    expect(await counts.locator('[data-testid=count-invalid]').getAttribute('data-value')).toBe('2');
    const lines = page.locator('[data-testid=preview-lines] .ant-table-row');
    expect(await lines.count()).toBe(3);
    const line = (n: number) => page.locator(`[data-testid=preview-lines] .ant-table-row[data-row-key="${n}"]`);
    expect(await line(2).locator('[data-testid=outcome-tag]').textContent()).toBe('新增');
    expect(await line(3).locator('[data-testid=outcome-tag]').textContent()).toBe('无效');
    expect(await line(3).locator('[data-testid=line-reason]').textContent()).toMatch(/身份证号码/);
    expect(await line(4).locator('[data-testid=outcome-tag]').textContent()).toBe('无效');
    expect(await line(4).locator('[data-testid=line-reason]').textContent()).toContain('社区编码“110105999999”不存在');

    expect(uploads).toHaveLength(1);
    expect(jsonBodies.some((b) => b.includes(name) || b.includes('previewChildImport'))).toBe(false);

    // Nothing has been written yet.
    const other = await page.context().newPage();
    expect(await namesForIdNumber(other, goodId)).toEqual([]);

    await page.locator('[data-testid=import-apply]').click();
    const created = page.locator('[data-testid=import-created]');
    await created.waitFor({ state: 'attached' });
    expect(await created.getAttribute('data-value')).toBe('1');
    expect(await page.locator('[data-testid=import-result]').textContent()).toContain('新增 1 名');
    expect(uploads).toHaveLength(2);
    expect(jsonBodies.some((b) => b.includes('applyChildImport'))).toBe(false);
    await page.locator('[data-testid=past-imports] .ant-table-row').filter({ hasText: 'pupils.csv' }).first().waitFor();

    expect(await namesForIdNumber(other, goodId)).toEqual([name]);
    await page.locator('[data-testid=import-to-list]').click();
    await page.waitForURL((url) => url.pathname === '/children');
  });

  it('community directors have no import', async () => {
    const page = await newPage();
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    await page.goto('/children');
    await page.locator('[data-testid=register-child]').waitFor();
    expect(await page.locator('[data-testid=import-children]').count()).toBe(0);
    await page.goto('/children/import');
    await page.locator('.ant-result-403').waitFor();
  });
});

describe('area overview', () => {
  const { newPage } = useBrowser();

  it('district civil affairs see their streets and can export the monitoring report', async () => {
    const page = await newPage();
    await signIn(page, 'demo.civil.chaoyang');
    await expectSignedIn(page);
    await page.locator('[data-testid=nav-menu] [data-nav-key=overview]').click();
    await page.waitForURL((url) => url.pathname === '/overview');
    await page.locator('[data-testid=overview-table] [data-testid=overview-street]').first().waitFor();
    expect(await page.locator('[data-testid=overview-table] .ant-table-row').count()).toBeGreaterThan(0);
    await page.locator('[data-testid=overview-totals]').waitFor();
    await page.locator('[data-testid=review-workload]').waitFor();
    expect(await page.locator('[data-testid=export-monitoring]').getAttribute('href')).toBe('/reports/monitoring.xlsx');
    // The report is served to the signed-in user as a file.
    const res = await page.request.get('/reports/monitoring.xlsx');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
  });

  it('auditors read the overview without exporting', async () => {
    const page = await newPage();
    await signIn(page, 'demo.auditor');
    await expectSignedIn(page);
    await page.goto('/overview');
    await page.locator('[data-testid=overview-table] [data-testid=overview-street]').first().waitFor();
    expect(await page.locator('[data-testid=export-monitoring]').count()).toBe(0);
  });
});
