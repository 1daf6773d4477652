/**
 * Fills the gates' hook `gates.approvalCheck`: a gate item "needs an approved <kind>" is met by an approved request
 * of that kind on the deal whose envelope covers the deal's current values (amount, discount against the approved
 * list price, payment terms if the deal carries them, and — when checking a move — the quote's validity date).
 */
import { parseJson } from '../../core/json.js';
import type { Queryable } from '../../db/index.js';
import { loadCalendars } from '../calendar/schedules.js';
import type { ApprovalCheck } from '../gates/approvals.js';
import type { UnmetRequirement } from '../gates/evaluate.js';
import { envelopeBreach, type Envelope } from './facts.js';
import * as repo from './repo.js';

export const checkGateApprovals: ApprovalCheck = async (db: Queryable, input) => {
  const requests = await repo.requestsOfSubject(db, 'deal', input.dealId, ['approved', 'pending', 'draft', 'rejected']);
  const today = input.now ? (await loadCalendars(db)).days.localDate(input.now) : '0000-00-00';
  const terms = input.deal.custom.paymentTerms;
  const values = { amountFen: input.deal.amountFen, paymentTerms: typeof terms === 'string' ? terms : null };
  const unmet: UnmetRequirement[] = [];
  for (const req of input.requirements) {
    const ofKind = requests.filter((r) => r.kind === req.kind).reverse(); // newest first
    const approved = ofKind.filter((r) => r.status === 'approved');
    const breaches = approved.map((r) => ({ r, breach: envelopeBreach(parseJson<Envelope>(r.envelope, {} as Envelope), values, today) }));
    if (breaches.some((b) => b.breach === null)) continue;
    const label = req.label;
    const labelEn = req.labelEn ?? req.label;
    const outside = breaches[0];
    const latest = ofKind[0];
    let hint: string;
    let hintEn: string;
    if (outside) {
      hint = `已批准的「${label}」不再覆盖商机当前的值：${outside.breach!.message}；请重新提交审批`;
      hintEn = `The approved "${labelEn}" no longer covers the deal: ${outside.breach!.messageEn}; resubmit it`;
    } else if (latest?.status === 'pending') {
      hint = `「${label}」正在审批中，获批后即可推进`;
      hintEn = `"${labelEn}" is waiting for approval; the deal moves on once it is approved`;
    } else {
      hint = `提交「${label}」并获得批准`;
      hintEn = `Request "${labelEn}" and get it approved`;
    }
    unmet.push({
      code: 'APPROVAL_REQUIRED',
      label,
      labelEn,
      hint,
      hintEn,
      requirement: {
        kind: 'approval',
        approvalKind: req.kind,
        status: outside ? 'approved' : (latest?.status ?? null),
        requestId: outside?.r.id ?? latest?.id ?? null,
        ...(outside ? { reason: outside.breach!.field } : {}),
      },
    });
  }
  return unmet;
};
