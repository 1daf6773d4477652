/**
 * Generates the web app's API types from the OpenAPI document: builds the app in-process on an in-memory SQLite
 * database (no server, no network), takes `app.swagger()` and turns it into TypeScript with openapi-typescript.
 * `npm run gen:api` writes web/src/api/schema.d.ts; tests/unit/api-types.test.ts fails when the file is stale.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from './app.js';
import { ManualClock } from './core/clock.js';
import { loadConfig } from './core/config.js';
import { openDatabase } from './db/index.js';

export const API_TYPES_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'src', 'api', 'schema.d.ts');

const HEADER = '/**\n * Generated from the OpenAPI document by `npm run gen:api` (server/api-types.ts). Do not edit by hand.\n */\n\n';

/** The OpenAPI document as the running server would serve it at /api/openapi.json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'actionflow-openapi-'));
  const database = openDatabase('sqlite::memory:');
  try {
    // An empty environment: the document must not depend on the machine it is generated on.
    const config = loadConfig({ ACTIONFLOW_DATA_DIR: dir });
    const app = await buildApp({ database, clock: new ManualClock('2026-01-01T00:00:00.000Z'), config });
    await app.ready();
    const doc = app.swagger() as unknown as Record<string, unknown>;
    await app.close();
    return doc;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS((await openApiDocument()) as never, { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(API_TYPES_FILE, await generateApiTypes());
  console.log(`wrote ${API_TYPES_FILE}`);
}
