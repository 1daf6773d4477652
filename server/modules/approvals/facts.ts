/**
 * What a request is about, in fen, and the facts a route reads. Pure.
 *
 * Money is integer fen throughout. The effective discount `1 − net / list` is computed ONCE here, in basis points
 * (1 bp = 0.01 %), with BigInt integer arithmetic and rounded UP to the next basis point: a discount of 12.001 %
 * counts as 12.01 %, so a threshold such as "≤ 12 %" is never passed by a rounding artefact. A net above the list
 * price gives a negative discount (a mark-up), rounded towards zero.
 *
 * Amounts:
 * - with `lines`: list = Σ unit list price × quantity, line net = Σ unit net price × quantity;
 * - without: list = `listPriceFen` (default: the net before document discount), line net = `netPriceFen`
 *   (default: the deal's amount);
 * - net = line net − `documentDiscountFen` (a document-level discount, 整单折让).
 * The envelope (what an approval covers) defaults to the requested amount and discount; a requester may ask for more
 * headroom (`envelope.maxAmountFen`, `envelope.maxDiscountBp`). Routes see the envelope's limits as `amountFen` and
 * `discountBp`, because those limits are what the approver approves.
 */
import { z } from 'zod';
import { calendarDate } from '../../core/dates.js';

const fen = (what: string) => z.number({ error: `must be a whole number of fen (${what})` }).int('must be whole fen').min(0, 'must not be negative').max(Number.MAX_SAFE_INTEGER);

export const lineSchema = z.strictObject({
  name: z.string({ error: 'must be text' }).max(200).optional(),
  quantity: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(1_000_000),
  listPriceFen: fen('unit list price'),
  netPriceFen: fen('unit net price'),
});

export const requestValuesSchema = z.strictObject({
  listPriceFen: fen('list price').optional(),
  netPriceFen: fen('net price before the document discount').optional(),
  lines: z.array(lineSchema).min(1, 'give at least one line or leave lines out').max(200, 'at most 200 lines').optional(),
  documentDiscountFen: fen('document discount').default(0),
  paymentTerms: z.string({ error: 'must be text' }).trim().max(200).optional(),
  validUntil: calendarDate.optional(),
  envelope: z
    .strictObject({
      maxAmountFen: fen('largest approved amount').optional(),
      maxDiscountBp: z.number({ error: 'must be whole basis points (1200 = 12 %)' }).int('must be whole basis points').min(0).max(10_000).optional(),
    })
    .optional(),
  /** A `lost_confirmation` request's move, carried out when it is approved (set by the deals move, not by hand). */
  lost: z.strictObject({ toStage: z.string().trim().min(1).max(64), lostReason: z.string().trim().min(1).max(64) }).optional(),
});
export type RequestValues = z.output<typeof requestValuesSchema>;

/** The facts a route's `when` may read (also the variables the admin's editor offers). */
export const FACT_NAMES = [
  'amountFen',
  'listPriceFen',
  'netPriceFen',
  'lineDiscountFen',
  'documentDiscountFen',
  'discountBp',
  'requestedDiscountBp',
  'customerLevel',
  'pipeline',
  'paymentTerms',
] as const;

export interface Facts {
  /** The envelope's largest amount (= net unless more headroom was asked for). */
  amountFen: number;
  listPriceFen: number;
  netPriceFen: number;
  lineDiscountFen: number;
  documentDiscountFen: number;
  /** The envelope's largest discount, basis points. */
  discountBp: number;
  /** The discount of the requested net price, basis points. */
  requestedDiscountBp: number;
  customerLevel: string | null;
  pipeline: string | null;
  paymentTerms: string | null;
}

export interface Envelope {
  maxAmountFen: number;
  maxDiscountBp: number;
  /** The list price the discount of a later deal amount is measured against. */
  listPriceFen: number;
  paymentTerms: string | null;
  validUntil: string | null;
}

export type FactProblem = { field: string; message: string };

/** `1 − net / list` in basis points, rounded up (see the header); 0 when there is no list price. */
export function discountBp(listFen: number, netFen: number): number {
  if (listFen <= 0) return 0;
  const list = BigInt(listFen);
  const off = (list - BigInt(netFen)) * 10_000n;
  // BigInt division truncates towards zero: that is ceiling for a negative quotient, floor for a positive one.
  const q = off / list;
  return Number(off > 0n && off % list !== 0n ? q + 1n : q);
}

/** "12.00 %" from basis points, for reasons and notifications. */
export const percent = (bp: number) => `${(bp / 100).toFixed(2)} %`;

