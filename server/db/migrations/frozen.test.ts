import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeCompanyName, normalizePhone } from '../../modules/leads/normalize.js';
import * as frozen from './frozen/normalize-0007.js';

const dir = 'server/db/migrations';
const files = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? files(join(d, f)) : [join(d, f)]));

describe('migrations are frozen', () => {
  it('no migration imports live code: only kysely, the dialect type and files of the migrations folder', () => {
    for (const file of files(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      const imports = [...readFileSync(file, 'utf8').matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      for (const spec of imports) {
        const allowed = spec === 'kysely' || spec === '../index.js' || spec === '../../index.js' || spec.startsWith('./');
        expect(allowed, `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  it('the frozen normalisers still agree with today’s on the usual inputs (a difference is a reason for a new migration)', () => {
    for (const phone of ['+86 138-0013-8000', '008613800138000', '021-6234 5678', null]) expect(frozen.normalizePhone(phone)).toBe(normalizePhone(phone));
    for (const name of ['杭州康捷医疗科技有限公司', 'Acme Co., Ltd.', '（有限公司）']) expect(frozen.normalizeCompanyName(name)).toBe(normalizeCompanyName(name));
  });
});
