/**
 * The health-model surface as an outside caller meets it (both databases): the version list, YAML import (422 with
 * line numbers and a stable code per problem, zh/en) and export round trip, the same codes on the JSON body (activity
 * types checked against the activity log), who may read and write models, and a customer's health before any score.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

const yaml = (weight: number) =>
  'name: 模型\nbands:\n  green: 70\n  yellow: 40\ngroups:\n  - key: base\n    name: 基础\n    weight: 100\n    dimensions:\n' +
  `      - key: level\n        name: 等级\n        weight: ${weight}\n        source: { type: field, field: level, map: { A: 100 } }\n        normalize: { points: [[0, 0], [100, 100]] }\n`;
const asYaml = (extra: Record<string, string> = {}) => ({ 'content-type': 'text/yaml', ...extra });
const fieldsOf = (res: { json(): { error: { fields: Array<{ field: string; code: string; message: string }> } } }) => res.json().error.fields.map((f) => [f.field, f.code, f.message]);

describe('health models: versions, YAML import and export', () => {
  let t: TestContext;
  let admin: Requester;
  let seller: Requester;
  let customerId: string;
  beforeAll(async () => {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    admin = await t.as('admin');
    seller = await t.as('seller_a');
    customerId = (await seller({ method: 'POST', url: '/api/customers', payload: { name: '衢州人民医院', level: 'A' } })).json().id;
  });
  afterAll(async () => t?.close());

  it('before any model: an empty list, no export, a recompute that says why, and a health with nothing in it', async () => {
    expect((await admin({ method: 'GET', url: '/api/health-models' })).json()).toEqual({ current: null, versions: [] });
    expect((await admin({ method: 'GET', url: '/api/health-models/export' })).statusCode).toBe(404);
    const recompute = await seller({ method: 'POST', url: '/api/health/recompute', headers: { 'accept-language': 'en' }, payload: { customerId } });
    expect(recompute.statusCode).toBe(404);
    expect(recompute.json().error).toMatchObject({ reason: 'health_no_model', message: 'No customer health model has been published yet' });
    const health = await seller({ method: 'GET', url: `/api/customers/${customerId}/health` });
    expect(health.statusCode, health.body).toBe(200);
    expect(health.json()).toMatchObject({ customerId, score: null, colour: null, modelVersion: null, coverage: null, contributions: [], history: [] });
  });

  it('a YAML import with weights off 100 is a 422 naming the line, the path and the code, in zh and in en', async () => {
    const zh = await admin({ method: 'POST', url: '/api/health-models/import', headers: asYaml(), payload: yaml(90) });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error.code).toBe('YAML_INVALID');
    expect(zh.json().error.errors).toEqual([{ line: 10, column: 7, path: 'groups[0].dimensions', code: 'weights_sum_100', params: { sum: 90 }, message: '权重合计须为 100（现为 90）' }]);
    const en = await admin({ method: 'POST', url: '/api/health-models/import', headers: asYaml({ 'accept-language': 'en' }), payload: yaml(90) });
    expect(en.json().error.errors[0].message).toBe('weights must sum to 100 (they sum to 90)');
    expect((await admin({ method: 'GET', url: '/api/health-models' })).json().versions).toEqual([]);
  });

  it('the JSON body carries the same codes per field: bands out of order, group weights off 100', async () => {
    const definition = { name: '模型', bands: { green: 30, yellow: 40 }, groups: [{ key: 'base', name: '基础', weight: 80, dimensions: [{ key: 'x', name: 'X', weight: 100, source: { type: 'work_orders' }, normalize: { points: [[2, 0], [1, 100]] } }] }] };
    const res = await admin({ method: 'POST', url: '/api/health-models', payload: { definition } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([
      ['definition.bands', 'bands_order', '绿色阈值须高于黄色阈值'],
      ['definition.groups.0.dimensions.0.normalize.points', 'points_increasing', '各断点的原始值须逐个递增'],
      ['definition.groups', 'weights_sum_100', '权重合计须为 100（现为 80）'],
    ]);
  });

  it('an activity type the activity log does not know is refused, naming the type, in the body and with its YAML line', async () => {
    const definition = { name: '模型', bands: { green: 70, yellow: 40 }, groups: [{ key: 'p', name: '过程', weight: 100, dimensions: [{ key: 'fb', name: '临床反馈', weight: 100, source: { type: 'activities', types: ['visit', 'feedback'] }, normalize: { points: [[0, 0], [3, 100]] } }] }] };
    const res = await admin({ method: 'POST', url: '/api/health-models', payload: { definition } });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['definition.groups.0.dimensions.0.source.types.1', 'unknown_value', '须为以下之一：call, visit, wechat, email, demo, materials, other']]);
    const text = yaml(100).replace('{ type: field, field: level, map: { A: 100 } }', '{ type: activities, types: [feedback] }');
    const v = await admin({ method: 'POST', url: '/api/health-models/validate', headers: asYaml(), payload: text });
    expect(v.json().errors).toMatchObject([{ line: 13, path: 'groups[0].dimensions[0].source.types[0]', code: 'unknown_value' }]);
    expect((await admin({ method: 'POST', url: '/api/health-models/import', headers: asYaml(), payload: text })).statusCode).toBe(422);
  });

  it('an admin imports YAML; directors read the versions, sellers neither read nor import; the export round-trips', async () => {
    expect((await seller({ method: 'POST', url: '/api/health-models/import', headers: asYaml(), payload: yaml(100) })).statusCode).toBe(403);
    const first = await admin({ method: 'POST', url: '/api/health-models/import?firePlaybooks=true', headers: asYaml(), payload: yaml(100) });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1, name: '模型', firePlaybooks: true, createdBy: t.org.users.admin.id });
    const exported = await admin({ method: 'GET', url: '/api/health-models/export?version=1' });
    expect(exported.headers['content-disposition']).toContain('health-model-v1.yaml');
    const second = await admin({ method: 'POST', url: '/api/health-models/import', headers: asYaml(), payload: exported.body });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ version: 2, firePlaybooks: false, definition: first.json().definition });
    const list = (await (await t.as('director'))({ method: 'GET', url: '/api/health-models' })).json();
    expect(list.current.version).toBe(2);
    expect(list.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await seller({ method: 'GET', url: '/api/health-models' })).statusCode).toBe(403);
    expect((await admin({ method: 'GET', url: '/api/health-models/export?version=9' })).statusCode).toBe(404);
    // The imported model scores the customer at once.
    expect((await seller({ method: 'POST', url: '/api/health/recompute', payload: { customerId } })).json()).toMatchObject({ customers: 1, written: 1 });
    expect((await seller({ method: 'GET', url: `/api/customers/${customerId}/health` })).json()).toMatchObject({ score: 100, colour: 'green', modelVersion: 2, coverage: 1 });
  });
});
