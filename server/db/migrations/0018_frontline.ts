import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';
import { ALL_DEFAULTS } from './frozen/dictionaries-0018.js';

/**
 * Frontline experience (issue 15): admin-managed dictionaries (lost reasons, regions, industries, sources, customer
 * levels) with shipped defaults; a deal's lost reason and when it was lost (on the deal while it is lost, and on the
 * stage-history row that entered the lost stage); org-wide deal settings (manager confirmation above an amount).
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('dictionary_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text')
    .addColumn('parent_key', 'text')
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('dictionary_entries_kind_key', ['kind', 'key'])
    .execute();
  await db.schema
    .createTable('deal_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('lost_confirm_above_fen', bigint)
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('deals').addColumn('lost_reason', 'text').execute();
  await db.schema.alterTable('deals').addColumn('lost_at', 'text').execute();
  await db.schema.alterTable('deal_stage_history').addColumn('lost_reason', 'text').execute();
  await db.schema.createIndex('deals_lost_reason').on('deals').columns(['lost_reason', 'lost_at']).execute();

  const now = new Date().toISOString();
  const perKind = new Map<string, number>();
  const rows = ALL_DEFAULTS.map((e, i) => {
    const sort = (perKind.get(e.kind) ?? 0) + 1;
    perKind.set(e.kind, sort);
    return {
      id: `dict-${e.kind}-${String(i).padStart(4, '0')}`,
      kind: e.kind,
      key: e.key,
      label: e.label,
      label_en: e.labelEn,
      parent_key: e.parentKey ?? null,
      aliases: JSON.stringify(e.aliases ?? []),
      sort,
      active: 1,
      created_at: now,
      updated_at: now,
    };
  });
  const table = db as unknown as Kysely<{ dictionary_entries: (typeof rows)[number] }>;
  for (let i = 0; i < rows.length; i += 100) await table.insertInto('dictionary_entries').values(rows.slice(i, i + 100)).execute();
}
