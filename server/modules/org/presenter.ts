import { z } from 'zod';
import { ROLES, type Role, type TeamsTable } from '../../db/schema.js';

export const roleSchema = z.enum(ROLES as unknown as [Role, ...Role[]]).meta({ id: 'Role' });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    active: z.boolean(),
    team: z.object({ id: z.string(), name: z.string(), kind: z.string(), path: z.string() }),
  })
  .meta({ id: 'User' });
export type UserOut = z.infer<typeof userSchema>;

export const teamSchema = z
  .object({ id: z.string(), parentId: z.string().nullable(), name: z.string(), kind: z.string(), path: z.string(), depth: z.number().int() })
  .meta({ id: 'Team' });

export function presentUser(row: {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  phone: string | null;
  email: string | null;
  active: number;
  team_id: string;
  team_name: string;
  team_kind: string;
  team_path: string;
}): UserOut {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    phone: row.phone,
    email: row.email,
    active: row.active === 1,
    team: { id: row.team_id, name: row.team_name, kind: row.team_kind, path: row.team_path },
  };
}

/** Depth below the root: the path of a top-level team is `/<id>/`. */
export function presentTeam(t: Pick<TeamsTable, 'id' | 'parent_id' | 'name' | 'kind' | 'path'>) {
  return { id: t.id, parentId: t.parent_id, name: t.name, kind: t.kind, path: t.path, depth: t.path.split('/').length - 3 };
}
