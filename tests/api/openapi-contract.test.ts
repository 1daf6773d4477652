import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestContext } from '../support/app.js';

interface Operation {
  parameters?: unknown[];
  requestBody?: { content: Record<string, { schema: { type?: string; properties?: Record<string, { format?: string }> } }> };
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

describe('the OpenAPI document is the API contract', () => {
  let t: TestContext;
  let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
  const operations: { name: string; op: Operation }[] = [];
  beforeAll(async () => {
    t = await setupTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) if (item[method]) operations.push({ name: `${method.toUpperCase()} ${path}`, op: item[method] });
    }
  });
  afterAll(async () => t?.close());

  it('lists null in every nullable enum (OpenAPI 3.0.3), so a validator accepts the nulls the server sends', () => {
    const offenders: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (node === null || typeof node !== 'object') return;
      const schema = node as { nullable?: unknown; enum?: unknown[] };
      if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) offenders.push(where);
      for (const [key, value] of Object.entries(node)) walk(value, `${where}/${key}`);
    };
    walk(doc, '#');
    expect(offenders).toEqual([]);
    // The case the long fuzz run found: a cancelled task's bucket is null.
    expect(JSON.stringify(doc)).toContain('"overdue","today","upcoming",null');
  });

  it('documents every route', () => {
    expect(operations.length).toBeGreaterThan(100);
  });

  it('gives every operation a 2xx answer with a schema (204 and redirects have no body)', () => {
    const missing = operations.filter(({ op }) => {
      // A sign-in hand-over to a platform or back to the app answers only with a redirect.
      const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code) || code === '302' || code === '303');
      return success.length === 0 || success.some(([code, r]) => code !== '204' && !code.startsWith('3') && !Object.values(r.content ?? {}).some((c) => c.schema));
    });
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it('documents 400 with the error schema for every operation that takes input, and 401 everywhere', () => {
    const refersToError = (r: Operation['responses'][string] | undefined) =>
      // Downloads (YAML, files) declare their own content type; their error bodies are the same JSON.
      Object.values(r?.content ?? {}).some((c) => JSON.stringify(c.schema).includes('#/components/schemas/ErrorResponse'));
    const missing400 = operations.filter(({ op }) => (op.parameters?.length || op.requestBody) && !refersToError(op.responses['400']));
    expect(missing400.map((m) => m.name)).toEqual([]);
    expect(operations.filter(({ op }) => !refersToError(op.responses['401'])).map((m) => m.name)).toEqual([]);
  });

  it('types the extras of GATE_UNMET and DUPLICATE_CUSTOMER in the error schema', () => {
    const error = JSON.stringify(doc.components.schemas.ErrorResponse);
    for (const extra of ['unmet', 'stageKey', 'owner', 'matchedOn', 'customerName', 'inPool']) expect(error).toContain(`"${extra}"`);
    expect(doc.components.schemas.UnmetItem).toBeDefined();
    const move = doc.paths['/api/deals/{id}/move']?.post;
    expect(Object.keys(move?.responses ?? {})).toContain('422');
    expect(Object.keys(doc.paths['/api/customers']?.post?.responses ?? {})).toContain('409');
  });

  it('answers 201 for creates', () => {
    for (const path of ['/api/customers', '/api/deals', '/api/activities', '/api/tasks', '/api/attachments']) {
      expect(Object.keys(doc.paths[path]?.post?.responses ?? {}), path).toContain('201');
    }
  });

  it('describes the multipart upload body with a binary file', () => {
    const body = doc.paths['/api/attachments']?.post?.requestBody?.content['multipart/form-data']?.schema;
    expect(body?.type).toBe('object');
    expect(body?.properties?.file?.format).toBe('binary');
  });
});
