/** Work orders (协作工单) with two-sided SLAs and escalation, and the assist-point ledger (助攻积分). */
import { defineModule } from '../../core/module.js';
import { WORKORDERS_CONSUMER } from './calendar-change.js';
import { workOrdersJob } from './escalation.js';
import { workOrderRoutes } from './routes.js';
import { findOrder, moveTeamPaths } from './repo.js';

export const workordersModule = defineModule({
  name: 'workorders',
  routes: workOrderRoutes,
  jobs: [workOrdersJob],
  consumers: [WORKORDERS_CONSUMER],
  // A helper outside the requester's scope sees the order, so they may also read and attach its files.
  hooks: { 'org.teamMoved': moveTeamPaths, 'files.participantCheck': async (db, actor, entity, id) => entity === 'work_order' && !!(await findOrder(db, actor, id)) },
});
