import { z } from 'zod';
import { coded } from '../../core/validation.js';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { ROLES } from '../../db/schema.js';
import { pageOf, responses } from '../../core/contract.js';
import { presentTeam, teamSchema, userSchema } from './presenter.js';
import { createTeam, createUser, listTeams, listUsers, TEAM_KINDS, updateUser } from './service.js';
import { getOrgSettings, orgSettingsBody, orgSettingsSchema, putOrgSettings } from './settings.js';

const role = z.enum(ROLES as unknown as [string, ...string[]]) as z.ZodType<(typeof ROLES)[number]>;

export const teamBody = z.object({
  name: z.string().trim().min(1).max(100),
  kind: z.enum(TEAM_KINDS),
  parentId: z.string().min(1).nullable().optional(),
});

export const userBody = z.object({
  username: z.string().trim().min(2).max(64).refine((v) => /^[a-zA-Z0-9._-]+$/.test(v), coded('invalid_username')),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(256),
  role,
  teamId: z.string().min(1),
  phone: z.string().trim().max(32).nullable().optional(),
  email: z.string().trim().email().max(200).nullable().optional(),
});

export const userPatchBody = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    role,
    teamId: z.string().min(1),
    phone: z.string().trim().max(32).nullable(),
    email: z.string().trim().email().max(200).nullable(),
    active: z.boolean(),
    password: z.string().min(8).max(256),
  })
  .partial();

const userListQuery = z.object({ role: role.optional(), q: z.string().max(100).optional(), team: z.string().optional() });

export async function orgRoutes(app: App, deps: Deps) {
  const { db, clock } = deps;

  app.get('/api/teams', { schema: { tags: ['org'], summary: 'The team tree (company → region → store/team), flat and ordered by path', response: responses({ 200: pageOf(teamSchema) }) } }, async (req) => {
    actorOf(req);
    const teams = await listTeams(db);
    return {
      items: teams.map(presentTeam),
      total: teams.length,
    };
  });

  app.post('/api/teams', { config: { ability: 'org.manage' }, schema: { tags: ['org'], summary: 'Create a team (admin)', body: teamBody, response: responses({ 201: teamSchema }, [400, 403, 404]) } }, async (req, reply) => {
    const actor = actorOf(req);
    const team = await createTeam(db, clock, actor, req.body);
    reply.code(201);
    return presentTeam(team);
  });

  app.get('/api/users', { schema: { tags: ['org'], summary: 'Users, filterable by role, team subtree and text', querystring: userListQuery, response: responses({ 200: pageOf(userSchema) }, [400]) } }, async (req) => {
    actorOf(req);
    const items = await listUsers(db, req.query);
    return { items, total: items.length };
  });

  app.post('/api/users', { config: { ability: 'org.manage' }, schema: { tags: ['org'], summary: 'Create a user and place them in a team (admin)', body: userBody, response: responses({ 201: userSchema }, [400, 403, 409]) } }, async (req, reply) => {
    const actor = actorOf(req);
    const user = await createUser(db, clock, actor, req.body);
    reply.code(201);
    return user;
  });

  app.patch(
    '/api/users/:id',
    { config: { ability: 'org.manage' }, schema: { tags: ['org'], summary: 'Change a user: role, team, contact data, active, password (admin)', params: idParams, body: userPatchBody, response: responses({ 200: userSchema }, [400, 403, 404]) } },
    async (req) => {
      const actor = actorOf(req);
      return updateUser(db, clock, actor, req.params.id, req.body);
    },
  );

  app.get(
    '/api/org-settings',
    { schema: { tags: ['org'], summary: 'Org-wide settings: how amounts are shown, which roles may hold API tokens and for how long', response: responses({ 200: orgSettingsSchema }) } },
    async (req) => {
      actorOf(req);
      return getOrgSettings(db);
    },
  );

  app.put(
    '/api/org-settings',
    { config: { ability: 'org.manage' }, schema: { tags: ['org'], summary: 'Change the org-wide settings (admin); a role losing the token permission loses its tokens', body: orgSettingsBody, response: responses({ 200: orgSettingsSchema }, [400, 403]) } },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction().execute((trx) => putOrgSettings(trx, clock, actor, req.body));
    },
  );
}
