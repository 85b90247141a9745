import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectSignedIn, signIn, useBrowser } from './helpers';

// Children's files. The database persists between runs, so every child gets a
// fresh name; names are plainly fictional.

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function shifted(years: number, months: number, days = 0): Date {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth() - months, d.getDate() - days);
  return d;
}

// A valid 18-character ID number (GB 11643) for the given birth date, with a random sequence.
function idNumberFor(birth: Date): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const seq = String(Math.floor(Math.random() * 999) + 1).padStart(3, '0');
  const first17 = `411681${ymd(birth).replaceAll('-', '')}${seq}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

function childName(label: string): string {
  return `测试儿童${label}${Date.now().toString(36).slice(-6)}`;
}

async function fillDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await input.page().keyboard.press('Escape');
}

async function chooseOption(page: Page, field: string, option: string) {
  await page.locator(`#${field}`).click();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`#${field}_list`) });
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
}

// Walks the district → street → community cascader.
async function chooseCommunity(page: Page, field: string, path: string[]) {
  // A value already shown covers the input, so open the picker by its box.
  await page.locator(`.ant-cascader:has(#${field})`).click();
  const dropdown = page.locator('.ant-cascader-dropdown:visible');
  for (const [level, name] of path.entries()) {
    await dropdown.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
  }
  await dropdown.waitFor({ state: 'hidden' });
}

interface ChildDraft {
  name: string;
  birth: Date;
  arrived: Date;
  idNumber?: string;
  pickCommunity: boolean;
}

async function fillChildForm(page: Page, c: ChildDraft) {
  const form = page.locator('[data-testid=child-form]');
  await form.waitFor();
  await form.locator('#name').fill(c.name);
  await form.locator('label').filter({ hasText: /^女$/ }).click();
  await fillDate(form.locator('#birthDate'), ymd(c.birth));
  if (c.idNumber) {
    // A wrong check character is caught before anything is sent.
    const wrong = c.idNumber.slice(0, 17) + (c.idNumber[17] === '0' ? '1' : '0');
    await form.locator('#idNumber').fill(wrong);
    await form.locator('#idNumber').blur();
    await form.getByText('身份证号码校验位不正确，请核对').waitFor();
    await form.locator('#idNumber').fill(c.idNumber);
  } else {
    await form.locator('[data-testid=no-id-switch]').click();
    await form.locator('#noIdReason').fill('尚未办理户口登记');
  }
  await form.locator('#hukou_province').fill('河南省');
  await form.locator('#hukou_city').fill('周口市');
  await form.locator('#hukou_county').fill('项城市');
  await chooseOption(page, 'movedWith', '随父母双方');
  await fillDate(form.locator('#arrivedOn'), ymd(c.arrived));
  if (c.pickCommunity) {
    await chooseCommunity(page, 'communityId', ['朝阳区', '建外街道', '建外示例社区（演示）']);
  } else {
    // A community director starts in their own community.
    await expect.poll(() => form.locator('.ant-cascader').textContent()).toContain('建外示例社区（演示）');
  }
  await form.locator('#school').fill('示例小学');
  await form.locator('#guardians_0_name').fill('测试家长');
  await form.locator('#guardians_0_relation').fill('母亲');
  await form.locator('#guardians_0_phone').fill('13800138000');
}

// The live eligibility answer for what is on the form, once it has settled.
async function liveEligibility(page: Page): Promise<Locator> {
  const settled = page.locator('[data-stale=false] [data-testid=eligibility-alert]');
  await settled.waitFor();
  return settled;
}

async function submitAndOpenFile(page: Page): Promise<string> {
  await page.locator('[data-testid=child-submit]').click();
  await page.waitForURL((url) => /^\/children\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.locator('[data-testid=child-file]').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}

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
