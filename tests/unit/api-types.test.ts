import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../../server/api-types.js';

describe('web API types', () => {
  it('are the ones generated from the current OpenAPI document (run `npm run gen:api` after changing a route schema)', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    const fresh = await generateApiTypes();
    // Compare line by line first so a drift names the place, not just "differs".
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const first = b.findIndex((line, i) => line !== a[i]);
    expect(first === -1 && a.length === b.length ? null : { line: first + 1, committed: a[first], generated: b[first] }).toBeNull();
  }, 120_000);
});

describe('web API calls', () => {
  it('name their answer by a generated type, never an inline shape written by hand', () => {
    const webSrc = join(dirname(API_TYPES_FILE), '..');
    const files = readdirSync(webSrc, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    expect(files.length).toBeGreaterThan(50);
    const inline = files.flatMap((f) =>
      readFileSync(join(webSrc, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bapi\.(get|post|put|patch|delete)<(Page<)?\{/.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(inline).toEqual([]);
  });
});

describe('web query keys', () => {
  it('come from a factory (queryKeys or the feature’s own), never an array literal at the call', () => {
    const webSrc = join(dirname(API_TYPES_FILE), '..');
    const files = readdirSync(webSrc, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'));
    const literal = files.flatMap((f) =>
      readFileSync(join(webSrc, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/(queryKey: |QueryData\()\['/.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(literal).toEqual([]);
  });
});
