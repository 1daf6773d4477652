/**
 * A helper reads their assist points (助攻积分) on a phone: the rows are named by their rule, the rules and caps in
 * force are shown, and a reopened order appears as reversal rows — the earlier grants stay in the ledger. An admin
 * publishes the next rule version from tomorrow in the rules form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, DESKTOP, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let dealId: string;

const pipelineYaml = `key: ap_e2e
name: 积分测试
stages:
  - key: s1
    name: 初步接触
    probability: 10
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  const admin = await server.as('admin');
  await created(admin, '/api/pipelines/import', { yaml: pipelineYaml });
  const teams = (await admin<{ items: { id: string; parentId: string | null }[] }>('GET', '/api/teams')).body.items;
  const company = teams.find((t) => t.parentId === null)!;
  const presales = await created(admin, '/api/teams', { name: '售前支持部', kind: 'team', parentId: company.id });
  await created(admin, '/api/users', { username: 'presales_1', displayName: '售前 徐工', password: 'password123', role: 'seller', teamId: presales.id });
  await created(admin, '/api/work-order-types', { key: 'presales', name: '售前支持', team: presales.id, response: '4bh', resolution: '16bh' });
  const seller = await server.as('seller_a');
  const customerId = (await created(seller, '/api/customers', { name: '宁波市第二医院' })).id;
  dealId = (await created(seller, '/api/deals', { title: '宁波二院 超声项目', customerId, pipelineId: 'ap_e2e' })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function patch(caller: ApiCaller, id: string, body: unknown) {
  const res = await caller('PATCH', `/api/work-orders/${id}`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('assist points in the browser', () => {
  it('the requester rates five stars; the helper sees grants named by rule, the rules and caps, then reversal rows after a reopen', async () => {
    const seller = await server.as('seller_a');
    const helper = await server.as('presales_1');
    const order = await created(seller, '/api/work-orders', { type: 'presales', subject: { type: 'deal', id: dealId }, title: '超声参数对比' });
    await patch(helper, order.id, { status: 'in_progress' });
    await patch(helper, order.id, { status: 'resolved', note: '已发对比表' });
    // The requester rates the help on the order page: five stars.
    const desk = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await desk.page.goto(`${server.baseUrl}/work-orders/${order.id}`);
      await desk.page.getByTestId('wo-rate').locator('li').nth(4).click();
      await expect.poll(async () => (await seller<{ rating: number | null }>('GET', `/api/work-orders/${order.id}`)).body.rating).toBe(5);
    } finally {
      await desk.context.close();
    }

    const phone = await loggedInPage(browser, server.baseUrl, 'presales_1', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/assist-points`);
      const entries = phone.page.getByTestId('points-entry');
      await entries.nth(2).waitFor();
      // Default rules: response in SLA 2, resolution in SLA 3, rating ≥ 4 gives 2.
      await expect(phone.page.getByTestId('points-total').locator('.ant-statistic-content-value').textContent()).resolves.toBe('7');
      const rows = await entries.allTextContents();
      expect(rows).toHaveLength(3);
      expect(rows.some((r) => r.includes('+2') && r.includes('按时响应') && r.includes('超声参数对比'))).toBe(true);
      expect(rows.some((r) => r.includes('+3') && r.includes('按时解决'))).toBe(true);
      expect(rows.some((r) => r.includes('+2') && r.includes('评分不低于 4 分'))).toBe(true);
      const rules = await phone.page.getByTestId('points-rules').textContent();
      expect(rules).toContain('每单上限 12 分，每人每周上限 40 分');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      // The customer had more questions: the resolution and the rating are reversed by new rows; the response stays.
      await patch(seller, order.id, { status: 'reopened', note: '客户还有疑问' });
      await phone.page.reload();
      await phone.page.locator('[data-testid="points-entry"][data-kind="reversal"]').nth(1).waitFor();
      expect(await entries.count()).toBe(5);
      const reversals = await phone.page.locator('[data-testid="points-entry"][data-kind="reversal"]').allTextContents();
      expect(reversals.every((r) => r.includes('冲回'))).toBe(true);
      expect(reversals.map((r) => r.match(/-\d+/)?.[0]).sort()).toEqual(['-2', '-3']);
      await expect(phone.page.getByTestId('points-total').locator('.ant-statistic-content-value').textContent()).resolves.toBe('2');
      // The month's leaderboard of the helper's team counts the net of the ledger.
      const board = phone.page.locator('.ant-card', { hasText: '团队排行榜 · 售前支持部' }).locator('tbody tr');
      await expect(board.allTextContents()).resolves.toEqual(['1售前 徐工2']);
      await phone.page.screenshot({ path: 'test-results/assist-points-phone.png', fullPage: true, animations: 'disabled' });
    } finally {
      await phone.context.close();
    }
    const ledger = (await helper<{ total: number; entries: Array<{ kind: string }> }>('GET', '/api/assist-points?userId=me')).body;
    expect(ledger.total).toBe(2);
    expect(ledger.entries.filter((e) => e.kind === 'grant')).toHaveLength(3);
  });

  it('an admin publishes new point values and a weekly cap from tomorrow; the rules in force and earned points stay', async () => {
    const desk = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await desk.page.goto(`${server.baseUrl}/admin/assist-points`);
      await desk.page.getByText('当前生效：第 0 版').waitFor();
      await desk.page.locator('tbody tr', { hasText: '按时响应' }).locator('input').last().fill('4');
      await desk.page.getByLabel('每人每周上限').fill('30');
      await desk.page.getByRole('button', { name: '发布新版本' }).click();
      await desk.page.getByText('已发布；过去月份的积分不会改变').waitFor();
    } finally {
      await desk.context.close();
    }
    const tomorrow = new Date(Date.now() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    type RuleSet = { version: number; effectiveFrom: string; rules: Array<{ kind: string; points: number }>; caps: { perOrder: number | null; perHelperWeek: number | null } };
    const rules = (await (await server.as('presales_1'))<{ inForce: RuleSet; versions: RuleSet[] }>('GET', '/api/assist-point-rules')).body;
    expect(rules.versions).toHaveLength(1);
    expect(rules.versions[0]).toMatchObject({ version: 1, effectiveFrom: tomorrow, caps: { perOrder: 12, perHelperWeek: 30 } });
    expect(rules.versions[0].rules.map((r) => [r.kind, r.points])).toEqual([
      ['response_in_sla', 4],
      ['resolution_in_sla', 3],
      ['rating_at_least', 2],
      ['deal_advanced_within', 3],
      ['deal_won_within', 5],
    ]);
    expect(rules.inForce.version).toBe(0);
    expect((await (await server.as('presales_1'))<{ total: number }>('GET', '/api/assist-points?userId=me')).body.total).toBe(2);
  });
});
