import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizePhone } from '../../modules/customers/normalize.js';
import * as frozen from './frozen/normalize-0007.js';
import { migrationNames, type MigrationFile } from './index.js';

const dir = 'server/db/migrations';
const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));

describe('migrations are frozen', () => {
  it('no migration imports live code: only kysely, the dialect type and files of the migrations folder', () => {
    for (const file of files(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const spec of imports) {
        const allowed = spec === 'kysely' || (file.endsWith('index.ts') && spec === 'node:fs') || spec === '../index.js' || spec === '../../index.js' || spec.startsWith('./');
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('the frozen normalisers still agree with today’s on the usual inputs (a difference is a reason for a new migration)', () => {
    for (const phone of ['+86 138-0013-8000', '008613800138000', '021-6234 5678', null]) expect(frozen.normalizePhone(phone)).toBe(normalizePhone(phone));
    for (const name of ['杭州康捷医疗科技有限公司', 'Acme Co., Ltd.', '（有限公司）']) expect(frozen.normalizeCompanyName(name)).toBe(normalizeCompanyName(name));
  });

  it('the set is every numbered file of the folder; the names that shipped never change or go away', async () => {
    const shipped = ['0001_foundation', '0002_notifications', '0003_sla', '0004_rules', '0005_cadences', '0006_appointments', '0007_leads', '0008_digests', '0009_list_indexes', '0011_time_engine', '0012_hardening', '0013_search_and_board', '0015_work_orders', '0016_approvals', '0017_imports', '0018_frontline', '0019_insight_indexes', '0022_money', '0023_health', '0024_field_logging', '0025_platforms', '0026_predictive', '0030_dashboard_subscriptions'];
    const names = migrationNames();
    expect(shipped.filter((name) => !names.includes(name))).toEqual([]);
    const numbered = readdirSync(dir).filter((f) => /^\d{4}_/.test(f) && f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(names).toEqual(numbered.map((f) => f.replace(/\.ts$/, '')).sort());
    expect(new Set(names.map((n) => n.slice(0, 4))).size, 'two migrations share a number').toBe(names.length);
    for (const name of names) {
      const file = (await import(/* @vite-ignore */ new URL(`./${name}.ts`, import.meta.url).href)) as MigrationFile;
      expect(typeof file.up, `${name} exports up(db, dialect)`).toBe('function');
    }
  });
});
