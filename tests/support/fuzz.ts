/**
 * Property-based fuzzing generated from /api/openapi.json (issue 14). For every operation, fast-check builds
 * requests from the declared parameters and body schema, mixed with mutations (wrong types, junk strings, prototype
 * names, impossible dates, deep nesting), and checks three properties of every answer: no 5xx; every non-2xx has
 * the `{ error: { code, message } }` shape; every 2xx matches the declared response schema (ajv, the validator
 * Fastify already brings). Used by tests/api/fuzz.test.ts (fixed seed, few runs) and `npm run fuzz` (long runs).
 */
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import fc from 'fast-check';
import type { App } from '../../server/core/http.js';

export type Schema = Record<string, unknown> & { $ref?: string };
interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface FuzzTotals {
  operations: number;
  requests: number;
  status5xx: number;
  badErrorShape: number;
  schemaMismatch: number;
  failures: string[];
}

const JUNK_STRINGS = ['toString', '__proto__', 'constructor', '2026-02-30', '9999-99-99', '', ' ', '%', '../../etc/passwd', '\u202e', '💥', 'x'.repeat(300), "' or 1=1 --", '-1', 'NaN', 'null'];

export function deref(doc: Record<string, unknown>, schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; i < 10 && s.$ref; i++) {
    s = s.$ref.slice(2).split('/').reduce<Record<string, unknown>>((node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>, doc) as Schema;
  }
  return s;
}

/** Values that satisfy the schema most of the time (the server must then answer 2xx or a clean 4xx). */
function valid(doc: Record<string, unknown>, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = deref(doc, schema);
  const nullable = s.nullable === true ? (a: fc.Arbitrary<unknown>) => fc.oneof(a, fc.constant(null)) : (a: fc.Arbitrary<unknown>) => a;
  if (Array.isArray(s.enum)) return nullable(fc.constantFrom(...(s.enum as unknown[])));
  const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (variants?.length) return fc.oneof(...variants.map((v) => valid(doc, v, depth + 1)));
  if (Array.isArray(s.allOf) && s.allOf.length) return valid(doc, s.allOf[0] as Schema, depth + 1);
  switch (s.type) {
    case 'string': {
      const min = Number(s.minLength ?? 0);
      const max = Math.min(Number(s.maxLength ?? 40), min + 40);
      if (s.format === 'date-time') return nullable(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString()));
      if (s.format === 'email') return nullable(fc.constantFrom('a@example.com', 'x.y@example.cn'));
      if (s.format === 'uri') return nullable(fc.constantFrom('https://example.com/hook', 'http://127.0.0.1:9/x'));
      return nullable(fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.constantFrom('2026-11-02', '13800138000', 'A', 'admin')));
    }
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : -1000;
      const max = typeof s.maximum === 'number' ? s.maximum : 1_000_000;
      return nullable(s.type === 'integer' ? fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31) }) : fc.double({ min, max, noNaN: true }));
    }
    case 'boolean':
      return nullable(fc.boolean());
    case 'array':
      return depth > 3 ? fc.constant([]) : nullable(fc.array(valid(doc, s.items as Schema, depth + 1), { maxLength: 3 }));
    case 'object':
    default: {
      const props = (s.properties ?? {}) as Record<string, Schema>;
      if (depth > 3 || Object.keys(props).length === 0) return nullable(fc.constant({}));
      const required = new Set((s.required as string[] | undefined) ?? []);
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, v]) => [k, valid(doc, v, depth + 1)])), {
        requiredKeys: Object.keys(props).filter((k) => required.has(k)),
      });
      return nullable(record);
    }
  }
}

/** Mutations: what an attacker or a broken client sends instead. */
function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(...JUNK_STRINGS),
    fc.integer(),
    fc.constantFrom(null, true, [], {}, [[[]]], { __proto__: { admin: true } }, { constructor: { prototype: 1 } }),
    fc.constant(JSON.parse(`${'['.repeat(2000)}${']'.repeat(2000)}`)),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

const maybeJunk = (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: junk() });

