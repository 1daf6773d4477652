import { readFileSync } from 'node:fs';
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
