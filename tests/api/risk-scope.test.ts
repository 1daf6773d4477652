/**
 * Who sees which live risk flags (GET /api/risks, the seller's to-do and the lead's team view; GET
 * /api/deals/{id}/risks), on SQLite and PostgreSQL: a seller only their own deals' flags — not a teammate's; a lead
 * their team's (their subtree), not another region's; a regional manager their region; the director all. An
 * `ownerId` filter narrows within the scope and never widens it. Cleared flags and flags on closed deals are not listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { systemActor } from '../../server/core/policy.js';
import { importPipelineYaml } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { customerFor, PREDICTIVE_YAML } from '../support/predictive-fixture.js';

describe('risk flags: scope', () => {
  let t: TestContext;
  const flagOf: Record<string, string> = {};
  let closedFlag: string, clearedFlag: string;

  const list = async (who: Requester, query = '') => {
    const res = await who({ method: 'GET', url: `/api/risks${query}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { id: string; deal: { owner: { id: string } } }[]; total: number };
    expect(body.total).toBe(body.items.length);
    return new Set(body.items.map((f) => f.id));
  };

  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    const pipeline = (await importPipelineYaml(t.db, t.clock, systemActor('cli'), PREDICTIVE_YAML)) as { id: string };
    const now = t.clock.now().toISOString();
    const u = t.org.users;
    const flagged = async (owner: { id: string; teamPath: string; customerId: string }, title: string, opts: { status?: 'open' | 'lost'; active?: boolean } = {}) => {
      const dealId = newId();
      const status = opts.status ?? 'open';
      await t.db.insertInto('deals').values({ id: dealId, title, customer_id: owner.customerId, pipeline_id: pipeline.id, stage_key: status === 'open' ? 'quote' : 'lost', status, owner_id: owner.id, team_path: owner.teamPath, amount_fen: 2_000_000, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now, lost_reason: null, lost_at: status === 'lost' ? now : null }).execute();
      const id = newId();
      const active = opts.active ?? true;
      await t.db
        .insertInto('deal_risk_flags')
        .values({ id, deal_id: dealId, source_key: 'rule:no_interaction', kind: 'rule', pattern_id: null, active: active ? 1 : 0, evidence: JSON.stringify({ sentence: `${title}：10 个工作日无有效互动`, sentenceEn: 'No effective interaction in 10 working days', description: '无有效互动', descriptionEn: 'No effective interaction' }), suggestion: null, suggestion_en: null, holdout: 0, first_raised_at: now, raised_at: now, cleared_at: active ? null : now, last_notified_at: null, notify_count: 0 })
        .execute();
      return { id, dealId };
    };
    const sellerA = await customerFor(t, u.sellerA.id, '浙一医院');
    const sellerA2 = await customerFor(t, u.sellerA2.id, '杭州二院');
    const sellerB = await customerFor(t, u.sellerB.id, '广州三院');
    const rm = await customerFor(t, u.rmEast.id, '温州医院');
    for (const [name, owner] of Object.entries({ sellerA, sellerA2, sellerB, rm })) flagOf[name] = (await flagged(owner, `${name} 商机`)).id;
    closedFlag = (await flagged(sellerA, '已输商机', { status: 'lost' })).id;
    clearedFlag = (await flagged(sellerA, '已清除商机', { active: false })).id;
  }, 120_000);
  afterAll(async () => t?.close());

  it('a seller sees only their own deals’ flags, not a teammate’s nor another region’s', async () => {
    expect(await list(await t.as('seller_a'))).toEqual(new Set([flagOf.sellerA]));
    expect(await list(await t.as('seller_a2'))).toEqual(new Set([flagOf.sellerA2]));
    expect(await list(await t.as('seller_b'))).toEqual(new Set([flagOf.sellerB]));
  });

  it('a lead sees their team’s flags, a regional manager their region’s, the director all', async () => {
    expect(await list(await t.as('lead_east1'))).toEqual(new Set([flagOf.sellerA, flagOf.sellerA2]));
    expect(await list(await t.as('rm_east'))).toEqual(new Set([flagOf.sellerA, flagOf.sellerA2, flagOf.rm]));
    expect(await list(await t.as('director'))).toEqual(new Set(Object.values(flagOf)));
    // Neither the lost deal's flag nor the cleared one is in anyone's list.
    const all = await list(await t.as('director'));
    expect(all.has(closedFlag) || all.has(clearedFlag)).toBe(false);
  });

  it('an ownerId filter narrows within the scope and never widens it', async () => {
    const lead = await t.as('lead_east1');
    expect(await list(lead, `?ownerId=${t.org.users.sellerA2.id}`)).toEqual(new Set([flagOf.sellerA2]));
    expect(await list(lead, `?ownerId=${t.org.users.sellerB.id}`)).toEqual(new Set());
    expect(await list(await t.as('seller_a'), `?ownerId=${t.org.users.sellerA2.id}`)).toEqual(new Set());
  });

  it('a deal’s own flags are readable only within scope', async () => {
    const dealOf = async (flagId: string) => (await t.db.selectFrom('deal_risk_flags').select('deal_id').where('id', '=', flagId).executeTakeFirstOrThrow()).deal_id;
    const sellerA = await t.as('seller_a');
    const own = await sellerA({ method: 'GET', url: `/api/deals/${await dealOf(flagOf.sellerA)}/risks` });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().items.map((f: { id: string }) => f.id)).toEqual([flagOf.sellerA]);
    expect((await sellerA({ method: 'GET', url: `/api/deals/${await dealOf(flagOf.sellerB)}/risks` })).statusCode).toBe(404);
    expect((await (await t.as('lead_east1'))({ method: 'GET', url: `/api/deals/${await dealOf(flagOf.sellerA2)}/risks` })).statusCode).toBe(200);
  });
});
