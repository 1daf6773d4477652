/**
 * IDI (interaction density index) = effective interactions ÷ customers ÷ weeks, per team and per seller. The
 * countable part — the effective activities in the period — is the drillable cell; customers are those the seller
 * owns now (not deleted), weeks = days of the period ÷ 7. The industry benchmark in the seeds is 1.2.
 */
import { sql } from 'kysely';
import { activitiesIn, activityWhere, scopeSql, type MetricContext } from '../context.js';
import { ALL, cellOf, Tally, type FactRow, type MetricDef } from '../framework.js';
import { inPeriod, teamNames, userNames, userRef } from '../sqlparts.js';
import { round } from '../stats.js';
import type { IdiAnswer } from '../answers.js';

export const IDI_BENCHMARK = 1.2;

function weeks(ctx: MetricContext): number {
  return (new Date(ctx.toAt).getTime() - new Date(ctx.fromAt).getTime()) / (7 * 86_400_000);
}

export const idi: MetricDef<IdiAnswer> = {
  name: 'idi',
  title: { zh: '互动密度指数 IDI', en: 'Interaction density index (IDI)' },
  explain: {
    zh: 'IDI = 本期有效互动次数 ÷ 客户数 ÷ 周数（客户数为该销售当前负责的客户；行业均值约 1.2）。',
    en: 'IDI = effective interactions in the period ÷ customers ÷ weeks (customers = those the seller owns now; industry average about 1.2).',
  },
  dims: ['team', 'owner'],
  facts: (ctx) =>
    sql<FactRow>`select activities.id as row_id, activities.id as record_id, activities.deal_id, activities.occurred_at as "at", 'activity' as kind,
        u.team_id as team, activities.owner_id as owner
      from ${activitiesIn(ctx)} join users u on u.id = activities.owner_id
      where activities.effective = 1 and ${inPeriod(ctx, 'activities.occurred_at')} and ${activityWhere(ctx)}`,
  async figure(ctx, run) {
    const groups = await run.groups();
    const customerWhere = [scopeSql(ctx, 'customers'), sql`customers.deleted_at is null`];
    if (ctx.teamPath) customerWhere.push(sql`customers.team_path >= ${ctx.teamPath} and customers.team_path < ${ctx.teamPath + '~'}`);
    if (ctx.filters.ownerId) customerWhere.push(sql`customers.owner_id = ${ctx.filters.ownerId}`);
    for (const key of ['industry', 'level', 'region', 'source'] as const) if (ctx.filters[key]) customerWhere.push(sql`${sql.ref(`customers.${key}`)} = ${ctx.filters[key]}`);
    const { rows: owned } = await sql<{ owner: string; team: string; n: number }>`select customers.owner_id as owner, u.team_id as team, count(*) as n
      from customers join users u on u.id = customers.owner_id where ${sql.join(customerWhere, sql` and `)} group by customers.owner_id, u.team_id`.execute(ctx.db);
    const w = weeks(ctx);
    const idiOf = (interactions: number, customers: number) => (customers > 0 ? round(interactions / customers / w) : null);
    const owners = [...new Set([...groups.map((g) => String(g.owner)), ...owned.map((o) => o.owner)])].sort();
    const teams = [...new Set([...groups.map((g) => String(g.team)), ...owned.map((o) => o.team)])].sort();
    const [uNames, tNames] = await Promise.all([userNames(ctx, owners), teamNames(ctx, teams)]);
    const tally = new Tally(groups);
    const owns = new Tally(owned.map((o) => ({ ...o, n: Number(o.n), sum: 0 })));
    const teamOfOwner = new Map([...groups.map((g) => [String(g.owner), String(g.team)] as const), ...owned.map((o) => [o.owner, o.team] as const)]);
    const total = tally.count();
    const customers = owns.count();
    return {
      benchmark: IDI_BENCHMARK,
      weeks: round(w)!,
      total: { cell: ALL, value: total, customers, idi: idiOf(total, customers) },
      teams: teams.map((t) => {
        const n = tally.count({ team: t });
        const c = owns.count({ team: t });
        return { team: { id: t, name: tNames.get(t) ?? t }, interactions: { cell: cellOf(idi, { team: t }), value: n }, customers: c, idi: idiOf(n, c) };
      }),
      sellers: owners.map((o) => {
        const n = tally.count({ owner: o });
        const c = owns.count({ owner: o });
        const t = teamOfOwner.get(o) ?? '';
        return { owner: userRef(uNames, o), team: { id: t, name: tNames.get(t) ?? t }, interactions: { cell: cellOf(idi, { owner: o }), value: n }, customers: c, idi: idiOf(n, c) };
      }),
    };
  },
  tables(a) {
    return [
      {
        title: { zh: 'IDI（按销售）', en: 'IDI per seller' },
        columns: [
          { key: 'team', title: { zh: '团队', en: 'Team' } },
          { key: 'owner', title: { zh: '销售', en: 'Seller' } },
          { key: 'interactions', title: { zh: '有效互动', en: 'Effective interactions' } },
          { key: 'customers', title: { zh: '客户数', en: 'Customers' } },
          { key: 'idi', title: { zh: 'IDI', en: 'IDI' } },
        ],
        rows: [
          ...a.teams.map((t) => ({ team: t.team.name, owner: '（团队 / team）', interactions: t.interactions.value, customers: t.customers, idi: t.idi })),
          ...a.sellers.map((s) => ({ team: s.team.name, owner: s.owner.name, interactions: s.interactions.value, customers: s.customers, idi: s.idi })),
        ],
      },
    ];
  },
};

export type { IdiAnswer };
