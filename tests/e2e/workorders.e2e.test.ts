/**
 * Work orders in the browser: a seller requests presales help from a deal page in two taps and sees the clocks; a
 * presales helper finds it in their queue (sorted by due time, SLA colour) and responds with one tap on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { created, DESKTOP, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;
let dealId: string;

const pipelineYaml = `key: wo_e2e
name: 工单测试
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
  admin = await server.as('admin');
  await created(admin, '/api/pipelines/import', { yaml: pipelineYaml });
  const teams = (await admin<{ items: { id: string; name: string; parentId: string | null }[] }>('GET', '/api/teams')).body.items;
  const company = teams.find((t) => t.parentId === null)!;
  const presales = await created(admin, '/api/teams', { name: '售前支持部', kind: 'team', parentId: company.id });
  await created(admin, '/api/users', { username: 'presales_1', displayName: '售前 徐工', password: 'password123', role: 'seller', teamId: presales.id });
  await created(admin, '/api/work-order-types', { key: 'presales', name: '售前支持', team: presales.id, response: '4bh', resolution: '16bh' });
  const seller = await server.as('seller_a');
  const customerId = (await created(seller, '/api/customers', { name: '杭州市第一人民医院' })).id;
  dealId = (await created(seller, '/api/deals', { title: '杭州一院 DR 项目', customerId, pipelineId: 'wo_e2e' })).id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('work orders in the browser', () => {
  it('a seller requests help from a deal in two taps; the helper responds with one tap on a phone', async () => {
    const seller = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await seller.page.goto(`${server.baseUrl}/deals/${dealId}`);
      await seller.page.getByTestId('request-help').click();
      await seller.page.getByTestId('help-type-presales').click();
      await seller.page.getByTestId('sla-response').waitFor();
      expect(await seller.page.getByTestId('sla-response').getAttribute('data-status')).toBe('running');
      expect(await seller.page.getByTestId('wo-status').textContent()).toBe('待受理');
    } finally {
      await seller.context.close();
    }
    const orders = (await (await server.as('seller_a'))<{ items: { id: string; title: string }[] }>('GET', '/api/work-orders?view=mine')).body.items;
    expect(orders.map((o) => o.title)).toEqual(['售前支持：杭州一院 DR 项目']);

    const helper = await loggedInPage(browser, server.baseUrl, 'presales_1', PHONE);
    try {
      await helper.page.goto(`${server.baseUrl}/work-orders`);
      await helper.page.getByRole('tab', { name: /我的队列/ }).click();
      await helper.page.getByTestId('respond').first().click();
      await expect.poll(async () => (await (await server.as('presales_1'))<{ status: string; sla: { response: { status: string } } }>('GET', `/api/work-orders/${orders[0].id}`)).body).toMatchObject({ status: 'in_progress', sla: { response: { status: 'hit' } } });
    } finally {
      await helper.context.close();
    }
  });

  it('waiting for the seller pauses the resolution clock in the seller’s list; the seller attaches the file and supplies on the order, and it runs again', async () => {
    const [order] = (await (await server.as('seller_a'))<{ items: { id: string }[] }>('GET', '/api/work-orders?view=mine')).body.items;
    const waiting = await (await server.as('presales_1'))('PATCH', `/api/work-orders/${order.id}`, { status: 'waiting_requester', note: '请补充医院网络拓扑' });
    expect(waiting.status, JSON.stringify(waiting.body)).toBe(200);
    const seller = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await seller.page.goto(`${server.baseUrl}/work-orders`);
      const row = seller.page.getByTestId('work-order-row').filter({ hasText: '杭州一院 DR 项目' });
      await row.waitFor();
      const text = await row.textContent();
      expect(text).toContain('待销售补充');
      expect(text).toContain('响应 · 达标');
      expect(text).toContain('解决 · 已暂停');
      await row.getByRole('link', { name: '售前支持：杭州一院 DR 项目' }).click();
      await expect.poll(() => seller.page.getByTestId('sla-resolution').getAttribute('data-status')).toBe('paused');
      await seller.page.getByTestId('waiting-minutes').waitFor();
      // What the helper asked for goes onto the order as a file.
      const files = seller.page.getByTestId('wo-attachments');
      await files.locator('input[type=file]').setInputFiles({ name: '网络拓扑.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') });
      await files.getByRole('link', { name: '网络拓扑.pdf' }).waitFor();
      await seller.page.getByTestId('wo-note').fill('拓扑图已补充');
      await seller.page.getByTestId('move-in_progress').click();
      await expect.poll(() => seller.page.getByTestId('sla-resolution').getAttribute('data-status')).toBe('running');
      expect(await seller.page.getByTestId('wo-status').textContent()).toBe('处理中');
    } finally {
      await seller.context.close();
    }
    const seen = (await (await server.as('presales_1'))<{ items: Array<{ filename: string }> }>('GET', `/api/attachments?entity=work_order&entityId=${order.id}`)).body.items;
    expect(seen.map((f) => f.filename)).toEqual(['网络拓扑.pdf']);
    const after = (await (await server.as('seller_a'))<{ status: string; history: Array<{ status: string; note: string | null }> }>('GET', `/api/work-orders/${order.id}`)).body;
    expect(after.status).toBe('in_progress');
    expect(after.history.slice(-2).map((h) => [h.status, h.note])).toEqual([
      ['waiting_requester', '请补充医院网络拓扑'],
      ['in_progress', '拓扑图已补充'],
    ]);
  });

  it('an admin edits the escalation ladder in the type form: a new level telling the requester, saved as version 2 with the ladder', async () => {
    const page = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.page.goto(`${server.baseUrl}/admin/work-order-types`);
      await page.page.getByRole('button', { name: '编辑类型' }).first().click();
      const levels = page.page.getByTestId('wot-ladder-level');
      await levels.first().waitFor();
      expect(await levels.count()).toBe(3); // the default helper → lead → department head
      await page.page.getByTestId('wot-add-level').click();
      const fourth = levels.nth(3);
      await fourth.locator('input[role="spinbutton"]').fill('2');
      await fourth.locator('.ant-select-selection-overflow').last().click();
      await page.page.locator('.ant-select-dropdown:visible').getByText('发起人', { exact: true }).click();
      await page.page.keyboard.press('Escape');
      await page.page.getByRole('button', { name: /OK|确\s*定/ }).click();
      await page.page.getByText('已保存（新版本只用于新工单）').waitFor();
    } finally {
      await page.context.close();
    }
    const type = (await admin<{ version: number; escalation: Array<{ clock: string; at: number; notify: string[] }> }>('GET', '/api/work-order-types/presales')).body;
    expect(type.version).toBe(2);
    expect(type.escalation).toEqual([
      { clock: 'response', at: 1, notify: ['helper'] },
      { clock: 'resolution', at: 1, notify: ['helper', 'helper.lead'] },
      { clock: 'resolution', at: 1.5, notify: ['department_head'] },
      { clock: 'resolution', at: 2, notify: ['helper.lead', 'requester'] },
    ]);
  });

  it('the month report shows the resolved order per type beside the time it waited for the requester', async () => {
    const orders = (await (await server.as('seller_a'))<{ items: { id: string }[] }>('GET', '/api/work-orders?view=mine')).body.items;
    const resolved = await (await server.as('presales_1'))('PATCH', `/api/work-orders/${orders[0].id}`, { status: 'resolved' });
    expect(resolved.status).toBe(200);
    const page = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.page.goto(`${server.baseUrl}/work-orders`);
      await page.page.getByRole('tab', { name: '月度报表' }).click();
      const row = page.page.getByTestId('wo-report').locator('tbody tr', { hasText: '售前支持' });
      await row.waitFor();
      const cells = await row.locator('td').allTextContents();
      expect(cells.slice(0, 2)).toEqual(['售前支持', '1']);
    } finally {
      await page.context.close();
    }
  });
});

