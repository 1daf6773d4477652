/**
 * Org-wide settings an admin changes at run time (issue 15 points 10 and 11): which roles may hold API tokens and
 * for how long, and how the web shows amounts. One row (`org_settings`, id 'org'); every change is audited.
 * The token rule is read on every token use (auth/repo.ts), so taking the permission from a role ends its tokens.
 */
import { z } from 'zod';
import type { Clock } from '../../core/clock.js';
import { parseJson, toJson } from '../../core/json.js';
import { coded } from '../../core/validation.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import { commandIn } from '../../core/command.js';
import type { Queryable } from '../../db/index.js';
import { ROLES, type Role } from '../../db/schema.js';
import * as repo from './repo.js';

export const AMOUNT_DISPLAYS = ['full', 'wan'] as const;
export type AmountDisplay = (typeof AMOUNT_DISPLAYS)[number];

/** The longest lifetime an admin may allow a role's tokens (a year), as the token form always allowed. */
export const TOKEN_MAX_DAYS = 365;

const tokenRule = z.object({
  allowed: z.boolean().describe('may users of this role create and use API tokens'),
  maxDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).describe('longest lifetime of a token of this role, in days; older tokens stop working'),
});
export type TokenRule = z.infer<typeof tokenRule>;

const tokenRoles = z.object(Object.fromEntries(ROLES.map((r) => [r, tokenRule])) as Record<Role, typeof tokenRule>);

export const orgSettingsBody = z
  .object({
    amountDisplay: z.enum(AMOUNT_DISPLAYS).describe('full: ¥2,656,000.00; wan: ¥265.6万 — for everyone in the web'),
    tokenRoles: tokenRoles.partial().describe('per role; roles left out keep their rule'),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, coded('empty_change', undefined, ['body']));
export type OrgSettingsInput = z.infer<typeof orgSettingsBody>;

export const orgSettingsSchema = z
  .object({
    amountDisplay: z.enum(AMOUNT_DISPLAYS),
    tokenRoles,
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'OrgSettings' });
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

/** What the code decided before the setting existed: every role but seller, up to a year. */
const DEFAULT_TOKEN_ROLES = Object.fromEntries(ROLES.map((r) => [r, { allowed: r !== 'seller', maxDays: TOKEN_MAX_DAYS }])) as Record<Role, TokenRule>;

export async function getOrgSettings(db: Queryable): Promise<OrgSettings> {
  const row = await repo.getOrgSettings(db);
  const stored = parseJson<Partial<Record<Role, TokenRule>>>(row?.token_roles ?? '{}', {});
  return {
    amountDisplay: row?.amount_display === 'wan' ? 'wan' : 'full',
    tokenRoles: { ...DEFAULT_TOKEN_ROLES, ...stored },
    updatedAt: row?.updated_at ?? null,
  };
}

/** The API-token rule of one role. */
export async function tokenRuleOf(db: Queryable, role: Role): Promise<TokenRule> {
  return (await getOrgSettings(db)).tokenRoles[role];
}

export async function putOrgSettings(db: Queryable, clock: Clock, actor: AnyActor, input: OrgSettingsInput): Promise<OrgSettings> {
  authorize(actor, 'org.manage');
  const before = await getOrgSettings(db);
  const after = {
    amountDisplay: input.amountDisplay ?? before.amountDisplay,
    tokenRoles: { ...before.tokenRoles, ...input.tokenRoles } as Record<Role, TokenRule>,
  };
  await repo.putOrgSettings(db, {
    amount_display: after.amountDisplay,
    token_roles: toJson(after.tokenRoles),
    updated_by: auditActorId(actor),
    updated_at: clock.now().toISOString(),
  });
  await commandIn(db, clock, { entity: 'org_settings', actorId: auditActorId(actor) }).recorded('org', 'update', {
    before: { amountDisplay: before.amountDisplay, tokenRoles: before.tokenRoles },
    after,
  });
  return getOrgSettings(db);
}