export function computeFacts(
  values: RequestValues,
  context: { dealAmountFen: number; customerLevel: string | null; pipeline: string | null },
): { facts: Facts; envelope: Envelope } | { problems: FactProblem[] } {
  const problems: FactProblem[] = [];
  let list: number;
  let lineNet: number;
  if (values.lines) {
    list = values.lines.reduce((sum, l) => sum + l.listPriceFen * l.quantity, 0);
    lineNet = values.lines.reduce((sum, l) => sum + l.netPriceFen * l.quantity, 0);
    if (values.listPriceFen !== undefined || values.netPriceFen !== undefined) {
      problems.push({ field: 'values.lines', message: 'give either lines or listPriceFen/netPriceFen, not both' });
    }
  } else {
    lineNet = values.netPriceFen ?? context.dealAmountFen;
    list = values.listPriceFen ?? lineNet;
  }
  if (!Number.isSafeInteger(list) || !Number.isSafeInteger(lineNet)) problems.push({ field: 'values.lines', message: 'the totals are too large' });
  const net = lineNet - values.documentDiscountFen;
  if (net < 0) problems.push({ field: 'values.documentDiscountFen', message: 'must not exceed the net price' });
  if (net === 0 && list === 0) problems.push({ field: 'values.netPriceFen', message: 'a quote needs an amount (the deal has none)' });
  if (problems.length) return { problems };
  const requested = discountBp(list, net);
  const maxAmountFen = values.envelope?.maxAmountFen ?? net;
  const maxDiscountBp = values.envelope?.maxDiscountBp ?? requested;
  if (maxAmountFen < net) problems.push({ field: 'values.envelope.maxAmountFen', message: `must be at least the net price ${net}` });
  if (maxDiscountBp < requested) problems.push({ field: 'values.envelope.maxDiscountBp', message: `must be at least the requested discount ${requested}` });
  if (problems.length) return { problems };
  return {
    facts: {
      amountFen: maxAmountFen,
      listPriceFen: list,
      netPriceFen: net,
      lineDiscountFen: list - lineNet,
      documentDiscountFen: values.documentDiscountFen,
      discountBp: maxDiscountBp,
      requestedDiscountBp: requested,
      customerLevel: context.customerLevel,
      pipeline: context.pipeline,
      paymentTerms: values.paymentTerms ?? null,
    },
    envelope: { maxAmountFen, maxDiscountBp, listPriceFen: list, paymentTerms: values.paymentTerms ?? null, validUntil: values.validUntil ?? null },
  };
}

/** The deal values an approval's envelope is checked against (amount and, when the deal carries them, terms). */
export interface DealValues {
  amountFen: number;
  paymentTerms?: string | null;
}

export interface EnvelopeBreach {
  /** The value that left the envelope: amountFen | discount | paymentTerms | validUntil. */
  field: string;
  value: string | number;
  limit: string | number;
  message: string;
  messageEn: string;
}

/** Why the deal's current values are outside the envelope, or null when they are inside. `today`: org-local date. */
export function envelopeBreach(envelope: Envelope, deal: DealValues, today: string): EnvelopeBreach | null {
  if (deal.amountFen > envelope.maxAmountFen) {
    return { field: 'amountFen', value: deal.amountFen, limit: envelope.maxAmountFen, message: `金额 ${yuan(deal.amountFen)} 超出批准上限 ${yuan(envelope.maxAmountFen)}`, messageEn: `Amount ${yuan(deal.amountFen)} exceeds the approved ${yuan(envelope.maxAmountFen)}` };
  }
  const d = discountBp(envelope.listPriceFen, deal.amountFen);
  if (d > envelope.maxDiscountBp) {
    return { field: 'discount', value: d, limit: envelope.maxDiscountBp, message: `折扣 ${percent(d)} 超出批准上限 ${percent(envelope.maxDiscountBp)}`, messageEn: `Discount ${percent(d)} exceeds the approved ${percent(envelope.maxDiscountBp)}` };
  }
  if (envelope.paymentTerms && deal.paymentTerms && deal.paymentTerms !== envelope.paymentTerms) {
    return { field: 'paymentTerms', value: deal.paymentTerms, limit: envelope.paymentTerms, message: `付款条件“${deal.paymentTerms}”与批准的“${envelope.paymentTerms}”不同`, messageEn: `Payment terms "${deal.paymentTerms}" differ from the approved "${envelope.paymentTerms}"` };
  }
  if (envelope.validUntil && today > envelope.validUntil) {
    return { field: 'validUntil', value: today, limit: envelope.validUntil, message: `报价已于 ${envelope.validUntil} 过期`, messageEn: `The quote expired on ${envelope.validUntil}` };
  }
  return null;
}

export function yuan(fenAmount: number): string {
  return `¥${(fenAmount / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
