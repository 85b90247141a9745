import { describe, expect, it } from 'vitest';
import { expectSignedIn, signIn, useBrowser } from './helpers';
import { Api, closeDropdown, daysFromToday, deliveredMatch, fieldError, fillRange, pickOption, rowWith } from './fundingHelpers';

// Public money from a budget line to a paid invoice: Chaoyang civil affairs
// set up a budget line and a contract paid by the service hour and sign it;
// a reading need is served by the contracted organisation (set up through the
// API); civil affairs authorise the match, verify its two sessions; the
// organisation invoices; civil affairs accept and pay, and the report shows
// what a service hour cost.

describe('funded service purchases', () => {
  const { newPage } = useBrowser();

  it('a budget line and a signed contract pay for verified sessions, invoiced, accepted and paid once', async () => {
    const stamp = Date.now().toString(36);
    const lineName = `${new Date().getFullYear()}年朝阳区阅读陪伴专项（测试 ${stamp}）`;
    const contractTitle = `周六共读购买服务（测试 ${stamp}）`;

    const civil = await newPage();
    await signIn(civil, 'demo.civil.chaoyang');
    await expectSignedIn(civil);
    await civil.locator('[data-nav-key=funding]').click();
    await civil.locator('[data-testid=budget-table]').waitFor();
    await rowWith(civil, 'budget-table', '朝阳区流动儿童关爱服务购买（演示）').waitFor();

    // Money is typed in yuan: a fraction of a fen or a negative amount is refused before anything is sent.
    await civil.locator('[data-testid=create-budget]').click();
    const form = civil.locator('[data-testid=budget-form]');
    await form.waitFor();
    await form.locator('[data-testid=budget-name]').fill(`${lineName}（无效）`);
    await pickOption(civil, form.locator('[data-testid=budget-purpose]'), '阅读指导');
    await closeDropdown(civil);
    await form.locator('[data-testid=budget-amount]').fill('1000.005');
    await civil.locator('[data-testid=budget-submit]').click();
    await fieldError(civil, '金额最多保留两位小数（精确到分）').waitFor();
    await form.locator('[data-testid=budget-amount]').fill('-500');
    await civil.locator('[data-testid=budget-submit]').click();
    await fieldError(civil, '金额不能为负数').waitFor();
    expect(await civil.locator('[data-testid=budget-confirm-ok]').count()).toBe(0);
    await civil.locator('.ant-modal:visible .ant-modal-footer button').filter({ hasText: /^取\s*消$/ }).click();
    await form.waitFor({ state: 'detached' });
    const civilApi = await Api.signIn('demo.civil.chaoyang');
    const lines = await civilApi.query<{ budgetLines: { name: string }[] }>('{ budgetLines { name } }');
    expect(lines.budgetLines.map((l) => l.name)).not.toContain(`${lineName}（无效）`);

    // The valid budget line, confirmed before it is posted.
    await civil.locator('[data-testid=create-budget]').click();
    await form.waitFor();
    await form.locator('[data-testid=budget-name]').fill(lineName);
    expect(await form.locator('[data-testid=budget-funder]').textContent()).toContain('朝阳区');
    await form.locator('[data-testid=budget-amount]').fill('100,000');
    await pickOption(civil, form.locator('[data-testid=budget-purpose]'), '阅读指导');
    await closeDropdown(civil);
    await civil.locator('[data-testid=budget-submit]').click();
    const confirm = civil.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('¥100,000.00');
    await civil.locator('[data-testid=budget-confirm-ok]').click();
    await form.waitFor({ state: 'detached' });
    const line = rowWith(civil, 'budget-table', lineName);
    await line.waitFor();
    expect(await line.locator('[data-testid=budget-amount-cell]').textContent()).toBe('¥100,000.00');
    expect(await line.locator('[data-testid=budget-available]').textContent()).toBe('¥100,000.00');

    // A contract against it: 100 service hours at 150.00 yuan, a month in progress.
    await line.locator('[data-testid=budget-contracts]').click();
    await civil.locator('[data-testid=contracts-table]').waitFor();
    await civil.locator('[data-testid=create-contract]').click();
    const cform = civil.locator('[data-testid=contract-form]');
    await cform.waitFor();
    expect(await cform.locator('[data-testid=contract-budget-line]').textContent()).toContain(lineName);
    await pickOption(civil, cform.locator('[data-testid=contract-organisation]'), '晨曦社会工作服务中心（演示）', '晨曦');
    await cform.locator('[data-testid=contract-title]').fill(contractTitle);
    await pickOption(civil, cform.locator('[data-testid=contract-categories]'), '阅读指导');
    await closeDropdown(civil);
    await cform.locator('[data-testid=contract-price]').fill('150');
    await cform.locator('[data-testid=contract-quantity] input, input[data-testid=contract-quantity]').first().fill('100');
    await fillRange(civil, daysFromToday(-30), daysFromToday(150));
    await cform.locator('[data-testid=contract-targets]').fill('为 10 名流动儿童提供周六共读（测试）');
    expect(await cform.locator('[data-testid=contract-value]').textContent()).toContain('¥15,000.00');
    await civil.locator('[data-testid=contract-submit]').click();
    await cform.waitFor({ state: 'detached' });
    const contract = rowWith(civil, 'contracts-table', contractTitle);
    await contract.waitFor();
    expect(await contract.locator('[data-testid=contract-status]').textContent()).toBe('草稿');

    // Signing commits the contract's value against the budget line.
    await contract.locator('[data-testid=sign-contract]').click();
    const pop = civil.locator('.ant-popover:visible');
    await pop.waitFor();
    expect(await pop.textContent()).toContain('将从预算线承诺 ¥15,000.00');
    await pop.locator('[data-testid=sign-contract-ok]').click();
    await expect.poll(() => contract.locator('[data-testid=contract-status]').textContent()).toBe('执行中');
    await civil.locator('[data-testid=tab-budget]').click();
    await expect.poll(() => rowWith(civil, 'budget-table', lineName).locator('[data-testid=budget-available]').textContent()).toBe('¥85,000.00');

    // The organisation serves a reading need of a demo child: two sessions of an hour.
    const { matchId } = await deliveredMatch(stamp);

    // Civil affairs authorise the match on the contract.
    await civil.locator('[data-testid=tab-contracts]').click();
    await rowWith(civil, 'contracts-table', contractTitle).locator('[data-testid=contract-link]').click();
    await civil.locator('[data-testid=contract-detail]').waitFor();
    expect(await civil.locator('[data-testid=contract-title]').textContent()).toBe(contractTitle);
    await civil.locator('[data-testid=authorise-open]').click();
    const aform = civil.locator('[data-testid=authorise-form]');
    await aform.waitFor();
    await aform.locator('[data-testid=authorise-match]').click();
    await civil.locator(`.ant-select-dropdown:visible [data-match-id="${matchId}"]`).click();
    await aform.locator('[data-testid=authorise-units] input, input[data-testid=authorise-units]').first().fill('10');
    await civil.locator('[data-testid=authorise-submit]').click();
    await aform.waitFor({ state: 'detached' });
    await expect.poll(() => civil.locator('[data-testid=authorisations] .ant-table-row').count()).toBe(1);
    expect(await civil.locator('[data-testid=authorisations] .ant-table-row').textContent()).toContain('已用 0.0 / 共 10 小时');

    // Both sessions wait for verification, and are verified.
    await civil.goto('/funding?tab=verify');
    const pending = rowWith(civil, 'pending-deliveries', contractTitle);
    await expect.poll(() => pending.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      await pending.first().locator('[data-testid=verify-delivery]').click();
      await civil.locator('.ant-popover:visible [data-testid=verify-delivery-ok]').click();
      await expect.poll(() => pending.count()).toBe(1 - i);
    }

    // The organisation invoices the verified sessions: 2 hours at 150.00 yuan.
    const staff = await newPage();
    await signIn(staff, 'demo.orgstaff');
    await expectSignedIn(staff);
    await staff.goto('/funding');
    await rowWith(staff, 'contracts-table', contractTitle).waitFor();
    expect(await staff.locator('[data-testid=tab-budget]').count()).toBe(0);
    expect(await staff.locator('[data-testid=sign-contract], [data-testid=create-contract]').count()).toBe(0);
    await staff.locator('[data-testid=tab-invoices]').click();
    const submitInvoice = async () => {
      await staff.locator('[data-testid=create-invoice]').click();
      const iform = staff.locator('[data-testid=invoice-form]');
      await iform.waitFor();
      await pickOption(staff, iform.locator('[data-testid=invoice-contract]'), contractTitle);
      await staff.locator('[data-testid=invoice-submit]').click();
      return iform;
    };
    const iform = await submitInvoice();
    await iform.waitFor({ state: 'detached' });
    const invoice = rowWith(staff, 'invoices-table', contractTitle);
    await invoice.waitFor();
    expect(await invoice.locator('[data-testid=invoice-amount]').textContent()).toBe('¥300.00');
    expect(await invoice.locator('[data-testid=invoice-status]').textContent()).toBe('待审核');
    // Nothing verified is left to claim: the server says so in the form.
    const again = await submitInvoice();
    await again.locator('[data-testid=invoice-failure]').filter({ hasText: '这个期间没有已核实、尚未开票的服务' }).waitFor();
    await staff.locator('.ant-modal:visible .ant-modal-footer button').filter({ hasText: /^取\s*消$/ }).click();

    // Civil affairs accept the invoice and pay it in two parts; a double click pays once.
    await civil.goto('/funding?tab=invoices');
    const cinvoice = rowWith(civil, 'invoices-table', contractTitle);
    await cinvoice.waitFor();
    await cinvoice.locator('[data-testid=accept-invoice]').click();
    await civil.locator('.ant-popover:visible [data-testid=accept-invoice-ok]').click();
    await expect.poll(() => cinvoice.locator('[data-testid=invoice-status]').textContent()).toBe('已接受');
    await cinvoice.locator('[data-testid=record-payment]').click();
    const pform = civil.locator('[data-testid=payment-form]');
    await pform.waitFor();
    expect(await pform.locator('[data-testid=payment-amount]').inputValue()).toBe('300.00');
    await pform.locator('[data-testid=payment-amount]').fill('100.001');
    await civil.locator('[data-testid=payment-submit]').click();
    await fieldError(civil, '金额最多保留两位小数').waitFor();
    await pform.locator('[data-testid=payment-amount]').fill('100');
    await pform.locator('[data-testid=payment-reference]').fill(`国库集中支付 ${stamp}-1`);
    await civil.locator('[data-testid=payment-submit]').dblclick();
    await pform.waitFor({ state: 'detached' });
    await expect.poll(() => cinvoice.locator('[data-testid=invoice-paid]').textContent()).toBe('¥100.00');
    await cinvoice.locator('[data-testid=record-payment]').click();
    await pform.waitFor();
    expect(await pform.locator('[data-testid=payment-amount]').inputValue()).toBe('200.00');
    await pform.locator('[data-testid=payment-reference]').fill(`国库集中支付 ${stamp}-2`);
    await civil.locator('[data-testid=payment-submit]').click();
    await pform.waitFor({ state: 'detached' });
    await expect.poll(() => cinvoice.locator('[data-testid=invoice-status]').textContent()).toBe('已付清');
    expect(await cinvoice.locator('[data-testid=invoice-paid]').textContent()).toBe('¥300.00');

    // The contract's figures and the report: two hours delivered, 150.00 yuan an hour.
    await civil.goto('/funding?tab=report');
    const reported = rowWith(civil, 'report-contracts', contractTitle);
    await reported.waitFor();
    expect(await reported.locator('[data-testid=report-cost-per-hour]').textContent()).toBe('¥150.00');
    expect(await reported.locator('[data-testid=report-delivered]').textContent()).toBe('¥300.00');
    expect(await reported.locator('[data-testid=report-paid]').textContent()).toBe('¥300.00');
    expect(await reported.locator('[data-testid=report-hours]').textContent()).toBe('2.0');
    // The demo contract is paid by the hour at 200.00 yuan.
    expect(await rowWith(civil, 'report-contracts', '周末阅读陪伴购买服务（演示）').locator('[data-testid=report-cost-per-hour]').textContent()).toBe('¥200.00');
    await civil.locator('[data-testid=contract-chart] canvas').first().waitFor();
    await civil.locator('[data-testid=district-chart] canvas').first().waitFor();
    expect(await rowWith(civil, 'report-budget-lines', lineName).textContent()).toContain('¥15,000.00');

    // The workbook of the year downloads from the same link.
    const href = await civil.locator('[data-testid=export-funding]').getAttribute('href');
    expect(href).toBe(`/reports/funding.xlsx?year=${new Date().getFullYear()}`);
    const download = civil.waitForEvent('download');
    await civil.locator('[data-testid=export-funding]').click();
    expect((await download).suggestedFilename()).toBe(`funding-report-${new Date().getFullYear()}.xlsx`);

    await reported.locator('[data-testid=report-contract-title]').click();
    await civil.locator('[data-testid=contract-detail]').waitFor();
    expect(await civil.locator('[data-testid=figure-costPerHour] .ant-statistic-content-value').textContent()).toBe('¥150.00');
    expect(await civil.locator('[data-testid=figure-paid] .ant-statistic-content-value').textContent()).toBe('¥300.00');
    expect(await civil.locator('[data-testid=deliveries] [data-testid=delivery-status]').allTextContents()).toEqual(['已核实', '已核实']);
  });

  it('auditors read the money without acting on it; others do not see it', async () => {
    const auditor = await newPage();
    await signIn(auditor, 'demo.auditor');
    await expectSignedIn(auditor);
    await auditor.goto('/funding');
    await rowWith(auditor, 'budget-table', '朝阳区流动儿童关爱服务购买（演示）').waitFor();
    expect(await auditor.locator('[data-testid=create-budget]').count()).toBe(0);
    await auditor.locator('[data-testid=tab-contracts]').click();
    await rowWith(auditor, 'contracts-table', '周末阅读陪伴购买服务（演示）').waitFor();
    expect(await auditor.locator('[data-testid=create-contract], [data-testid=sign-contract], [data-testid=close-contract]').count()).toBe(0);
    expect(await auditor.locator('[data-testid=tab-verify]').count()).toBe(0);
    await auditor.locator('[data-testid=tab-invoices]').click();
    await rowWith(auditor, 'invoices-table', '周末阅读陪伴购买服务（演示）').first().waitFor();
    expect(await auditor.locator('[data-testid=accept-invoice], [data-testid=record-payment], [data-testid=create-invoice]').count()).toBe(0);

    // A community director has no money to see: no menu item, no page, no workbook.
    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    expect(await director.locator('[data-nav-key=funding]').count()).toBe(0);
    await director.goto('/funding');
    await director.locator('.ant-result-403').waitFor();
    const refused = await director.request.get('/reports/funding.xlsx');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  });
});
