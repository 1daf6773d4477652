/**
 * Issue 14, point 8: the web app's pages carry a content security policy, and the app runs under it — login, the
 * director's dashboard (ECharts), lists, a deal page and the admin pages load without a single CSP violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, logIn, startE2E } from './support/flows.js';
import type { RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startE2E());
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('content security policy of the web app', () => {
  it('is sent with every page and nothing the app does violates it', async () => {
    const context = await browser.newContext(DESKTOP);
    // Report violations from inside every page too (a console message is not guaranteed for every kind).
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to (load|execute|apply|connect|create)/i.test(msg.text())) violations.push(msg.text());
    });
    try {
      const first = await page.goto(`${server.baseUrl}/`);
      const csp = first?.headers()['content-security-policy'] ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      // The API's JSON answers are not pages and keep their own headers.
      const api = await page.request.get(`${server.baseUrl}/api/health`);
      expect(api.headers()['content-security-policy']).toBeUndefined();

      await logIn(page, server.baseUrl, 'director');
      for (const path of ['/dashboard', '/deals', '/customers', '/tasks', '/approvals', '/work-orders', '/admin/pipelines', '/admin/rules']) {
        const res = await page.goto(`${server.baseUrl}${path}`);
        expect(res?.headers()['content-security-policy'], path).toContain("script-src 'self'");
        await page.getByTestId('logout').waitFor();
        await page.waitForLoadState('networkidle');
      }
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
