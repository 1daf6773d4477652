/**
 * Retiring a pipeline: archived pipelines disappear from the list new deals pick from (createDeal refuses them),
 * while their existing deals keep working; a pipeline no deal has ever used can be deleted outright.
 */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { AppError, notFound } from '../../core/errors.js';
import { auditActorId, authorize, type AnyActor } from '../../core/policy.js';
import type { Db } from '../../db/index.js';
import { getPipeline } from './service.js';
import { findPipeline } from './repo.js';
import { presentPipeline } from './presenter.js';

export async function setArchived(db: Db, clock: Clock, actor: AnyActor, idOrKey: string, archived: boolean) {
  authorize(actor, 'pipeline.manage');
  const id = await db.transaction().execute(async (trx) => {
    const row = await findPipeline(trx, idOrKey);
    if (!row) throw notFound('Pipeline');
    if ((row.archived === 1) === archived) return row.id;
    const now = clock.now().toISOString();
    await trx.updateTable('pipelines').set({ archived: archived ? 1 : 0, updated_at: now }).where('id', '=', row.id).execute();
    await commandIn(trx, clock, { entity: 'pipeline', actorId: auditActorId(actor) }).recorded(row.id, archived ? 'archive' : 'unarchive', { before: { archived: row.archived === 1 }, after: { archived } });
    return row.id;
  });
  return presentPipeline(await getPipeline(db, id), { definition: true });
}

export async function deletePipeline(db: Db, clock: Clock, actor: AnyActor, idOrKey: string) {
  authorize(actor, 'pipeline.manage');
  await db.transaction().execute(async (trx) => {
    const row = await findPipeline(trx, idOrKey);
    if (!row) throw notFound('Pipeline');
    const used = await trx.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('pipeline_id', '=', row.id).executeTakeFirstOrThrow();
    if (Number(used.n) > 0) throw new AppError('CONFLICT', 'pipeline_in_use', { params: { count: Number(used.n) } });
    await trx.deleteFrom('pipelines').where('id', '=', row.id).execute();
    await commandIn(trx, clock, { entity: 'pipeline', actorId: auditActorId(actor) }).recorded(row.id, 'delete', { before: { key: row.key, name: row.name } });
  });
}
