/**
 * The month's report per work-order type: orders resolved in the month (org time zone), their recorded response and
 * resolution outcomes, and the time they waited for the requester — so a helper is not blamed for the seller's delay.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Actor } from '../../core/policy.js';
import { reportRows } from './repo.js';
import type { WoDeps } from './service.js';

export const reportSchema = z
  .object({
    month: z.string(),
    types: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        nameEn: z.string().nullable(),
        resolved: z.number().int(),
        responseHit: z.number().int(),
        responseMissed: z.number().int(),
        resolutionHit: z.number().int(),
        resolutionMissed: z.number().int(),
        firstResolutionHit: z.number().int(),
        requesterWaitingMinutes: z.number().int().describe('Sum over the resolved orders, business minutes'),
      }),
    ),
  })
  .meta({ id: 'WorkOrderReport' });

export async function monthReport(deps: WoDeps, actor: Actor, month: string | undefined) {
  const zone = deps.config.timeZone;
  const start = month ? DateTime.fromISO(`${month}-01`, { zone }) : DateTime.fromJSDate(deps.clock.now(), { zone }).startOf('month');
  const rows = await reportRows(deps.db, actor, start.toUTC().toISO()!, start.plus({ months: 1 }).toUTC().toISO()!);
  const byType = new Map<string, z.infer<typeof reportSchema>['types'][number]>();
  for (const r of rows) {
    const t = byType.get(r.key) ?? { key: r.key, name: r.name, nameEn: r.name_en, resolved: 0, responseHit: 0, responseMissed: 0, resolutionHit: 0, resolutionMissed: 0, firstResolutionHit: 0, requesterWaitingMinutes: 0 };
    t.resolved++;
    if (r.response_outcome === 'hit') t.responseHit++;
    if (r.response_outcome === 'missed') t.responseMissed++;
    if (r.resolution_outcome === 'hit') t.resolutionHit++;
    if (r.resolution_outcome === 'missed') t.resolutionMissed++;
    if (r.first_resolution_outcome === 'hit') t.firstResolutionHit++;
    t.requesterWaitingMinutes += Math.round(Number(r.waiting_ms) / 60_000);
    byType.set(r.key, t);
  }
  return { month: start.toFormat('yyyy-MM'), types: [...byType.values()].sort((a, b) => a.key.localeCompare(b.key)) };
}
