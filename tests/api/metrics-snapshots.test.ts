/**
 * Materialised dashboard views (metrics/snapshots.ts), on both databases. Snapshots are forced here (every view
 * qualifies: `aboveMs` 0, `minRows` 0) so the small fixture goes the way the director's 300,000 deals go:
 * - every metric's figure served from its snapshot still equals its drill total and its export rows, for several
 *   roles, with the drill and export stating the snapshot's `asOf`; the snapshot's answer equals the live one;
 * - a change after the snapshot leaves the figure and its drill as they were (one set of rows), a refresh after
 *   `refreshMinutes` shows it, a drill pinned to the old `asOf` still reads the old rows, a snapshot past
 *   `maxAgeMinutes` is not served;
 * - callers of one scope and field set share a view (the admin reads the director's snapshots); a user whose team
 *   changed is never served the snapshot of their old scope, and the worker drops that view;
 * - two workers build a view once; with the default settings a small view is never registered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/core/config.js';
import type { Deps } from '../../server/core/http.js';
import { claimView } from '../../server/modules/metrics/snapshot-repo.js';
import { noteLive, refreshSnapshots } from '../../server/modules/metrics/snapshots.js';
import { buildContext } from '../../server/modules/metrics/context.js';
import { actorForSession, createSession } from '../../server/modules/auth/repo.js';
import { InsightWorld, seedInsightWorld } from '../support/insight-fixture.js';
import { setupTestApp, type TestContext } from '../support/app.js';
import { checkMetricsInvariant } from '../support/metrics-invariant.js';

const Q = 'pipelineId=insight_demo&from=2026-10-01&to=2026-11-30';
const FORCED = { aboveMs: 0, minRows: 0, refreshMinutes: 10, maxAgeMinutes: 30, keepDays: 7 };

describe('metric snapshots: large views read from the worker’s materialisation', () => {
  let t: TestContext;
  let deps: Deps;
  let names: string[];
  const buildAll = async () => {
    let built = 0;
    for (let n = await refreshSnapshots(deps, 50); n > 0; n = await refreshSnapshots(deps, 50)) built += n;
    return built;
  };
  const enteredLead = async (who: Awaited<ReturnType<TestContext['as']>>, extra = '') => {
    const res = await who({ method: 'GET', url: `/api/metrics/funnel?${Q}${extra}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    return { body, cell: body.answer.cohort[0].entered as { cell: string; value: number } };
  };

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T10:00:00.000Z', config: { metricSnapshots: FORCED, sessionTtlHours: 24 * 30 } });
    await seedInsightWorld(t);
    deps = { db: t.db, dialect: t.dialect, clock: t.clock, config: t.config };
    names = (await (await t.as('director'))({ method: 'GET', url: '/api/metrics' })).json().items.map((i: { name: string }) => i.name);
  }, 60_000);
  afterAll(async () => t?.close());

  it('every metric and cell agrees when read from snapshots, and equals the live answer', { timeout: 180_000 }, async () => {
    const roles = ['director', 'lead_east1', 'support'];
    const live = new Map<string, unknown>();
    for (const role of roles) {
      const who = await t.as(role);
      for (const name of names) {
        const res = await who({ method: 'GET', url: `/api/metrics/${name}?${Q}` });
        expect(res.json().source).toBe('live');
        live.set(`${role}/${name}`, res.json().answer);
      }
    }
    expect(await t.db.selectFrom('metric_views').select('id').execute()).toHaveLength(roles.length * names.length);
    expect(await buildAll()).toBe(roles.length * names.length);
    for (const role of roles) {
      const who = await t.as(role);
      for (const name of names) expect((await who({ method: 'GET', url: `/api/metrics/${name}?${Q}` })).json().answer, `${role} ${name}`).toEqual(live.get(`${role}/${name}`));
      expect(await checkMetricsInvariant(who, role, names, Q, 'snapshot')).toBeGreaterThan(20);
    }
    // The admin sees what the director sees (same scope, same fields): one view, one set of snapshots for both.
    const admin = await t.as('admin');
    for (const name of names) expect((await admin({ method: 'GET', url: `/api/metrics/${name}?${Q}` })).json(), name).toMatchObject({ source: 'snapshot', answer: live.get(`director/${name}`) });
    expect(await t.db.selectFrom('metric_views').select('id').execute()).toHaveLength(roles.length * names.length);
  });

  it('a change waits for the next refresh; a pinned drill keeps reading the old rows; an old snapshot is not served', { timeout: 60_000 }, async () => {
    const director = await t.as('director');
    await enteredLead(director);
    await buildAll();
    const before = await enteredLead(director);
    expect(before.body.source).toBe('snapshot');
    const w = new InsightWorld(t);
    w.pipelineId = (await t.db.selectFrom('pipelines').select('id').where('key', '=', 'insight_demo').executeTakeFirstOrThrow()).id;
    const customer = await w.customer('新快照医院', t.org.users.sellerA.id, { industry: '医疗', source: '展会' });
    await w.deal('D9 after the snapshot', t.org.users.sellerA.id, customer, [['lead', '2026-11-29T02:00:00.000Z']]);

    // Same snapshot: the figure and its drill still agree with each other, without the new deal.
    const stale = await enteredLead(director);
    expect(stale.cell.value).toBe(before.cell.value);
    const drill = (asOf?: string) => director({ method: 'GET', url: `/api/metrics/funnel/records?${Q}&cell=${encodeURIComponent(before.cell.cell)}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}` });
    expect((await drill()).json()).toMatchObject({ total: before.cell.value, source: 'snapshot', asOf: before.body.asOf });

    // Not due yet: nothing is rebuilt. Ten minutes on, the refresh shows the deal.
    t.clock.advance(5 * 60_000);
    expect(await refreshSnapshots(deps, 50)).toBe(0);
    t.clock.advance(5 * 60_000);
    await buildAll();
    const after = await enteredLead(director);
    expect(after.body.source).toBe('snapshot');
    expect(after.body.asOf).not.toBe(before.body.asOf);
    expect(after.cell.value).toBe(before.cell.value + 1);
    expect((await drill()).json().total).toBe(before.cell.value + 1);
    // The figure the user opened a moment ago still drills into its own rows (the previous snapshot is kept).
    expect((await drill(before.body.asOf)).json()).toMatchObject({ total: before.cell.value, asOf: before.body.asOf });
    const exported = await director({ method: 'GET', url: `/api/metrics/funnel/export?${Q}&format=csv&cell=${encodeURIComponent(before.cell.cell)}&asOf=${encodeURIComponent(before.body.asOf)}` });
    expect(exported.body.replace(/^\uFEFF/, '').trim().split('\r\n').length - 1).toBe(before.cell.value);

    // The worker stopped: past the maximum age the view is computed live again.
    t.clock.advance(31 * 60_000);
    const late = await enteredLead(director);
    expect(late.body.source).toBe('live');
    expect(late.cell.value).toBe(before.cell.value + 1);
  });

  it('a bad pinned asOf is a 400 naming the field', async () => {
    const res = await (await t.as('director'))({ method: 'GET', url: `/api/metrics/funnel/records?${Q}&cell=*&asOf=yesterday` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('asOf');
  });

  it('a user moved to another team is not served the old scope’s snapshot; the worker drops that view', { timeout: 60_000 }, async () => {
    const lead = await t.as('lead_east1');
    await enteredLead(lead, '&ownerId=' + t.org.users.sellerA.id);
    await buildAll();
    expect((await enteredLead(lead, '&ownerId=' + t.org.users.sellerA.id)).body.source).toBe('snapshot');
    const leadUser = await t.db.selectFrom('users').select(['id', 'team_id']).where('username', '=', 'lead_east1').executeTakeFirstOrThrow();
    const other = await t.db.selectFrom('teams').select(['id', 'path']).where('id', '!=', leadUser.team_id).orderBy('path').executeTakeFirstOrThrow();
    const views = await t.db.selectFrom('metric_views').select('id').where('user_id', '=', leadUser.id).execute();
    await t.db.updateTable('users').set({ team_id: other.id, team_path: other.path }).where('id', '=', leadUser.id).execute();
    const moved = await enteredLead(lead, '&ownerId=' + t.org.users.sellerA.id);
    expect(moved.body.source).toBe('live');
    t.clock.advance(11 * 60_000);
    await buildAll();
    const left = await t.db.selectFrom('metric_views').select('id').where('id', 'in', views.map((v) => v.id)).execute();
    expect(left).toEqual([]);
    await t.db.updateTable('users').set({ team_id: leadUser.team_id, team_path: (await t.db.selectFrom('teams').select('path').where('id', '=', leadUser.team_id).executeTakeFirstOrThrow()).path }).where('id', '=', leadUser.id).execute();
  });

  it('two workers claim a view once', async () => {
    const view = await t.db.selectFrom('metric_views').select('id').executeTakeFirstOrThrow();
    const now = t.clock.now().toISOString();
    const until = new Date(t.clock.now().getTime() + 60_000).toISOString();
    const claims = await Promise.all([claimView(t.db, view.id, now, until), claimView(t.db, view.id, now, until)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await t.db.updateTable('metric_views').set({ claimed_until: null }).where('id', '=', view.id).execute();
  });

  it('with the default settings only a view both slow and large is registered', async () => {
    const defaults = { ...deps, config: { ...t.config, metricSnapshots: loadConfig({}).metricSnapshots } };
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'seller_a').executeTakeFirstOrThrow();
    const actor = (await actorForSession(t.db, t.clock, await createSession(t.db, t.clock, user.id, 1)))!;
    const ctx = await buildContext(t.db, t.dialect, t.clock, actor, { pipelineId: 'insight_demo', from: '2026-11-01' }, t.config.timeZone);
    const count = async () => (await t.db.selectFrom('metric_views').select('id').where('user_id', '=', user.id).execute()).length;
    await noteLive(defaults, 'dwell', ctx, 5_000, 100);
    await noteLive(defaults, 'dwell', ctx, 20, 1_000_000);
    expect(await count()).toBe(0);
    await noteLive(defaults, 'dwell', ctx, 400, 50_000);
    expect(await count()).toBe(1);
  });
});
