/**
 * The side-by-side workloads: what a user does (over HTTP, as the role that does it) and the hand-written SQL that
 * gives the same rows on the same database — the floor the API is measured against.
 */
import { encodeCursor } from '../server/core/paging.js';
import type { RawDb, Request } from './load.js';

export interface Workload {
  name: string;
  api: Request;
  raw: () => Promise<unknown>;
  /** Creates rows: measured once per concurrency, never warmed up twice. */
  write?: boolean;
}

export interface BenchContext {
  base: string;
  raw: RawDb;
  cookies: { director: string; seller: string };
  sellerId: string;
  sellerTeamPath: string;
  pipelineId: string;
  stages: string[];
  sellerCustomers: string[];
  deepOffset: number;
}

async function get(base: string, cookie: string, path: string): Promise<unknown> {
  const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });
  const body = await res.text();
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 200)}`);
  return body;
}

const DEAL_COLUMNS = 'd.*, c.name as customer_name, u.display_name as owner_name';
const DEAL_JOIN = 'from deals d join customers c on c.id = d.customer_id join users u on u.id = d.owner_id';
const NEWEST = 'order by d.updated_at desc, d.id desc';
const CUSTOMER_ROWS = 'select c.*, u.display_name as owner_name from customers c join users u on u.id = c.owner_id';

/** Raw SQL of a customer name search: the trigram index (3+ characters), a bounded scan in list order (fewer). */
function rawNameSearch(raw: RawDb, q: string) {
  const like = `%${q}%`;
  if ([...q].length < 3) {
    return () => raw.run(`${CUSTOMER_ROWS} where c.deleted_at is null and lower(c.name) like ? order by c.updated_at desc, c.id desc limit 20`, [like]);
  }
  if (raw.dialect === 'sqlite') {
    return () =>
      raw.run(
        `${CUSTOMER_ROWS} where c.deleted_at is null and c.id in (select d.customer_ref from search_fts f join search_docs d on d.id = f.rowid
         where search_fts match ? and d.entity = 'customer') order by c.updated_at desc, c.id desc limit 20`,
        [`{name} : "${q}"`],
      );
  }
  return () => raw.run(`${CUSTOMER_ROWS} where c.deleted_at is null and c.name ilike ? order by c.updated_at desc, c.id desc limit 20`, [like]);
}

export async function workloads(ctx: BenchContext): Promise<Workload[]> {
  const { base, raw, cookies } = ctx;
  const deep = (await raw.run(`select updated_at, id from deals order by updated_at desc, id desc limit 1 offset ?`, [ctx.deepOffset - 1]))[0] as { updated_at: string; id: string };
  const cursor = encodeCursor({ column: 'deals.updated_at', direction: 'desc' }, deep.updated_at, deep.id);
  const page = Math.floor(ctx.deepOffset / 20) + 1;
  let activitySeq = 0;
  const list: Workload[] = [
    // The floor every answer stands on: HTTP over loopback, Fastify's hooks, the JSON answer — and then the session.
    {
      name: 'HTTP floor: GET /api/health (no session, no SQL)',
      api: () => get(base, '', '/api/health').then(() => undefined),
      raw: () => raw.run('select 1', []),
    },
    {
      name: 'session only: GET /api/me (seller)',
      api: () => get(base, cookies.seller, '/api/me').then(() => undefined),
      raw: () => raw.run('select id, username, display_name, role, team_id, team_path from users where id = ?', [ctx.sellerId]),
    },
    {
      name: "director's first page of deals, newest first",
      api: () => get(base, cookies.director, '/api/deals?pageSize=20').then(() => undefined),
      raw: () => raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} ${NEWEST} limit 20`, []),
    },
    {
      name: "one seller's own deals",
      api: () => get(base, cookies.seller, '/api/deals?pageSize=20').then(() => undefined),
      raw: () => raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} where d.owner_id = ? ${NEWEST} limit 20`, [ctx.sellerId]),
    },
    {
      name: 'board: counts and amounts per stage + 20 cards a column',
      api: () => get(base, cookies.director, `/api/pipelines/${ctx.pipelineId}/board?limit=20`).then(() => undefined),
      raw: async () => {
        await raw.run(`select stage_key, count(*) as n, coalesce(sum(amount_fen), 0) as amount from deals where pipeline_id = ? group by stage_key`, [ctx.pipelineId]);
        for (const stage of ctx.stages) await raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} where d.pipeline_id = ? and d.stage_key = ? ${NEWEST} limit 20`, [ctx.pipelineId, stage]);
      },
    },
    {
      name: "board: one seller's own deals",
      api: () => get(base, cookies.seller, `/api/pipelines/${ctx.pipelineId}/board?limit=20`).then(() => undefined),
      raw: async () => {
        await raw.run(`select stage_key, count(*) as n, coalesce(sum(amount_fen), 0) as amount from deals where pipeline_id = ? and owner_id = ? group by stage_key`, [ctx.pipelineId, ctx.sellerId]);
        for (const stage of ctx.stages) await raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} where d.pipeline_id = ? and d.stage_key = ? and d.owner_id = ? ${NEWEST} limit 20`, [ctx.pipelineId, stage, ctx.sellerId]);
      },
    },
    {
      name: `page ${page.toLocaleString('en')} of 20 (offset)`,
      api: () => get(base, cookies.director, `/api/deals?pageSize=20&page=${page}`).then(() => undefined),
      raw: () => raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} where d.id in (select id from deals order by updated_at desc, id desc limit 20 offset ?) ${NEWEST}`, [(page - 1) * 20]),
    },
    {
      name: 'same depth by cursor (keyset)',
      api: () => get(base, cookies.director, `/api/deals?pageSize=20&cursor=${cursor}`).then(() => undefined),
      raw: () => raw.run(`select ${DEAL_COLUMNS} ${DEAL_JOIN} where (d.updated_at, d.id) < (?, ?) ${NEWEST} limit 20`, [deep.updated_at, deep.id]),
    },
    {
      name: 'customer name search "华康医疗" (director)',
      api: () => get(base, cookies.director, `/api/customers?pageSize=20&q=${encodeURIComponent('华康医疗')}`).then(() => undefined),
      raw: rawNameSearch(raw, '华康医疗'),
    },
    {
      name: 'customer name search "华康" (2 characters)',
      api: () => get(base, cookies.director, `/api/customers?pageSize=20&q=${encodeURIComponent('华康')}`).then(() => undefined),
      raw: rawNameSearch(raw, '华康'),
    },
    {
      name: 'create an activity (seller)',
      write: true,
      api: async (client) => {
        const customerId = ctx.sellerCustomers[(activitySeq++ + client) % ctx.sellerCustomers.length];
        const res = await fetch(`${base}/api/activities`, {
          method: 'POST',
          headers: { cookie: cookies.seller, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'call', customerId, summary: '电话跟进，确认需求' }),
        });
        const body = await res.text();
        if (res.status !== 201) throw new Error(`POST /api/activities: ${res.status} ${body.slice(0, 200)}`);
      },
      raw: () => {
        const now = new Date().toISOString();
        const id = `raw-${process.hrtime.bigint()}`;
        return raw.run(
          `insert into activities (id, type, occurred_at, customer_id, deal_id, owner_id, team_path, contact_ids, summary, outcome, next_action, next_action_at, effective, custom, created_at)
           values (?, 'call', ?, ?, null, ?, ?, '[]', '电话跟进，确认需求', null, null, null, 1, '{}', ?)`,
          [id, now, ctx.sellerCustomers[0], ctx.sellerId, ctx.sellerTeamPath, now],
        );
      },
    },
  ];
  return list;
}
