/** Reading the audit trail: the reader's scope applies to the record the trail belongs to. */
import { notFound } from '../../core/errors.js';
import { authorize, can, inScope, scopeOf, type Actor } from '../../core/policy.js';
import type { Queryable } from '../../db/index.js';
import { placeOf } from '../../core/record-scope.js';
import { presentAuditEntry } from './presenter.js';
import { listAudit } from './repo.js';

async function assertCanReadAudit(db: Queryable, actor: Actor, entity: string, id: string) {
  const place = await placeOf(db, entity, id);
  if (place === 'config') {
    authorize(actor, 'audit.readUnscoped');
    return;
  }
  // Deleted records keep their audit trail; only org-wide readers (admins, directors) may read those.
  if (place === null) {
    if (can(actor, 'audit.readUnscoped')) return;
    throw notFound('Record');
  }
  if (!inScope(scopeOf(actor), place)) throw notFound('Record');
}

/** The trail of one record, newest first; hidden fields are removed on the way out (core/redact.ts). */
export async function readAuditTrail(db: Queryable, actor: Actor, entity: string, id: string) {
  await assertCanReadAudit(db, actor, entity, id);
  const items = (await listAudit(db, entity, id)).map(presentAuditEntry);
  return { items, total: items.length };
}
