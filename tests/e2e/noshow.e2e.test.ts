import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DateTime } from 'luxon';
import { ManualClock } from '../../server/core/clock.js';
import { startWorker, type WorkerHandle } from '../../server/jobs/worker.js';
import { noShowJob } from '../../server/modules/appointments/job.js';
import { created, loggedInPage, PHONE, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

const MIN = 60_000;
// Started at the real now: the browser's session cookie and "today" run on real time.
const clock = new ManualClock(new Date());
let server: RunningServer;
let browser: Browser;
let worker: WorkerHandle | null = null;
let admin: ApiCaller;

beforeAll(async () => {
  ({ server, browser } = await startE2E({ clock }));
  admin = await server.as('admin');
  await created(admin, '/api/channels', { kind: 'sms', name: '短信', settings: { provider: 'log', signName: '颜界' } });
});

afterAll(async () => {
  await worker?.stop();
  await browser?.close();
  await server?.close();
});

/** A phone-sized page (375×812, touch) logged in through the login form. */
const phonePage = (username: string) => loggedInPage(browser, server.baseUrl, username, PHONE);

describe('store appointment no-show on a phone', () => {
  it('consultant books, +30 min passes, the job marks the no-show, the manager sees it and reassigns the call', async () => {
    // The consultant books with phone + time only, 10 minutes from now (Shanghai wall clock in the browser).
    const local = DateTime.fromJSDate(clock.now(), { zone: 'Asia/Shanghai' }).plus({ minutes: 10 }).toFormat("yyyy-MM-dd'T'HH:mm");
    const consultant = await phonePage('seller_a');
    try {
      await consultant.page.goto(`${server.baseUrl}/appointments`);
      const form = consultant.page.getByTestId('appointment-form');
      await form.getByLabel('客户手机号').fill('138 0013 8000');
      await form.getByLabel('到店时间').fill(local);
      await form.getByRole('button', { name: /登记预约/ }).click();
      await consultant.page.getByText('已登记，确认短信已排队发送').waitFor();
      const row = consultant.page.getByTestId('appointment-row').first();
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('138****8000');
      await expect(row.textContent()).resolves.toContain('待到店');
      expect(await consultant.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await consultant.page.screenshot({ path: 'test-results/noshow-consultant.png', animations: 'disabled' });
    } finally {
      await consultant.context.close();
    }

    const seller = await server.as('seller_a');
    const listed = await seller<{ items: { id: string; at: string; status: string }[] }>('GET', '/api/appointments');
    expect(listed.body.items).toHaveLength(1);
    const appt = listed.body.items[0];
    expect(DateTime.fromISO(appt.at, { zone: 'Asia/Shanghai' }).toFormat("yyyy-MM-dd'T'HH:mm")).toBe(local);

    // The real job loop runs; the clock first stops one second short of at + 30 min: nothing happens.
    worker = startWorker(server.deps, (m, e) => console.error(m, e), [noShowJob]);
    const deadline = new Date(appt.at).getTime() + 30 * MIN;
    clock.set(new Date(deadline - 1000));
    await new Promise((r) => setTimeout(r, 1500));
    expect((await seller<{ status: string }>('GET', `/api/appointments/${appt.id}`)).body.status).toBe('booked');

    // Now the deadline passes; measure (wall time) until the loop has marked it.
    clock.set(new Date(deadline));
    const started = performance.now();
    let marked: { status: string; noShowAt: string | null } | null = null;
    while (performance.now() - started < 10_000) {
      const res = await seller<{ status: string; noShowAt: string | null }>('GET', `/api/appointments/${appt.id}`);
      if (res.body.status === 'no_show') {
        marked = res.body;
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const delayMs = Math.round(performance.now() - started);
    expect(marked, 'not marked within 10 s').not.toBeNull();
    expect(marked!.noShowAt).toBe(new Date(deadline).toISOString());
    console.log(`[no-show] detection delay with the real job loop (deadline → marked): ${delayMs} ms`);
    expect(delayMs).toBeLessThan(5000);

    const manager = await phonePage('lead_east1');
    try {
      await manager.page.goto(`${server.baseUrl}/appointments?status=no_show`);
      const board = manager.page.locator('.ant-tabs-tabpane-active');
      const row = board.getByTestId('appointment-row').filter({ hasText: '138****8000' });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain('未到店');
      await expect(row.textContent()).resolves.toContain('seller_a');
      await manager.page.screenshot({ path: 'test-results/noshow-board.png', animations: 'disabled' });

      await row.getByTestId('reassign').click();
      await manager.page.getByTestId('reassign-to').click();
      await manager.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'seller_a2' }).click();
      await manager.page.getByTestId('reassign-ok').click();
      await manager.page.getByText('已指派，回访任务已创建').waitFor();
      await row.getByText('回访：seller_a2').waitFor();
      await manager.page.screenshot({ path: 'test-results/noshow-reassigned.png', animations: 'disabled' });
    } finally {
      await manager.context.close();
    }

    const seller2 = await server.as('seller_a2');
    const tasks = await seller2<{ items: { title: string; dueAt: string }[] }>('GET', '/api/tasks?assigneeId=me');
    expect(tasks.body.items).toHaveLength(1);
    expect(tasks.body.items[0].title).toContain('未到店回访');
    expect(tasks.body.items[0].dueAt).toBe(new Date(clock.now().getTime() + 120 * MIN).toISOString());
    const notes = await (await server.as('lead_east1'))<{ items: { title: string }[] }>('GET', '/api/notifications');
    expect(notes.body.items.filter((n) => n.title.startsWith('未到店'))).toHaveLength(1);
  });
});
