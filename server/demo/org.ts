import type { Role } from '../db/schema.js';

/** The one password of every demo account; printed by `serve` and listed in README.md. */
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_COMPANY = '杭州康捷医疗科技有限公司';

export type RegionKey = 'east' | 'south' | 'north';

export interface DemoTeam {
  key: string;
  name: string;
  kind: 'company' | 'region' | 'team';
  parent: string | null;
  region?: RegionKey;
}

/** company → 华东/华南/华北 → sales teams (named after the city they sit in). */
export const DEMO_TEAMS: DemoTeam[] = [
  { key: 'company', name: DEMO_COMPANY, kind: 'company', parent: null },
  { key: 'east', name: '华东大区', kind: 'region', parent: 'company', region: 'east' },
  { key: 'east1', name: '华东一组（杭州）', kind: 'team', parent: 'east', region: 'east' },
  { key: 'east2', name: '华东二组（合肥）', kind: 'team', parent: 'east', region: 'east' },
  { key: 'south', name: '华南大区', kind: 'region', parent: 'company', region: 'south' },
  { key: 'south1', name: '华南一组（广州）', kind: 'team', parent: 'south', region: 'south' },
  { key: 'south2', name: '华南二组（深圳）', kind: 'team', parent: 'south', region: 'south' },
  { key: 'north', name: '华北大区', kind: 'region', parent: 'company', region: 'north' },
  { key: 'north1', name: '华北一组（北京）', kind: 'team', parent: 'north', region: 'north' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  team: string;
  note: string;
}

const seller = (n: number, region: RegionKey, team: string, displayName: string): DemoUser => ({
  username: `seller_${region}${n}`,
  displayName,
  role: 'seller',
  team,
  note: `销售代表 · seller in ${team}`,
});

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', team: 'company', note: '配置流程、用户 · configures pipelines and users' },
  { username: 'director', displayName: '周建国', role: 'director', team: 'company', note: '销售总监，看全公司 · sales director, sees everything' },
  { username: 'rm_east', displayName: '陈海峰', role: 'regional_manager', team: 'east', note: '华东大区经理 · regional manager East' },
  { username: 'rm_south', displayName: '林志强', role: 'regional_manager', team: 'south', note: '华南大区经理 · regional manager South' },
  { username: 'rm_north', displayName: '赵立新', role: 'regional_manager', team: 'north', note: '华北大区经理 · regional manager North' },
  { username: 'lead_east1', displayName: '王敏', role: 'lead', team: 'east1', note: '华东一组组长 · team lead' },
  { username: 'lead_east2', displayName: '孙浩', role: 'lead', team: 'east2', note: '华东二组组长 · team lead' },
  { username: 'lead_south1', displayName: '黄丽娟', role: 'lead', team: 'south1', note: '华南一组组长 · team lead' },
  { username: 'lead_south2', displayName: '郑伟', role: 'lead', team: 'south2', note: '华南二组组长 · team lead' },
  { username: 'lead_north1', displayName: '刘洋', role: 'lead', team: 'north1', note: '华北一组组长 · team lead' },
  seller(1, 'east', 'east1', '李婷'),
  seller(2, 'east', 'east1', '张磊'),
  seller(3, 'east', 'east1', '吴佳怡'),
  seller(4, 'east', 'east2', '徐明'),
  seller(5, 'east', 'east2', '何静'),
  seller(6, 'east', 'east2', '马俊'),
  seller(1, 'south', 'south1', '梁晓燕'),
  seller(2, 'south', 'south1', '陈子豪'),
  seller(3, 'south', 'south2', '罗嘉欣'),
  seller(4, 'south', 'south2', '蔡文杰'),
  seller(1, 'north', 'north1', '杨帆'),
  seller(2, 'north', 'north1', '高雪'),
  { username: 'support', displayName: '客服 韩冰', role: 'support', team: 'company', note: '客服/售后，看不到金额 · support, never sees amounts' },
  { username: 'finance', displayName: '财务 冯倩', role: 'finance', team: 'company', note: '财务，回款 · finance' },
];

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  team: string;
  note: string;
}

const teamName = (key: string) => DEMO_TEAMS.find((t) => t.key === key)!.name;

/** Every demo account with its password, role and team name (what `serve` prints and README.md lists). */
export const DEMO_LOGINS: DemoLogin[] = DEMO_USERS.map((u) => ({
  username: u.username,
  password: DEMO_PASSWORD,
  role: u.role,
  team: teamName(u.team),
  note: u.note.replace(/ in (\w+)$/, (_m, key: string) => ` in ${teamName(key)}`),
}));

export function regionOfTeam(key: string): RegionKey | undefined {
  return DEMO_TEAMS.find((t) => t.key === key)?.region;
}
