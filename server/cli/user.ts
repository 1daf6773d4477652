import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { ROLES, type Role } from '../db/schema.js';
import type { Queryable } from '../db/index.js';
import { CliError, withDatabase } from './context.js';
import { systemActor } from '../core/policy.js';

interface AddOptions {
  username: string;
  name: string;
  role: string;
  team: string;
  password?: string;
  phone?: string;
  email?: string;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage users 用户');
  user
    .command('add')
    .description('Create a user (no prompts). Without --password a random one is generated and printed once.')
    .requiredOption('--username <username>', 'login name: letters, digits, . _ -')
    .requiredOption('--name <displayName>', 'display name, e.g. 李婷')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .requiredOption('--team <team>', 'team id or exact team name, e.g. 华东一组（杭州）')
    .option('--password <password>', 'at least 8 characters')
    .option('--phone <phone>')
    .option('--email <email>')
    .action(async (options: AddOptions) => {
      if (!/^[a-zA-Z0-9._-]{2,64}$/.test(options.username)) throw new CliError('--username: 2–64 letters, digits, . _ - only');
      if (!ROLES.includes(options.role as Role)) throw new CliError(`--role: must be one of ${ROLES.join(', ')}`);
      if (options.password !== undefined && options.password.length < 8) throw new CliError('--password: at least 8 characters');
      const password = options.password ?? randomBytes(12).toString('base64url');
      const { createUser } = await import('../modules/org/service.js');
      await withDatabase(async (database) => {
        const team = await resolveTeam(database.db, options.team);
        const created = await createUser(database.db, systemClock, systemActor('cli'), {
          username: options.username,
          displayName: options.name,
          password,
          role: options.role as Role,
          teamId: team.id,
          phone: options.phone ?? null,
          email: options.email ?? null,
        });
        console.log(`Created user ${created.username} (${created.role}) in ${team.name} — id ${created.id}`);
        if (options.password === undefined) console.log(`Password (shown once): ${password}`);
      });
    });
}

async function resolveTeam(db: Queryable, ref: string): Promise<{ id: string; name: string }> {
  const byId = await db.selectFrom('teams').select(['id', 'name']).where('id', '=', ref).executeTakeFirst();
  if (byId) return byId;
  const byName = await db.selectFrom('teams').select(['id', 'name']).where('name', '=', ref).execute();
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) throw new CliError(`--team: ${byName.length} teams are named "${ref}"; give the team id instead (${byName.map((t) => t.id).join(', ')})`);
  const all = await db.selectFrom('teams').select('name').orderBy('path').execute();
  throw new CliError(`--team: no team with id or name "${ref}". Teams: ${all.map((t) => t.name).join(', ') || '(none — run `actionflow demo` or create teams first)'}`);
}
