/**
 * Request building for the authorization matrix (tests/api/authorization-matrix.test.ts). Everything is derived:
 * the operations and their bodies from /api/openapi.json, which record a path or body id names from the record
 * registry (core/entities.ts), and whether a record is inside a caller's scope from the policy's own `scopeOf` /
 * `inScope`. The few addresses that are not a registry table are listed in `SEGMENTS` with the reason; anything else
 * the builder cannot resolve throws, so a new route fails loudly instead of being skipped.
 */
import { sql } from 'kysely';
import { RECORDS, REGISTRY, recordOf, type Table } from '../../server/core/entities.js';
import { can, inScope, scopeOf, type Action, type Actor } from '../../server/core/policy.js';
import { newId } from '../../server/core/ids.js';
import type { TestContext } from './app.js';
import { deref, type Schema } from './fuzz.js';
import { multipart } from './imports.js';
import type { MatrixFixture } from './matrix-fixture.js';

export interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-ability'?: Action;
  'x-public'?: boolean;
}

/** Where the id of a path segment comes from, when the segment is not simply a registry table's name. */
type Source =
  | { kind: 'table'; table: Table; column?: string }
  /** Rows that belong to one user (an inbox, a token): only they see them, unless they may `seeAll`. */
  | { kind: 'perUser'; table: Table; owner: string; seeAll?: Action }
  | { kind: 'value'; value: (f: MatrixFixture) => string };

const PER_USER: Partial<Record<Table, { owner: string; seeAll?: Action }>> = {
  api_tokens: { owner: 'user_id' },
  notifications: { owner: 'user_id' },
  imports: { owner: 'actor_id', seeAll: 'import.readAll' },
};

/** Path segments (the word before `{param}`) that are not a registry table's name, each with why. */
export const SEGMENTS: Record<string, Source> = {
  tokens: { kind: 'perUser', table: 'api_tokens', ...PER_USER.api_tokens! },
  notifications: { kind: 'perUser', table: 'notifications', ...PER_USER.notifications! },
  imports: { kind: 'perUser', table: 'imports', ...PER_USER.imports! },
  'custom-fields': { kind: 'table', table: 'custom_field_defs' },
  dictionaries: { kind: 'table', table: 'dictionary_entries' },
  interventions: { kind: 'table', table: 'sla_interventions' },
  approvals: { kind: 'table', table: 'approval_requests' },
  'approval-delegations': { kind: 'table', table: 'approval_delegations' },
  pipelines: { kind: 'value', value: (f) => f.pipelineId },
  cadences: { kind: 'table', table: 'cadences', column: 'key' },
  'activity-tags': { kind: 'table', table: 'activity_tag_defs', column: 'key' },
  platforms: { kind: 'table', table: 'platform_connections' },
  // Not records: names out of fixed catalogues (activity types, approval kinds, metrics, export lists, stages).
  'activity-types': { kind: 'value', value: () => 'call' },
  'approval-routes': { kind: 'value', value: () => 'quote' },
  metrics: { kind: 'value', value: () => 'funnel' },
  exports: { kind: 'value', value: () => 'deals' },
  columns: { kind: 'value', value: (f) => f.stageKey },
  // Payment claims of a contract (the table is named for what they claim, not for their parent).
  claims: { kind: 'table', table: 'payment_claims' },
};

export type Variant = 'inside' | 'outside' | 'unknown';

interface Row {
  id: string;
  ownerId: string;
  teamPath: string;
}

