/** Fixtures for work-order tests: a presales department with helpers, a lead and a type on it. */
import type { TestContext } from './app.js';
import { addUser } from './leads.js';

export interface PresalesDept {
  teamId: string;
  lead: string;
  helper1: string;
  helper2: string;
}

export async function addPresales(t: TestContext, name = '售前支持部'): Promise<PresalesDept> {
  const admin = await t.as('admin');
  const team = await admin({ method: 'POST', url: '/api/teams', payload: { name, kind: 'team', parentId: t.org.teams.company } });
  if (team.statusCode !== 201) throw new Error(`team: ${team.body}`);
  const teamId: string = team.json().id;
  const prefix = name === '售前支持部' ? 'presales' : `q${teamId.slice(0, 4)}`;
  return {
    teamId,
    lead: await addUser(t, `${prefix}_lead`, teamId, 'lead'),
    helper1: await addUser(t, `${prefix}_1`, teamId, 'seller'),
    helper2: await addUser(t, `${prefix}_2`, teamId, 'seller'),
  };
}

export async function addType(t: TestContext, body: Record<string, unknown>) {
  const res = await (await t.as('admin'))({ method: 'POST', url: '/api/work-order-types', payload: body });
  if (res.statusCode !== 201) throw new Error(`type: ${res.statusCode} ${res.body}`);
  return res.json();
}
