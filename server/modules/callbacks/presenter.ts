/**
 * What the call-back routes answer: draws with their drawn customers, visits and results, the per-seller report,
 * a customer's verifications and the share/checker settings. The service loads; these shape (sellers, checkers and
 * recorders are user references).
 */
import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import type * as repo from './repo.js';

export const RESULTS = ['confirmed', 'not_confirmed', 'unreachable'] as const;
export type CallbackResult = (typeof RESULTS)[number];

const ref = z.object({ id: z.string(), name: z.string() });
const resultSchema = z.object({ result: z.enum(RESULTS), note: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() });
const visitSchema = z.object({ id: z.string(), occurredAt: z.string(), summary: z.string() });

export const itemSchema = z.object({ id: z.string(), customer: ref, seller: userRef, visits: z.array(visitSchema), result: resultSchema.nullable() }).meta({ id: 'CallbackItem' });
export const drawSchema = z
  .object({ id: z.string(), team: ref, month: z.string(), seed: z.string(), shareBp: z.number().int(), population: z.number().int(), checkerId: z.string().nullable(), taskId: z.string().nullable(), createdAt: z.string(), items: z.array(itemSchema) })
  .meta({ id: 'CallbackDraw' });
export const reportRow = z
  .object({
    seller: userRef,
    drawn: z.number().int(),
    confirmed: z.number().int(),
    notConfirmed: z.number().int(),
    unreachable: z.number().int(),
    open: z.number().int(),
    flagged: z.array(z.object({ itemId: z.string(), month: z.string(), customer: ref, visitIds: z.array(z.string()) })),
  })
  .meta({ id: 'CallbackReportRow' });
export const verificationSchema = z
  .object({ activityId: z.string(), month: z.string(), result: z.enum(RESULTS), recordedAt: z.string() })
  .meta({ id: 'CallbackVerification' });
export const settingRow = z.object({ teamId: z.string().nullable(), team: ref.nullable(), shareBp: z.number().int(), checker: userRef.nullable() }).meta({ id: 'CallbackSetting' });

type Draw = Awaited<ReturnType<typeof repo.listDraws>>[number];
type Item = Awaited<ReturnType<typeof repo.itemsOf>>[number];
type Visit = Awaited<ReturnType<typeof repo.visitsById>>[number];

export function presentItem(i: Item, visits: Visit[]): z.infer<typeof itemSchema> {
  return {
    id: i.id,
    customer: { id: i.customer_id, name: i.customer_name },
    seller: { id: i.seller_id, name: i.seller_name },
    visits: visits.map((v) => ({ id: v.id, occurredAt: v.occurred_at, summary: v.summary })),
    result: i.result ? { result: i.result.result as CallbackResult, note: i.result.note, recordedBy: i.result.recorded_by, recordedAt: i.result.recorded_at } : null,
  };
}

export function presentDraw(d: Draw, items: Array<z.infer<typeof itemSchema>>): z.infer<typeof drawSchema> {
  return { id: d.id, team: { id: d.team_id, name: d.team_name }, month: d.month, seed: d.seed, shareBp: d.share_bp, population: d.population, checkerId: d.checker_id, taskId: d.task_id, createdAt: d.created_at, items };
}

export function presentSetting(r: Awaited<ReturnType<typeof repo.listSettings>>[number]): z.infer<typeof settingRow> {
  return {
    teamId: r.team_id === '*' ? null : r.team_id,
    team: r.team_id === '*' ? null : { id: r.team_id, name: r.team_name ?? r.team_id },
    shareBp: r.share_bp,
    checker: r.checker_id ? { id: r.checker_id, name: r.checker_name ?? r.checker_id } : null,
  };
}
