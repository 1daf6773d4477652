import { systemActor } from '../../server/core/policy.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/core/ids.js';
import { exportPipelineYaml, importPipelineYaml, installTemplate } from '../../server/modules/pipelines/service.js';
import { setupTestApp, type TestContext } from '../support/app.js';

const SYSTEM = systemActor('cli');

const demoYaml = `key: demo_flow
name: 演示流程
nameEn: Demo flow
stages:
  - key: intake
    name: 接待
    nameEn: Intake
    probability: 10
    gate:
      checklist:
        - key: called
          label: 已致电
  - key: offer
    name: 报价
    probability: 50
  - key: won
    name: 成交
    probability: 100
    terminal: won
`;

describe('pipelines API', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await setupTestApp();
  });
  afterAll(async () => t?.close());

  it('lists the five shipped templates for everyone', async () => {
    const seller = await t.as('seller_a');
    const res = await seller({ method: 'GET', url: '/api/pipeline-templates' });
    expect(res.statusCode).toBe(200);
    const keys = res.json().items.map((i: { key: string }) => i.key);
    expect(keys).toEqual(['b2b_six_step', 'fmcg_five_step', 'hospital_seven_step', 'manufacturing_five_step', 'store_visit']);
    expect(res.json().items.find((i: { key: string }) => i.key === 'hospital_seven_step')).toMatchObject({ name: '医院七步签约流程', stages: 8 });
  });

  it('installs a template (admin only), audits it, and serves it by id and key', async () => {
    const seller = await t.as('seller_a');
    const admin = await t.as('admin');
    expect((await seller({ method: 'POST', url: '/api/pipelines/install', payload: { template: 'hospital_seven_step' } })).statusCode).toBe(403);
    const res = await admin({ method: 'POST', url: '/api/pipelines/install', payload: { template: 'hospital_seven_step' } });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ key: 'hospital_seven_step', templateKey: 'hospital_seven_step', version: 1 });
    expect(body.stages.map((s: { key: string }) => s.key)).toContain('clinical_trial');
    const byKey = await seller({ method: 'GET', url: '/api/pipelines/hospital_seven_step' });
    expect(byKey.json().id).toBe(body.id);
    const trial = byKey.json().definition.stages.find((s: { key: string }) => s.key === 'clinical_trial');
    expect(trial.gate.evidence[0]).toMatchObject({ kind: 'trial_agreement', min: 1 });
    const list = await seller({ method: 'GET', url: '/api/pipelines' });
    expect(list.json().items.map((p: { key: string }) => p.key)).toContain('hospital_seven_step');
    const audit = await admin({ method: 'GET', url: `/api/audit?entity=pipeline&id=${body.id}` });
    expect(audit.json().items[0]).toMatchObject({ action: 'create', actor: { id: t.org.users.admin.id } });
    const again = await admin({ method: 'POST', url: '/api/pipelines/install', payload: { template: 'hospital_seven_step' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0].field).toBe('key');
  });

  it('names the field on bad install, copy and id input', async () => {
    const admin = await t.as('admin');
    const unknown = await admin({ method: 'POST', url: '/api/pipelines/install', payload: { template: 'nope' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('template');
    const missing = await admin({ method: 'POST', url: '/api/pipelines/install', payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].field).toBe('template');
    const badKey = await admin({ method: 'POST', url: '/api/pipelines/install', payload: { template: 'store_visit', key: 'Bad Key' } });
    expect(badKey.json().error.fields[0].field).toBe('key');
    const copy = await admin({ method: 'POST', url: '/api/pipelines/hospital_seven_step/copy', payload: { key: 'x' } });
    expect(copy.statusCode).toBe(400);
    expect(copy.json().error.fields[0].field).toBe('name');
    expect((await admin({ method: 'GET', url: '/api/pipelines/does_not_exist' })).statusCode).toBe(404);
  });

  it('copies a pipeline under a new key', async () => {
    const admin = await t.as('admin');
    const res = await admin({ method: 'POST', url: '/api/pipelines/hospital_seven_step/copy', payload: { key: 'hospital_east', name: '华东医院流程' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'hospital_east', name: '华东医院流程', templateKey: 'hospital_seven_step', version: 1 });
    expect(res.json().stages).toHaveLength(8);
  });

  it('imports YAML (raw and wrapped), exports it back identically, and updates by key with a version bump', async () => {
    const admin = await t.as('admin');
    const created = await admin({ method: 'POST', url: '/api/pipelines/import', headers: { 'content-type': 'text/yaml' }, payload: demoYaml });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ key: 'demo_flow', created: true });
    const exported = await admin({ method: 'GET', url: '/api/pipelines/demo_flow/export' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/yaml');
    const validated = await admin({ method: 'POST', url: '/api/pipelines/validate', headers: { 'content-type': 'application/yaml' }, payload: exported.body });
    expect(validated.json().ok).toBe(true);
    const detail = await admin({ method: 'GET', url: '/api/pipelines/demo_flow' });
    expect(validated.json().definition).toEqual(detail.json().definition);

    t.clock.advance(60_000);
    const renamed = demoYaml.replace('name: 报价', 'name: 正式报价');
    const updated = await admin({ method: 'POST', url: '/api/pipelines/import', payload: { yaml: renamed } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toEqual({ id: created.json().id, key: 'demo_flow', created: false });
    const after = await admin({ method: 'GET', url: '/api/pipelines/demo_flow' });
    expect(after.json()).toMatchObject({ version: 2 });
    expect(after.json().stages[1].name).toBe('正式报价');
    const audit = await admin({ method: 'GET', url: `/api/audit?entity=pipeline&id=${created.json().id}` });
    expect(audit.json().items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
  });

  it('refuses invalid YAML with 422 and line-precise errors, and validate lists them', async () => {
    const admin = await t.as('admin');
    const bad = demoYaml.replace('probability: 50', 'probability: 500');
    const res = await admin({ method: 'POST', url: '/api/pipelines/import', headers: { 'content-type': 'text/yaml' }, payload: bad });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('YAML_INVALID');
    // Located, coded and in the caller's language (Chinese by default).
    expect(res.json().error.errors).toEqual([{ line: 15, column: 18, path: 'stages[1].probability', code: 'too_large', params: { max: 100 }, message: '不能大于 100' }]);
    const check = await admin({ method: 'POST', url: '/api/pipelines/validate', payload: { yaml: bad } });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ ok: false, errors: [{ line: 15, path: 'stages[1].probability' }] });
    const noYaml = await admin({ method: 'POST', url: '/api/pipelines/validate', payload: { text: 'x' } });
    expect(noYaml.statusCode).toBe(400);
    expect(JSON.stringify(noYaml.json().error.fields)).toContain('yaml');
  });

  it('lets admins edit stages with PUT, refuses removing a stage that holds deals, naming it', async () => {
    const admin = await t.as('admin');
    const seller = await t.as('seller_a');
    const detail = (await admin({ method: 'GET', url: '/api/pipelines/demo_flow' })).json();
    const def = detail.definition;
    // Reorder-free edit: add a stage and rename one.
    const edited = { ...def, stages: [def.stages[0], { key: 'review', name: '评审', probability: 30 }, { ...def.stages[1], name: '报价单' }, def.stages[2]] };
    expect((await seller({ method: 'PUT', url: `/api/pipelines/${detail.id}`, payload: edited })).statusCode).toBe(403);
    const ok = await admin({ method: 'PUT', url: `/api/pipelines/${detail.id}`, payload: edited });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stages.map((s: { key: string }) => s.key)).toEqual(['intake', 'review', 'offer', 'won']);
    expect(ok.json().version).toBe(detail.version + 1);

    const now = t.clock.now().toISOString();
    const customerId = newId();
    await t.db.insertInto('customers').values({ id: customerId, kind: 'company', name: '客户', phone: null, phone_normalized: null, region: null, industry: null, source: null, level: null, credit_code: null, owner_id: t.org.users.sellerA.id, team_path: '/x/', custom: '{}', created_at: now, updated_at: now, deleted_at: null }).execute();
    await t.db.insertInto('deals').values({ id: newId(), title: 'd', customer_id: customerId, pipeline_id: detail.id, stage_key: 'review', status: 'open', owner_id: t.org.users.sellerA.id, team_path: '/x/', amount_fen: 0, expected_close_date: null, checklist: '{}', custom: '{}', stage_entered_at: now, created_at: now, updated_at: now }).execute();
    const removing = await admin({ method: 'PUT', url: `/api/pipelines/${detail.id}`, payload: def });
    expect(removing.statusCode).toBe(422);
    expect(removing.json().error.message).toContain('review');
    expect(removing.json().error.fields[0]).toMatchObject({ field: 'stages' });

    const dup = await admin({ method: 'PUT', url: `/api/pipelines/${detail.id}`, payload: { ...edited, stages: [...edited.stages, { key: 'intake', name: 'again', probability: 1 }] } });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.fields.map((f: { field: string }) => f.field)).toContain('stages.4.key');
    const badProb = await admin({ method: 'PUT', url: `/api/pipelines/${detail.id}`, payload: { ...edited, stages: [{ ...edited.stages[0], probability: -1 }, ...edited.stages.slice(1)] } });
    expect(badProb.json().error.fields[0].field).toBe('stages.0.probability');
  });

  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/pipelines', '/api/pipelines/import', '/api/pipelines/{id}/export', '/api/pipelines/{id}/board', '/api/deals/{id}/move', '/api/pipeline-templates']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(JSON.stringify(doc.paths['/api/pipelines/{id}'].put)).toContain('allowSkip');
  });

  it('offers the CLI functions directly: import, export round trip, install', async () => {
    const text = demoYaml.replace('key: demo_flow', 'key: cli_flow');
    const result = await importPipelineYaml(t.db, t.clock, SYSTEM, text);
    expect(result.created).toBe(true);
    const exported = await exportPipelineYaml(t.db, 'cli_flow');
    const again = await importPipelineYaml(t.db, t.clock, SYSTEM, exported);
    expect(again).toEqual({ id: result.id, key: 'cli_flow', created: false });
    const row = await t.db.selectFrom('pipelines').select('version').where('id', '=', result.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(1); // identical definition: no change, no version bump
    await expect(importPipelineYaml(t.db, t.clock, SYSTEM, 'key: x')).rejects.toMatchObject({ code: 'YAML_INVALID' });
    const installed = await installTemplate(t.db, t.clock, SYSTEM, 'store_visit', { key: 'store_cli' });
    expect(installed.key).toBe('store_cli');
  });
});
