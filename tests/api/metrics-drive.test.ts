/**
 * Metric queries start from the scoped sellers' rows for a lead, a seller or a team/owner filter, and from the
 * period's rows for the whole organisation (`drive` in metrics/context.ts: only the cost differs). This test runs
 * every metric's facts both ways for narrow scopes and filters, on both databases, and expects the same groups — so a
 * query rewritten for one drive cannot silently answer something else than the other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorForSession, createSession } from '../../server/modules/auth/repo.js';
import { buildContext, type MetricContext } from '../../server/modules/metrics/context.js';
import { runner } from '../../server/modules/metrics/framework.js';
import { METRICS } from '../../server/modules/metrics/registry.js';
import type { MetricFilters } from '../../server/modules/metrics/schema.js';
import { seedInsightWorld } from '../support/insight-fixture.js';
import { setupTestApp, type TestContext } from '../support/app.js';

describe('metrics: the same facts whichever rows a query starts from', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-30T10:00:00.000Z' });
    await seedInsightWorld(t);
  });
  afterAll(async () => t?.close());

  const contextFor = async (username: string, filters: Partial<MetricFilters>): Promise<MetricContext> => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const actor = await actorForSession(t.db, t.clock, await createSession(t.db, t.clock, user.id, 1));
    const pipeline = await t.db.selectFrom('pipelines').select('id').where('key', '=', 'insight_demo').executeTakeFirstOrThrow();
    return buildContext(t.db, t.dialect, t.clock, actor!, { pipelineId: pipeline.id, from: '2026-10-01', to: '2026-11-30', ...filters } as MetricFilters, t.config.timeZone);
  };
  const sorted = (groups: Array<Record<string, unknown>>) => groups.map((g) => JSON.stringify(g)).sort();

  const cases: Array<[string, string, () => Partial<MetricFilters>]> = [
    ['a lead', 'lead_east1', () => ({})],
    ['a seller', 'seller_a', () => ({})],
    ['the director with a team', 'director', () => ({ teamId: t.org.teams.eastTeam1 })],
    ['the director with an owner', 'director', () => ({ ownerId: t.org.users.sellerB.id })],
  ];
  for (const [label, username, filters] of cases) {
    it(`every metric for ${label}`, async () => {
      const ctx = await contextFor(username, filters());
      expect(ctx.drive).toBe('scope');
      let facts = 0;
      for (const def of Object.values(METRICS)) {
        const byScope = await (await runner(def, ctx)).groups();
        const byPeriod = await (await runner(def, { ...ctx, drive: 'period' })).groups();
        expect(sorted(byScope), def.name).toEqual(sorted(byPeriod));
        facts += byScope.reduce((n, g) => n + g.n, 0);
      }
      // Not a comparison of empty answers: the fixture gives each of these callers facts to count.
      expect(facts).toBeGreaterThan(5);
    });
  }

  it('the whole organisation starts from the period', async () => {
    expect((await contextFor('director', {})).drive).toBe('period');
  });
});
