import { SqliteAdapter, sql } from 'kysely';
import type { Db, Queryable } from '../db/index.js';
import type { Database, UsersTable, TeamsTable } from '../db/schema.js';
import type { Clock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { parseJson } from '../core/json.js';
import { hashPassword } from '../core/passwords.js';
import { installTemplate, listTemplates } from '../modules/pipelines/service.js';
import { definitionOf } from '../modules/pipelines/repo.js';
import { generateDemoRows, type CustomFieldRef, type DemoSizes, type PipelineRef, type SellerRef } from './generate.js';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS, regionOfTeam } from './org.js';
import { Random } from './random.js';
import { loadDemoWorkOrders } from './workorders.js';
import { loadDemoStores } from './stores.js';
import { loadDemoApprovals, requireQuoteApprovalInDemo } from './approvals.js';
import { loadDemoMoney } from './money.js';
import { loadDemoHealth } from './health.js';
import { loadDemoPredictive } from './predictive.js';
import { backfillSlaQuietly } from './quiet-sla.js';
import { backfillPastDigests } from '../modules/digests/now.js';
import { HOSPITAL_GRADES } from './vocab.js';
import { insertCustomerRows } from '../modules/customers/repo.js';
import { insertTaskRows } from '../modules/tasks/repo.js';
import { systemActor } from '../core/policy.js';

/** The documented size of the demo company (README.md); `scale` multiplies customers, deals and activities. */
export const DEMO_SIZES: DemoSizes = { customers: 300, deals: 500, activities: 5000 };
export const DEMO_SEED = 20_260_115;

export interface DemoOptions {
  onProgress?: (message: string) => void;
  /** Fraction of the default size (tests use a smaller company on PostgreSQL); org and templates are always whole. */
  scale?: number;
  seed?: number;
}

export interface DemoSummary {
  teams: number;
  users: number;
  pipelines: number;
  customers: number;
  contacts: number;
  deals: number;
  stageHistory: number;
  activities: number;
  tasks: number;
}

/**
 * Loads the demo company into an empty database: org tree and users (one argon2id hash, shared), the five shipped
 * pipeline templates, then customers, contacts, deals with stage history, activities and tasks, inserted in batches
 * inside one transaction. Demo rows are written directly (no audit entries or domain events): they describe the
 * past, and later engines must not react to them as if they had just happened.
 */
export async function loadDemoData(db: Db, clock: Clock, options: DemoOptions = {}): Promise<DemoSummary> {
  const progress = options.onProgress ?? (() => {});
  const scale = options.scale ?? 1;
  const existing = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new AppError('CONFLICT', 'demo_needs_empty');
  }
  const random = new Random(options.seed ?? DEMO_SEED);
  const nowMs = clock.now().getTime();
  const now = clock.now().toISOString();

  progress('Hashing the demo password (argon2id)…');
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  progress('Installing the pipeline templates…');
  const pipelines = await installAllTemplates(db, clock);
  const dealFields: CustomFieldRef[] = (await db.selectFrom('custom_field_defs').selectAll().where('entity', '=', 'deal').execute()).map((d) => ({
    key: d.key,
    type: d.type,
    options: parseJson<Array<string | { value: string }>>(d.options, []).map((o) => (typeof o === 'string' ? o : o.value)),
  }));

  const teams = new Map<string, TeamsTable>();
  for (const t of DEMO_TEAMS) {
    const id = random.uuid();
    const parent = t.parent ? teams.get(t.parent)! : null;
    teams.set(t.key, { id, parent_id: parent?.id ?? null, name: t.name, kind: t.kind, path: `${parent?.path ?? '/'}${id}/`, created_at: now });
  }
  const users = new Map<string, UsersTable>();
  for (const u of DEMO_USERS) {
    const team = teams.get(u.team)!;
    users.set(u.username, {
      id: random.uuid(),
      username: u.username,
      display_name: u.displayName,
      password_hash: passwordHash,
      role: u.role,
      team_id: team.id,
      team_path: team.path,
      phone: null,
      email: `${u.username}@kangjie-demo.cn`,
      active: 1,
      created_at: now,
      updated_at: now,
    });
  }
  const sellers: SellerRef[] = DEMO_USERS.filter((u) => u.role === 'seller').map((u) => {
    const lead = DEMO_USERS.find((l) => l.role === 'lead' && l.team === u.team)!;
    return { id: users.get(u.username)!.id, teamPath: teams.get(u.team)!.path, region: regionOfTeam(u.team)!, leadId: users.get(lead.username)!.id };
  });

  const sizes: DemoSizes = {
    customers: Math.max(sellers.length, Math.round(DEMO_SIZES.customers * scale)),
    deals: Math.round(DEMO_SIZES.deals * scale),
    activities: Math.round(DEMO_SIZES.activities * scale),
  };
  progress(`Generating ${sizes.customers} customers, ${sizes.deals} deals, ${sizes.activities} activities…`);
  const rows = generateDemoRows(random, nowMs, sizes, sellers, pipelines, dealFields);

  await db.transaction().execute(async (trx) => {
    progress(`Inserting ${teams.size} teams and ${users.size} users…`);
    await insertBatches(trx, 'teams', [...teams.values()]);
    await insertBatches(trx, 'users', [...users.values()]);
    await insertBatches(trx, 'custom_field_defs', [
      { id: random.uuid(), entity: 'customer', key: 'hospital_grade', label: '医院等级', label_en: 'Hospital grade', type: 'select', options: JSON.stringify(HOSPITAL_GRADES), required: 0, created_at: now },
      { id: random.uuid(), entity: 'customer', key: 'beds', label: '床位数', label_en: 'Beds', type: 'number', options: '[]', required: 0, created_at: now },
    ]);
    progress(`Inserting ${rows.customers.length} customers and ${rows.contacts.length} contacts…`);
    await insertCustomerRows(trx, rows.customers);
    await insertBatches(trx, 'contacts', rows.contacts);
    progress(`Inserting ${rows.deals.length} deals and ${rows.history.length} stage history entries…`);
    await insertBatches(trx, 'deals', rows.deals);
    await insertBatches(trx, 'deal_stage_history', rows.history);
    progress(`Inserting ${rows.activities.length} activities…`);
    await insertBatches(trx, 'activities', rows.activities);
    progress(`Inserting ${rows.tasks.length} tasks…`);
    await insertTaskRows(trx, rows.tasks);
  });
  progress('Adding the collaboration departments and work orders…');
  await loadDemoWorkOrders(db, clock, random, passwordHash, { timeZone: 'Asia/Shanghai' });
  progress('Adding pending quote approvals…');
  await loadDemoApprovals(db, clock, { timeZone: 'Asia/Shanghai' });
  progress('Adding the store chain: two stores, their consultants, yesterday\'s and today\'s appointments…');
  await loadDemoStores(db, clock, random, passwordHash, { timeZone: 'Asia/Shanghai' });
  progress('Adding contracts, payment plans and payments for the won deals…');
  await loadDemoMoney(db, clock, random, { timeZone: 'Asia/Shanghai' });
  progress('Computing three weeks of customer health history…');
  await loadDemoHealth(db, clock, 'Asia/Shanghai');
  progress('Adding a closed-deal history with planted action patterns, mining it and flagging the open deals at risk…');
  await loadDemoPredictive(db, clock, 'Asia/Shanghai');
  progress('Catching up the SLA clocks of the past (their notifications filed as read)…');
  await backfillSlaQuietly(db, clock, 'Asia/Shanghai');
  progress('Filing the past week of daily digests…');
  await backfillPastDigests(db, clock, 'Asia/Shanghai', '', 7);

  return {
    teams: teams.size,
    users: users.size,
    pipelines: pipelines.length,
    customers: rows.customers.length,
    contacts: rows.contacts.length,
    deals: rows.deals.length,
    stageHistory: rows.history.length,
    activities: rows.activities.length,
    tasks: rows.tasks.length,
  };
}

