/**
 * Field-ready logging on a 375-px phone (issue 16): a visit logged from one sentence — open, type, confirm, save —
 * with the interactions and the machine time printed; then the same with the connection dropped before saving: the
 * log waits on the device as "待同步", the app shell reloads from the service worker's cache, and when the
 * connection returns the log is sent and stored exactly once (a second send with its key is a replay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { created, importPipeline, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let seller: ApiCaller;
let customerId: string;
let contactId: string;

const pipelineYaml = `key: ql_e2e
name: 快速记录测试
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
  await importPipeline(await server.as('admin'), pipelineYaml);
  seller = await server.as('seller_a');
  customerId = (await created(seller, '/api/customers', { name: '浙江大学医学院附属第一医院' })).id;
  await created(seller, `/api/customers/${customerId}/aliases`, { alias: '浙一' });
  contactId = (await created(seller, `/api/customers/${customerId}/contacts`, { name: '王建国', title: '骨科主任' })).id;
  await created(seller, '/api/deals', { title: '膝关节置换耗材集采', customerId, pipelineId: 'ql_e2e' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Activity = { id: string; summary: string; type: string; contactIds: string[]; dealId: string | null; nextAction: string | null };
const activities = async () => (await seller<{ items: Activity[] }>('GET', `/api/activities?customerId=${customerId}&pageSize=50`)).body.items;

/** Type the sentence, let the server propose the fields, and wait for the chips. */
async function typeAndConfirm(page: Page, sentence: string) {
  await page.getByTestId('quicklog-text').fill(sentence);
  await page.getByTestId('quicklog-parse').click();
  await page.getByTestId('chip-customer').filter({ hasText: '浙江大学医学院附属第一医院' }).waitFor();
}

describe('quick-log by free text on a phone', () => {
  it('logs a visit from one sentence in four interactions', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      const sentence = '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案，他下周约厂家来演示，我负责协调时间';
      const started = performance.now();
      let interactions = 0;
      await page.goto(`${server.baseUrl}/quick-log`); // 1 open
      interactions++;
      await page.getByTestId('quicklog-text').waitFor();
      await page.getByTestId('quicklog-text').fill(sentence); // 2 type / dictate
      interactions++;
      await page.getByTestId('quicklog-parse').click(); // 3 confirm the proposed fields
      interactions++;
      await page.getByTestId('chip-customer').filter({ hasText: '浙江大学医学院附属第一医院' }).waitFor();
      expect(await page.getByTestId('chip-contact').textContent()).toContain('王建国');
      expect(await page.getByTestId('chip-type').textContent()).toContain('拜访');
      await page.getByTestId('chip-due').waitFor();
      await page.getByTestId('quicklog-submit').click(); // 4 save
      interactions++;
      await page.getByTestId('quicklog-result').waitFor();
      const seconds = (performance.now() - started) / 1000;
      console.log(`quick-log by free text on a 375-px phone: ${interactions} interactions, ${seconds.toFixed(2)} s of machine time`);
      expect(interactions).toBeLessThanOrEqual(5);
      const logged = await activities();
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ type: 'visit', summary: '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案', contactIds: [contactId], nextAction: '他下周约厂家来演示，我负责协调时间' });
      expect(logged[0].dealId).not.toBeNull();
    } finally {
      await context.close();
    }
  });

  it('offline: kept on the device as 待同步, the shell reloads from cache, synced exactly once when back online', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', PHONE);
    try {
      await page.goto(`${server.baseUrl}/quick-log`);
      // The service worker takes over; a second load caches the shell's data (the signed-in user, abilities).
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      });
      await page.reload();
      await typeAndConfirm(page, '刚给浙一王主任打了电话，明天下午三点去送资料');
      const before = (await activities()).length;

      await context.setOffline(true);
      const started = performance.now();
      await page.getByTestId('quicklog-submit').click();
      await page.getByTestId('sync-pending').filter({ hasText: '待同步 1' }).waitFor();
      expect((await activities()).length).toBe(before);

      // The app shell and the queue survive a reload without a connection.
      await page.reload();
      await page.getByTestId('quicklog-form').waitFor();
      await page.getByTestId('sync-pending').filter({ hasText: '待同步 1' }).waitFor();
      const queued = await page.evaluate(
        () =>
          new Promise<{ key: string; body: unknown }[]>((resolve, reject) => {
            const req = indexedDB.open('actionflow-offline', 1);
            req.onsuccess = () => {
              const all = req.result.transaction('writes').objectStore('writes').getAll();
              all.onsuccess = () => resolve(all.result);
              all.onerror = () => reject(all.error);
            };
            req.onerror = () => reject(req.error);
          }),
      );
      expect(queued).toHaveLength(1);

      await context.setOffline(false);
      await page.getByTestId('sync-pending').waitFor({ state: 'detached' });
      console.log(`offline quick-log synced ${((performance.now() - started) / 1000).toFixed(2)} s after saving (reload offline included)`);
      let after = await activities();
      expect(after.length).toBe(before + 1);
      expect(after.filter((a) => a.summary === '刚给浙一王主任打了电话').map((a) => a.type)).toEqual(['call']);

      // The same write sent again with its key (a retry after a lost answer) is a replay, not a second log.
      const again = await page.evaluate(async ({ key, body }) => {
        const res = await fetch('/api/activities', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: JSON.stringify(body) });
        return { status: res.status, replayed: res.headers.get('idempotent-replayed') };
      }, queued[0]);
      expect(again).toEqual({ status: 201, replayed: 'true' });
      await page.reload();
      await page.getByTestId('quicklog-form').waitFor();
      after = await activities();
      expect(after.length).toBe(before + 1);
    } finally {
      await context.close();
    }
  });
});
