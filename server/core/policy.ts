/**
 * The one policy layer: who may do what, which records they see (scope) and which fields are hidden from them.
 * Role groups are named once here; services call `authorize(actor, 'module.action')`, routes never check roles.
 * Rules, jobs and the CLI act as a typed `SystemActor` (they act for the organisation), never as a user with a
 * borrowed role. Pure: no database, no Fastify.
 */
import type { Role } from '../db/schema.js';
import { AppError, type ReasonCode } from './errors.js';

/** A signed-in user (session or API token). */
export interface Actor {
  kind?: 'user';
  id: string;
  username: string;
  displayName: string;
  role: Role;
  teamId: string;
  teamPath: string;
}

export type SystemName = 'rules' | 'worker' | 'cli' | 'sla' | 'cadences' | 'pool' | 'demo' | 'platforms';

/** The organisation acting through an engine: all records in scope, every ability; `id` is what audit rows name. */
export interface SystemActor {
  kind: 'system';
  name: SystemName;
  id: `system:${SystemName}`;
  displayName: string;
}

export type AnyActor = Actor | SystemActor;

export function systemActor(name: SystemName, displayName: string = `system:${name}`): SystemActor {
  return { kind: 'system', name, id: `system:${name}`, displayName };
}

export function isSystem(actor: AnyActor): actor is SystemActor {
  return actor.kind === 'system';
}

