/**
 * Data sets of the time-engine bench (bench/time.ts), written with set-based SQL (`insert … select` over a number
 * series) so millions of rows take seconds, not minutes: historical events with their consumption rows, and SLA
 * clocks (timers) of which a given number are due. A small org with open deals comes from the bench generator.
 *
 * Database: `--db sqlite` (a fresh file data/bench-time.db) or `--db postgres` (DATABASE_URL, default the local test
 * server, in a fresh schema actionflow_bench_time).
 */
import { rmSync } from 'node:fs';
import { sql } from 'kysely';
import { systemClock } from '../server/core/clock.js';
import { openDatabase, type Db, type DatabaseHandle, type Dialect } from '../server/db/index.js';
import { generateBenchData } from './generate.js';

export const TIME_SQLITE_FILE = './data/bench-time.db';
export const TIME_SCHEMA = 'actionflow_bench_time';
export const pgUrl = () => process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function timeBenchUrl(dialect: Dialect): string {
  return dialect === 'sqlite' ? `sqlite:${TIME_SQLITE_FILE}` : pgUrl();
}

/** A fresh, migrated bench database holding a small org (2,000 customers, one deal each, no activities). */
export async function freshTimeDatabase(dialect: Dialect, log: (m: string) => void): Promise<DatabaseHandle> {
  if (dialect === 'sqlite') for (const suffix of ['', '-wal', '-shm']) rmSync(`${TIME_SQLITE_FILE}${suffix}`, { force: true });
  else {
    const admin = openDatabase(pgUrl());
    await sql`drop schema if exists ${sql.id(TIME_SCHEMA)} cascade`.execute(admin.db);
    await admin.close();
  }
  const database = openDatabase(timeBenchUrl(dialect), dialect === 'postgres' ? { schema: TIME_SCHEMA } : {});
  await database.migrate();
  await generateBenchData(database.db, systemClock, { customers: 2000, regions: 1, teamsPerRegion: 4, sellersPerTeam: 5, dealsPerCustomer: 1, activitiesPerCustomer: 0, seed: 1 }, () => {});
  log(`${dialect}: migrated, org with ${await count(database.db, 'deals', sql`status = 'open'`)} open deals`);
  return database;
}

export const count = async (db: Db, table: string, where = sql`1 = 1`) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0].n);

/** `from … as s(i)` with i = 1…n. */
function series(dialect: Dialect, n: number) {
  return dialect === 'postgres'
    ? sql`generate_series(1, ${sql.lit(n)}) as s(i)`
    : sql`(with recursive r(i) as (select 1 union all select i + 1 from r where i < ${sql.lit(n)}) select i from r) as s`;
}

