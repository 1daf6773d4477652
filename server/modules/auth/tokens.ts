/**
 * API tokens are a permission an admin grants per role, with a longest lifetime (org settings, issue 15 point 10;
 * sellers are off by default: a seller's token would pull their whole customer book into any script). The rule is
 * checked when a token is made AND each time one is used, so a role losing the permission, a lowered lifetime or a
 * holder moved to a role without it ends the tokens already handed out.
 */
import type { Clock } from '../../core/clock.js';
import { AppError, invalid } from '../../core/errors.js';
import { isSystem, type Actor, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { ROLES } from '../../db/schema.js';
import { getOrgSettings, tokenRuleOf, type TokenRule } from '../org/settings.js';
import * as repo from './repo.js';

/** A lifetime asked for when the form names none: three months, or the role's maximum if shorter. */
const DEFAULT_DAYS = 90;

export async function mayHoldTokens(db: Queryable, actor: AnyActor): Promise<boolean> {
  return isSystem(actor) || (await tokenRuleOf(db, actor.role)).allowed;
}

/** 403 naming the roles that currently may hold tokens; routes call it before validating the body. */
export async function assertMayHoldTokens(db: Queryable, actor: AnyActor): Promise<TokenRule> {
  const settings = await getOrgSettings(db);
  const rule = isSystem(actor) ? { allowed: true, maxDays: 365 } : settings.tokenRoles[actor.role];
  if (rule.allowed) return rule;
  const roles = ROLES.filter((r) => settings.tokenRoles[r].allowed).join(', ') || '-';
  throw new AppError('FORBIDDEN', 'api_tokens_disabled', { params: { roles } });
}

export async function createToken(db: Queryable, clock: Clock, actor: Actor, input: { name: string; expiresInDays?: number }) {
  const rule = await assertMayHoldTokens(db, actor);
  const days = input.expiresInDays ?? Math.min(DEFAULT_DAYS, rule.maxDays);
  if (days > rule.maxDays) throw invalid('expiresInDays', 'token_days_max', { max: rule.maxDays });
  return repo.createApiToken(db, clock, actor.id, input.name, days);
}

/** The holder of a live token whose role still may hold tokens and whose age is within the role's lifetime. */
export async function actorForApiToken(db: Queryable, clock: Clock, token: string): Promise<Actor | null> {
  const found = await repo.findLiveApiToken(db, clock, token);
  if (!found) return null;
  const rule = await tokenRuleOf(db, found.actor.role);
  if (!rule.allowed) return null;
  if (clock.now().getTime() - Date.parse(found.createdAt) > rule.maxDays * 86_400_000) return null;
  await repo.touchApiToken(db, clock, found.tokenId);
  return found.actor;
}
