/**
 * Predictive settings (thresholds), versioned: every change appends a version (`pattern_settings`), a mining run pins
 * the version it used, and the model card names it. Defaults apply until an admin saves a version.
 */
import { z } from 'zod';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import type { Clock } from '../../core/clock.js';
import { commandIn } from '../../core/command.js';
import { parseJson, toJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';

const days = z.number().int().min(1).max(60);

export const settingsSchema = z
  .strictObject({
    /** Minimum number of matching historical deals before a pattern is shown (the seeds' evidence bar). */
    minSupport: z.number().int().min(5).max(10_000).default(30),
    /** Minimum lift (outcome rate ÷ baseline). */
    minLift: z.number().min(1).max(10).default(1.2),
    /** Closed deals a pipeline needs before mining; below it only the expert rules (cold start) warn. */
    minClosedDeals: z.number().int().min(10).max(100_000).default(100),
    /** k values tried by the count templates. */
    kValues: z.array(z.number().int().min(1).max(10)).min(1).max(4).default([2, 3]),
    /** N values (working days) tried by "no effective interaction within N working days after E". */
    followupDays: z.array(days).min(1).max(4).default([2, 5]),
    /** Share of the most recently closed deals held out for the out-of-time backtest. */
    testShare: z.number().min(0.1).max(0.5).default(0.3),
    /** At most one notification per deal and pattern per this many days. */
    notifyEveryDays: days.default(7),
    /** Closed loop: the suggested action counts as done when logged within this many working days of the flag. */
    loopDays: days.default(5),
    /** Share of flagged deals that get no suggestion and no notification, so the loop's lift can be checked (0: none). */
    holdoutShare: z.number().min(0).max(0.5).default(0),
    /** Cold-start expert rules and their thresholds. */
    rules: z
      .strictObject({
        noInteractionDays: days.default(10),
        singleContactAmountFen: z.number().int().min(0).default(10_000_000),
        closeDatePushes: z.number().int().min(1).max(10).default(2),
        unansweredTouches: z.number().int().min(2).max(10).default(3),
      })
      .prefault({}),
  })
  .meta({ id: 'PatternSettings' });

export type PatternSettings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: PatternSettings = settingsSchema.parse({});

export async function loadSettings(db: Queryable): Promise<{ version: number; settings: PatternSettings }> {
  const row = await db.selectFrom('pattern_settings').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) return { version: 0, settings: DEFAULT_SETTINGS };
  return { version: row.version, settings: settingsSchema.parse(parseJson(row.settings, {})) };
}

export async function saveSettings(db: Queryable, clock: Clock, actor: AnyActor, input: z.input<typeof settingsSchema>) {
  authorize(actor, 'pattern.configure');
  const current = await loadSettings(db);
  const settings = settingsSchema.parse(input);
  const version = current.version + 1;
  await db.insertInto('pattern_settings').values({ version, settings: toJson(settings), created_at: clock.now().toISOString(), created_by: auditActorId(actor) }).execute();
  await commandIn(db, clock, { entity: 'activity_settings', actorId: auditActorId(actor) }).recorded('pattern_settings', 'update', { before: current, after: { version, settings } });
  return { version, settings };
}
