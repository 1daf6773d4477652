import type { ZodError } from 'zod';
import { commandIn } from '../../core/command.js';
import type { Deps } from '../../core/http.js';
import { AppError, invalid, notFound } from '../../core/errors.js';
import { fieldErrorsOf } from '../../core/validation.js';
import { newId } from '../../core/ids.js';
import { toJson } from '../../core/json.js';
import { testMessage } from './templates.js';
import { deliverMessage, type DeliverOptions } from './deliver.js';
import * as repo from './repo.js';
import { KIND_SHAPES, type ChannelBody, type ChannelKind, type ChannelPatch, type ChannelTestBody } from './schema.js';
import { presentChannel } from './presenter.js';
import { authorize, type AnyActor } from '../../core/policy.js';

function fieldErrors(prefix: string, error: ZodError, input: unknown): AppError {
  return new AppError('VALIDATION_FAILED', undefined, { fields: fieldErrorsOf(error.issues, prefix, input ?? {}) });
}

/** Settings and secrets are free-form JSON on the wire; their shape depends on the kind and is checked here. */
function checkShapes(kind: ChannelKind, settings: unknown, secrets: unknown) {
  const shape = KIND_SHAPES[kind];
  const s = shape.settings.safeParse(settings);
  if (!s.success) throw fieldErrors('settings', s.error, settings);
  const k = shape.secrets.safeParse(secrets);
  if (!k.success) throw fieldErrors('secrets', k.error, secrets);
  const cleaned = Object.fromEntries(Object.entries(k.data).filter(([, v]) => v != null && v !== ''));
  return { settings: s.data as Record<string, unknown>, secrets: cleaned };
}

async function checkTeam(deps: Deps, teamId: string | null | undefined) {
  if (teamId && !(await repo.teamExists(deps.db, teamId))) throw invalid('teamId', 'not_found_team');
}

/** What the audit trail keeps: never the secrets themselves. */
const auditView = (c: repo.LoadedChannel) => presentChannel(c);

export async function listChannels(deps: Deps, actor: AnyActor) {
  authorize(actor, 'channel.manage');
  const items = (await repo.listChannels(deps.db)).map(presentChannel);
  return { items, total: items.length };
}

/** One channel as the admin screen shows it (secrets write-only). */
export async function readChannel(deps: Deps, actor: AnyActor, id: string) {
  authorize(actor, 'channel.manage');
  return presentChannel(await getChannel(deps, id));
}

export async function getChannel(deps: Deps, id: string) {
  const channel = await repo.findChannel(deps.db, id);
  if (!channel) throw notFound('Channel');
  return channel;
}

export async function createChannel(deps: Deps, actor: AnyActor, input: ChannelBody) {
  authorize(actor, 'channel.manage');
  const { settings, secrets } = checkShapes(input.kind, input.settings, input.secrets);
  await checkTeam(deps, input.teamId);
  const id = newId();
  const now = deps.clock.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await repo.insertChannel(trx, {
      id,
      kind: input.kind,
      name: input.name,
      team_id: input.teamId ?? null,
      settings: toJson(settings),
      secrets: repo.sealChannelSecrets(id, secrets),
      rate_per_minute: input.ratePerMinute ?? null,
      rate_per_second: input.ratePerSecond ?? null,
      enabled: input.enabled ? 1 : 0,
      created_at: now,
      updated_at: now,
    });
    const created = (await repo.findChannel(trx, id))!;
    await commandIn(trx, deps.clock, { entity: 'channel', actorId: actor.id }).created(id, auditView(created));
    return presentChannel(created);
  });
}

export async function updateChannel(deps: Deps, actor: AnyActor, id: string, input: ChannelPatch) {
  authorize(actor, 'channel.manage');
  const before = await getChannel(deps, id);
  const mergedSecrets: Record<string, unknown> = { ...before.secrets };
  for (const [key, value] of Object.entries(input.secrets ?? {})) {
    if (value === null) delete mergedSecrets[key];
    else mergedSecrets[key] = value;
  }
  const { settings, secrets } = checkShapes(before.kind, input.settings ?? before.settings, mergedSecrets);
  if (input.teamId !== undefined) await checkTeam(deps, input.teamId);
  return deps.db.transaction().execute(async (trx) => {
    await repo.updateChannel(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
      ...(input.ratePerMinute !== undefined ? { rate_per_minute: input.ratePerMinute } : {}),
      ...(input.ratePerSecond !== undefined ? { rate_per_second: input.ratePerSecond } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
      settings: toJson(settings),
      secrets: repo.sealChannelSecrets(id, secrets),
      updated_at: deps.clock.now().toISOString(),
    });
    const after = (await repo.findChannel(trx, id))!;
    const changedSecrets = Object.keys(input.secrets ?? {});
    await commandIn(trx, deps.clock, { entity: 'channel', actorId: actor.id }).recorded(id, 'update', {
      before: auditView(before),
      after: { ...auditView(after), ...(changedSecrets.length ? { secretsChanged: changedSecrets } : {}) },
    });
    return presentChannel(after);
  });
}

/**
 * Sends a test message synchronously through the real channel (counting against its rate limit) and reports the
 * channel's answer, so an admin sees "sign not match" right away instead of in the dead-letter list.
 */
export async function testChannel(deps: Deps, actor: AnyActor, id: string, input: ChannelTestBody | undefined, options: DeliverOptions = {}) {
  authorize(actor, 'channel.manage');
  const channel = await getChannel(deps, id);
  let recipient = actor.id;
  if (channel.kind === 'email' || channel.kind === 'sms') {
    const me = await deps.db.selectFrom('users').select(['email', 'phone']).where('id', '=', actor.id).executeTakeFirst();
    const fallback = channel.kind === 'email' ? me?.email : me?.phone;
    recipient = input?.to ?? fallback ?? '';
    if (!recipient) throw invalid('to', 'recipient_required');
    if (channel.kind === 'email' && !/^[^\s@]+@[^\s@]+$/.test(recipient)) throw invalid('to', 'invalid_email');
  }
  const slot = await repo.reserveSlot(deps.db, deps.dialect, deps.clock, channel);
  if (!slot.ok) {
    throw new AppError('RATE_LIMITED', 'channel_rate_limited', {
      params: { until: slot.waitUntil.toISOString() },
      extra: { retryAt: slot.waitUntil.toISOString() },
    });
  }
  const payload = testMessage(channel.settings.locale ?? 'zh-CN', channel.name, deps.clock.now());
  const result = await deliverMessage({ ...options, db: deps.db, clock: deps.clock, publicUrl: deps.config.publicUrl, outboundAllow: deps.config.outboundAllow }, channel, recipient, payload);
  // The remote answer's body is never echoed: the test would otherwise read any internal page for the caller.
  return { ok: result.ok, status: result.status ?? null, response: null, error: result.error ?? null };
}
