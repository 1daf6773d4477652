/**
 * Sign-in with a platform identity: the code from the platform's OAuth page (web) or from its client's 免登 API
 * becomes a member (protocol files), and the member an actionflow user — through a stored binding, else by the
 * mobile number (one active user with that phone; the binding is then stored). Nobody matched is refused with a
 * message saying what to do, unless the connection lets the sign-in create the user (off by default).
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../core/http.js';
import { AppError, notFound } from '../../core/errors.js';
import { systemActor } from '../../core/policy.js';
import { normalizePhone } from '../customers/normalize.js';
import { createUserIn } from '../org/service.js';
import { hashPassword } from '../../core/passwords.js';
import { APIS } from './protocol/index.js';
import { PlatformError } from './protocol/http.js';
import { apiCtx } from './notify.js';
import * as repo from './repo.js';
import type { ExternalUser, LoadedConnection } from './types.js';

const PLATFORM_NAMES = { wecom: '企业微信 WeCom', dingtalk: '钉钉 DingTalk', feishu: '飞书 Feishu' } as const;

/** Platforms offered on the login page: enabled connections with sign-in on, with where to start. */
export async function signInOptions(deps: Pick<Deps, 'db'>) {
  return (await repo.listConnections(deps.db))
    .filter((c) => c.enabled && c.settings.signIn)
    .map((c) => ({ id: c.id, platform: c.platform, name: c.name, startUrl: `/api/platforms/${c.id}/sign-in/start`, clientId: (c.platform === 'feishu' ? c.settings.appId : c.settings.corpId) ?? null }));
}

export async function signInConnection(deps: Pick<Deps, 'db'>, id: string): Promise<LoadedConnection> {
  const conn = await repo.findConnection(deps.db, id);
  if (!conn || !conn.enabled) throw notFound('Platform connection');
  if (!conn.settings.signIn) throw new AppError('FORBIDDEN', 'platform_signin_off', { params: { platform: PLATFORM_NAMES[conn.platform] } });
  return conn;
}

/** The member behind a sign-in code; a code the platform refuses is 401. */
export async function memberOfCode(deps: Pick<Deps, 'db' | 'clock' | 'config'>, conn: LoadedConnection, code: string, mode: 'web' | 'in_client', fetchImpl?: typeof fetch): Promise<ExternalUser | null> {
  try {
    return await APIS[conn.platform].userByCode(apiCtx(deps, conn, fetchImpl), code, mode);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    if (error.kind === 'transient' || error.kind === 'throttled') throw new AppError('RATE_LIMITED', 'platform_unavailable', { params: { platform: PLATFORM_NAMES[conn.platform] } });
    throw new AppError('UNAUTHENTICATED', 'platform_code_invalid', { params: { platform: PLATFORM_NAMES[conn.platform] } });
  }
}

/** The actionflow user id of a member (binding, else mobile, else creation when enabled); refusals are 403 with a reason. */
export async function matchMember(deps: Pick<Deps, 'db' | 'clock'>, conn: LoadedConnection, member: ExternalUser | null): Promise<string> {
  const platform = PLATFORM_NAMES[conn.platform];
  if (!member) throw new AppError('FORBIDDEN', 'platform_not_member', { params: { platform } });
  const now = deps.clock.now().toISOString();
  const link = await repo.findLink(deps.db, conn.id, 'user', member.externalId);
  let userId = link?.local_id ?? null;
  if (!userId) {
    const phone = normalizePhone(member.mobile);
    const candidates = phone ? (await repo.usersByPhone(deps.db, [phone])).filter((u) => u.active === 1) : [];
    if (candidates.length > 1) throw new AppError('FORBIDDEN', 'platform_user_ambiguous', { params: { platform, name: member.name } });
    if (candidates.length === 1) {
      userId = candidates[0].id;
      await repo.upsertLink(deps.db, now, { connectionId: conn.id, kind: 'user', externalId: member.externalId, localId: userId, source: 'login' });
    }
  }
  if (!userId && conn.settings.autoCreate && conn.settings.autoCreateTeamId) {
    // The user and their binding together: a failure leaves neither (a retry would otherwise find a stray account).
    const passwordHash = await hashPassword(randomBytes(24).toString('base64url'));
    const teamId = conn.settings.autoCreateTeamId;
    userId = await deps.db.transaction().execute(async (trx) => {
      const created = await createUserIn(
        trx,
        deps.clock,
        systemActor('platforms'),
        {
          username: `${conn.platform}-${member.externalId}`.replace(/[^a-zA-Z0-9._-]/g, '_').slice(0, 64),
          displayName: member.name,
          password: '',
          role: conn.settings.autoCreateRole ?? 'seller',
          teamId,
          phone: normalizePhone(member.mobile),
          email: member.email,
        },
        passwordHash,
      );
      await repo.upsertLink(trx, now, { connectionId: conn.id, kind: 'user', externalId: member.externalId, localId: created.id, source: 'login' });
      return created.id;
    });
  }
  if (!userId) throw new AppError('FORBIDDEN', 'platform_user_unmatched', { params: { platform, name: member.name } });
  const user = await repo.userById(deps.db, userId);
  if (!user || user.active !== 1) throw new AppError('FORBIDDEN', 'platform_user_inactive', { params: { platform, name: member.name } });
  return user.id;
}

export const newState = () => randomBytes(18).toString('base64url');
