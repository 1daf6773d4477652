import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureSecrets, parseSecretKey } from '../../server/core/secrets.js';
import { systemActor } from '../../server/core/policy.js';
import { signWebhook } from '../../server/modules/channels/deliver.js';
import { installTemplate } from '../../server/modules/pipelines/service.js';
import { processRuleEvents } from '../../server/modules/rules/engine.js';
import { resealRuleSecrets } from '../../server/modules/rules/repo.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * Issue 14, defect 10 for rule webhooks: the signing secret of a webhook action is sealed at rest like channel
 * secrets (core/secrets.ts), bound to its rule; plaintext rows from before are sealed at start and by `secrets
 * rotate`, and deliveries are still signed with the real secret.
 */
describe('hardening: rule webhook secrets sealed at rest', () => {
  let t: TestContext;
  let admin: Requester;
  const keyA = randomBytes(32).toString('base64');
  const keyB = randomBytes(32).toString('hex');
  const SECRET = 'whsec-plain-0123456789';
  const SECRET2 = 'whsec-other-9876543210';
  const ids: string[] = [];

  const rule = (key: string, secret: string) => ({
    key,
    name: `推送 ${key}`,
    trigger: { type: 'record.created', entity: 'deal' },
    actions: [{ type: 'webhook', config: { url: 'http://127.0.0.1:9/hook', secret } }],
  });
  const stored = async (id: string) => (await t.db.selectFrom('rules').select('definition').where('id', '=', id).executeTakeFirstOrThrow()).definition;
  /** Every text column the database holds about rules: the rows, their audit trail and the outbox. */
  const everything = async () =>
    JSON.stringify([
      await t.db.selectFrom('rules').selectAll().execute(),
      await t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'rule').execute(),
      await t.db.selectFrom('outbox').selectAll().execute(),
      await t.db.selectFrom('events').selectAll().execute(),
    ]);

  beforeAll(async () => {
    t = await setupTestApp({ config: { secretKey: keyA } });
    admin = await t.as('admin');
    await installTemplate(t.db, t.clock, systemActor('cli'), 'b2b_six_step');
    for (const [key, secret] of [['hook_a', SECRET], ['hook_b', SECRET2]] as const) {
      const res = await admin({ method: 'POST', url: '/api/rules', payload: rule(key, secret) });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
  });
  afterAll(async () => t?.close());

  it('stores no plaintext secret anywhere, shows a mask, and still signs deliveries with the real secret', async () => {
    expect(await stored(ids[0])).toContain(`enc:v1:${parseSecretKey(keyA).id}:`);
    // An edit that keeps the mask keeps the sealed secret.
    const shown = await admin({ method: 'GET', url: `/api/rules/${ids[0]}` });
    expect(shown.body).not.toContain(SECRET);
    const edited = await admin({ method: 'PATCH', url: `/api/rules/${ids[0]}`, payload: { name: '推送改名', actions: shown.json().actions } });
    expect(edited.statusCode, edited.body).toBe(200);

    const seller = await t.as('seller_a');
    const customer = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '签名测试医院' } })).json();
    expect((await seller({ method: 'POST', url: '/api/deals', payload: { title: '签名测试', customerId: customer.id, pipelineId: 'b2b_six_step' } })).statusCode).toBe(201);
    await processRuleEvents({ db: t.db, clock: t.clock, config: t.config });
    const hooks = await t.db.selectFrom('outbox').select('payload').where('kind', '=', 'webhook').execute();
    expect(hooks).toHaveLength(2);
    const signatures = hooks.map((h) => JSON.parse(h.payload) as { body: string; signature: string });
    // One delivery per rule, each signed with its own rule's real secret.
    expect(signatures.filter((p) => p.signature === signWebhook(SECRET, p.body))).toHaveLength(1);
    expect(signatures.filter((p) => p.signature === signWebhook(SECRET2, p.body))).toHaveLength(1);

    const db = await everything();
    expect(db).not.toContain(SECRET);
    expect(db).not.toContain(SECRET2);
  });

  it('a sealed secret copied into another rule does not open there; rotation re-seals the rest and reports it', async () => {
    // A plaintext row from before sealing existed still works, and the start-up pass seals it.
    const legacy = JSON.parse(await stored(ids[1]));
    legacy.actions[0].config.secret = SECRET2;
    await t.db.updateTable('rules').set({ definition: JSON.stringify(legacy) }).where('id', '=', ids[1]).execute();
    expect(await everything()).toContain(SECRET2);
    const first = await resealRuleSecrets(t.db, { plaintextOnly: true });
    expect(first).toMatchObject({ resealed: 1, unreadable: [] });
    expect(await everything()).not.toContain(SECRET2);

    const moved = (await admin({ method: 'POST', url: '/api/rules', payload: rule('hook_moved', 'whsec-moved-00000000') })).json().id as string;
    const movedDef = JSON.parse(await stored(moved));
    movedDef.actions[0].config.secret = JSON.parse(await stored(ids[0])).actions[0].config.secret;
    await t.db.updateTable('rules').set({ definition: JSON.stringify(movedDef) }).where('id', '=', moved).execute();

    configureSecrets({ dataDir: t.config.dataDir, secretKey: keyB, previousSecretKeys: [keyA] });
    const rotated = await resealRuleSecrets(t.db);
    expect(rotated.unreadable).toEqual([moved]);
    expect(rotated.resealed).toBe(2);
    for (const id of ids) expect(await stored(id)).toContain(`enc:v1:${parseSecretKey(keyB).id}:`);
    // Only B from now on: the rules still open (the API shows them), and nothing is plaintext.
    configureSecrets({ dataDir: t.config.dataDir, secretKey: keyB });
    expect((await admin({ method: 'GET', url: '/api/rules' })).statusCode).toBe(200);
    expect(await everything()).not.toContain(SECRET);
    // The unreadable rule still lists and edits, but keeping its (unreadable) secret is refused: enter it again.
    const shown = (await admin({ method: 'GET', url: `/api/rules/${moved}` })).json();
    const keep = await admin({ method: 'PATCH', url: `/api/rules/${moved}`, payload: { actions: shown.actions } });
    expect(keep.statusCode).toBe(400);
    expect(keep.json().error.fields).toEqual([expect.objectContaining({ field: 'actions.0.config.secret', code: 'masked_secret' })]);
    const fresh = await admin({ method: 'PATCH', url: `/api/rules/${moved}`, payload: { actions: [{ ...shown.actions[0], config: { ...shown.actions[0].config, secret: 'whsec-again-00000000' } }] } });
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(await stored(moved)).toContain(`enc:v1:${parseSecretKey(keyB).id}:`);
  });
});
