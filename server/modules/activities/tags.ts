/**
 * The action vocabulary (动作标签): admin-configured tags an activity carries besides its type, precise enough to learn
 * from (price_confirmation, technical_comparison, competitor_sheet, …). Generic on purpose: predictive patterns mine
 * them, and insight metrics may count them. A tag's `suggestion` is the advice shown when a pattern asks for it.
 * Tags are written with the activity in its transaction and never edited afterwards (activities are facts).
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { invalid } from '../../core/errors.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import type { Selectable } from 'kysely';
import type { ActivityTagDefsTable } from '../../db/schema-predictive.js';

export interface TagDef {
  key: string;
  label: string;
  labelEn: string | null;
  suggestion: string | null;
  suggestionEn: string | null;
  active: boolean;
  sort: number;
  category: TagCategory;
}

/** `action`: what the seller did (patterns mine these); `need`: a customer need or pain point the seller recorded. */
export type TagCategory = 'action' | 'need';

export interface TagInput {
  label: string;
  labelEn?: string | null;
  suggestion?: string | null;
  suggestionEn?: string | null;
  active?: boolean;
  sort?: number;
  category?: TagCategory;
}

export function presentTag(row: Selectable<ActivityTagDefsTable>): TagDef {
  return { key: row.key, label: row.label, labelEn: row.label_en, suggestion: row.suggestion, suggestionEn: row.suggestion_en, active: row.active === 1, sort: row.sort, category: row.category === 'need' ? 'need' : 'action' };
}

export async function listTagDefs(db: Queryable, options: { includeInactive?: boolean } = {}): Promise<TagDef[]> {
  let q = db.selectFrom('activity_tag_defs').selectAll().orderBy('sort').orderBy('key');
  if (!options.includeInactive) q = q.where('active', '=', 1);
  return (await q.execute()).map(presentTag);
}

/** Creates or changes one tag (admin); a tag is never deleted, only deactivated, so old activities keep their meaning. */
export async function putTagDef(db: Queryable, clock: Clock, actor: AnyActor, key: string, input: TagInput): Promise<TagDef> {
  authorize(actor, 'activity.configure');
  const now = clock.now().toISOString();
  const before = await db.selectFrom('activity_tag_defs').selectAll().where('key', '=', key).executeTakeFirst();
  const values = {
    label: input.label,
    label_en: input.labelEn ?? null,
    suggestion: input.suggestion ?? null,
    suggestion_en: input.suggestionEn ?? null,
    active: input.active === false ? 0 : 1,
    sort: input.sort ?? before?.sort ?? 100,
    category: input.category ?? (before?.category === 'need' ? 'need' : 'action'),
    updated_at: now,
  };
  await db.insertInto('activity_tag_defs').values({ key, ...values, created_at: now }).onConflict((oc) => oc.column('key').doUpdateSet(values)).execute();
  const after = (await db.selectFrom('activity_tag_defs').selectAll().where('key', '=', key).executeTakeFirstOrThrow());
  await commandIn(db, clock, { entity: 'activity_settings', actorId: auditActorId(actor) }).recorded(`tag:${key}`, before ? 'update' : 'create', {
    before: before ? presentTag(before) : null,
    after: presentTag(after),
  });
  return presentTag(after);
}

/** Refuses tags that are not defined and active (400 naming `tags`); returns them de-duplicated. */
export async function checkTags(db: Queryable, tags: readonly string[] | undefined): Promise<string[]> {
  const wanted = [...new Set(tags ?? [])];
  if (wanted.length === 0) return [];
  const known = new Set((await db.selectFrom('activity_tag_defs').select('key').where('key', 'in', wanted).where('active', '=', 1).execute()).map((r) => r.key));
  const strangers = wanted.filter((t) => !known.has(t));
  if (strangers.length > 0) throw invalid('tags', 'unknown_tag', { value: strangers.join(', ') });
  return wanted;
}

export async function insertActivityTags(db: Queryable, activityId: string, tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  await db.insertInto('activity_tags').values(tags.map((tag_key) => ({ activity_id: activityId, tag_key }))).execute();
}

/** The tags of each of `activityIds` (absent: none). */
export async function tagsOfActivities(db: Queryable, activityIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (activityIds.length === 0) return map;
  const rows = await db.selectFrom('activity_tags').select(['activity_id', 'tag_key']).where('activity_id', 'in', [...activityIds]).orderBy('tag_key').execute();
  for (const r of rows) map.set(r.activity_id, [...(map.get(r.activity_id) ?? []), r.tag_key]);
  return map;
}
