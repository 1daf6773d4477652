import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createCustomerWithDeal, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

const PIPELINE = `key: quote_gate
name: 报价流程
stages:
  - key: negotiate
    name: 价格谈判
    probability: 50
    gate:
      approvals:
        - { kind: quote, label: 报价审批, labelEn: Quote approval }
  - key: contract
    name: 签约
    probability: 80
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  await importPipeline(await server.as('admin'), PIPELINE);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('quote approval (报价审批) from the deal page to the gate', () => {
  it('a seller requests it, the regional manager approves on a phone, the deal passes the gate', async () => {
    const seller = await server.as('seller_a');
    const { deal } = await createCustomerWithDeal(seller, { name: '瑞金医院', phone: '13900003333' }, { title: '监护仪 20 台', pipelineId: 'quote_gate', amountFen: 3_000_000 });
    const refused = await seller<{ error: { code: string; unmet: Array<{ code: string }> } }>('POST', `/api/deals/${deal.id}/move`, { toStage: 'contract' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.unmet.map((u) => u.code)).toEqual(['APPROVAL_REQUIRED']);

    // The seller asks from the deal page: list price ¥33,000, net price prefilled from the deal (¥30,000).
    const desk = await loggedInPage(browser, server.baseUrl, 'seller_a');
    try {
      await desk.page.goto(`${server.baseUrl}/deals/${deal.id}`);
      await desk.page.getByTestId('deal-request-approval').click();
      await desk.page.getByTestId('approval-list-price').fill('33000');
      await expect(desk.page.getByTestId('approval-net-price').inputValue()).resolves.toBe('30000.00');
      await desk.page.getByTestId('approval-submit').click();
      await desk.page.getByText('已提交审批').waitFor();
      await desk.page.screenshot({ path: 'test-results/approval-requested.png', animations: 'disabled' });
    } finally {
      await desk.context.close();
    }

    // The regional manager decides on a 375-px phone: values, envelope and the step are on the card.
    const phone = await loggedInPage(browser, server.baseUrl, 'rm_east', PHONE);
    try {
      await phone.page.goto(`${server.baseUrl}/approvals`);
      const card = phone.page.getByTestId('approval-card').first();
      await card.waitFor();
      await expect(card.textContent()).resolves.toContain('监护仪 20 台');
      await expect(phone.page.getByTestId('approval-envelope').first().textContent()).resolves.toContain('9.10 %');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await phone.page.getByTestId('approval-comment').fill('同意，尽快签约');
      await phone.page.screenshot({ path: 'test-results/approval-phone.png', animations: 'disabled' });
      await phone.page.getByTestId('approval-approve').click();
      await phone.page.getByText('已同意', { exact: true }).first().waitFor();
    } finally {
      await phone.context.close();
    }

    const approvals = await seller<{ items: Array<{ status: string; trail?: unknown; steps: Array<{ approvers: Array<{ comment: string | null }> }> }> }>('GET', `/api/approvals?dealId=${deal.id}`);
    expect(approvals.body.items).toMatchObject([{ status: 'approved', steps: [{ approvers: [{ comment: '同意，尽快签约' }] }] }]);
    const moved = await seller<{ stageKey: string }>('POST', `/api/deals/${deal.id}/move`, { toStage: 'contract' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.stageKey).toBe('contract');
  });

  it('an admin moves the threshold in the route form; the preview shows which recent request would route differently', async () => {
    const seller = await server.as('seller_a');
    const { deal } = await createCustomerWithDeal(seller, { name: '华山医院', phone: '13900004444' }, { title: 'CT 一台', pipelineId: 'quote_gate', amountFen: 6_000_000 });
    const submitted = await seller<{ steps: unknown[] }>('POST', '/api/approvals', { kind: 'quote', subject: { type: 'deal', id: deal.id }, values: { netPriceFen: 6_000_000 } });
    expect(submitted.status).toBe(201);
    expect(submitted.body.steps).toHaveLength(2); // ¥60,000: regional manager, then director

    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/approval-routes`);
      const branches = desk.page.getByTestId('route-branch');
      await branches.first().waitFor();
      expect(await branches.count()).toBe(2);
      expect(await desk.page.getByTestId('route-step').count()).toBe(3);
      const value = branches.first().getByTestId('route-condition').locator('input[role="spinbutton"]');
      await expect(value.inputValue()).resolves.toBe('50000');
      await value.fill('80000');
      await desk.page.getByTestId('route-form-save').click();
      await desk.page.getByText('草稿已保存').first().waitFor();
      await desk.page.getByText('有变化').first().waitFor();
      await desk.page.screenshot({ path: 'test-results/approval-route-form.png', fullPage: true, animations: 'disabled' });
    } finally {
      await desk.context.close();
    }
    const admin = await server.as('admin');
    const route = (await admin<{ draft: { branches: Array<{ when?: unknown; steps: Array<{ nameEn?: string }> }> } }>('GET', '/api/approval-routes/quote')).body;
    expect(route.draft.branches[0].when).toEqual({ '>=': [{ var: 'amountFen' }, 8_000_000] });
    expect(route.draft.branches[0].steps.map((s) => s.nameEn)).toEqual(['Regional manager', 'Director']);
    expect(route.draft.branches[1]).not.toHaveProperty('when');
    const preview = (await admin<{ usingDraft: boolean; items: Array<{ subject: { id: string }; changed: boolean }> }>('GET', '/api/approval-routes/quote/preview')).body;
    expect(preview.usingDraft).toBe(true);
    expect(preview.items.filter((i) => i.changed).map((i) => i.subject.id)).toEqual([deal.id]);
  });

  it('the regional manager delegates to a lead on the delegation page; the lead sees "E 代 D 审批"; ending it gives the item back', async () => {
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const later = new Date(Date.now() + 3 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    const rm = await loggedInPage(browser, server.baseUrl, 'rm_east');
    try {
      await rm.page.goto(`${server.baseUrl}/approvals`);
      await rm.page.getByTestId('delegations-link').click();
      await rm.page.getByTestId('delegation-to').click();
      await rm.page.keyboard.type('lead_east1');
      await rm.page.keyboard.press('Enter');
      const inputs = rm.page.getByTestId('delegation-range');
      await inputs.nth(0).click();
      await inputs.nth(0).fill(today);
      await inputs.nth(0).press('Enter');
      await inputs.nth(1).fill(later);
      await inputs.nth(1).press('Enter');
      await rm.page.getByTestId('delegation-create').click();
      await rm.page.getByText('已委托；期间对方可代您审批').waitFor();
      await rm.page.getByTestId('delegation-end').waitFor();
    } finally {
      await rm.context.close();
    }
    const lead = await server.as('lead_east1');
    const waiting = (await lead<{ items: Array<{ subject: { title: string }; steps: Array<{ approvers: Array<{ label: string | null }> }> }> }>('GET', '/api/approvals?status=pending&assignee=me')).body.items;
    expect(waiting.map((a) => a.subject.title)).toEqual(['CT 一台']);
    expect(waiting[0].steps[0].approvers[0].label).toMatch(/代 .+ 审批$/);

    const again = await loggedInPage(browser, server.baseUrl, 'rm_east');
    try {
      await again.page.goto(`${server.baseUrl}/approvals/delegations`);
      await again.page.getByTestId('delegation-end').click();
      await again.page.getByText('已结束委托；未处理的审批回到您手中').waitFor();
    } finally {
      await again.context.close();
    }
    expect((await lead<{ items: unknown[] }>('GET', '/api/approvals?status=pending&assignee=me')).body.items).toEqual([]);
  });

  it('an admin saves the route draft as YAML: a bad approver is reported by its line and path, the corrected text is saved', async () => {
    const bad = 'kind: quote\nname: 报价审批\nbranches:\n  - name: 全部报价\n    steps:\n      - name: 财务审批\n        approvers: [role:boss]\n';
    const desk = await loggedInPage(browser, server.baseUrl, 'admin');
    try {
      await desk.page.goto(`${server.baseUrl}/admin/approval-routes`);
      const yaml = desk.page.getByTestId('route-yaml');
      await expect.poll(() => yaml.inputValue()).toContain('kind: quote');
      await yaml.fill(bad);
      await desk.page.getByRole('button', { name: '保存草稿' }).last().click();
      const problems = desk.page.getByTestId('route-problems');
      await problems.waitFor();
      expect(await problems.textContent()).toMatch(/^7:\d+ branches\[0\]\.steps\[0\]\.approvers\[0\]/);
      await yaml.fill(bad.replace('role:boss', 'role:finance'));
      await desk.page.getByRole('button', { name: '保存草稿' }).last().click();
      await desk.page.getByText('草稿已保存').first().waitFor();
      await problems.waitFor({ state: 'detached' });
    } finally {
      await desk.context.close();
    }
    const route = (await (await server.as('admin'))<{ draft: { branches: Array<{ name: string; steps: Array<{ approvers: string[] }> }> } }>('GET', '/api/approval-routes/quote')).body;
    expect(route.draft.branches).toMatchObject([{ name: '全部报价', steps: [{ approvers: ['role:finance'] }] }]);
  });
});