/** Rows of a table with the owner and team path that decide their scope (through the customer or record they hang off). */
export async function scopedRows(t: TestContext, table: Table): Promise<Row[] | null> {
  const perUser = PER_USER[table];
  if (perUser) {
    return (await sql<Row>`select id, ${sql.ref(perUser.owner)} as "ownerId", '' as "teamPath" from ${sql.table(table)} where ${sql.ref(perUser.owner)} is not null`.execute(t.db)).rows;
  }
  const decision = REGISTRY[table] as { scope?: unknown; merge?: unknown };
  // A table that is not a record type but belongs to a customer (it decides what a merge does to it) is seen
  // through that customer.
  const scope = (decision.scope ?? (decision.merge ? { viaCustomer: 'customer_id' } : undefined)) as
    | { owner?: string; teamPath?: string; viaCustomer?: string; viaRecord?: { kind: string; id: string } }
    | 'config'
    | undefined;
  if (!scope || scope === 'config') return null;
  if (scope.owner && scope.teamPath) {
    return (await sql<Row>`select id, ${sql.ref(scope.owner)} as "ownerId", ${sql.ref(scope.teamPath)} as "teamPath" from ${sql.table(table)}`.execute(t.db)).rows;
  }
  if (scope.viaCustomer) {
    return (await sql<Row>`select x.id, c.owner_id as "ownerId", c.team_path as "teamPath" from ${sql.table(table)} x join customers c on c.id = ${sql.ref(`x.${scope.viaCustomer}`)}`.execute(t.db)).rows;
  }
  const via = scope.viaRecord!;
  const links = (await sql<{ id: string; kind: string; ref: string }>`select id, ${sql.ref(via.kind)} as kind, ${sql.ref(via.id)} as ref from ${sql.table(table)}`.execute(t.db)).rows;
  const out: Row[] = [];
  for (const link of links) {
    const target = recordOf(link.kind);
    const owner = target ? (await scopedRows(t, target.table))?.find((r) => r.id === link.ref) : undefined;
    if (owner) out.push({ ...owner, id: link.id });
  }
  return out;
}

/** Whether `actor` may see `row` of `table` (the policy's scope, or per-user ownership); `reach` widens it. */
export function visible(actor: Actor, table: Table, row: Row, reach?: Reach): boolean {
  const perUser = PER_USER[table];
  if (perUser) return row.ownerId === actor.id || (perUser.seeAll !== undefined && can(actor, perUser.seeAll));
  if (reach === 'org') return true;
  if (reach === 'store' && row.teamPath.startsWith(actor.teamPath)) return true;
  return inScope(scopeOf(actor), row);
}

/** An operation that reaches past the caller's scope by design: their own team (a store's front desk), or the org. */
export type Reach = 'store' | 'org';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The source of a path parameter: `{customerId}` names its kind, `{id}` takes the segment before it. */
export function sourceOf(path: string, param: string): Source {
  if (param !== 'id' && param.endsWith('Id')) {
    const record = recordOf(snake(param.slice(0, -2)));
    if (record) return { kind: 'table', table: record.table };
  }
  const segments = path.split('/');
  const segment = segments[segments.indexOf(`{${param}}`) - 1];
  if (SEGMENTS[segment]) return SEGMENTS[segment];
  const table = segment.replace(/-/g, '_');
  if (Object.hasOwn(REGISTRY, table)) return { kind: 'table', table: table as Table };
  // The record whose web page has the same address (`/retention-plans/:id` → retention_plan).
  const linked = RECORDS.find((r) => (r.link ?? []).some((l) => l === `/${segment}/:id` || l === `/admin/${segment}/:id`));
  if (linked) return { kind: 'table', table: linked.table };
  // A nested collection (`/customers/{id}/aliases/{aliasId}`): the parent kind's table of it (`customer_aliases`).
  const parent = segments[segments.indexOf(`{${param}}`) - 3];
  const nested = parent && sourceOfParent(parent) ? `${sourceOfParent(parent)}_${table}` : '';
  if (nested && Object.hasOwn(REGISTRY, nested)) return { kind: 'table', table: nested as Table };
  throw new Error(`authorization matrix: cannot build a request for ${path}: no source for {${param}} after "${segment}" (add it to SEGMENTS in tests/support/matrix.ts, or a record to the registry)`);
}

function sourceOfParent(segment: string): string | undefined {
  const table = segment.replace(/-/g, '_');
  return Object.hasOwn(REGISTRY, table) ? (REGISTRY[table as Table] as { kind?: string }).kind : undefined;
}

/** Record kinds a body or query field may name by id (`customerId`, `dealId`, …): the scoped ones. */
function refKind(name: string): string | undefined {
  if (!name.endsWith('Id') || name === 'id') return undefined;
  const record = recordOf(snake(name.slice(0, -2)));
  return record && (REGISTRY[record.table] as { scope: unknown }).scope !== 'config' ? record.kind : undefined;
}

