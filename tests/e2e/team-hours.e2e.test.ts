/**
 * The team business-hours page (admin): gives Friday its own hours and a closure, saves them through the API (read
 * back from the server), and shows the server's answer to an impossible time; a seller sees the page read-only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, loggedInPage, startE2E } from './support/flows.js';
import type { ApiCaller, RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let admin: ApiCaller;
let teamId: string;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
  admin = await server.as('admin');
  // The page opens on the first team the API lists.
  teamId = (await admin<{ items: { id: string }[] }>('GET', '/api/teams')).body.items[0].id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Schedule {
  custom: boolean;
  intervals: string[][];
  weekdays?: Record<string, string[][]>;
  closures: { from: string; to: string; reason?: string }[];
}

describe('team business hours page', () => {
  it('saves a weekday’s own hours, and shows the server’s message for an impossible time', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'admin', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/admin/team-hours`);
      const friday = page.getByTestId('hours-weekday-5');
      await friday.getByRole('checkbox').check();
      const fridayTo = friday.getByTestId('hours-weekday-5-intervals').getByLabel('结束');
      await expect.poll(() => fridayTo.count()).toBe(2);
      await fridayTo.nth(1).fill('17:00');
      // The save's answer is held back until the next edit is typed: that answer must not overwrite the edit.
      let release!: () => void;
      const answerHeld = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/calendar/teams/*/schedule', async (route) => {
        if (route.request().method() !== 'PUT') return route.fallback();
        const response = await route.fetch();
        await answerHeld;
        await route.fulfill({ response });
      });
      await page.getByTestId('hours-save').click();
      await expect
        .poll(async () => (await admin<Schedule>('GET', `/api/calendar/teams/${teamId}/schedule`)).body.weekdays?.['5'])
        .toEqual([
          ['09:00', '12:00'],
          ['13:30', '17:00'],
        ]);
      const defaultFrom = page.getByTestId('hours-default').getByLabel('开始').first();
      await defaultFrom.fill('25:00');
      release();
      await page.getByText('已保存').waitFor();
      await page.unroute('**/api/calendar/teams/*/schedule');
      expect(await defaultFrom.inputValue()).toBe('25:00');
      const saved = (await admin<Schedule>('GET', `/api/calendar/teams/${teamId}/schedule`)).body;
      expect(saved.custom).toBe(true);
      expect(saved.intervals).toEqual([
        ['09:00', '12:00'],
        ['13:30', '18:00'],
      ]);

      await page.getByTestId('hours-save').click();
      await expect.poll(() => page.getByTestId('hours-error').textContent()).toMatch(/intervals|时间|time/i);
      // Nothing of the refused schedule was written.
      expect((await admin<Schedule>('GET', `/api/calendar/teams/${teamId}/schedule`)).body.intervals[0]).toEqual(['09:00', '12:00']);
    } finally {
      await context.close();
    }
  });

  it('shows a seller the hours read-only', async () => {
    const { context, page } = await loggedInPage(browser, server.baseUrl, 'seller_a', DESKTOP);
    try {
      await page.goto(`${server.baseUrl}/admin/team-hours`);
      await page.getByTestId('hours-default').waitFor();
      expect(await page.getByTestId('hours-save').count()).toBe(0);
      expect(await page.getByTestId('hours-default').getByLabel('开始').first().isDisabled()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
