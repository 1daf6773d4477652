import type { Queryable } from '../../db/index.js';
import { invalid, notFound } from '../../core/errors.js';
import { command } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { checkCustomValues } from '../customfields/service.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { insertTaskInTx, resolveCustomerAndDeal } from '../tasks/service.js';
import { checklistVerdict } from './checklists.js';
import { classifyEffect, explainEffect } from './effective.js';
import { checkTags, insertActivityTags, tagsOfActivities } from './tags.js';
import { listTotal } from '../../core/paging.js';
import { presentActivity } from './presenter.js';
import * as repo from './repo.js';
import type { ActivityBody, ActivityListQuery } from './schema.js';

type ActivityDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Clocks on phones drift; an activity may be logged a little ahead, but not as a plan for tomorrow. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The activity if it is in the actor's scope; 404 otherwise. */
export async function getActivityInScope(db: Queryable, actor: Actor, id: string) {
  const activity = await repo.findActivity(db, scopeOf(actor), id);
  if (!activity) throw notFound('Activity');
  return activity;
}

export async function listActivities(deps: ActivityDeps, actor: Actor, query: ActivityListQuery) {
  const { db, clock } = deps;
  const scope = scopeOf(actor);
  const filter = { customerId: query.customerId, dealId: query.dealId, ownerId: query.ownerId, type: query.type, tag: query.tag, from: query.from, to: query.to };
  const items = await repo.listActivityRows(db, scope, filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  const total = await listTotal({
    db,
    clock,
    key: `activities ${JSON.stringify([scope, filter])}`,
    exact: query.exactTotal,
    capped: (n) => repo.countActivities(db, scope, filter, n),
    full: () => repo.countActivities(db, scope, filter),
  });
  return { items, ...total };
}

/**
 * Logs an activity. With a next action and its date, the owner also gets a task due then — in the same transaction,
 * so a refused activity leaves no task behind and vice versa.
 */
export async function logActivity(deps: ActivityDeps, actor: Actor, input: ActivityBody) {
  const { db, clock } = deps;
  const now = clock.now();
  const occurredAt = input.occurredAt ?? now.toISOString();
  if (Date.parse(occurredAt) > now.getTime() + FUTURE_TOLERANCE_MS) throw invalid('occurredAt', 'in_future');
  return command(db, clock, { entity: 'activity', actorId: actor.id }, async (cmd) => {
    const { trx } = cmd;
    const links = await resolveCustomerAndDeal(trx, actor, input.customerId, input.dealId);
    // No dealId at all (quick-log): link the customer's only open deal; with several, the caller is told to ask.
    // An explicit null means "about the customer, no deal".
    const open = input.dealId === undefined ? await repo.openDealsOfCustomer(trx, scopeOf(actor), input.customerId) : [];
    const dealLink: 'given' | 'auto' | 'ask' | 'none' = links.dealId ? 'given' : open.length === 1 ? 'auto' : open.length > 1 ? 'ask' : 'none';
    if (dealLink === 'auto') Object.assign(links, { dealId: open[0].id, dealTitle: open[0].title });
    const contactIds = [...new Set(input.contactIds)];
    const known = await repo.contactsOfCustomer(trx, input.customerId, contactIds);
    const strangers = contactIds.filter((c) => !known.has(c));
    if (strangers.length > 0) {
      throw invalid('contactIds', 'not_found_contact', { ids: strangers.join(', ') });
    }
    const custom = await checkCustomValues(trx, 'activity', input.custom);
    const tags = await checkTags(trx, input.tags);
    const id = newId();
    // The checklist may refuse the activity (throw), and decides which effects count and whether it counts at all.
    const verdict = await checklistVerdict(trx, input, id, clock);
    const classified = classifyEffect(input, verdict.rule);
    const effective = classified.effective && verdict.counts;
    const effectiveReason = explainEffect(input, classified, verdict.counts);
    const { effect } = classified;
    const row = {
      id,
      type: input.type,
      occurred_at: occurredAt,
      customer_id: input.customerId,
      deal_id: links.dealId,
      owner_id: actor.id,
      team_path: actor.teamPath,
      contact_ids: toJson(contactIds),
      summary: input.summary,
      outcome: input.outcome || null,
      next_action: input.nextAction || null,
      next_action_at: input.nextActionAt ?? null,
      effective: effective ? 1 : 0,
      custom: toJson(custom),
      created_at: now.toISOString(),
    };
    await repo.insertActivity(trx, row);
    await insertActivityTags(trx, id, tags);
    // Answered from the row just written and the names read on the way, not read back; tags in their stored order.
    const storedTags = tags.length ? ((await tagsOfActivities(trx, [id])).get(id) ?? []) : [];
    const activity = presentActivity({ ...row, owner_name: actor.displayName, customer_name: links.customerName!, deal_title: links.dealTitle }, storedTags);
    const task =
      input.nextAction && input.nextActionAt
        ? await insertTaskInTx(trx, deps, actor, {
            title: input.nextAction,
            assigneeId: actor.id,
            dueAt: input.nextActionAt,
            customerId: input.customerId,
            dealId: links.dealId,
            status: 'open',
          })
        : null;
    const { id: _id, owner: _o, customer: _c, deal: _d, createdAt: _at, ...audited } = activity;
    await cmd.created(id, { ...audited, effect, taskId: task?.id ?? null }, {
      type: 'activity.logged',
      payload: {
        type: activity.type,
        customerId: activity.customerId,
        dealId: activity.dealId,
        ownerId: activity.ownerId,
        occurredAt: activity.occurredAt,
        effective,
        effect,
        tags,
        taskId: task?.id ?? null,
      },
    });
    return {
      ...activity,
      effect,
      effectiveReason,
      dealLink,
      openDeals: dealLink === 'ask' ? open.map((d) => ({ id: d.id, title: d.title, stageKey: d.stage_key })) : [],
      task,
      ...(verdict.checklist ? { checklist: verdict.checklist } : {}),
    };
  });
}
