/** Activities over the last 90 days and every seller's tasks. */
import type { ActivitiesTable, TasksTable } from '../db/schema.js';
import type { Random } from './random.js';
import type { CustomerDraft, SellerRef } from './generate.js';
import { DAY, HOUR, duringWorkingHours, iso, shanghaiMidnight, shanghaiWeekday } from './time.js';
import * as V from './vocab.js';

export function buildActivities(random: Random, nowMs: number, count: number, customers: CustomerDraft[]): ActivitiesTable[] {
  const activities: ActivitiesTable[] = [];
  const weights = customers.map((c): [CustomerDraft, number] => [c, c.weight * (1 + c.deals.filter((d) => d.status === 'open').length)]);
  for (let i = 0; i < count; i++) {
    const customer = random.weighted(weights);
    let daysAgo = random.int(0, 89);
    // Fewer visits and calls at weekends.
    const weekday = shanghaiWeekday(nowMs - daysAgo * DAY);
    if ((weekday === 0 || weekday === 6) && random.chance(0.7)) daysAgo = Math.max(0, daysAgo - (weekday === 6 ? 1 : 2));
    let occurredMs = duringWorkingHours(random, nowMs - daysAgo * DAY, nowMs);
    const customerCreated = Date.parse(customer.row.created_at);
    if (occurredMs < customerCreated) occurredMs = Math.min(nowMs, customerCreated + random.int(1, 72) * HOUR);

    const type = random.weighted([['call', 34], ['wechat', 24], ['visit', 20], ['materials', 8], ['email', 5], ['demo', 6], ['other', 3]] as const);
    const effective = random.chance(0.84);
    const contact = customer.contacts.length > 0 && random.chance(0.85) ? random.pick(customer.contacts) : null;
    const candidates = customer.deals.filter((d) => Date.parse(d.created_at) <= occurredMs);
    const deal = candidates.length > 0 && random.chance(0.75) ? random.pick(candidates) : null;
    const values = { c: contact?.name ?? '客户', t: contact?.title ?? '', p: random.pick(V.PRODUCTS), n: random.int(2, 30) };
    const summary = V.fill(random.pick((effective ? V.EFFECTIVE_SUMMARIES : V.INEFFECTIVE_SUMMARIES)[type]), values);
    const withNext = effective && random.chance(0.65);
    const nextMs = shanghaiMidnight(occurredMs) + random.int(1, 7) * DAY + random.pick([10, 14, 16]) * HOUR;
    activities.push({
      id: random.uuid(),
      type,
      occurred_at: iso(occurredMs),
      customer_id: customer.row.id,
      deal_id: deal?.id ?? null,
      owner_id: customer.seller.id,
      team_path: customer.seller.teamPath,
      contact_ids: JSON.stringify(contact ? [contact.id] : []),
      summary,
      outcome: effective && random.chance(0.8) ? V.fill(random.pick(V.OUTCOMES), values) : null,
      next_action: withNext ? random.pick(V.NEXT_ACTIONS) : null,
      next_action_at: withNext ? iso(nextMs) : null,
      effective: effective ? 1 : 0,
      custom: '{}',
      created_at: iso(Math.min(nowMs, occurredMs + random.int(2, 90) * 60_000)),
    });
    if (Date.parse(customer.row.updated_at) < occurredMs) customer.row.updated_at = iso(occurredMs);
  }
  return activities;
}

/** Every seller gets work due today, overdue work and upcoming work, plus a few finished tasks. */
export function buildTasks(random: Random, nowMs: number, customers: CustomerDraft[], sellers: SellerRef[]): TasksTable[] {
  const tasks: TasksTable[] = [];
  const today = shanghaiMidnight(nowMs);
  for (const seller of sellers) {
    const book = customers.filter((c) => c.seller.id === seller.id);
    if (book.length === 0) continue;
    const plan: Array<{ dueMs: number; status: 'open' | 'done' }> = [
      { dueMs: today + 10 * HOUR, status: 'open' },
      { dueMs: today + 17 * HOUR, status: 'open' },
      { dueMs: today - random.int(1, 2) * DAY + 15 * HOUR, status: 'open' },
      { dueMs: today - random.int(3, 6) * DAY + 10 * HOUR, status: 'open' },
      { dueMs: today + random.int(1, 3) * DAY + 10 * HOUR, status: 'open' },
      { dueMs: today + random.int(4, 7) * DAY + 14 * HOUR, status: 'open' },
      { dueMs: today + random.int(8, 14) * DAY + 9 * HOUR, status: 'open' },
      { dueMs: today - random.int(1, 10) * DAY + 11 * HOUR, status: 'done' },
      { dueMs: today - random.int(10, 30) * DAY + 16 * HOUR, status: 'done' },
    ];
    for (const { dueMs, status } of plan) {
      const customer = random.pick(book);
      const deal = customer.deals.find((d) => d.status === 'open') ?? null;
      const contact = customer.contacts[0];
      const createdMs = Math.min(nowMs, dueMs) - random.int(1, 5) * DAY;
      const byLead = random.chance(0.3);
      const completedMs = status === 'done' ? Math.min(nowMs, dueMs - random.int(0, 20) * HOUR) : null;
      tasks.push({
        id: random.uuid(),
        title: V.fill(random.pick(V.TASK_TITLES), { name: customer.row.name, c: contact ? `${contact.title}${contact.name}` : '', p: random.pick(V.PRODUCTS) }),
        assignee_id: seller.id,
        team_path: seller.teamPath,
        due_at: iso(dueMs),
        customer_id: customer.row.id,
        deal_id: deal?.id ?? null,
        status,
        completed_at: completedMs === null ? null : iso(completedMs),
        created_by: byLead ? seller.leadId : seller.id,
        created_at: iso(createdMs),
        updated_at: iso(completedMs ?? createdMs),
      });
    }
  }
  return tasks;
}
