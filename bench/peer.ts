/**
 * `--peer URL`: the same workloads against a NocoBase holding the same rows (collections `deals` and `customers`
 * with `updatedAt`, `owner`, `customer`, `stage`, `amount`; `activities` with `customer`, `type`, `summary`). Tokens
 * come from PEER_TOKEN (director) and PEER_SELLER_TOKEN (a seller restricted to own records by an ACL scope).
 * Entries line up with bench/workloads.ts; `null` where the peer has no equivalent request.
 * Setting the peer up is documented in docs/performance.md; nothing of it is committed.
 */
import type { Request } from './load.js';

export async function peerWorkloads(base: string): Promise<(Request | null)[]> {
  const director = process.env.PEER_TOKEN;
  const seller = process.env.PEER_SELLER_TOKEN ?? director;
  if (!director) throw new Error('--peer needs PEER_TOKEN (an API token of the peer’s director user)');
  const root = base.replace(/\/+$/, '');
  const get = (token: string, path: string): Request => async () => {
    const res = await fetch(`${root}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    if (!res.ok) throw new Error(`peer GET ${path}: ${res.status} ${body.slice(0, 200)}`);
  };
  const list = '/api/deals:list?pageSize=20&sort=-updatedAt&appends[]=customer&appends[]=owner';
  const search = (q: string) => `/api/customers:list?pageSize=20&sort=-updatedAt&appends[]=owner&filter=${encodeURIComponent(JSON.stringify({ name: { $includes: q } }))}`;
  return [
    get(director, list),
    get(seller!, list),
    get(director, `/api/deals:query?measures=${encodeURIComponent(JSON.stringify([{ field: ['id'], aggregation: 'count' }, { field: ['amount'], aggregation: 'sum' }]))}&dimensions=${encodeURIComponent(JSON.stringify([{ field: ['stage'] }]))}`),
    null,
    get(director, `${list}&page=4000`),
    null,
    get(director, search('华康医疗')),
    get(director, search('华康')),
    async () => {
      const res = await fetch(`${root}/api/activities:create`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seller}`, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'call', summary: '电话跟进，确认需求' }),
      });
      if (!res.ok) throw new Error(`peer POST activities: ${res.status} ${(await res.text()).slice(0, 200)}`);
    },
  ];
}
