/** Team business hours and closures (admin): audited, and running SLA clocks of the team move onto them. */
import { commandIn } from '../../core/command.js';
import type { Clock } from '../../core/clock.js';
import { notFound } from '../../core/errors.js';
import { authorize, type AnyActor } from '../../core/policy.js';
import type { Db } from '../../db/index.js';
import type { TeamScheduleBody } from './schedule-schema.js';
import { getTeamSchedule, saveTeamSchedule } from './schedules.js';

async function requireTeam(db: Db, teamId: string) {
  const team = await db.selectFrom('teams').select('id').where('id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound('Team');
}

export async function readTeamSchedule(db: Db, teamId: string) {
  await requireTeam(db, teamId);
  return getTeamSchedule(db, teamId);
}

export async function updateTeamSchedule(db: Db, clock: Clock, actor: AnyActor, teamId: string, body: TeamScheduleBody) {
  authorize(actor, 'calendar.manage');
  await requireTeam(db, teamId);
  return db.transaction().execute(async (trx) => {
    const { updatedAt: _a, updatedBy: _b, ...before } = await getTeamSchedule(trx, teamId);
    await saveTeamSchedule(trx, clock, teamId, body, actor.id);
    const after = await getTeamSchedule(trx, teamId);
    const { updatedAt: _c, updatedBy: _d, ...audited } = after;
    await commandIn(trx, clock, { entity: 'team_schedule', actorId: actor.id }).recorded(teamId, 'update', { before, after: audited });
    // The SLA consumer recomputes the pending deadlines of the team's running clocks; closed ones keep their outcome.
    await commandIn(trx, clock, { entity: 'team', actorId: actor.id }).emit(teamId, { type: 'calendar.team_updated', payload: audited });
    return after;
  });
}