/** Named role groups, defined once. */
export const GROUPS = {
  admins: ['admin'],
  /** See every record of the organisation. */
  orgWide: ['admin', 'director', 'finance', 'support'],
  /** Org-wide readers of configuration and trails (rules, audit of deleted records, all assignments). */
  orgReaders: ['admin', 'director'],
  /** Line managers: hand over, resolve conflicts, keep pool custody, configure team digests. */
  managers: ['lead', 'regional_manager', 'director', 'admin'],
  /** See records of their team subtree. */
  teamManagers: ['lead', 'regional_manager'],
  /** Lead a store or sales team: their reach for reassigned calls widens to the neighbouring stores. */
  storeManagers: ['lead'],
  /** Line managers below the admin: a team's nearest one checks its random verification call-backs. */
  lineManagers: ['lead', 'regional_manager', 'director'],
  /** Receive new leads by the round-robin assignment of their team subtree. */
  leadAssignees: ['seller'],
  /** Store consultants: book appointments, receive reassigned follow-up calls. */
  consultants: ['seller', 'lead'],
  /** Work customers themselves (claim from the pool). */
  sellingRoles: ['seller', 'lead', 'regional_manager', 'director', 'admin'],
  /** See deal amounts. */
  amountReaders: ['seller', 'lead', 'regional_manager', 'director', 'finance', 'admin'],
  /** Register contracts: the selling roles and finance. */
  contractWriters: ['seller', 'lead', 'regional_manager', 'director', 'finance', 'admin'],
  /** Record and reverse payments, apply credit, decide claims. */
  financeRoles: ['finance', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Group = keyof typeof GROUPS;

/** Every action, per module, and the group allowed to do it. Adding an action: add a line here, call `authorize`. */
export const ACTIONS = {
  org: { manage: 'admins' },
  pipeline: { manage: 'admins' },
  customfield: { manage: 'admins' },
  calendar: { manage: 'admins' },
  channel: { manage: 'admins' },
  outbox: { manage: 'admins' },
  rule: { read: 'orgReaders', manage: 'admins' },
  cadence: { manage: 'admins' },
  activity: { configure: 'admins' },
  audit: { readUnscoped: 'orgReaders' },
  deal: { readAmount: 'amountReaders', confirmLost: 'managers', configure: 'admins' },
  dictionary: { manage: 'admins' },
  lead: { readSettings: 'managers', configure: 'admins', readAllAssignments: 'orgReaders', readAssignments: 'managers' },
  pool: { claim: 'sellingRoles', configure: 'admins', sweep: 'admins' },
  customer: { handover: 'managers' },
  /** Import customers from Excel/CSV (each row still within the importer's scope); presets are shared. */
  import: { run: 'sellingRoles', readAll: 'orgReaders' },
  /** Give records (customers, deals, tasks) to someone else; org-wide: to anyone, not only within the own subtree. */
  record: { assignOthers: 'managers', assignOrgWide: 'orgReaders' },
  conflict: { resolve: 'managers' },
  digest: { configure: 'managers' },
  /** The war-room dashboard is a manager's home page (everyone may open it; the figures follow their scope). */
  dashboard: { home: 'managers' },
  appointment: { book: 'consultants', reassign: 'managers' },
  intervention: { view: 'managers', resolveAny: 'admins' },
  /** Ask for an approval (quotes) on a deal in one's scope; routes are configured by admins, read by org readers. */
  approval: { request: 'sellingRoles', readRoutes: 'orgReaders', manageRoutes: 'admins', migrate: 'admins' },
  /** Work-order types (协作工单类型). */
  workorder: { configure: 'admins' },
  /** Assist-point rules; managers read their team's ledgers. */
  assist: { configure: 'admins', readOthers: 'managers' },
  /** Customer health: models are read by org readers, published by admins; recomputing everyone is an admin's. */
  health: { readModel: 'orgReaders', manage: 'admins', recomputeAll: 'admins' },
  /** Field-ready logging (issue 16): customer aliases, tracked material links, random verification call-backs. */
  quicklog: { alias: 'sellingRoles' },
  material: { share: 'sellingRoles' },
  callback: { configure: 'admins', record: 'managers' },
  /** Contracts and payment plans (money); support reads contracts without amounts. */
  contract: { create: 'contractWriters', amend: 'contractWriters', readAmount: 'amountReaders', configure: 'admins' },
  payment: { record: 'financeRoles', claim: 'sellingRoles' },
  /** The receivables countdown board and ageing (scoped); finance partners per team are set by admins. */
  receivable: { board: 'amountReaders', managePartners: 'admins' },
  /** Predictive patterns: surfaced ones are read by selling roles; candidates below the bar, settings and mining runs by admins. */
  pattern: { read: 'sellingRoles', readCandidates: 'admins', configure: 'admins', mine: 'admins', readLoop: 'managers' },
  /** WeCom/DingTalk/Feishu app connections, contact sync (admins); the sidebar opens customers in one's scope. */
  platform: { manage: 'admins' },
} as const satisfies Record<string, Record<string, Group>>;

type Actions = typeof ACTIONS;
export type Module = keyof Actions;
export type Action = { [M in Module]: `${M}.${Extract<keyof Actions[M], string>}` }[Module];

/** Refusals that say more than "requires one of the roles" (texts in shared/messages.ts). */
const FORBIDDEN_REASONS: Partial<Record<Action, ReasonCode>> = {
  'lead.readSettings': 'lead_settings_managers',
  'customer.handover': 'manager_only_handover',
  'conflict.resolve': 'resolver_only',
  'pool.claim': 'claimers_only',
  'digest.configure': 'digest_settings_managers',
  'appointment.book': 'booking_roles',
  'appointment.reassign': 'reassign_managers_only',
};

/** Whether a role belongs to a group (for rows of other users, e.g. picking a custodian or a consultant). */
export function roleIn(role: Role, group: Group): boolean {
  return (GROUPS[group] as readonly Role[]).includes(role);
}

export function inGroup(actor: AnyActor, group: Group): boolean {
  return isSystem(actor) || roleIn(actor.role, group);
}

export function groupOf(action: Action): Group {
  const [module, name] = action.split('.') as [Module, string];
  return (ACTIONS[module] as Record<string, Group>)[name];
}

/** Whether `actor` may do `action`. Subject-dependent decisions (ownership, scope) stay with `scopeOf`/`inScope`. */
export function can(actor: AnyActor, action: Action): boolean {
  return inGroup(actor, groupOf(action));
}

/** Throws FORBIDDEN unless `actor` may do `action`. Called by services, never by routes. */
export function authorize(actor: AnyActor, action: Action): void {
  if (can(actor, action)) return;
  const roles = GROUPS[groupOf(action)].join(', ');
  throw new AppError('FORBIDDEN', FORBIDDEN_REASONS[action] ?? 'roles_required', { params: { roles } });
}

/** Every action with the caller's answer, per module (`GET /api/me/abilities`). */
export function abilities(actor: AnyActor): Record<string, Record<string, boolean>> {
  const out: Record<string, Record<string, boolean>> = {};
  for (const [module, actions] of Object.entries(ACTIONS)) {
    out[module] = {};
    for (const name of Object.keys(actions)) out[module][name] = can(actor, `${module}.${name}` as Action);
  }
  return out;
}

// ---- Data scope ----------------------------------------------------------------------------------------------

export type Scope = { kind: 'all' } | { kind: 'subtree'; path: string } | { kind: 'own'; userId: string };

export function scopeOf(actor: AnyActor): Scope {
  if (isSystem(actor) || inGroup(actor, 'orgWide')) return { kind: 'all' };
  if (inGroup(actor, 'teamManagers')) return { kind: 'subtree', path: actor.teamPath };
  return { kind: 'own', userId: actor.id };
}

/** Upper bound of a materialised-path prefix range: ids use [0-9a-z-] and "/", all below "~". */
export function subtreeUpperBound(path: string): string {
  return `${path}~`;
}

/** Same decision as the SQL predicate, for a single record already in memory. */
export function inScope(scope: Scope, record: { ownerId: string; teamPath: string }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'own') return record.ownerId === scope.userId;
  return record.teamPath.startsWith(scope.path);
}

// ---- Field-level restriction ---------------------------------------------------------------------------------

/**
 * Fields hidden from actors lacking an ability, per record type. `keys` are the names the field has in any
 * outgoing JSON (camelCase presenters, snake_case audit before/after values); they are removed wherever they occur.
 * Later issues add their lines here (receivables for non-finance roles, health inputs, …).
 */
export const RESTRICTED_FIELDS = [
  { field: 'deal.amountFen', keys: ['amountFen', 'amount_fen'], ability: 'deal.readAmount' },
  /** The prices an approval is about are the deal's amount in other words. */
  { field: 'approval.prices', keys: ['listPriceFen', 'netPriceFen', 'maxAmountFen', 'lineDiscountFen', 'documentDiscountFen'], ability: 'deal.readAmount' },
  /** Money of contracts: plan amounts, paid, outstanding, credit (support sees contracts without any amount). */
  { field: 'contract.amounts', keys: ['amountFen', 'amount_fen', 'paidFen', 'outstandingFen', 'outstanding_fen', 'shortfallFen', 'creditFen', 'unallocatedFen', 'availableFen', 'differenceFen'], ability: 'contract.readAmount' },
  /**
   * Health inputs that are amounts (the yearly purchase amount): `within` names the marker, so `raw` is removed only
   * from objects that say `amount: true` — a contribution's raw visit count stays, its raw purchase amount goes.
   */
  { field: 'health.amountInputs', keys: ['raw'], within: 'amount', ability: 'deal.readAmount' },
] as const satisfies ReadonlyArray<{ field: string; keys: readonly string[]; ability: Action; within?: string }>;

type Restriction = { field: string; keys: readonly string[]; ability: Action; within?: string };
const RESTRICTIONS: readonly Restriction[] = RESTRICTED_FIELDS;

/** The restricted fields `actor` may not see (`deal.amountFen`, …). */
export function hiddenFields(actor: AnyActor): string[] {
  return RESTRICTED_FIELDS.filter((r) => !can(actor, r.ability)).map((r) => r.field);
}

/** The JSON keys to strip from anything sent to `actor`; empty when they see everything. */
export function hiddenKeys(actor: AnyActor): Set<string> {
  return new Set(RESTRICTIONS.filter((r) => !r.within && !can(actor, r.ability)).flatMap((r) => r.keys));
}

/** The same for a recipient known only by role (a notification's addressee, a task's assignee). */
export function hiddenKeysOfRole(role: Role): Set<string> {
  return new Set(RESTRICTIONS.filter((r) => !r.within && !roleIn(role, groupOf(r.ability))).flatMap((r) => r.keys));
}

/** Keys hidden only inside objects carrying a true marker (`within`), per marker. */
export type MarkedKeys = Map<string, Set<string>>;
function markedKeys(hidden: (r: Restriction) => boolean): MarkedKeys {
  const out: MarkedKeys = new Map();
  for (const r of RESTRICTIONS) if (r.within && hidden(r)) out.set(r.within, new Set([...(out.get(r.within) ?? []), ...r.keys]));
  return out;
}
export const hiddenMarkedKeys = (actor: AnyActor) => markedKeys((r) => !can(actor, r.ability));
export const hiddenMarkedKeysOfRole = (role: Role) => markedKeys((r) => !roleIn(role, groupOf(r.ability)));

/** The user an audit row or event names; engines are recorded as null ("the system"), as before. */
export function auditActorId(actor: AnyActor): string | null {
  return isSystem(actor) ? null : actor.id;
}
