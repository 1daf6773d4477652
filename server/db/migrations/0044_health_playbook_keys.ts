import type { Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * The health playbooks 0023 shipped have keys with hyphens (`health-red-retention`), which the rule key format
 * (lower case, digits and `_`) refuses: every edit of a shipped playbook — even switching it off — failed with
 * `key_format`. Their keys become `health_red_retention` and so on, in the row and in its stored definition. A
 * playbook whose new key an admin already uses elsewhere keeps its old key (renaming it would break uniqueness).
 */
const IDS = ['00000000-0000-4000-8000-00000000a701', '00000000-0000-4000-8000-00000000a702', '00000000-0000-4000-8000-00000000a703', '00000000-0000-4000-8000-00000000a704'];

interface RuleRow {
  id: string;
  key: string;
  definition: string;
}

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  const rules = db as unknown as Kysely<{ rules: RuleRow }>;
  const rows = await rules.selectFrom('rules').select(['id', 'key', 'definition']).where('id', 'in', IDS).execute();
  for (const row of rows) {
    const key = row.key.replace(/-/g, '_');
    if (key === row.key) continue;
    if (await rules.selectFrom('rules').select('id').where('key', '=', key).executeTakeFirst()) continue;
    const definition = JSON.parse(row.definition) as Record<string, unknown>;
    await rules
      .updateTable('rules')
      .set({ key, definition: JSON.stringify({ ...definition, key }) })
      .where('id', '=', row.id)
      .execute();
  }
}
