/**
 * Hand-over when a seller leaves or changes job: all their live customers, open deals and open tasks go to one or
 * several colleagues in one transaction. `by_customer` keeps a customer with its deals and tasks together (one
 * recipient per customer, in turn); `round_robin` deals out customers, deals and tasks each in turn. Closed deals and
 * done/cancelled tasks stay with the leaver as history.
 */
import { commandIn } from '../../core/command.js';
import { transactionWithRetry } from '../../db/conflicts.js';
import type { Db } from '../../db/index.js';
import type { Clock } from '../../core/clock.js';
import { invalid, notFound } from '../../core/errors.js';
import type { HandoverTable } from '../../core/entities.js';
import { deactivateUserInTx } from '../org/service.js';
import { mayAssign } from '../customers/rules.js';
import { inScope, scopeOf, type Actor } from '../org/scope.js';
import { moveCustomer, moveDeal, moveTask, type Target } from './ownership.js';
import * as repo from './repo.js';
import type { HandoverBody } from './schema.js';
import { authorize } from '../../core/policy.js';


export async function handover(db: Db, clock: Clock, actor: Actor, userId: string, body: HandoverBody) {
  authorize(actor, 'customer.handover');
  // Re-run whole if PostgreSQL aborts it as a deadlock's victim (db/conflicts.ts): all its state is read inside.
  return transactionWithRetry(db, async (trx) => {
    const leaver = await repo.findUser(trx, userId);
    if (!leaver || !inScope(scopeOf(actor), { ownerId: leaver.id, teamPath: leaver.team_path })) throw notFound('User');
    const recipients: Array<Target & { name: string }> = [];
    for (const [i, id] of body.to.entries()) {
      const field = `to.${i}`;
      if (id === userId) throw invalid(field, 'same_as_leaver');
      const user = await repo.findUser(trx, id);
      if (!user) throw invalid(field, 'not_found_user');
      if (!mayAssign(actor, { id: user.id, teamPath: user.team_path, active: user.active === 1 })) throw invalid(field, 'assignee_not_allowed');
      recipients.push({ id: user.id, teamPath: user.team_path, teamId: user.team_id, name: user.display_name });
    }

    const customers = await trx
      .selectFrom('customers')
      .leftJoin('customer_pool', 'customer_pool.customer_id', 'customers.id')
      .select('customers.id')
      .where('customers.owner_id', '=', userId)
      .where('customers.deleted_at', 'is', null)
      .where('customer_pool.customer_id', 'is', null)
      .orderBy('customers.created_at')
      .orderBy('customers.id')
      .execute();
    const deals = await trx.selectFrom('deals').select(['id', 'customer_id']).where('owner_id', '=', userId).where('status', '=', 'open').orderBy('created_at').orderBy('id').execute();
    const tasks = await trx
      .selectFrom('tasks')
      .select(['id', 'title', 'status', 'assignee_id', 'due_at', 'customer_id', 'deal_id'])
      .where('assignee_id', '=', userId)
      .where('status', '=', 'open')
      .orderBy('created_at')
      .orderBy('id')
      .execute();

    let turn = 0;
    const next = () => recipients[turn++ % recipients.length]!;
    const customerTo = new Map<string, Target & { name: string }>();
    const dealTo = new Map<string, Target & { name: string }>();
    for (const c of customers) customerTo.set(c.id, next());
    if (body.strategy === 'round_robin') turn = 0;
    for (const d of deals) dealTo.set(d.id, (body.strategy === 'by_customer' && customerTo.get(d.customer_id)) || next());
    if (body.strategy === 'round_robin') turn = 0;
    const taskTo = tasks.map((t) => {
      if (body.strategy === 'by_customer') {
        const linked = (t.deal_id && dealTo.get(t.deal_id)) || (t.customer_id && customerTo.get(t.customer_id));
        if (linked) return linked;
      }
      return next();
    });

    const ctx = { actorId: actor.id, action: 'handover', method: 'handover', rule: `handover:${body.strategy}`, reason: `交接自 ${leaver.display_name} / handed over from ${leaver.display_name}` };
    const counts = new Map(recipients.map((r) => [r.id, { id: r.id, name: r.name, customers: 0, deals: 0, tasks: 0 }]));
    for (const c of customers) {
      const to = customerTo.get(c.id)!;
      await moveCustomer(trx, clock, c.id, to, ctx);
      counts.get(to.id)!.customers++;
    }
    for (const d of deals) {
      const to = dealTo.get(d.id)!;
      await moveDeal(trx, clock, d.id, userId, to, ctx);
      counts.get(to.id)!.deals++;
    }
    for (const [i, t] of tasks.entries()) {
      await moveTask(trx, clock, t, taskTo[i]!, ctx);
      counts.get(taskTo[i]!.id)!.tasks++;
    }

    const deactivated = body.deactivate && leaver.active === 1;
    if (deactivated) {
      await deactivateUserInTx(trx, clock, actor.id, userId);
    }
    // Typed from the registry: a kind that gains a hand-over policy does not compile until it is moved here.
    const moved: Record<HandoverTable, number> = { customers: customers.length, deals: deals.length, tasks: tasks.length };
    const summary = { userId, strategy: body.strategy, moved, recipients: [...counts.values()], deactivated };
    await commandIn(trx, clock, { entity: 'user', actorId: actor.id }).recorded(userId, 'handover', { after: summary });
    return summary;
  });
}
