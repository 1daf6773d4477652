import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Org-wide settings an admin changes at run time (issue 15 points 10 and 11), one row with id 'org':
 * - `token_roles`: which roles may hold API tokens and for how many days at most (JSON, role → { allowed, maxDays }).
 *   Seeded with what the code decided until now: every role but seller, tokens of up to 365 days.
 * - `amount_display`: how the web shows amounts to everyone (`full` ¥2,656,000.00 or `wan` ¥265.6万).
 * The role list is written out here (not imported) so the migration means the same thing forever.
 *
 * Dictionaries become closed lists on every customer write path (a value no entry means is refused), so two kinds of
 * value people and the system already write get entries: the seven sales areas (华东 …), which sales teams use as a
 * region beside provinces and cities, and the source `门店预约` that a store booking gives the customer it creates.
 * An entry an admin already added under the same key is left as it is.
 */
const AREAS: Array<[string, string]> = [
  ['华东', 'East China'],
  ['华南', 'South China'],
  ['华北', 'North China'],
  ['华中', 'Central China'],
  ['西南', 'Southwest China'],
  ['西北', 'Northwest China'],
  ['东北', 'Northeast China'],
];

interface EntryRow {
  id: string;
  kind: string;
  key: string;
  label: string;
  label_en: string | null;
  parent_key: string | null;
  aliases: string;
  sort: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('org_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('amount_display', 'text', (c) => c.notNull().defaultTo('full'))
    .addColumn('token_roles', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const roles = ['seller', 'lead', 'regional_manager', 'director', 'finance', 'support', 'admin'];
  const tokenRoles = Object.fromEntries(roles.map((role) => [role, { allowed: role !== 'seller', maxDays: 365 }]));
  const table = db as unknown as Kysely<{ org_settings: { id: string; amount_display: string; token_roles: string; updated_by: string | null; updated_at: string } }>;
  await table
    .insertInto('org_settings')
    .values({ id: 'org', amount_display: 'full', token_roles: JSON.stringify(tokenRoles), updated_by: null, updated_at: new Date().toISOString() })
    .execute();

  const dict = db as unknown as Kysely<{ dictionary_entries: EntryRow }>;
  const now = new Date().toISOString();
  const after = async (kind: string) => Number((await dict.selectFrom('dictionary_entries').select((eb) => eb.fn.max('sort').as('m')).where('kind', '=', kind).executeTakeFirst())?.m ?? 0);
  const regionSort = await after('region');
  const entries: EntryRow[] = AREAS.map(([label, labelEn], i) => ({
    id: `dict-0038-region-${i}`,
    kind: 'region',
    key: label,
    label,
    label_en: labelEn,
    parent_key: null,
    aliases: JSON.stringify([`${label}区`, `${label}地区`]),
    sort: regionSort + i + 1,
    active: 1,
    created_at: now,
    updated_at: now,
  }));
  entries.push({ id: 'dict-0038-source-0', kind: 'source', key: '门店预约', label: '门店预约', label_en: 'Store appointment', parent_key: null, aliases: '[]', sort: (await after('source')) + 1, active: 1, created_at: now, updated_at: now });
  await dict.insertInto('dictionary_entries').values(entries).onConflict((oc) => oc.columns(['kind', 'key']).doNothing()).execute();
}
