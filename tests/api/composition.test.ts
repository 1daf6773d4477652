import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.js';
import { loadConfig } from '../../server/core/config.js';
import { AppError } from '../../server/core/errors.js';
import type { Deps } from '../../server/core/http.js';
import { composeModules, MODULES } from '../../server/modules/index.js';
import { putChecklist } from '../../server/modules/activities/checklists.js';
import { logActivity } from '../../server/modules/activities/service.js';
import { startOnDeal } from '../../server/modules/cadences/service.js';
import { createCustomer } from '../../server/modules/customers/service.js';
import { createDeal } from '../../server/modules/deals/service.js';
import type { Actor } from '../../server/modules/org/scope.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { updateTask } from '../../server/modules/tasks/service.js';
import { openTestDatabase } from '../support/database.js';
import { buildOrg, type TestOrg } from '../support/factories.js';
import { systemActor } from '../../server/core/policy.js';

const SYSTEM = systemActor('cli');

/**
 * The CLI and the worker call services directly, without the HTTP app. After building the composition root they must
 * get the same checks as an HTTP caller: the activity checklist (activities) and the cadence step deliverable (a
 * hook cadences declares on tasks). No route is registered anywhere in this file.
 */
describe('composition root: a non-HTTP caller gets every module hook', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let deps: Deps;
  let org: TestOrg;
  const clock = new ManualClock('2026-11-02T01:00:00.000Z');

  async function actor(userId: string): Promise<Actor> {
    const u = await database.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    return { id: u.id, username: u.username, displayName: u.display_name, role: u.role, teamId: u.team_id, teamPath: u.team_path };
  }

  async function refusal(promise: Promise<unknown>): Promise<AppError> {
    const error = await promise.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    deps = { db: database.db, dialect: database.dialect, clock, config: loadConfig({ ACTIONFLOW_DATA_DIR: '/nonexistent-actionflow-test' }) };
    org = await buildOrg(database.db, clock);
    composeModules();
  });
  afterAll(() => database.drop());

  it('lists every module folder once, and cadences declares the task completion check', () => {
    expect(new Set(MODULES.map((m) => m.name)).size).toBe(MODULES.length);
    expect(MODULES.find((m) => m.name === 'cadences')?.hooks).toHaveProperty(['tasks.completionCheck']);
  });

  it('refuses to complete a cadence step task without its deliverable when called as the CLI would', async () => {
    const seller = await actor(org.users.sellerA.id);
    const pipeline = await installTemplate(deps.db, clock, SYSTEM, 'b2b_six_step');
    const customer = await createCustomer(deps.db, clock, seller, { name: '苏州精工机械', kind: 'company' } as Parameters<typeof createCustomer>[3]);
    const deal = await createDeal(deps.db, clock, seller, { title: '产线改造', customerId: customer.id, pipelineId: pipeline.id });
    const run = await startOnDeal(deps, seller, deal.id, 'golden-seven-days');
    const materials = run.steps[0].taskId as string;

    const error = await refusal(updateTask(deps, seller, materials, { status: 'done' }));
    expect(error.code).toBe('DELIVERABLE_MISSING');
    const task = await deps.db.selectFrom('tasks').select('status').where('id', '=', materials).executeTakeFirstOrThrow();
    expect(task.status).toBe('open');
  });

  it('refuses an activity with an incomplete required checklist when called as the CLI would', async () => {
    const admin = await actor(org.users.admin.id);
    const seller = await actor(org.users.sellerA.id);
    await putChecklist(deps.db, clock, admin, 'visit', { mode: 'require', items: [{ key: 'materials_sent', label: '已发送资料' }] });
    const customer = await createCustomer(deps.db, clock, seller, { name: '杭州恒远医疗', kind: 'company' } as Parameters<typeof createCustomer>[3]);

    const error = await refusal(logActivity(deps, seller, { type: 'visit', customerId: customer.id, summary: '上门拜访', contactIds: [] }));
    expect(error.code).toBe('CHECKLIST_INCOMPLETE');
    const ok = await logActivity(deps, seller, { type: 'visit', customerId: customer.id, summary: '上门拜访', contactIds: [], checklist: { materials_sent: true } });
    expect(ok).toMatchObject({ checklist: { complete: true, unmet: [] } });
  });
});
