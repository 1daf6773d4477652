/**
 * The org's receivable policy (`money_settings`, one row): tolerance, band day basis, due-date shift, contract-number
 * sequence, claim pause and escalation delay. Absent means the defaults. Each change bumps `version` and is audited.
 */
import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';
import type { Queryable } from '../../db/index.js';
import type { BandBasis, DueShift } from './due-dates.js';

export const moneySettingsSchema = z.strictObject({
  /** A remainder up to this many fen (bank fees) closes an instalment with a note instead of escalating. */
  toleranceFen: z.number().int().min(0).max(100_000_000),
  bandBasis: z.enum(['calendar', 'working']),
  dueShift: z.enum(['next_working_day', 'previous_working_day', 'none']),
  numberPrefix: z.string().trim().min(1).max(16).regex(/^[A-Za-z0-9\u4e00-\u9fa5_-]+$/, formatMessage('number_prefix_format')),
  numberPad: z.number().int().min(1).max(10),
  /** Restart the sequence each year (HT2026-0001) or run on (HT-00001). */
  numberYearly: z.boolean(),
  /** Working days a payment claim pauses escalation. */
  claimPauseDays: z.number().int().min(0).max(60),
  /** Working days after the effective due date before an unpaid instalment escalates. */
  escalationDays: z.number().int().min(0).max(60),
});
export type MoneySettingsInput = z.infer<typeof moneySettingsSchema>;
export interface MoneySettings extends MoneySettingsInput {
  bandBasis: BandBasis;
  dueShift: DueShift;
  version: number;
  updatedAt: string | null;
}

export const DEFAULT_MONEY_SETTINGS: MoneySettings = {
  toleranceFen: 10_000,
  bandBasis: 'calendar',
  dueShift: 'next_working_day',
  numberPrefix: 'HT',
  numberPad: 4,
  numberYearly: true,
  claimPauseDays: 3,
  escalationDays: 3,
  version: 0,
  updatedAt: null,
};

export async function loadMoneySettings(db: Queryable): Promise<MoneySettings> {
  const row = await db.selectFrom('money_settings').selectAll().where('id', '=', 'org').executeTakeFirst();
  if (!row) return DEFAULT_MONEY_SETTINGS;
  return {
    toleranceFen: Number(row.tolerance_fen),
    bandBasis: row.band_basis as BandBasis,
    dueShift: row.due_shift as DueShift,
    numberPrefix: row.number_prefix,
    numberPad: row.number_pad,
    numberYearly: row.number_yearly === 1,
    claimPauseDays: row.claim_pause_days,
    escalationDays: row.escalation_days,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function saveMoneySettings(db: Queryable, s: MoneySettingsInput, version: number, actorId: string | null, now: string): Promise<void> {
  const values = {
    tolerance_fen: s.toleranceFen,
    band_basis: s.bandBasis,
    due_shift: s.dueShift,
    number_prefix: s.numberPrefix,
    number_pad: s.numberPad,
    number_yearly: s.numberYearly ? 1 : 0,
    claim_pause_days: s.claimPauseDays,
    escalation_days: s.escalationDays,
    version,
    updated_by: actorId,
    updated_at: now,
  };
  await db.insertInto('money_settings').values({ id: 'org', ...values }).onConflict((oc) => oc.column('id').doUpdateSet(values)).execute();
}

/** The next contract number; the counter row is bumped in the caller's transaction (unique across processes). */
export async function nextContractNumber(db: Queryable, s: MoneySettings, year: number): Promise<string> {
  const key = s.numberYearly ? `${s.numberPrefix}${year}` : s.numberPrefix;
  await db.insertInto('contract_sequences').values({ key, last: 0 }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db
    .updateTable('contract_sequences')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('key', '=', key)
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${key}-${String(row.last).padStart(s.numberPad, '0')}`;
}