/** Installs every shipped template once; a pipeline already installed from a template is reused. */
async function installAllTemplates(db: Db, clock: Clock): Promise<PipelineRef[]> {
  const keys = listTemplates().map((t) => t.key);
  for (const key of keys) {
    const present = await db
      .selectFrom('pipelines')
      .select('id')
      .where((eb) => eb.or([eb('template_key', '=', key), eb('key', '=', key)]))
      .executeTakeFirst();
    if (!present) await installTemplate(db, clock, systemActor('demo'), key);
  }
  await requireQuoteApprovalInDemo(db, clock);
  const rows = await db
    .selectFrom('pipelines')
    .selectAll()
    .where('archived', '=', 0)
    .where((eb) => eb.or([eb('template_key', 'in', keys), eb('key', 'in', keys)]))
    .orderBy('key')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    templateKey: row.template_key ?? row.key,
    stages: definitionOf(row).stages.map((s) => ({
      key: s.key,
      terminal: s.terminal,
      checklist: s.gate.checklist.map((c) => c.key),
      requiredFields: s.gate.requiredFields,
    })),
  }));
}

/** Multi-row inserts keep bound parameters well under SQLite's and PostgreSQL's limits. */
export async function insertBatches<T extends keyof Database>(db: Queryable, table: T, rows: Array<Database[T]>, size = 400): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    // Kysely's insert typing is per-table; the rows are exactly that table's row type.
    await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

const KEEP_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

/**
 * Empties every table of the current database/schema (whatever migrations added, not a fixed list) and keeps the
 * schema and migration bookkeeping. PostgreSQL: one TRUNCATE … CASCADE; SQLite: deletes with foreign keys deferred
 * to the commit, when all tables are empty.
 */
export async function resetDatabase(db: Db): Promise<string[]> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(db);
    const tables = rows.map((r) => r.tablename).filter((t) => !KEEP_TABLES.has(t));
    if (tables.length > 0) await sql`truncate ${sql.join(tables.map((t) => sql.id(t)))} restart identity cascade`.execute(db);
    return tables;
  }
  const { rows } = await sql<{ name: string; sql: string | null }>`select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  // Full-text indexes are emptied with their own command: deleting from their shadow tables would corrupt them.
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  const isIndexPart = (t: string) => virtual.some((v) => t === v || t.startsWith(`${v}_`));
  const tables = rows.map((r) => r.name).filter((t) => !KEEP_TABLES.has(t) && !isIndexPart(t));
  await db.transaction().execute(async (trx) => {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const table of tables) await sql`delete from ${sql.id(table)}`.execute(trx);
    for (const v of virtual) await sql`insert into ${sql.id(v)} (${sql.id(v)}) values ('delete-all')`.execute(trx);
  });
  return [...tables, ...virtual];
}
