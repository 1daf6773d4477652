/**
 * Demo money (issue 10): contracts and payment plans for the won demo deals, written through the contract services
 * so numbers, effective due dates, timers and allocations are what the running system makes. Payments land on past
 * dates: most instalments paid on time, some late, some partly, some not at all, so the countdown board and the
 * ageing (including balances more than 90 days overdue) are alive on first start. The escalation job picks up what
 * is overdue on its first pass.
 */
import type { Clock } from '../core/clock.js';
import { SqliteAdapter } from 'kysely';
import { systemActor } from '../core/policy.js';
import type { Db } from '../db/index.js';
import { recordPayment } from '../modules/contracts/payments.js';
import { createContractInTx } from '../modules/contracts/service.js';
import { setPartner } from '../modules/receivables/repo.js';
import type { Random } from './random.js';

const MAX_CONTRACTS = 40;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const METHODS = ['wire', 'wire', 'wire', 'bank_acceptance', 'letter_of_credit'] as const;

export async function loadDemoMoney(db: Db, clock: Clock, random: Random, config: { timeZone: string }): Promise<number> {
  const demo = systemActor('demo');
  const nowMs = clock.now().getTime();
  const today = iso(nowMs + 8 * 3_600_000);
  const deps = { db, dialect: db.getExecutor().adapter instanceof SqliteAdapter ? ('sqlite' as const) : ('postgres' as const), clock, config };
  const won = await db.selectFrom('deals').select(['id', 'amount_fen', 'stage_entered_at']).where('status', '=', 'won').where('amount_fen', '>', 0).orderBy('stage_entered_at', 'desc').limit(MAX_CONTRACTS).execute();
  const company = await db.selectFrom('teams').select('id').where('parent_id', 'is', null).executeTakeFirst();
  const finance = await db.selectFrom('users').select('id').where('username', '=', 'finance').executeTakeFirst();
  if (company && finance) await setPartner(db, company.id, finance.id, null, clock.now().toISOString());
  let made = 0;
  for (const [n, deal] of won.entries()) {
    // Every fifth is a long-running agreement signed half a year before this order was closed (a framework contract
    // whose first instalments are long overdue): the 90+ bucket and the seeds' KPI have something to show.
    const signedMs = Date.parse(deal.stage_entered_at) - (n % 5 === 4 ? 170 * DAY : 0);
    const legacy = n % 5 === 4;
    const amount = Number(deal.amount_fen);
    // 30 % on delivery (+15 days), 60 % after acceptance (+75 days), the rest as warranty retention (+200 days).
    const first = Math.round(amount * 0.3);
    const second = Math.round(amount * 0.6);
    const lines = [
      { dueDate: iso(signedMs + 15 * DAY), amountFen: first, method: METHODS[random.int(0, METHODS.length - 1)] },
      { dueDate: iso(signedMs + 75 * DAY), amountFen: second, method: METHODS[random.int(0, METHODS.length - 1)] },
      { dueDate: iso(signedMs + 200 * DAY), amountFen: amount - first - second, method: 'wire' as const },
    ];
    const id = await db.transaction().execute((trx) => createContractInTx(trx, deps, demo, { dealId: deal.id, signedAt: iso(signedMs), amountFen: amount, plan: lines }));
    made++;
    for (const [i, line] of lines.entries()) {
      const dueMs = Date.parse(`${line.dueDate}T00:00:00Z`);
      const roll = legacy && i === 0 ? 0.9 : random.next();
      let paidOn: string | null = null;
      let fen = line.amountFen;
      if (roll < 0.5) paidOn = iso(dueMs - random.int(0, 5) * DAY);
      else if (roll < 0.65) paidOn = iso(dueMs + random.int(10, 45) * DAY);
      else if (roll < 0.8) {
        paidOn = iso(dueMs + random.int(-3, 20) * DAY);
        fen = Math.round(line.amountFen * 0.5);
      }
      // An advance on an instalment not yet due: partly paid.
      if (line.dueDate > today && random.chance(0.3)) {
        paidOn = iso(nowMs - random.int(1, 10) * DAY);
        fen = Math.round(line.amountFen * 0.4);
      }
      // A small bank fee short on some: within the default tolerance it closes the instalment with a note.
      if (paidOn && fen === line.amountFen && i === 0 && random.chance(0.2)) fen -= 3_000;
      if (!paidOn || paidOn > today || fen <= 0) continue;
      await recordPayment(deps, demo, id, { amountFen: fen, receivedOn: paidOn, method: line.method, reference: `DEMO-${made}-${i + 1}`, allocations: undefined });
    }
  }
  return made;
}
