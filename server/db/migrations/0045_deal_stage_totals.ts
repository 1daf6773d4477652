import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * Board headers from maintained counters (issue 19 point 2): `deal_stage_totals` holds the number and amount of the
 * deals per (pipeline, stage, owner, team path) — the columns the board groups and scopes on — so a director's board
 * sums a few hundred counter rows instead of reading one index entry per deal (300,000 at full size).
 *
 * Database triggers keep it exact, not code in the write paths: services, imports, merges, hand-overs, team moves,
 * bulk SQL, the demo loader and the bench generator all write `deals` directly, and a trigger cannot be forgotten by
 * the next one. A decrement is a plain UPDATE (the row exists while a deal counted in it exists), so emptying tables
 * in any order (demo/bench reset) never leaves negative rows; an increment is an upsert.
 *
 * Rows reaching n = 0 stay: their number is bounded by the (pipeline, stage, owner, team) combinations ever used
 * (stages × sellers), a deal moving back and forth does not delete and re-insert them, and on PostgreSQL a row that
 * never goes away cannot race an upsert waiting on it.
 *
 * PostgreSQL: statement-level triggers with transition tables. One statement's changes are summed per key first (a
 * batch insert of 400 deals is a handful of upserts, an update that touches no counted column none), then applied in
 * key order: two transactions moving deals in opposite directions lock the same counter rows in the same order and
 * wait instead of deadlocking. TRUNCATE of deals empties the counters.
 */
const KEY = 'pipeline_id, stage_key, owner_id, team_path';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await db.schema
    .createTable('deal_stage_totals')
    .addColumn('pipeline_id', 'text', (c) => c.notNull())
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('team_path', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    // Pipeline first (every reader names one), then owner (a seller's own board is a prefix range).
    .addPrimaryKeyConstraint('deal_stage_totals_pk', ['pipeline_id', 'owner_id', 'team_path', 'stage_key'])
    // SQLite: the rows live in the key's b-tree, so a board reads one range of it and nothing else.
    // PostgreSQL: every deal write rewrites a counter row (a new row version); half-empty pages keep those updates
    // on their page (HOT), where they are pruned without waiting for vacuum, so the table stays a few pages.
    .$call((b) => b.modifyEnd(dialect === 'sqlite' ? sql`without rowid` : sql`with (fillfactor = 50)`))
    .execute();
  if (dialect === 'postgres') await postgresTriggers(run);
  else await sqliteTriggers(run);
  // Backfill after the triggers exist: on PostgreSQL creating them locked `deals` against writes until this commits.
  await run(`insert into deal_stage_totals (${KEY}, n, amount_fen)
    select ${KEY}, count(*), coalesce(sum(amount_fen), 0) from deals group by ${KEY}`);
}

const UPSERT = `on conflict (${KEY}) do update set n = deal_stage_totals.n + excluded.n, amount_fen = deal_stage_totals.amount_fen + excluded.amount_fen`;

async function sqliteTriggers(run: (text: string) => Promise<unknown>) {
  const add = (row: 'new') => `insert into deal_stage_totals (${KEY}, n, amount_fen)
      values (${row}.pipeline_id, ${row}.stage_key, ${row}.owner_id, ${row}.team_path, 1, ${row}.amount_fen) ${UPSERT};`;
  const remove = (row: 'old') => `update deal_stage_totals set n = n - 1, amount_fen = amount_fen - ${row}.amount_fen
      where pipeline_id = ${row}.pipeline_id and owner_id = ${row}.owner_id and team_path = ${row}.team_path and stage_key = ${row}.stage_key;`;
  const changed = ['pipeline_id', 'stage_key', 'owner_id', 'team_path', 'amount_fen'].map((c) => `old.${c} is not new.${c}`).join(' or ');
  await run(`create trigger deals_totals_insert after insert on deals begin ${add('new')} end`);
  await run(`create trigger deals_totals_update after update of pipeline_id, stage_key, owner_id, team_path, amount_fen on deals
    when ${changed} begin ${remove('old')} ${add('new')} end`);
  await run(`create trigger deals_totals_delete after delete on deals begin ${remove('old')} end`);
}

async function postgresTriggers(run: (text: string) => Promise<unknown>) {
  // changes(key…, n, amount): +1 per new row, −1 per old row; on update only rows whose counted columns changed.
  const apply = (changes: string) => `
    insert into deal_stage_totals (${KEY}, n, amount_fen)
      select ${KEY}, sum(n), sum(amount) from (${changes}) c
      group by ${KEY} having sum(n) <> 0 or sum(amount) <> 0
      order by ${KEY}
    ${UPSERT};`;
  const rows = (table: string, sign: string, where = '') => `select ${KEY.split(', ').map((c) => `${table}.${c}`).join(', ')}, ${sign}1 as n, ${sign}${table}.amount_fen as amount from ${where || table}`;
  const moved = `old_rows o join new_rows w on w.id = o.id
    where (o.pipeline_id, o.stage_key, o.owner_id, o.team_path, o.amount_fen) is distinct from (w.pipeline_id, w.stage_key, w.owner_id, w.team_path, w.amount_fen)`;
  await run(`create function deal_stage_totals_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then ${apply(rows('new_rows', '+'))}
      elsif tg_op = 'DELETE' then ${apply(rows('old_rows', '-'))}
      else ${apply(`${rows('o', '-', moved)} union all ${rows('w', '+', moved)}`)}
      end if;
      return null;
    end $$`);
  await run(`create function deal_stage_totals_truncate() returns trigger language plpgsql as $$
    begin delete from deal_stage_totals; return null; end $$`);
  await run(`create trigger deals_totals_insert after insert on deals referencing new table as new_rows for each statement execute function deal_stage_totals_apply()`);
  await run(`create trigger deals_totals_update after update on deals referencing old table as old_rows new table as new_rows for each statement execute function deal_stage_totals_apply()`);
  await run(`create trigger deals_totals_delete after delete on deals referencing old table as old_rows for each statement execute function deal_stage_totals_apply()`);
  await run(`create trigger deals_totals_truncate after truncate on deals for each statement execute function deal_stage_totals_truncate()`);
}
