import { describe, expect, it } from 'vitest';
import { expectSignedIn, signIn, useBrowser } from './helpers';
import { childIdByName, daysAgo, inboxCard, logSession, raiseNeed, statisticValue } from './matchingHelpers';

// The closed loop of one need: a community director matches a reading need of
// a demo child with the demo volunteer who lives in the same street; the
// volunteer accepts on a phone, reads the child's minimal profile, logs two
// sessions; the organisation approves the hours; the match completes and the
// need is met.

const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

describe('matching and the closed loop', () => {
  const { newPage } = useBrowser();

  it('a need is matched, served, its hours approved and the need met', async () => {
    const stamp = Date.now().toString(36);
    const description = `希望周六上午有人陪伴阅读（匹配测试 ${stamp}）`;
    const notes = [`共读绘本（测试 ${stamp}）`, `读完一本书（测试 ${stamp}）`];

    // The director raises a fresh need on 演示儿童甲's file.
    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    const childId = await childIdByName(director, '演示儿童甲');
    await director.goto(`/children/${childId}`);
    await director.locator('[data-testid=child-file]').waitFor();
    const needRow = await raiseNeed(director, {
      description,
      category: '阅读指导',
      place: '住所附近',
      language: '普通话',
      window: { day: '周六', start: '09:00', end: '12:00' },
    });
    expect(await needRow.locator('[data-testid=need-status]').textContent()).toBe('待匹配');

    // The matching screen ranks the volunteer and explains why.
    await needRow.locator('[data-testid=match-need]').click();
    await director.waitForURL((url) => /^\/matching\/need\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(new URL(director.url()).searchParams.get('child')).toBe(childId);
    await director.locator('[data-testid=need-summary]').waitFor();
    expect(await director.locator('[data-testid=need-summary]').textContent()).toContain(description);
    const candidate = director.locator('[data-testid=candidate][data-entity=VOLUNTEER]').filter({ hasText: '小林（演示）' });
    await candidate.waitFor();
    expect(await candidate.locator('[data-testid=entity-tag]').textContent()).toBe('志愿者');
    const factors = await candidate.locator('[data-testid=factor-text]').allTextContents();
    expect(factors.find((f) => f.startsWith('距离'))).toMatch(/^距离 \d+\.\d 公里：\+\d+(\.\d)? \/ 40$/);
    expect(factors).toContain('覆盖 1/1 个偏好时段：+20 / 20');
    expect(factors).toContain('会说儿童熟悉的语言或方言：+15 / 15');
    expect(factors.find((f) => f.startsWith('完成率'))).toMatch(/\/ 5$/);
    expect(factors.find((f) => f.startsWith('进行中'))).toMatch(/\/ 5$/);
    await candidate.locator('[data-testid=candidate-send]').click();
    await candidate.locator('[data-testid=candidate-matched]').waitFor();
    const matchHref = await candidate.locator('[data-testid=candidate-match-link]').getAttribute('href');
    const matchId = matchHref?.split('/').pop() ?? '';
    expect(matchId).toMatch(/^[0-9a-f-]{36}$/);
    const existing = director.locator('[data-testid=need-matches] .ant-table-row').filter({ hasText: '小林（演示）' });
    await expect.poll(() => existing.locator('[data-testid=match-status]').textContent()).toBe('已发送');

    // The volunteer, on a phone, sees the request and accepts it.
    const volunteer = await newPage(phone);
    await signIn(volunteer, 'demo.volunteer');
    await expectSignedIn(volunteer);
    await expect.poll(async () => Number(await volunteer.locator('[data-testid=notification-bell]').getAttribute('data-unread'))).toBeGreaterThan(0);
    await volunteer.goto('/inbox');
    const card = inboxCard(volunteer, matchId);
    await card.waitFor();
    expect(await card.getAttribute('data-status')).toBe('REQUESTED');
    expect(await card.locator('[data-testid=inbox-title]').textContent()).toBe('小林（演示）');
    // Nothing on the card runs off a phone's screen.
    const box = await card.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(390);
    await card.locator('[data-testid=accept-match]').click();
    await volunteer.locator('.ant-popover:visible [data-testid=accept-match-ok]').click();
    await volunteer.waitForURL((url) => url.pathname === '/inbox' && url.searchParams.get('tab') === 'active');
    await expect.poll(() => card.getAttribute('data-status')).toBe('ACCEPTED');

    // The guardian agreed to share the minimal profile with providers.
    await card.locator('[data-testid=open-child-profile]').click();
    const profile = volunteer.locator('.ant-modal:visible [data-testid=child-profile]');
    await profile.waitFor();
    expect(await profile.locator('[data-testid=child-profile-name]').textContent()).toBe('演示儿童甲');
    expect(await profile.textContent()).toContain(description);
    await volunteer.locator('.ant-modal:visible .ant-modal-footer button').click();
    await profile.waitFor({ state: 'detached' });

    // Two sessions in the past, attended; the first puts the match in progress.
    await logSession(volunteer, card, daysAgo(3), '09:00', '10:30', notes[0]);
    await expect.poll(() => card.getAttribute('data-status')).toBe('IN_PROGRESS');
    await logSession(volunteer, card, daysAgo(2), '09:30', '11:00', notes[1]);
    await expect.poll(() => card.locator('[data-testid=sessions] [data-testid=session]').count()).toBe(2);
    expect(await card.locator('[data-testid=session-hours]').allTextContents()).toEqual(['待审核', '待审核']);

    // The organisation approves both sessions' hours.
    const orgadmin = await newPage();
    await signIn(orgadmin, 'demo.orgadmin');
    await expectSignedIn(orgadmin);
    await orgadmin.goto('/hours');
    const pending = orgadmin.locator('[data-testid=pending-hours-table] .ant-table-row').filter({ hasText: '小林（演示）' });
    await expect.poll(() => pending.count()).toBeGreaterThanOrEqual(2);
    expect(await orgadmin.locator('[data-testid=pending-hours-table]').textContent()).toContain('demo.volunteer');
    for (const note of notes) {
      await pending.filter({ hasText: note }).locator('.ant-checkbox-input').check();
    }
    await orgadmin.locator('[data-testid=approve-hours]').click();
    await orgadmin.locator('.ant-popover:visible [data-testid=approve-hours-ok]').click();
    await expect.poll(() => pending.filter({ hasText: `测试 ${stamp}` }).count()).toBe(0);

    // The volunteer's hours page shows the approved total, and the certificate can be had.
    await volunteer.goto('/hours');
    await expect.poll(() => statisticValue(volunteer, 'approved-hours')).toBeGreaterThanOrEqual(3);
    expect(await volunteer.locator('[data-testid=sessions] [data-testid=session-hours]').first().textContent()).toBe('已通过');
    const certificate = await volunteer.request.get('/certificates/volunteer-hours.pdf');
    expect(certificate.status()).toBe(200);
    expect(certificate.headers()['content-type']).toContain('pdf');
    const download = volunteer.waitForEvent('download');
    await volunteer.locator('[data-testid=download-certificate]').click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    // The volunteer marks the match completed.
    await volunteer.goto('/inbox?tab=active');
    await card.waitFor();
    await card.locator('[data-testid=complete-match]').click();
    await volunteer.locator('.ant-popover:visible [data-testid=complete-match-ok]').click();
    await card.waitFor({ state: 'detached' });
    await volunteer.goto('/inbox?tab=ended');
    await expect.poll(() => inboxCard(volunteer, matchId).getAttribute('data-status')).toBe('COMPLETED');

    // The director sees the need met, the match in the service history, and is told.
    await director.goto(`/children/${childId}`);
    await director.locator('[data-testid=child-file]').waitFor();
    await director.locator('[data-testid=tab-needs]').click();
    const met = director.locator('[data-testid=needs] .ant-table-row').filter({ hasText: description });
    await expect.poll(() => met.locator('[data-testid=need-status]').textContent()).toBe('已满足');
    await director.locator('[data-testid=tab-services]').click();
    const service = director.locator('[data-testid=service-history] .ant-table-row').filter({ has: director.locator(`a[href="/matching/match/${matchId}"]`) });
    await service.waitFor();
    expect(await service.textContent()).toContain('小林（演示）');
    expect(await service.locator('[data-testid=match-status]').textContent()).toBe('已完成');

    await expect.poll(async () => Number(await director.locator('[data-testid=notification-bell]').getAttribute('data-unread'))).toBeGreaterThan(0);
    await director.locator('[data-testid=notification-bell]').click();
    await director.locator('[data-testid=notifications] [data-testid=notification]').first().waitFor();
    await director.locator('[data-testid=notifications-read-all]').click();
    await expect.poll(async () => Number(await director.locator('[data-testid=notification-bell]').getAttribute('data-unread'))).toBe(0);

    // The match's own page keeps its history.
    await service.locator(`a[href="/matching/match/${matchId}"]`).click();
    await director.locator('[data-testid=match-detail]').waitFor();
    expect(await director.locator('[data-testid=match-history] [data-testid=match-event]').count()).toBeGreaterThanOrEqual(4);
    expect(await director.locator('[data-testid=match-detail] [data-testid=sessions] .ant-table-row').count()).toBe(2);
  });

  it('proposals are sent from the board; civil affairs share without consent only with a reason; a declined request reopens the need', async () => {
    const stamp = Date.now().toString(36);
    const description = `希望有人书信陪伴（匹配测试 ${stamp}）`;

    const director = await newPage();
    await signIn(director, 'demo.director');
    await expectSignedIn(director);
    const childId = await childIdByName(director, '演示儿童甲');
    await director.goto(`/children/${childId}`);
    await director.locator('[data-testid=child-file]').waitFor();
    const needRow = await raiseNeed(director, {
      description,
      category: '书信陪伴',
      place: '住所附近',
      language: '普通话',
      window: { day: '周六', start: '09:00', end: '12:00' },
    });
    await needRow.locator('[data-testid=match-need]').click();
    const candidate = director.locator('[data-testid=candidate][data-entity=VOLUNTEER]').filter({ hasText: '小林（演示）' });
    await candidate.waitFor();
    // A long-term pairing is offered for letter companionship.
    await candidate.locator('[data-testid=pairing-toggle]').click();
    await candidate.locator('input[data-testid=pairing-times], [data-testid=pairing-times] input').first().fill('2');
    await candidate.locator('input[data-testid=pairing-weeks], [data-testid=pairing-weeks] input').first().fill('8');
    await candidate.locator('[data-testid=candidate-propose]').click();
    await candidate.locator('[data-testid=candidate-matched]').waitFor();
    const matchId = (await candidate.locator('[data-testid=candidate-match-link]').getAttribute('href'))?.split('/').pop() ?? '';

    // The proposal waits on the board until it is sent.
    await director.goto('/matching?status=PROPOSED');
    const row = director.locator(`[data-testid=board-table] .ant-table-row[data-row-key="${matchId}"]`);
    await row.waitFor();
    expect(await row.locator('[data-testid=match-status]').textContent()).toBe('待发送');
    expect(await row.locator('[data-testid=board-child]').textContent()).toBe('演示儿童甲');
    await row.locator('.ant-checkbox-input').check();
    await director.locator('[data-testid=send-selected]').click();
    await director.locator('.ant-popover:visible [data-testid=send-selected-ok]').click();
    await row.waitFor({ state: 'detached' });
    await director.goto(`/matching/match/${matchId}`);
    await director.locator('[data-testid=match-detail]').waitFor();
    expect(await director.locator('[data-testid=match-detail] .ant-card-head [data-testid=match-status]').first().textContent()).toBe('已发送');
    expect(await director.locator('[data-testid=pairing]').textContent()).toContain('每月 2 次，共 8 周');
    // Only civil affairs may share without consent.
    expect(await director.locator('[data-testid=override-consent]').count()).toBe(0);

    const civil = await newPage();
    await signIn(civil, 'demo.civil.chaoyang');
    await expectSignedIn(civil);
    await civil.goto(`/matching/match/${matchId}`);
    await civil.locator('[data-testid=override-consent]').click();
    await civil.locator('[data-testid=override-reason]').fill('情况紧急');
    await civil.locator('[data-testid=override-ok]').click();
    await civil.getByText('理由至少 10 个字').waitFor();
    await civil.locator('[data-testid=override-reason]').fill('监护人长期在外务工联系不上，儿童急需陪伴（测试）');
    await civil.locator('[data-testid=override-ok]').click();
    await civil.locator('[data-testid=consent-override]').waitFor();
    expect(await civil.locator('[data-testid=override-consent]').count()).toBe(0);

    // Auditors read the match without acting on it.
    const auditor = await newPage();
    await signIn(auditor, 'demo.auditor');
    await expectSignedIn(auditor);
    await auditor.goto(`/matching/match/${matchId}`);
    await auditor.locator('[data-testid=match-detail]').waitFor();
    expect(await auditor.locator('[data-testid=match-actions]').count()).toBe(0);
    await auditor.goto('/matching');
    await auditor.locator('[data-testid=board-table]').waitFor();
    expect(await auditor.locator('[data-testid=batch-match]').count()).toBe(0);

    // The volunteer declines with a reason; the need opens again.
    const volunteer = await newPage();
    await signIn(volunteer, 'demo.volunteer');
    await expectSignedIn(volunteer);
    await volunteer.goto('/inbox');
    const card = inboxCard(volunteer, matchId);
    await card.waitFor();
    await card.locator('[data-testid=decline-match]').click();
    await volunteer.locator('[data-testid=decline-ok]').click();
    await volunteer.locator('.ant-modal:visible .ant-form-item-explain-error').filter({ hasText: '请选择原因' }).waitFor();
    await volunteer.locator('[data-testid=decline-reason]').click();
    await volunteer.locator('.ant-select-dropdown:visible .ant-select-item-option[title="时间冲突"]').click();
    await volunteer.locator('[data-testid=decline-note]').fill('周六上午另有安排（测试）');
    await volunteer.locator('[data-testid=decline-ok]').click();
    await card.waitFor({ state: 'detached' });
    await volunteer.goto('/inbox?tab=ended');
    await expect.poll(() => inboxCard(volunteer, matchId).getAttribute('data-status')).toBe('DECLINED');

    await director.goto(`/matching/match/${matchId}`);
    await director.locator('[data-testid=match-history]').waitFor();
    expect(await director.locator('[data-testid=match-history]').textContent()).toContain('原因：时间冲突');
    expect(await director.locator('[data-testid=match-facts] [data-testid=need-status]').textContent()).toBe('待匹配');
  });
});
