import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HEALTH_MODEL } from '../../server/demo/health.js';
import { replayUntil } from '../../server/jobs/replay.js';
import { insertModel } from '../../server/modules/health/repo.js';
import { composeModules } from '../../server/modules/index.js';
import { setupTestApp, type TestContext } from '../support/app.js';

/**
 * A finished nightly run whose scheduled instant lies before its own night's 02:00 slot (the demo seeds last night's
 * run at "now − 24 h"; between 00:00 and 02:00 Beijing that instant is before the date's slot). The next slot is the
 * following night's: replay used to step to the done night's slot forever (`tick` hung when the demo was made in that
 * hour).
 */
describe('health nightly after a run scheduled before its own slot', () => {
  let t: TestContext;
  beforeAll(async () => {
    // 00:40 Beijing on 3 Dec.
    t = await setupTestApp({ start: '2026-12-02T16:40:00.000Z' });
  });
  afterAll(async () => t?.close());

  it('moves on to the next night instead of stepping to the finished one', async () => {
    await insertModel(t.db, { version: 1, name: DEMO_HEALTH_MODEL.name, definition: JSON.stringify(DEMO_HEALTH_MODEL), fire_playbooks: 0, created_at: '2026-11-01T00:00:00.000Z', created_by: null });
    const model = { version: 1 };
    // The run for 2 Dec (Beijing), scheduled at 00:40 on 2 Dec — before that date's 02:00 slot — and finished.
    const at = '2026-12-01T16:40:00.000Z';
    await t.db.insertInto('health_runs').values({ local_date: '2026-12-02', model_version: model.version, scheduled_for: at, cursor: '', customers: 0, written: 0, started_at: at, finished_at: at }).execute();
    const jobs = composeModules().jobs.filter((j) => j.name === 'health-nightly');
    const fired = await replayUntil({ db: t.db, dialect: t.dialect, config: t.config }, new Date('2026-12-04T19:00:00.000Z'), jobs);
    // The nights of 3, 4 and 5 Dec (02:00 Beijing = 18:00 UTC the day before), each once; 2 Dec is not run again.
    expect(fired.filter((f) => f.kind === 'health.run').map((f) => f.date)).toEqual(['2026-12-03', '2026-12-04', '2026-12-05']);
  });
});
