import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

// Children's forms and files, shared by the browser tests. The database
// persists between runs, so every child gets a fresh name; names are plainly fictional.

const pad = (n: number) => String(n).padStart(2, '0');

export function ymd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function shifted(years: number, months: number, days = 0): Date {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years, d.getMonth() - months, d.getDate() - days);
  return d;
}

// A valid 18-character ID number (GB 11643) for the given birth date, with a random sequence.
export function idNumberFor(birth: Date): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const seq = String(Math.floor(Math.random() * 999) + 1).padStart(3, '0');
  const first17 = `411681${ymd(birth).replaceAll('-', '')}${seq}`;
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export function childName(label: string): string {
  return `测试儿童${label}${Date.now().toString(36).slice(-6)}`;
}

// Types a date and leaves the field. Tab, not Escape, closes the picker:
// Escape would also close a drawer the form sits in once the picker is gone.
export async function fillDate(input: Locator, value: string) {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await input.press('Tab');
}

export async function chooseOption(page: Page, field: string, option: string) {
  await page.locator(`#${field}`).click();
  const dropdown = page.locator('.ant-select-dropdown').filter({ has: page.locator(`#${field}_list`) });
  await dropdown.locator(`.ant-select-item-option[title="${option}"]`).click();
}

// Walks the district → street → community cascader.
export async function chooseCommunity(page: Page, field: string, path: string[]) {
  // A value already shown covers the input, so open the picker by its box.
  await page.locator(`.ant-cascader:has(#${field})`).click();
  const dropdown = page.locator('.ant-cascader-dropdown:visible');
  for (const [level, name] of path.entries()) {
    await dropdown.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
  }
  await dropdown.waitFor({ state: 'hidden' });
}

export interface ChildDraft {
  name: string;
  birth: Date;
  arrived: Date;
  idNumber?: string;
  pickCommunity: boolean;
}

export async function fillChildForm(page: Page, c: ChildDraft) {
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
export async function liveEligibility(page: Page): Promise<Locator> {
  const settled = page.locator('[data-stale=false] [data-testid=eligibility-alert]');
  await settled.waitFor();
  return settled;
}

export async function submitAndOpenFile(page: Page): Promise<string> {
  await page.locator('[data-testid=child-submit]').click();
  await page.waitForURL((url) => /^\/children\/[0-9a-f-]{36}$/.test(url.pathname));
  await page.locator('[data-testid=child-file]').waitFor();
  return new URL(page.url()).pathname.split('/')[2];
}
