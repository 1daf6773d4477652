/** Output shapes of contracts. Money fields are optional: support never sees them (RESTRICTED_FIELDS `contract.amounts`). */
import { z } from 'zod';
import { userRef, userRefOrNull } from '../../core/contract.js';
import { METHODS } from './ledger.js';
import type { InstalmentView } from './view.js';

const money = z.number().int().optional();
const ref = z.object({ id: z.string(), name: z.string() });

export const instalmentSchema = z
  .object({
    id: z.string(),
    seq: z.number().int(),
    dueDate: z.string().describe('Contractual due date'),
    effectiveDueDate: z.string().describe('Moved onto a working day by the due-date policy (China calendar with 调休)'),
    amountFen: money,
    paidFen: money,
    outstandingFen: money,
    shortfallFen: money.describe('A remainder within tolerance that closed the instalment (短款待核销)'),
    method: z.enum(METHODS),
    invoiceDate: z.string().nullable(),
    invoiceStatus: z.enum(['not_issued', 'issued']),
    invoiceNo: z.string().nullable(),
    status: z.enum(['open', 'partially_paid', 'paid', 'overdue']),
    band: z.enum(['red', 'yellow', 'normal']).describe('red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid'),
    daysToDue: z.number().int().describe('Days (calendar or working, by setting) to the effective due date; negative when past it'),
    daysPastDue: z.number().int(),
    escalateAt: z.string().nullable().describe('When it escalates unless settled first (null: settled or already escalated)'),
    escalated: z.boolean(),
    lastPaidOn: z.string().nullable(),
  })
  .meta({ id: 'Instalment' });

export function presentInstalment(v: InstalmentView, escalated: boolean): z.infer<typeof instalmentSchema> {
  return {
    id: v.id,
    seq: v.seq,
    dueDate: v.dueDate,
    effectiveDueDate: v.effectiveDueDate,
    amountFen: v.amountFen,
    paidFen: v.paidFen,
    outstandingFen: v.outstandingFen,
    shortfallFen: v.shortfallFen,
    method: v.method as (typeof METHODS)[number],
    invoiceDate: v.invoiceDate,
    invoiceStatus: v.invoiceStatus as 'issued' | 'not_issued',
    invoiceNo: v.invoiceNo,
    status: v.status,
    band: v.band,
    daysToDue: v.daysToDue,
    daysPastDue: v.daysPastDue,
    escalateAt: v.escalateAt,
    escalated,
    lastPaidOn: v.lastPaidOn,
  };
}

export const paymentSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['payment', 'reversal']),
    amountFen: money,
    receivedOn: z.string(),
    method: z.string(),
    reference: z.string().nullable(),
    evidenceFileId: z.string().nullable(),
    note: z.string().nullable(),
    reversesId: z.string().nullable(),
    reversedBy: z.string().nullable(),
    allocations: z.array(z.object({ instalmentId: z.string(), contractId: z.string(), amountFen: money, kind: z.string(), onDate: z.string() })),
    unallocatedFen: money.describe('Customer credit (预收款) left from this payment'),
    createdBy: userRefOrNull,
    createdAt: z.string(),
  })
  .meta({ id: 'Payment' });

export const claimSchema = z
  .object({
    id: z.string(),
    instalmentId: z.string().nullable(),
    amountFen: money,
    claimedOn: z.string(),
    reference: z.string().nullable(),
    evidenceFileId: z.string().nullable(),
    note: z.string().nullable(),
    pauseUntil: z.string(),
    status: z.enum(['pending', 'confirmed', 'rejected']),
    decisionNote: z.string().nullable(),
    paymentId: z.string().nullable(),
    createdBy: userRef,
    createdAt: z.string(),
  })
  .meta({ id: 'PaymentClaim' });

export const contractSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  deal: ref,
  customer: ref,
  owner: userRef,
  signedAt: z.string(),
  amountFen: money,
  planVersion: z.number().int(),
  paidFen: money,
  outstandingFen: money,
  status: z.enum(['open', 'partially_paid', 'paid', 'overdue']).describe('paid when every instalment is; overdue when any is'),
});

export const contractSchema = contractSummarySchema
  .extend({
    note: z.string().nullable(),
    createdAt: z.string(),
    creditFen: money.describe("The customer's unapplied credit (预收款)"),
    instalments: z.array(instalmentSchema),
    planVersions: z.array(z.object({ version: z.number().int(), reason: z.string().nullable(), amountFen: money, createdAt: z.string(), createdBy: userRefOrNull })),
    payments: z.array(paymentSchema),
    claims: z.array(claimSchema),
    attachments: z
      .array(z.object({ id: z.string(), entity: z.enum(['contract', 'deal']), kind: z.string(), filename: z.string(), createdAt: z.string() }))
      .describe("Evidence: the contract's files, then its deal's (a delivery receipt 签收单, gate evidence)"),
    activities: z
      .array(z.object({ id: z.string(), type: z.string(), summary: z.string(), occurredAt: z.string(), owner: z.string().nullable() }))
      .describe("The 10 latest activities on the deal or the customer, newest first (the morning meeting's communication history)"),
    escalations: z.array(z.object({ instalmentId: z.string(), firedAt: z.string(), outstandingFen: money, workOrderId: z.string().nullable(), taskId: z.string().nullable() })),
  })
  .meta({ id: 'Contract' });

export const creditSchema = z.object({
  customerId: z.string(),
  creditFen: money,
  sources: z.array(z.object({ paymentId: z.string(), contractId: z.string(), receivedOn: z.string(), availableFen: money })),
});

export const moneySettingsOut = z.object({
  toleranceFen: z.number().int(),
  bandBasis: z.enum(['calendar', 'working']),
  dueShift: z.enum(['next_working_day', 'previous_working_day', 'none']),
  numberPrefix: z.string(),
  numberPad: z.number().int(),
  numberYearly: z.boolean(),
  claimPauseDays: z.number().int(),
  escalationDays: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});

/** A contract's overall status from its instalments. */
export function contractStatus(views: ReadonlyArray<Pick<InstalmentView, 'status'>>): 'open' | 'partially_paid' | 'paid' | 'overdue' {
  if (views.some((v) => v.status === 'overdue')) return 'overdue';
  if (views.every((v) => v.status === 'paid')) return 'paid';
  return views.some((v) => v.status === 'partially_paid' || v.status === 'paid') ? 'partially_paid' : 'open';
}
