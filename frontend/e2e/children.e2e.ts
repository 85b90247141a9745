import { describe, expect, it } from 'vitest';
import { expectSignedIn, signIn, useBrowser } from './helpers';
import { childName, fillChildForm, idNumberFor, liveEligibility, shifted, submitAndOpenFile, ymd } from './childHelpers';

// Children's files. The database persists between runs, so every child gets a
// fresh name; names are plainly fictional.

describe("children's files", () => {
  const { newPage } = useBrowser();

  it('a community director registers an eligible child and lands on the file', async () => {
    const page = await newPage();
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    // The home page counts the children due for review and links to them.
    await page.locator('[data-testid=review-due-count] .ant-statistic-content-value').waitFor();
    await page.locator('[data-testid=review-due-card] a[href="/children?reviewDue=1"]').click();
    await page.waitForURL((url) => url.pathname === '/children' && url.searchParams.get('reviewDue') === '1');
    expect(await page.locator('[data-testid=filter-review-due]').getAttribute('aria-checked')).toBe('true');
    await page.locator('[data-testid=nav-menu] [data-nav-key=children]').click();
    await page.waitForURL((url) => url.pathname === '/children' && url.search === '');
    await page.locator('[data-testid=register-child]').click();
    await page.waitForURL((url) => url.pathname === '/children/new');

    const name = childName('甲');
    const birth = shifted(8, 0, Math.floor(Math.random() * 300));
    await fillChildForm(page, { name, birth, arrived: shifted(2, 0), idNumber: idNumberFor(birth), pickCommunity: false });
    const alert = await liveEligibility(page);
    expect(await alert.getAttribute('data-eligible')).toBe('true');
    expect(await alert.textContent()).toContain('符合流动儿童认定条件');

    await submitAndOpenFile(page);
    expect(await page.locator('[data-testid=child-name]').textContent()).toBe(name);
    expect(await page.locator('[data-testid=child-file] [data-testid=eligibility-tag]').first().textContent()).toBe('符合');
    // The ID number is masked until asked for; the name never reaches the address or the title.
    const masked = await page.locator('[data-testid=id-number]').textContent();
    expect(masked).toMatch(/^411681\*{8}\d{3}[\dX]$/);
    await page.locator('[data-testid=toggle-id-number]').click();
    expect(await page.locator('[data-testid=id-number]').textContent()).toMatch(/^411681\d{11}[\dX]$/);
    expect(page.url()).not.toContain(encodeURIComponent(name));
    expect(await page.title()).not.toContain(name);
    await page.locator('[data-testid=edit-child]').waitFor();
  });

  it('a community director registers a child who arrived two months ago; the file says why it is not eligible', async () => {
    const page = await newPage();
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    await page.goto('/children/new');

    const name = childName('乙');
    await fillChildForm(page, { name, birth: shifted(9, 3), arrived: shifted(0, 2), pickCommunity: true });
    const alert = await liveEligibility(page);
    expect(await alert.getAttribute('data-eligible')).toBe('false');
    expect(await alert.locator('[data-testid=eligibility-reason]').allTextContents()).toContain('来京居住不满6个月');

    await submitAndOpenFile(page);
    expect(await page.locator('[data-testid=child-name]').textContent()).toBe(name);
    const fileAlert = page.locator('[data-testid=file-eligibility]');
    expect(await fileAlert.getAttribute('data-eligible')).toBe('false');
    expect(await fileAlert.textContent()).toContain('来京居住不满6个月');
  });

  it('an auditor reads a file without editing; district civil affairs see that read in the access log', async () => {
    const auditor = await newPage();
    await signIn(auditor, 'demo.auditor');
    await expectSignedIn(auditor);
    await auditor.goto('/children');
    await auditor.locator('.ant-table-row').first().waitFor();
    expect(await auditor.locator('[data-testid=register-child]').count()).toBe(0);
    await auditor.locator('.ant-table-row').first().click();
    await auditor.waitForURL((url) => /^\/children\/[0-9a-f-]{36}$/.test(url.pathname));
    await auditor.locator('[data-testid=child-profile]').waitFor();
    const path = new URL(auditor.url()).pathname;
    expect(await auditor.locator('[data-testid=edit-child]').count()).toBe(0);
    expect(await auditor.locator('[data-testid=review-child]').count()).toBe(0);
    await auditor.locator('[data-testid=tab-guardians]').click();
    await auditor.locator('[data-testid=consent-current]').waitFor();
    expect(await auditor.locator('[data-testid=record-consent]').count()).toBe(0);

    const civil = await newPage();
    await signIn(civil, 'demo.civil.chaoyang');
    await expectSignedIn(civil);
    await civil.goto(path);
    await civil.locator('[data-testid=child-profile]').waitFor();
    await civil.locator('[data-testid=tab-views]').click();
    await civil.locator('[data-testid=child-views] [data-testid=view-actor]').first().waitFor();
    expect(await civil.locator('[data-testid=child-views] [data-testid=view-actor]').allTextContents()).toContain('demo.auditor');
  });

  it('a community director does not see the access log tab', async () => {
    const page = await newPage();
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    await page.goto('/children');
    await page.locator('.ant-table-row').first().click();
    await page.locator('[data-testid=child-profile]').waitFor();
    expect(await page.locator('[data-testid=tab-views]').count()).toBe(0);
    expect(await page.locator('[data-testid=tab-guardians]').count()).toBe(1);
  });

  it('a second child with the same name and birth date is confirmed as different; consent, review and edit work on the file', async () => {
    const page = await newPage();
    await signIn(page, 'demo.director');
    await expectSignedIn(page);
    const name = childName('丙');
    const birth = shifted(6, 5);
    const draft = { name, birth, arrived: shifted(1, 0), pickCommunity: false };
    await page.goto('/children/new');
    await fillChildForm(page, draft);
    const first = await submitAndOpenFile(page);

    await page.goto('/children/new');
    await fillChildForm(page, draft);
    await page.locator('[data-testid=child-submit]').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title', { hasText: '已有同名且出生日期相同的儿童' }).waitFor();
    await confirm.getByRole('button', { name: '确认为不同儿童' }).click();
    await page.waitForURL((url) => /^\/children\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(first));
    await page.locator('[data-testid=child-profile]').waitFor();

    // Consent of the guardian to receiving services.
    await page.locator('[data-testid=tab-guardians]').click();
    await page.locator('[data-testid=record-consent]').click();
    await page.locator('[data-testid=consent-submit]').click();
    await page.locator('[data-testid=consent-history] .ant-table-row').first().waitFor();
    const services = page.locator('[data-testid=consent-current] .ant-table-row[data-row-key=SERVICES]');
    await expect.poll(() => services.textContent()).toContain('同意');
    expect(await services.textContent()).not.toContain('不同意');

    // The half-yearly review.
    await page.locator('[data-testid=tab-profile]').click();
    await page.locator('[data-testid=review-child]').click();
    await page.locator('[data-testid=review-note]').fill('已入户核实');
    await page.getByRole('button', { name: '确认复核' }).click();
    await expect.poll(() => page.locator('[data-testid=child-profile]').textContent()).toContain(ymd(new Date()));
    await expect.poll(() => page.locator('[data-testid=child-reviews]').textContent()).toContain('已入户核实');

    // Editing keeps what was entered and saves the change.
    await page.locator('[data-testid=edit-child]').click();
    await page.waitForURL((url) => url.pathname.endsWith('/edit'));
    const form = page.locator('[data-testid=child-form]');
    expect(await form.locator('#name').inputValue()).toBe(name);
    await form.locator('#school').fill('示例中学');
    await page.locator('[data-testid=child-submit]').click();
    await page.waitForURL((url) => /^\/children\/[0-9a-f-]{36}$/.test(url.pathname));
    await expect.poll(() => page.locator('[data-testid=child-profile]').textContent()).toContain('示例中学');
  });
});
