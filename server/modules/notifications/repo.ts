import type { Queryable } from '../../db/index.js';
import type { InboxQuery, OutboxQuery } from './schema.js';
import { presentNotification, presentOutbox } from './presenter.js';


export async function listInbox(db: Queryable, userId: string, query: InboxQuery) {
  let base = db.selectFrom('notifications').where('user_id', '=', userId);
  if (query.unread === 'true') base = base.where('read_at', 'is', null);
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const unread = await db
    .selectFrom('notifications')
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { items: rows.map(presentNotification), total: Number(total.n), unread: Number(unread.n) };
}

export async function findOwnNotification(db: Queryable, userId: string, id: string) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
}

export async function markRead(db: Queryable, userId: string, ids: string[] | 'all', at: string): Promise<number> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') q = q.where('id', 'in', ids);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}


const outboxWithChannel = (db: Queryable) =>
  db.selectFrom('outbox').leftJoin('channels', 'channels.id', 'outbox.channel_id').selectAll('outbox').select('channels.name as channel_name');

export async function listOutbox(db: Queryable, query: OutboxQuery) {
  let base = db.selectFrom('outbox');
  if (query.status) base = base.where('outbox.status', '=', query.status);
  if (query.kind) base = base.where('outbox.kind', '=', query.kind);
  if (query.channelId) base = base.where('outbox.channel_id', '=', query.channelId);
  const ids = base.select('outbox.id');
  const rows = await outboxWithChannel(db)
    .where('outbox.id', 'in', ids)
    .orderBy('outbox.created_at', 'desc')
    .orderBy('outbox.id')
    .offset((query.page - 1) * query.pageSize)
    .limit(query.pageSize)
    .execute();
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items: rows.map(presentOutbox), total: Number(total.n) };
}

export async function findOutbox(db: Queryable, id: string) {
  return outboxWithChannel(db).where('outbox.id', '=', id).executeTakeFirst();
}