/** Picks ids per variant for one caller; records which references went outside the caller's scope. */
export class Picker {
  outsideRefs: string[] = [];
  pathOutside = false;
  /** An `inside` request had to name a record the caller cannot see (they have none of their own, e.g. a token). */
  borrowed = false;
  constructor(
    private readonly t: TestContext,
    private readonly fixture: MatrixFixture,
    private readonly actor: Actor,
    private readonly variant: Variant,
    private readonly rows: Map<Table, Row[] | null>,
    /** `invalid`: a body no schema accepts (a JSON array), to see that refusals come before validation. */
    private readonly options: { reach?: Reach; lenient?: boolean; invalid?: boolean } = {},
  ) {}

  private async rowsOf(table: Table) {
    if (!this.rows.has(table)) this.rows.set(table, await scopedRows(this.t, table));
    return this.rows.get(table)!;
  }

  /** An id of `table` for this variant; `inside` prefers the fixture's first owner (seller_a). */
  async idOf(table: Table, column = 'id', where = 'path'): Promise<string> {
    const rows = await this.rowsOf(table);
    if (rows === null) {
      if (table === 'pipelines') return this.fixture.pipelineId;
      const row = (await sql<{ v: string }>`select ${sql.ref(column)} as v from ${sql.table(table)} order by 1 limit 1`.execute(this.t.db)).rows[0];
      // Writes of the in-scope pass may have deleted the fixture's row: the request then simply names no record.
      if (!row && this.options.lenient) return newId();
      if (!row) throw new Error(`authorization matrix: no row in ${table} to address (add one to tests/support/matrix-fixture.ts)`);
      return row.v;
    }
    const inside = rows.filter((r) => visible(this.actor, table, r, this.options.reach)).sort((a, b) => Number(b.ownerId === this.fixture.owners[0]) - Number(a.ownerId === this.fixture.owners[0]));
    const outside = rows.filter((r) => !visible(this.actor, table, r, this.options.reach));
    if (rows.length === 0 && !this.options.lenient) {
      throw new Error(`authorization matrix: no row in ${table} to address, inside or outside a scope (add records of seller_a and seller_b to tests/support/matrix-fixture.ts)`);
    }
    if (this.variant !== 'inside' && outside.length > 0) {
      this.outsideRefs.push(`${where}:${table}`);
      if (where === 'path') this.pathOutside = true;
      return this.variant === 'outside' ? outside[0].id : newId();
    }
    // No row of this caller's own (a seller holds no API token): someone else's, so the answer must still be clean.
    if (!inside[0]) this.borrowed = true;
    return (inside[0] ?? rows[0])?.id ?? newId();
  }

  async pathValue(path: string, param: string): Promise<string> {
    const source = sourceOf(path, param);
    if (source.kind === 'value') return source.value(this.fixture);
    return this.idOf(source.table, source.kind === 'table' ? source.column : 'id');
  }