/** The ISO-8601 text (`2026-11-30T12:00:00.000Z`) of an epoch-milliseconds SQL expression. */
function iso(dialect: Dialect, epochMs: ReturnType<typeof sql>) {
  return dialect === 'postgres'
    ? sql`to_char(to_timestamp((${epochMs})::double precision / 1000) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : sql`strftime('%Y-%m-%dT%H:%M:%fZ', (${epochMs}) / 1000.0, 'unixepoch')`;
}

/**
 * `n` events, one a second ending `endMs`, all consumed by `consumer` (one consumption row each), in chunks so a
 * chunk's transaction stays small. Returns the highest seq.
 */
export async function insertConsumedHistory(db: Db, dialect: Dialect, n: number, endMs: number, consumer: string, log: (m: string) => void): Promise<number> {
  const chunk = 500_000;
  for (let done = 0; done < n; done += chunk) {
    const size = Math.min(chunk, n - done);
    const at = iso(dialect, sql`${sql.lit(endMs - n * 1000)} + (${sql.lit(done)} + i) * 1000.0`);
    await db.transaction().execute(async (trx) => {
      await sql`insert into events (id, type, entity, entity_id, actor_id, payload, occurred_at)
        select 'hist-' || (${sql.lit(done)} + i), 'activity.created', 'activity', 'a-' || (${sql.lit(done)} + i), null, '{}', ${at} from ${series(dialect, size)}`.execute(trx);
      await sql`insert into event_consumptions (consumer, event_id, processed_at)
        select ${consumer}, 'hist-' || (${sql.lit(done)} + i), ${at} from ${series(dialect, size)}`.execute(trx);
    });
    log(`  events ${done + size} / ${n}`);
  }
  return Number((await sql<{ s: string }>`select max(seq) as s from events`.execute(db)).rows[0].s);
}

/**
 * `total` active SLA timers (single-level ladder, owner notified): the first `due` fall due one after another between
 * `dueFromMs` and `dueToMs`, on the org's open deals in turn; the rest are due in the 30 days after `futureFromMs`, on
 * subjects that never need reading (they never fall due during the bench).
 */
export async function insertTimers(
  db: Db,
  dialect: Dialect,
  o: { total: number; due: number; dueFromMs: number; dueToMs: number; futureFromMs: number; ladder?: string; tag?: string },
  log: (m: string) => void,
): Promise<void> {
  const ladder = o.ladder ?? JSON.stringify([{ after: '1wd', since: 'entry', colour: 'red', notify: ['owner'] }]);
  const tag = o.tag ?? 'bench';
  const anchor = new Date(o.dueFromMs - 86_400_000).toISOString();
  // Open deals numbered 0…k-1, so timer i takes deal i mod k.
  await sql`drop table if exists bench_open_deals`.execute(db);
  await sql`create table bench_open_deals as select row_number() over (order by id) - 1 as rn, id, stage_key from deals where status = 'open'`.execute(db);
  const k = await count(db, 'bench_open_deals');
  const cols = sql`id, subject_type, subject_id, kind, stage_key, ladder, anchor_at, next_level, due_at, last_due_at, level_reached, colour, status, cancel_reason, team_id, created_at, updated_at`;
  const step = o.due > 1 ? (o.dueToMs - o.dueFromMs) / (o.due - 1) : 0;
  if (o.due > 0) {
    const dueAt = iso(dialect, sql`${sql.lit(o.dueFromMs)} + (i - 1) * ${sql.lit(step)}`);
    await sql`insert into sla_timers (${cols})
      select ${tag} || '-due-' || i, 'deal', d.id, 'stage_dwell', d.stage_key, ${ladder}, ${anchor}, 1, ${dueAt}, null, 0, 'on_time', 'active', null, null, ${anchor}, ${anchor}
      from ${series(dialect, o.due)} join bench_open_deals d on d.rn = (i - 1) % ${sql.lit(k)}`.execute(db);
  }
  const chunk = 250_000;
  const rest = o.total - o.due;
  for (let done = 0; done < rest; done += chunk) {
    const size = Math.min(chunk, rest - done);
    const dueAt = iso(dialect, sql`${sql.lit(o.futureFromMs)} + ((${sql.lit(done)} + i) % 2592000) * 1000.0`);
    await sql`insert into sla_timers (${cols})
      select ${tag} || '-later-' || (${sql.lit(done)} + i), 'deal', 'later-' || (${sql.lit(done)} + i), 'stage_dwell', 'qualify', ${ladder}, ${anchor}, 1, ${dueAt}, null, 0, 'on_time', 'active', null, null, ${anchor}, ${anchor}
      from ${series(dialect, size)}`.execute(db);
    log(`  timers ${o.due + done + size} / ${o.total}`);
  }
  await sql`drop table bench_open_deals`.execute(db);
  await analyze(db, dialect, ['sla_timers']);
}

/** Planner statistics (and PostgreSQL's visibility map, for index-only scans) for the tables just filled. */
export async function analyze(db: Db, dialect: Dialect, tables: string[]) {
  await sql.raw(dialect === 'postgres' ? `vacuum analyze ${tables.join(', ')}` : 'analyze').execute(db);
}