function requestArb(doc: Record<string, unknown>, op: Operation, ids: string[]): fc.Arbitrary<{ url: string; body?: unknown; contentType?: string }> {
  const params = op.parameters ?? [];
  const pathArbs = params.filter((p) => p.in === 'path').map((p) => fc.oneof(fc.constantFrom(...ids), fc.constantFrom(...JUNK_STRINGS.filter(Boolean)), fc.uuid()).map((v) => [p.name, v] as const));
  const queryArbs = params
    .filter((p) => p.in === 'query')
    .map((p) => fc.option(maybeJunk(valid(doc, p.schema)), { nil: undefined }).map((v) => [p.name, v] as const));
  const content = op.requestBody?.content ?? {};
  const bodySchema = content['application/json']?.schema ?? Object.values(content)[0]?.schema;
  const bodyArb = op.requestBody ? maybeJunk(valid(doc, bodySchema)) : fc.constant(undefined);
  const multipart = Boolean(content['multipart/form-data']);
  return fc.tuple(fc.tuple(...pathArbs), fc.tuple(...queryArbs), bodyArb).map(([path, query, body]) => {
    let url = op.path;
    for (const [name, value] of path) url = url.replace(`{${name}}`, encodeURIComponent(String(value)));
    const qs = query
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`)
      .join('&');
    if (qs) url += `?${qs}`;
    if (multipart) return { url, body: 'not really multipart', contentType: 'multipart/form-data; boundary=zzz' };
    return { url, body: op.requestBody ? body : undefined };
  });
}

const SKIP = new Set(['post /api/auth/logout', 'post /api/me/password', 'post /api/auth/login']);

/**
 * Runs `runs` generated requests against every operation, as the user `send` logs in as. A seed makes a CI run
 * repeat exactly; failures are collected (not thrown) so one run reports every broken operation.
 */
export async function fuzzOperations(
  app: App,
  send: (req: { method: string; url: string; payload?: string; headers?: Record<string, string> }) => Promise<{ statusCode: number; body: string }>,
  options: { runs: number; seed: number; ids: string[] },
): Promise<FuzzTotals> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Record<string, unknown> & { paths: Record<string, Record<string, Operation>> };
  const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  // ajv-formats is CommonJS: its default export arrives wrapped under NodeNext.
  const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const totals: FuzzTotals = { operations: 0, requests: 0, status5xx: 0, badErrorShape: 0, schemaMismatch: 0, failures: [] };
  const validators = new Map<string, ValidateFunction | null>();
  const responseValidator = (path: string, method: string, status: number): ValidateFunction | null => {
    const key = `${method} ${path} ${status}`;
    if (!validators.has(key)) {
      const declared = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema;
      const pointer = `openapi.json#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${status}/content/application~1json/schema`;
      let compiled: ValidateFunction | null = null;
      try {
        compiled = declared ? ajv.compile({ $ref: pointer }) : null;
      } catch {
        // A schema ajv cannot compile (e.g. `nullable` without `type`) is checked by the route's own serializer.
      }
      validators.set(key, compiled);
    }
    return validators.get(key) ?? null;
  };

  for (const [path, ops] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/')) continue;
    for (const [method, op] of Object.entries(ops)) {
      if (SKIP.has(`${method} ${path}`)) continue;
      totals.operations++;
      const arb = requestArb(doc, { ...op, method, path }, options.ids);
      await fc.assert(
        fc.asyncProperty(arb, async (req) => {
          totals.requests++;
          const headers: Record<string, string> = {};
          let payload: string | undefined;
          if (req.body !== undefined) {
            headers['content-type'] = req.contentType ?? 'application/json';
            payload = typeof req.body === 'string' && req.contentType ? req.body : JSON.stringify(req.body);
          }
          const res = await send({ method: method.toUpperCase(), url: req.url, payload, headers });
          const where = `${method.toUpperCase()} ${req.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) {
            totals.status5xx++;
            totals.failures.push(`5xx: ${where}`);
            return;
          }
          const isJson = res.body.startsWith('{') || res.body.startsWith('[');
          const body: unknown = isJson ? JSON.parse(res.body) : res.body;
          // A browser hand-over (the platform sign-in's return address) answers every outcome with the redirect it
          // documents, a refusal included (to the login page with its reason): no error body to check.
          if (res.statusCode >= 300 && res.statusCode < 400 && (op as { responses?: Record<string, unknown> }).responses?.[String(res.statusCode)]) return;
          if (res.statusCode >= 300) {
            const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
            if (typeof error?.code !== 'string' || typeof error?.message !== 'string') {
              totals.badErrorShape++;
              totals.failures.push(`error shape: ${where}`);
            }
            return;
          }
          const validate = isJson ? responseValidator(path, method, res.statusCode) : null;
          if (validate && !validate(body)) {
            totals.schemaMismatch++;
            totals.failures.push(`schema: ${where} ${ajv.errorsText(validate.errors)}`);
          }
        }),
        { numRuns: options.runs, seed: options.seed, endOnFailure: true },
      );
    }
  }
  return totals;
}
