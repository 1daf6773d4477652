/**
 * Free-text quick-log: the parse use case (nothing saved) and customer aliases. The parser itself is pure
 * (parse/parse.ts); this file loads what it needs within the caller's scope.
 */
import { AppError, notFound } from '../../core/errors.js';
import { authorize } from '../../core/policy.js';
import { newId } from '../../core/ids.js';
import { command } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import type { Queryable } from '../../db/index.js';
import { loadWorkCalendar } from '../calendar/settings.js';
import { getCustomerInScope } from '../customers/service.js';
import { scopeOf, type Actor } from '../org/scope.js';
import { parseLog } from './parse/parse.js';
import { matchKey } from './parse/text.js';
import { presentAlias } from './presenter.js';
import * as repo from './repo.js';
import type { AliasBody, ParseBody } from './schema.js';

/** How many customers a sentence is matched against (most recently touched first). */
const MATCH_LIMIT = 5000;

export async function parseText(deps: Pick<Deps, 'db' | 'clock' | 'config'>, actor: Actor, body: ParseBody) {
  const { db, clock, config } = deps;
  const scope = scopeOf(actor);
  const customers = await repo.customersForMatching(db, scope, MATCH_LIMIT);
  const calendar = await loadWorkCalendar(db, config.timeZone);
  // The parser asks for the contacts and deals of the one customer it matched; load them after a first pass.
  const contacts = new Map<string, Array<{ id: string; name: string; title: string | null }>>();
  const deals = new Map<string, Array<{ id: string; title: string }>>();
  const input = {
    text: body.text,
    now: clock.now(),
    timeZone: calendar.settings.timeZone,
    isWorkingDay: (d: string) => calendar.isWorkingDay(d),
    customers,
    contactsOf: (id: string) => contacts.get(id) ?? [],
    dealsOf: (id: string) => deals.get(id) ?? [],
  };
  const first = parseLog(input);
  if (!first.customer) return first;
  contacts.set(first.customer.id, await repo.contactsOf(db, first.customer.id));
  deals.set(first.customer.id, await repo.openDealsOf(db, scope, first.customer.id));
  return parseLog(input);
}

export async function listAliases(db: Queryable, actor: Actor, customerId: string) {
  await getCustomerInScope(db, actor, customerId);
  return (await repo.aliasesOf(db, [customerId])).map(presentAlias);
}

/** Admins and sellers add the names customers go by; the customer must be in the caller's scope. */
export async function addAlias(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, customerId: string, body: AliasBody) {
  authorize(actor, 'quicklog.alias');
  await getCustomerInScope(deps.db, actor, customerId);
  const key = matchKey(body.alias);
  const existing = await repo.aliasesOf(deps.db, [customerId]);
  if (existing.some((a) => a.alias_key === key)) throw new AppError('CONFLICT', 'alias_exists', { fields: [{ field: 'alias', code: 'duplicate' }] });
  return command(deps.db, deps.clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
    const row = { id: newId(), customer_id: customerId, alias: body.alias, alias_key: key, created_by: actor.id, created_at: deps.clock.now().toISOString() };
    await repo.insertAlias(cmd.trx, row);
    await cmd.recorded(customerId, 'alias_add', { after: { alias: body.alias } });
    return presentAlias(row);
  });
}

export async function removeAlias(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, customerId: string, aliasId: string) {
  authorize(actor, 'quicklog.alias');
  await getCustomerInScope(deps.db, actor, customerId);
  const row = await repo.findAlias(deps.db, aliasId);
  if (!row || row.customer_id !== customerId) throw notFound('Alias');
  await command(deps.db, deps.clock, { entity: 'customer', actorId: actor.id }, async (cmd) => {
    await repo.deleteAlias(cmd.trx, aliasId);
    await cmd.recorded(customerId, 'alias_remove', { before: { alias: row.alias } });
  });
  return { ok: true as const };
}
