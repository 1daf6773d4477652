import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepared } from '../../server/db/prepared.js';
import { scopeOfShape, scopePredicate, scopeShape } from '../../server/modules/org/scope-sql.js';
import type { Scope } from '../../server/modules/org/scope.js';
import { openTestDatabase } from '../support/database.js';

/**
 * Prepared statements (db/prepared.ts): compiled once per dialect and shape, each call answers with its own values —
 * including values embedded in a parameter (a subtree's upper bound) and constants of the statement; a builder that
 * transforms or drops a value is refused instead of running the wrong statement.
 */
describe('prepared statements', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    const now = '2026-11-02T01:00:00.000Z';
    await database.db
      .insertInto('audit_log')
      .values(
        ['a/', 'a/b/', 'a/c/', 'ab/', 'z/'].map((path, i) => ({ id: `p-${i}`, entity: 'probe', entity_id: path, action: i % 2 ? 'odd' : 'even', actor_id: `u-${i}`, at: now, before: null, after: null })),
      )
      .execute();
  });
  afterAll(async () => database.drop());

  // The audit table stands in for a scoped one: entity_id plays the team path, actor_id the owner.
  const probe = prepared((db, v: { action: string; scopeValue?: string }, shape) =>
    db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'probe')
      .where('action', '=', v.action)
      .where(scopePredicate(scopeOfShape(shape, v), 'audit_log.actor_id', 'audit_log.entity_id'))
      .orderBy('id'),
  );

  const ids = async (scope: Scope, action: string) => {
    const { shape, values } = scopeShape(scope);
    return (await probe(database.db, { action, ...values }, shape)).map((r) => r.id);
  };

  it('answers each call with its own values, per scope shape', async () => {
    expect(await ids({ kind: 'all' }, 'even')).toEqual(['p-0', 'p-2', 'p-4']);
    expect(await ids({ kind: 'all' }, 'odd')).toEqual(['p-1', 'p-3']);
    expect(await ids({ kind: 'own', userId: 'u-2' }, 'even')).toEqual(['p-2']);
    expect(await ids({ kind: 'own', userId: 'u-3' }, 'odd')).toEqual(['p-3']);
    // The subtree's upper bound embeds the path: rebuilt for every call, so "a/" does not answer for "z/".
    expect(await ids({ kind: 'subtree', path: 'a/' }, 'even')).toEqual(['p-0', 'p-2']);
    expect(await ids({ kind: 'subtree', path: 'z/' }, 'even')).toEqual(['p-4']);
    expect(await ids({ kind: 'subtree', path: 'a/b/' }, 'odd')).toEqual(['p-1']);
  });

  it('inserts with the values of each call, in a transaction too', async () => {
    const insert = prepared((db, row: { id: string; entity: string; entity_id: string; action: string; actor_id: string | null; at: string; before: string | null; after: string | null }) =>
      db.insertInto('audit_log').values(row),
    );
    await database.db.transaction().execute(async (trx) => {
      for (const n of [1, 2]) await insert(trx, { id: `ins-${n}`, entity: 'ins', entity_id: `e-${n}`, action: 'create', actor_id: null, at: `2026-11-0${n}T00:00:00.000Z`, before: null, after: `{"n":${n}}` });
    });
    const rows = await database.db.selectFrom('audit_log').select(['id', 'entity_id', 'at', 'after', 'actor_id']).where('entity', '=', 'ins').orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'ins-1', entity_id: 'e-1', at: '2026-11-01T00:00:00.000Z', after: '{"n":1}', actor_id: null },
      { id: 'ins-2', entity_id: 'e-2', at: '2026-11-02T00:00:00.000Z', after: '{"n":2}', actor_id: null },
    ]);
  });

  it('refuses a builder that transforms a value instead of passing it', async () => {
    const lowered = prepared((db, v: { action: string }) => db.selectFrom('audit_log').select('id').where('action', '=', v.action.slice(1)));
    await expect(lowered(database.db, { action: 'EVEN' })).rejects.toThrow(/action not used as parameters/);
  });
});
