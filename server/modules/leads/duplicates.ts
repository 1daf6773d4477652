/**
 * Duplicate detection on create and import: same normalised mobile, same unified social credit code, or (companies
 * only: two people may share a name) same normalised company name. Searched across the whole org, not the caller's
 * scope: the point is to find a customer the caller cannot see.
 */
import { sql, type SqlBool, type Expression } from 'kysely';
import type { Queryable } from '../../db/index.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from '../org/scope.js';
import { normalizeCompanyName, normalizeCreditCode, normalizePhone } from '../customers/normalize.js';
import { loadSettings } from './repo.js';

/** Whether the pool settings let a seller claim a customer from another team's pool. */
export async function crossTeamClaims(db: Queryable): Promise<boolean> {
  return (await loadSettings(db)).pool.crossTeamClaim;
}

export type MatchField = 'phone' | 'name' | 'creditCode';

export interface DuplicateCandidate {
  kind?: string;
  name: string;
  phone?: string | null;
  creditCode?: string | null;
}

export interface DuplicateMatch {
  customerId: string;
  customerName: string;
  owner: { id: string; name: string; team: { id: string; name: string } | null };
  matchedOn: MatchField[];
  inPool: boolean;
  /** The team subtree whose pool holds it (null when not pooled). */
  poolTeamPath: string | null;
}

/**
 * What the caller can do about a duplicate (issue 15 point 5: there is always a way forward): `none` for their own,
 * `claim` when it lies in a pool they may claim from (their team subtree, or any pool where the settings allow
 * cross-team claims), otherwise `transfer` — a request the owner's (or the pool custodian's) managers decide.
 */
export type WayForward = 'none' | 'claim' | 'transfer';

export function wayForward(actor: Actor, match: DuplicateMatch, crossTeamClaim: boolean): WayForward {
  if (match.owner.id === actor.id && !match.inPool) return 'none';
  if (match.inPool) return crossTeamClaim || (match.poolTeamPath ?? '').startsWith(actor.teamPath) ? 'claim' : 'transfer';
  return 'transfer';
}

export function duplicateKeys(c: DuplicateCandidate) {
  return {
    phone: normalizePhone(c.phone),
    name: (c.kind ?? 'company') === 'company' ? normalizeCompanyName(c.name) : null,
    creditCode: normalizeCreditCode(c.creditCode),
  };
}

/** The best existing match (most matched keys, then oldest), or null. */
export async function findDuplicate(db: Queryable, candidate: DuplicateCandidate, excludeId?: string): Promise<DuplicateMatch | null> {
  const keys = duplicateKeys(candidate);
  const ors: Expression<SqlBool>[] = [];
  if (keys.phone) ors.push(sql<SqlBool>`customers.phone_normalized = ${keys.phone}`);
  if (keys.creditCode) ors.push(sql<SqlBool>`customers.credit_code = ${keys.creditCode}`);
  if (keys.name) ors.push(sql<SqlBool>`(customers.name_normalized = ${keys.name} and customers.kind = 'company')`);
  if (!ors.length) return null;
  let q = db
    .selectFrom('customers')
    .innerJoin('users as owner', 'owner.id', 'customers.owner_id')
    .leftJoin('teams', 'teams.id', 'owner.team_id')
    .leftJoin('customer_pool', 'customer_pool.customer_id', 'customers.id')
    .select([
      'customers.id',
      'customers.name',
      'customers.kind',
      'customers.phone_normalized',
      'customers.credit_code',
      'customers.name_normalized',
      'customers.created_at',
      'owner.id as owner_id',
      'owner.display_name as owner_name',
      'teams.id as team_id',
      'teams.name as team_name',
      'customer_pool.customer_id as pooled',
      'customer_pool.team_path as pool_team_path',
    ])
    .where('customers.deleted_at', 'is', null)
    .where((eb) => eb.or(ors))
    .orderBy('customers.created_at')
    .orderBy('customers.id')
    .limit(20);
  if (excludeId) q = q.where('customers.id', '!=', excludeId);
  const rows = await q.execute();
  let best: DuplicateMatch | null = null;
  for (const r of rows) {
    const matchedOn: MatchField[] = [];
    if (keys.phone && r.phone_normalized === keys.phone) matchedOn.push('phone');
    if (keys.name && r.kind === 'company' && r.name_normalized === keys.name) matchedOn.push('name');
    if (keys.creditCode && r.credit_code === keys.creditCode) matchedOn.push('creditCode');
    if (!matchedOn.length) continue;
    if (!best || matchedOn.length > best.matchedOn.length) {
      best = {
        customerId: r.id,
        customerName: r.name,
        owner: { id: r.owner_id, name: r.owner_name, team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null },
        matchedOn,
        inPool: r.pooled != null,
        poolTeamPath: r.pool_team_path ?? null,
      };
    }
  }
  return best;
}

const FIELD_LABEL: Record<MatchField, { zh: string; en: string }> = {
  phone: { zh: '手机号', en: 'phone' },
  name: { zh: '公司名称', en: 'company name' },
  creditCode: { zh: '统一社会信用代码', en: 'credit code' },
};

/** The 409 a create answers with: who owns the existing customer, and whether it is the caller's own. */
export function duplicateError(actor: Actor, match: DuplicateMatch, crossTeamClaim = false): AppError {
  const yours = match.owner.id === actor.id;
  const way = wayForward(actor, match, crossTeamClaim);
  const on = match.matchedOn.map((f) => FIELD_LABEL[f].zh).join('、');
  const onEn = match.matchedOn.map((f) => FIELD_LABEL[f].en).join(', ');
  const owner = `${match.owner.name}${match.owner.team ? `（${match.owner.team.name}）` : ''}`;
  const reason = match.inPool ? (way === 'claim' ? 'duplicate_in_pool' : 'duplicate_in_other_pool') : yours ? 'duplicate_yours' : 'duplicate_owned';
  return new AppError('DUPLICATE_CUSTOMER', reason, {
    params: { on, onEn, name: match.customerName, owner, team: match.owner.team?.name ?? '' },
    extra: { owner: match.owner, customer: match.customerId, customerName: match.customerName, matchedOn: match.matchedOn, yours, inPool: match.inPool, wayForward: way },
  });
}

export async function assertNoDuplicate(db: Queryable, actor: Actor, candidate: DuplicateCandidate): Promise<void> {
  const match = await findDuplicate(db, candidate);
  if (match) throw duplicateError(actor, match, match.inPool ? await crossTeamClaims(db) : false);
}
