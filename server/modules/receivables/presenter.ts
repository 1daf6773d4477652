/**
 * What the receivables routes answer: the countdown board's rows, the ageing report, the finance partners, and the
 * bucket names the .xlsx export prints. Services compute; these shape (owner, seller and partner are user references).
 */
import { z } from 'zod';
import { userRef } from '../../core/contract.js';
import { BUCKETS, type Bucket } from '../contracts/ledger.js';
import { instalmentSchema, presentInstalment } from '../contracts/presenter.js';
import type { InstalmentView } from '../contracts/view.js';
import type * as repo from './repo.js';

const money = z.number().int().optional();
const ref = z.object({ id: z.string(), name: z.string() });

export const boardRowSchema = instalmentSchema
  .extend({
    contract: z.object({ id: z.string(), number: z.string() }),
    customer: ref,
    deal: ref,
    owner: userRef,
    team: ref,
  })
  .meta({ id: 'ReceivableRow' });
export type BoardRow = z.infer<typeof boardRowSchema>;

export const boardSchema = z.object({
  asOf: z.string(),
  bandBasis: z.enum(['calendar', 'working']),
  counts: z.object({ overdue: z.number().int(), red: z.number().int(), yellow: z.number().int(), normal: z.number().int() }),
  outstandingFen: money,
  items: z.array(boardRowSchema),
});

/** An instalment of a contract in the caller's scope, with the team the contract belongs to. */
export interface ScopedRow {
  contract: repo.ScopedContract;
  teamId: string;
  teamName: string;
  view: InstalmentView;
}

export function presentRow(r: ScopedRow, escalated: boolean): BoardRow {
  return {
    ...presentInstalment(r.view, escalated),
    contract: { id: r.contract.id, number: r.contract.number },
    customer: { id: r.contract.customer_id, name: r.contract.customer_name },
    deal: { id: r.contract.deal_id, name: r.contract.deal_title },
    owner: { id: r.contract.owner_id, name: r.contract.owner_name },
    team: { id: r.teamId, name: r.teamName },
  };
}

const buckets = z.object({ current: money, d1_30: money, d31_60: money, d61_90: money, d90_plus: money, totalFen: money });

export const ageingSchema = z.object({
  asOf: z.string(),
  groupBy: z.enum(['customer', 'seller', 'team']),
  groups: z.array(buckets.extend({ key: z.string(), name: z.string(), contracts: z.number().int(), contractsOver90: z.number().int() })),
  totals: buckets,
  over90: z.object({ contracts: z.number().int().describe('Contracts with any outstanding balance'), over90: z.number().int().describe('… of which any balance is more than 90 days past due'), share: z.number().nullable() }),
  collectedThisMonth: z.array(z.object({ seller: userRef, collectedFen: money })),
  dso: z.object({ receivablesFen: money, salesFen: money.describe('Contract amounts signed in the 90 days up to asOf'), days: z.number().int(), dso: z.number().nullable() }),
});

/** The drill-down of an ageing figure: its instalments, each with its bucket and outstanding amount. */
export const ageingInstalmentSchema = boardRowSchema.extend({ bucket: z.enum(BUCKETS) }).meta({ id: 'AgeingInstalment' });
export type AgeingInstalment = z.infer<typeof ageingInstalmentSchema>;
export const ageingInstalmentsSchema = z.object({ asOf: z.string(), items: z.array(ageingInstalmentSchema) });

/** A payment (or its reversal, negative) received in the as-of month: the rows behind "collected this month". */
export const collectedRowSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['payment', 'reversal']),
    receivedOn: z.string(),
    amountFen: money.describe('Negative for a reversal'),
    method: z.string(),
    reference: z.string().nullable(),
    reversesId: z.string().nullable(),
    contract: z.object({ id: z.string(), number: z.string() }),
    customer: ref,
    seller: userRef,
    team: ref,
  })
  .meta({ id: 'CollectedPayment' });
export type CollectedRow = z.infer<typeof collectedRowSchema>;

/** A contract signed in the DSO window: the rows behind DSO's sales. */
export const saleRowSchema = z
  .object({ contract: z.object({ id: z.string(), number: z.string() }), customer: ref, deal: ref, owner: userRef, team: ref, signedAt: z.string(), amountFen: money })
  .meta({ id: 'DsoSale' });
export type SaleRow = z.infer<typeof saleRowSchema>;

const period = { asOf: z.string(), from: z.string().describe('First day counted'), to: z.string().describe('Last day counted (asOf)') };
export const collectedSchema = z.object({ ...period, sellerId: z.string().nullable(), items: z.array(collectedRowSchema) });
export const salesSchema = z.object({ ...period, items: z.array(saleRowSchema) });

type Team = { id: string; name: string };
export function presentCollected(p: repo.PaymentRow, c: repo.ScopedContract, team: Team): CollectedRow {
  return {
    id: p.id,
    kind: p.kind === 'reversal' ? 'reversal' : 'payment',
    receivedOn: p.received_on,
    amountFen: (p.kind === 'reversal' ? -1 : 1) * Number(p.amount_fen),
    method: p.method,
    reference: p.reference,
    reversesId: p.reverses_id,
    contract: { id: c.id, number: c.number },
    customer: { id: c.customer_id, name: c.customer_name },
    seller: { id: c.owner_id, name: c.owner_name },
    team,
  };
}

export function presentSale(c: repo.ScopedContract, team: Team): SaleRow {
  return {
    contract: { id: c.id, number: c.number },
    customer: { id: c.customer_id, name: c.customer_name },
    deal: { id: c.deal_id, name: c.deal_title },
    owner: { id: c.owner_id, name: c.owner_name },
    team,
    signedAt: c.signed_at,
    amountFen: Number(c.amount_fen),
  };
}

export const BUCKET_NAMES: Record<Bucket, { zh: string; en: string }> = {
  current: { zh: '未到期', en: 'Current' },
  d1_30: { zh: '逾期1–30天', en: '1–30 days' },
  d31_60: { zh: '逾期31–60天', en: '31–60 days' },
  d61_90: { zh: '逾期61–90天', en: '61–90 days' },
  d90_plus: { zh: '逾期90天以上', en: '90+ days' },
};

export const partnerSchema = z.object({ team: ref, partner: userRef.nullable() });

export function presentPartner(r: { team_id: string; team_name: string; user_id: string | null; display_name: string | null }): z.infer<typeof partnerSchema> {
  return { team: { id: r.team_id, name: r.team_name }, partner: r.user_id ? { id: r.user_id, name: r.display_name ?? r.user_id } : null };
}