  /** A minimal value the schema accepts, with record references filled per variant. */
  async value(doc: Record<string, unknown>, schema: Schema | undefined, name: string, depth = 0): Promise<unknown> {
    const s = deref(doc, schema);
    const kind = refKind(name);
    if (kind) {
      const id = await this.idOf(recordOf(kind)!.table, 'id', 'body');
      return s.type === 'array' ? [id] : id;
    }
    if (/^(to)?(user|owner|assignee|consultant)Id$/.test(name)) return this.fixture.userId;
    // A configuration record named by id (`pipelineId`): one that exists.
    const config = name.endsWith('Id') && name !== 'id' ? recordOf(snake(name.slice(0, -2))) : undefined;
    if (config && name !== 'teamId') return this.idOf(config.table, 'id', 'body');
    if (name === 'team' || name === 'store' || name === 'teamId') return this.fixture.teamId;
    if (Array.isArray(s.enum)) return s.enum.find((v) => v !== null);
    const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (variants?.length) return this.value(doc, variants.find((v) => deref(doc, v).type !== 'null') ?? variants[0], name, depth + 1);
    if (Array.isArray(s.allOf) && s.allOf.length) return this.value(doc, s.allOf[0] as Schema, name, depth + 1);
    switch (s.type) {
      case 'string': {
        if (s.format === 'date-time') return '2026-11-10T02:00:00.000Z';
        if (s.format === 'date' || /date|On$|^(from|to)$/i.test(name)) return '2026-11-10';
        if (s.format === 'email') return 'matrix@example.com';
        if (s.format === 'uri' || /url/i.test(name)) return 'https://example.com/hook';
        if (/phone/i.test(name)) return '13900009999';
        return 'matrix'.padEnd(Number(s.minLength ?? 1), 'x').slice(0, Number(s.maxLength ?? 64));
      }
      case 'integer':
      case 'number':
        return Math.min(Math.max(typeof s.minimum === 'number' ? s.minimum : 1, 1), typeof s.maximum === 'number' ? s.maximum : 1_000_000);
      case 'boolean':
        return false;
      case 'array':
        return Number(s.minItems ?? 0) > 0 && depth < 4 ? [await this.value(doc, s.items as Schema, name, depth + 1)] : [];
      default:
        return depth < 4 ? this.object(doc, (s.properties ?? {}) as Record<string, Schema>, new Set((s.required as string[] | undefined) ?? []), depth) : {};
    }
  }

  /** Required properties, every record reference, and (kind, id) pairs such as `entity` + `entityId` set to a deal. */
  async object(doc: Record<string, unknown>, props: Record<string, Schema>, required: Set<string>, depth = 0): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(props)) {
      if (required.has(name) || refKind(name)) out[name] = await this.value(doc, schema, name, depth + 1);
    }
    for (const [name, schema] of Object.entries(props)) {
      const values = deref(doc, schema).enum as unknown[] | undefined;
      if (!values || !['entity', 'subject', 'subjectType', 'type'].includes(name)) continue;
      const kind = ['deal', 'customer'].find((k) => values.includes(k));
      const idName = [`${name}Id`, name.replace(/Type$/, 'Id'), 'id', 'ids'].find((n) => n !== name && props[n]);
      if (!kind || !idName) continue;
      out[name] = kind;
      const id = await this.idOf(recordOf(kind)!.table, 'id', 'body');
      out[idName] = deref(doc, props[idName]).type === 'array' ? [id] : id;
    }
    return out;
  }

  /** The URL, body and headers of `op` for this caller and variant. */
  async request(doc: Record<string, unknown>, op: Operation): Promise<{ method: string; url: string; payload?: string | Buffer; headers: Record<string, string> }> {
    let url = op.path;
    for (const p of op.parameters ?? []) if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(await this.pathValue(op.path, p.name)));
    const query = (op.parameters ?? []).filter((p) => p.in === 'query');
    const q = await this.object(doc, Object.fromEntries(query.map((p) => [p.name, p.schema ?? {}])), new Set(query.filter((p) => p.required).map((p) => p.name)));
    const qs = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
    if (qs.size) url += `?${qs}`;
    const content = op.requestBody?.content ?? {};
    if (content['multipart/form-data']) {
      const s = deref(doc, content['multipart/form-data'].schema);
      const props = Object.fromEntries(Object.entries((s.properties ?? {}) as Record<string, Schema>).filter(([, v]) => v.format !== 'binary'));
      const fields = await this.object(doc, props, new Set((s.required as string[] | undefined) ?? []));
      const body = multipart(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)])), { name: 'matrix.pdf', content: Buffer.from('%PDF-1.4\n%%EOF\n') });
      return { method: op.method, url, payload: body.payload, headers: body.headers };
    }
    if (!op.requestBody) return { method: op.method, url, headers: {} };
    if (this.options.invalid) return { method: op.method, url, payload: '[["matrix"]]', headers: { 'content-type': 'application/json' } };
    const schema = content['application/json']?.schema ?? Object.values(content)[0]?.schema;
    return { method: op.method, url, payload: JSON.stringify(await this.value(doc, schema, 'body')), headers: { 'content-type': 'application/json' } };
  }
}
