/**
 * Health use cases: publish and read model versions (API body or YAML), recompute one customer or all, read a
 * customer's explained score, preview a model version. Scores pin the model version they were computed with.
 */
import { commandIn } from '../../core/command.js';
import { AppError, notFound, yamlInvalid } from '../../core/errors.js';
import type { Deps } from '../../core/http.js';
import { parseJson, toJson } from '../../core/json.js';
import { authorize, scopeOf, systemActor, type Actor, type AnyActor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { getCalendarSettings } from '../calendar/settings.js';
import { getCustomerInScope } from '../customers/service.js';
import { definitionToYaml, validateYamlWith } from '../pipelines/yaml.js';
import { saveTypeInTx } from '../workorders/types-service.js';
import * as workOrdersRepo from '../workorders/repo.js';
import { computeBatch, evaluateBatch, localDate, memoDistributions, oldModelScores, stepFrom, type LoadedModel } from './compute.js';
import { dimensionsOf, healthModelSchema, publishableModelSchema, type HealthModel } from './definition.js';
import * as repo from './repo.js';
import type { HealthListFilter } from './repo.js';
import type { Contribution } from './score.js';
import { isAmountSource } from './source-config.js';
import { plansOf } from './retention-plan.js';

export const BATCH = 500;
/** The work-order type the yellow playbook opens (created with the model if missing; admins may edit it). */
export const CUSTOMER_SUCCESS_TYPE = 'customer-success';

export const orgTimeZone = async (deps: Pick<Deps, 'db' | 'config'>) => (await getCalendarSettings(deps.db, deps.config.timeZone)).timeZone;

/** A version by number, the version in force at an instant, or the latest. */
export async function loadModel(db: Queryable, version?: number, asOf?: Date): Promise<LoadedModel | null> {
  const row = version !== undefined ? await repo.modelVersion(db, version) : asOf ? await repo.modelAt(db, asOf.toISOString()) : await repo.latestModel(db);
  if (!row) return null;
  return { version: row.version, def: healthModelSchema.parse(parseJson(row.definition, {})), firePlaybooks: row.fire_playbooks === 1 };
}

function presentModel(row: { version: number; name: string; definition: string; fire_playbooks: number; created_at: string; created_by: string | null }) {
  return { version: row.version, name: row.name, definition: parseJson<HealthModel>(row.definition, {} as HealthModel), firePlaybooks: row.fire_playbooks === 1, createdAt: row.created_at, createdBy: row.created_by };
}

export async function listModels(deps: Deps, actor: AnyActor) {
  authorize(actor, 'health.readModel');
  const rows = await repo.modelVersions(deps.db);
  return { current: rows[0] ? presentModel(rows[0]) : null, versions: rows.map(presentModel) };
}

/** Publishes the next version. Ensures the work-order type the yellow playbook needs, so it works out of the box. */
export async function publishModel(deps: Deps, actor: Actor, def: HealthModel, firePlaybooks: boolean) {
  authorize(actor, 'health.manage');
  const row = await deps.db.transaction().execute(async (trx) => {
    const latest = await repo.latestModel(trx);
    const values = { version: (latest?.version ?? 0) + 1, name: def.name, definition: toJson(def), fire_playbooks: firePlaybooks ? 1 : 0, created_at: deps.clock.now().toISOString(), created_by: actor.id };
    if (!(await repo.insertModel(trx, values))) throw new AppError('CONFLICT', 'moved_meanwhile');
    await commandIn(trx, deps.clock, { entity: 'health_model', actorId: actor.id }).recorded(String(values.version), 'create', { after: { version: values.version, definition: def, firePlaybooks } });
    if (!(await workOrdersRepo.findType(trx, CUSTOMER_SUCCESS_TYPE))) {
      const root = await trx.selectFrom('teams').select('id').orderBy('path').limit(1).executeTakeFirst();
      if (root) {
        await saveTypeInTx(trx, { clock: deps.clock, config: deps.config }, systemActor('worker'), {
          key: CUSTOMER_SUCCESS_TYPE,
          name: '客户成功跟进',
          nameEn: 'Customer success',
          team: root.id,
          response: '1wd',
          resolution: '5wd',
          warnShare: 0.8,
          escalation: [{ clock: 'resolution', at: 1, notify: ['helper', 'helper.lead'] }],
          active: true,
        });
      }
    }
    return values;
  });
  return presentModel(row);
}

export function validateModelYaml(text: string) {
  return validateYamlWith(text, publishableModelSchema, 'the document must be a mapping with name, bands and groups');
}

export async function importModelYaml(deps: Deps, actor: Actor, text: string, firePlaybooks: boolean) {
  authorize(actor, 'health.manage');
  const result = validateModelYaml(text);
  if (!result.ok) throw yamlInvalid(result.errors);
  return publishModel(deps, actor, result.value, firePlaybooks);
}

export async function exportModelYaml(deps: Deps, actor: AnyActor, version?: number) {
  authorize(actor, 'health.readModel');
  const row = version === undefined ? await repo.latestModel(deps.db) : await repo.modelVersion(deps.db, version);
  if (!row) throw notFound('Health model');
  return { version: row.version, text: definitionToYaml(parseJson<never>(row.definition, {} as never), `客户健康度模型 customer health model, version ${row.version}`) };
}

async function requireModel(db: Queryable) {
  const model = await loadModel(db);
  if (!model) throw new AppError('NOT_FOUND', 'health_no_model');
  return model;
}

/** Recompute one customer (anyone who may see it) or every customer (admins), now. */
export async function recompute(deps: Deps, actor: AnyActor, customerId?: string) {
  const model = await requireModel(deps.db);
  const timeZone = await orgTimeZone(deps);
  if (customerId) {
    await getCustomerInScope(deps.db, actor, customerId, 'customerId');
    const customer = (await repo.customerById(deps.db, customerId))!;
    const r = await deps.db.transaction().execute((trx) => computeBatch(trx, deps.clock, timeZone, model, [customer]));
    return { customers: r.customers, written: r.written, changes: r.changes.map(({ eventId: _e, ...c }) => c) };
  }
  authorize(actor, 'health.recomputeAll');
  const distributionsOf = memoDistributions(deps.db, deps.clock.now());
  const distributions = await distributionsOf(model);
  const total = { customers: 0, written: 0, changes: [] as Array<{ customerId: string; kind: 'colour' | 'trend'; from?: string | null; to?: string }> };
  for (let cursor = ''; ; ) {
    const batch = await repo.customersAfter(deps.db, cursor, BATCH, deps.clock.now().toISOString());
    if (!batch.length) break;
    const r = await deps.db.transaction().execute((trx) => computeBatch(trx, deps.clock, timeZone, model, batch, distributions, distributionsOf));
    total.customers += r.customers;
    total.written += r.written;
    if (total.changes.length < 1000) total.changes.push(...r.changes.map(({ eventId: _e, ...c }) => c));
    cursor = batch[batch.length - 1].id;
  }
  return total;
}

const HISTORY = 180;

const pendingOf = (text: string) => {
  const p = parseJson<{ colour: string; count: number } | null>(text, null);
  return p ? { colour: p.colour, count: p.count } : null;
};

/** The explained score: contributions of the latest snapshot, what moved since the one before, and the history. */
/**
 * Newest first by the snapshots' own chain (each row names its predecessor), from the projection's head: two
 * computations at the same instant (a recompute right after another) have equal timestamps, and the latest is the
 * one the projection points at, not whichever id sorts last.
 */
export function chainOrder<R extends { id: string; prev_id: string }>(rows: R[], head: string | undefined): R[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ordered: R[] = [];
  for (let r = head ? byId.get(head) : undefined; r; r = byId.get(r.prev_id)) ordered.push(r);
  return ordered.length ? ordered : rows;
}

/** Customers in the caller's scope by health, lowest score first (one page). */
export async function healthList(deps: Pick<Deps, 'db'>, actor: AnyActor, filter: HealthListFilter, page: { page: number; pageSize: number }) {
  const rows = await repo.healthList(deps.db, scopeOf(actor), filter, page.pageSize, (page.page - 1) * page.pageSize);
  return rows.map((r) => ({ customerId: r.customer_id, name: r.name, score: r.score, colour: r.colour as 'green', trendAlert: r.trend_alert === 1, modelVersion: r.model_version, computedAt: r.computed_at }));
}

export async function customerHealth(deps: Deps, actor: AnyActor, customerId: string) {
  await getCustomerInScope(deps.db, actor, customerId);
  const rows = chainOrder(await repo.history(deps.db, customerId, HISTORY), (await repo.projection(deps.db, customerId))?.snapshot_id);
  const latest = rows[0];
  const models = new Map<number, LoadedModel | null>();
  const modelOf = async (v: number) => {
    if (!models.has(v)) models.set(v, await loadModel(deps.db, v));
    return models.get(v)!;
  };
  const explain = async (row: (typeof rows)[number]) => {
    const model = await modelOf(row.model_version);
    const dims = new Map(model ? dimensionsOf(model.def).map((d) => [d.dim.key, d]) : []);
    return parseJson<Contribution[]>(row.contributions, []).map((c) => {
      const d = dims.get(c.dimension);
      const amount = d ? isAmountSource(d.dim.source) : false;
      return {
        dimension: c.dimension,
        name: d?.dim.name ?? c.dimension,
        nameEn: d?.dim.nameEn ?? null,
        group: d?.group.name ?? c.group,
        // An amount (the raw purchase amount) is removed for those who may not read amounts by the output layer
        // (RESTRICTED_FIELDS 'health.amountInputs', keyed on `amount: true`); its normalised score is not an amount.
        raw: c.raw,
        amount,
        normalized: c.normalized,
        weight: c.weight,
        contribution: c.contribution,
        status: c.status,
        missingSince: c.missingSince,
      };
    });
  };
  const contributions = latest ? await explain(latest) : [];
  const previous = rows[1] ? await explain(rows[1]) : null;
  const moved = previous
    ? contributions
        .map((c) => ({ dimension: c.dimension, name: c.name, before: previous.find((p) => p.dimension === c.dimension)?.contribution ?? 0, after: c.contribution }))
        .map((m) => ({ ...m, delta: Math.round((m.after - m.before) * 100) / 100 }))
        .filter((m) => m.delta !== 0)
    : [];
  return {
    customerId,
    score: latest?.score ?? null,
    colour: (latest?.colour ?? null) as 'green' | 'yellow' | 'red' | 'grey' | null,
    modelVersion: latest?.model_version ?? null,
    coverage: latest?.coverage ?? null,
    trendAlert: latest ? latest.trend_alert === 1 : false,
    pending: latest?.pending ? pendingOf(latest.pending) : null,
    computedAt: latest?.computed_at ?? null,
    contributions,
    moved: { since: rows[1]?.computed_at ?? null, scoreDelta: latest && rows[1] ? Math.round((latest.score - rows[1].score) * 10) / 10 : null, dimensions: moved },
    history: rows
      .slice()
      .reverse()
      .map((r) => ({ at: r.computed_at, score: r.score, colour: r.colour, coverage: r.coverage, modelVersion: r.model_version, trendAlert: r.trend_alert === 1, reason: r.colour_reason })),
    retentionPlans: await plansOf(deps.db, deps.clock, customerId),
  };
}

/**
 * How many customers, and which, would change colour if this definition were published now: each customer's next
 * computation under it, stepped from the customer's stored state exactly as the first computation after publishing
 * steps (`stepFrom`: the colour taken afresh from the new model, except that a change the current version's state
 * machine would confirm at that computation anyway — its pending count one short of `k` — keeps its own reason and
 * fires its playbooks). `quiet` counts the changes the switch alone causes: those fire no playbook unless asked for.
 */
export async function previewModel(deps: Deps, actor: Actor, def: HealthModel) {
  authorize(actor, 'health.manage');
  const current = await repo.latestModel(deps.db);
  const proposed: LoadedModel = { version: (current?.version ?? 0) + 1, def, firePlaybooks: false };
  const now = deps.clock.now();
  const date = localDate(now, await orgTimeZone(deps));
  const transitions = new Map<string, number>();
  const changed: Array<{ customerId: string; name: string; from: string | null; to: string; score: number; reason: string; pending: { colour: string; count: number } | null }> = [];
  let customers = 0;
  let quiet = 0;
  const distributionsOf = memoDistributions(deps.db, now);
  const distributions = await distributionsOf(proposed);
  for (let cursor = ''; ; ) {
    const batch = await repo.customersAfter(deps.db, cursor, BATCH, now.toISOString());
    if (!batch.length) break;
    const evaluated = await evaluateBatch(deps.db, proposed, batch, now, distributions);
    const olds = await oldModelScores(deps.db, proposed, evaluated, now, distributionsOf);
    for (const { customer, prev, scored } of evaluated) {
      customers++;
      const step = stepFrom(proposed, prev, { score: scored.score, coverage: scored.coverage, date }, olds.get(customer.id));
      if (!step.changed) continue;
      const from = prev?.colour ?? null;
      const to = step.state.colour!;
      const key = `${from ?? 'none'}→${to}`;
      transitions.set(key, (transitions.get(key) ?? 0) + 1);
      if (step.changed.reason === 'model_switch') quiet++;
      if (changed.length < 200) changed.push({ customerId: customer.id, name: customer.name, from, to, score: scored.score, reason: step.changed.reason, pending: prev?.pending ? pendingOf(prev.pending) : null });
    }
    cursor = batch[batch.length - 1].id;
  }
  return {
    version: proposed.version,
    customers,
    changes: [...transitions.values()].reduce((a, b) => a + b, 0),
    quiet,
    transitions: [...transitions].map(([key, count]) => ({ from: key.split('→')[0], to: key.split('→')[1], count })),
    sample: changed,
  };
}
