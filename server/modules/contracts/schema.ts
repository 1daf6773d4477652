/** Input schemas of contracts, plans, payments, credit and claims. */
import { z } from 'zod';
import { moneyDate } from '../../core/dates.js';
import { coded } from '../../core/validation.js';
import { METHODS } from './ledger.js';

const id = z.string().min(1).max(64);
const fen = z.number({ error: 'must be an integer amount in fen (分)' }).int('must be an integer amount in fen (分)').min(1, 'must be at least 1 fen').max(1e13);
const method = z.enum(METHODS).describe('电汇 wire | 银行承兑汇票 bank_acceptance | 商业承兑汇票 commercial_acceptance | 信用证 letter_of_credit | 现金 cash | other');
const note = z.string().trim().max(1000);

export const planLine = z.strictObject({
  dueDate: moneyDate.describe('Contractual due date'),
  amountFen: fen,
  method,
  invoiceDate: moneyDate.nullable().optional().describe('Planned invoice date'),
});
export type PlanLine = z.infer<typeof planLine>;

/** "Split into N equal parts": the remainder fen goes to the last part. */
export const splitSpec = z.strictObject({
  parts: z.number().int().min(1).max(120),
  firstDueDate: moneyDate,
  intervalMonths: z.number().int().min(0).max(24).default(1),
  method,
});

export const contractBody = z
  .strictObject({
    dealId: id,
    signedAt: moneyDate.describe('The signing date'),
    amountFen: fen,
    plan: z.array(planLine).min(1).max(120).optional(),
    split: splitSpec.optional(),
    /** An explicit number (paper contracts numbered elsewhere); otherwise the next of the configured sequence. */
    number: z.string().trim().min(1).max(40).optional(),
    note: note.optional(),
  })
  .refine((b) => (b.plan ? !b.split : !!b.split), coded('plan_or_split', undefined, ['plan']));
export type ContractBody = z.infer<typeof contractBody>;

export const amendmentBody = z
  .strictObject({
    /** New total (补充协议 may change it); default: unchanged. */
    amountFen: fen.optional(),
    reason: z.string().trim().min(1).max(1000),
    /** The new plan: lines with an `id` keep that instalment (and what is allocated to it); lines without are new. */
    plan: z.array(planLine.extend({ id: id.optional() })).min(1).max(120),
  });
export type AmendmentBody = z.infer<typeof amendmentBody>;

export const paymentBody = z.strictObject({
  amountFen: fen,
  receivedOn: moneyDate,
  method,
  reference: z.string().trim().max(200).nullable().optional().describe('Bank reference / 流水号'),
  evidenceFileId: id.nullable().optional().describe('An attachment of this contract (bank slip)'),
  note: note.nullable().optional(),
  /** Manual allocation; default FIFO by effective due date. What is not allocated becomes the customer's credit. */
  allocations: z.array(z.strictObject({ instalmentId: id, amountFen: fen })).max(120).optional(),
  /** Confirms a seller's payment claim with this payment. */
  claimId: id.optional(),
});
export type PaymentBody = z.infer<typeof paymentBody>;

export const reversalBody = z.strictObject({ reason: z.string().trim().min(1).max(1000), reversedOn: moneyDate.optional() });

export const creditApplicationBody = z.strictObject({
  /** An instalment of this contract; credit of the contract's customer is applied to it. */
  instalmentId: id,
  amountFen: fen,
  note: note.optional(),
});

export const claimBody = z.strictObject({
  instalmentId: id.optional(),
  amountFen: fen,
  claimedOn: moneyDate.describe('When the customer says they paid'),
  reference: z.string().trim().max(200).optional(),
  evidenceFileId: id.optional(),
  note: note.optional(),
});

export const claimDecisionBody = z.strictObject({
  decision: z.literal('rejected').describe('Confirming is recording the payment with claimId'),
  note: z.string().trim().min(1).max(1000),
});

export const invoiceBody = z.strictObject({ invoiceStatus: z.enum(['not_issued', 'issued']), invoiceNo: z.string().trim().max(64).nullable().optional() });

export const instalmentParams = z.object({ id, instalmentId: id });
export const claimParams = z.object({ id, claimId: id });
export const paymentParams = z.object({ id, paymentId: id });
export const asOfQuery = z.object({ asOf: moneyDate.optional().describe('Derive paid / outstanding / status as of this date (default today)') });
export const dealContractsQuery = z.object({ dealId: id });
