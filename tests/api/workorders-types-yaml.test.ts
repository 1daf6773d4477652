/**
 * Work-order types as YAML, on both databases: export → import gives the same type (and no new version), a copy
 * under a new key gets the same settings; validate reports the line and the field; an unknown team → 400 naming the
 * field `team` in Chinese and English; a team name two teams share is exported as the team's id.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';
import { addPresales, addType } from '../support/workorders.js';

describe('work-order types YAML: import, validate, export', { timeout: 60_000 }, () => {
  let t: TestContext;
  let admin: Requester;
  afterEach(() => t?.close());

  async function setup() {
    t = await setupTestApp({ start: '2026-11-02T02:00:00.000Z' });
    admin = await t.as('admin');
  }
  const yamlPost = (url: string, yaml: string, lang?: string) => admin({ method: 'POST', url, payload: { yaml }, ...(lang ? { headers: { 'accept-language': lang } } : {}) });
  const exported = async (key: string) => {
    const res = await admin({ method: 'GET', url: `/api/work-order-types/${key}/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/yaml');
    return res.body;
  };
  /** A type's settings: everything but its identity and version. */
  const settings = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => !['id', 'key', 'version', 'updatedAt'].includes(k)));

  it('export → import gives the same type and no new version; under a new key, a type with the same settings', async () => {
    await setup();
    const dept = await addPresales(t);
    const created = await addType(t, {
      key: 'legal',
      name: '法务审核',
      nameEn: 'Legal review',
      team: dept.teamId,
      response: '2bh',
      resolution: '2wd',
      warnShare: 0.7,
      escalation: [{ clock: 'response', at: 1, notify: ['helper'] }, { clock: 'resolution', at: 1.5, notify: ['helper.lead', 'department_head'] }],
    });
    const text = await exported('legal');
    expect(text).toContain('team: 售前支持部'); // a unique name is written as the name

    const back = await yamlPost('/api/work-order-types/import', text);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ created: false, version: created.version, id: created.id });
    const after = (await admin({ method: 'GET', url: '/api/work-order-types/legal' })).json();
    expect(after).toEqual(created);
    expect(await exported('legal')).toBe(text);

    const copy = await yamlPost('/api/work-order-types/import', text.replace(/^key: legal$/m, 'key: legal-copy'));
    expect(copy.statusCode, copy.body).toBe(201);
    expect(settings(copy.json())).toEqual({ ...settings(created), created: true });

    // A real change through YAML is a new version.
    const changed = await yamlPost('/api/work-order-types/import', text.replace('response: 2bh', 'response: 3bh'));
    expect(changed.json()).toMatchObject({ created: false, version: created.version + 1, response: '3bh' });
  });

  it('validate reports the line and the field of each problem, the team reference included', async () => {
    await setup();
    const dept = await addPresales(t);
    const good = `key: finance\nname: 财务\nteam: ${dept.teamId}\nresponse: 4bh\nresolution: 2wd\n`;
    expect((await yamlPost('/api/work-order-types/validate', good)).json()).toEqual({ ok: true, errors: [] });

    const bad = 'key: finance\nname: 财务\nteam: 售前支持部\nresponse: soon\nresolution: 2wd\nescalation:\n  - clock: lunch\n    at: 1\n    notify: [helper]\n';
    const res = (await yamlPost('/api/work-order-types/validate', bad)).json();
    expect(res.ok).toBe(false);
    expect(res.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([
      [4, 'response'],
      [7, 'escalation[0].clock'],
    ]);
    // The same document imported: 422 with the same lines, nothing written.
    const refused = await yamlPost('/api/work-order-types/import', bad);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.errors.map((e: { line: number }) => e.line)).toEqual([4, 7]);
    expect((await admin({ method: 'GET', url: '/api/work-order-types/finance' })).statusCode).toBe(404);

    const ghost = good.replace(`team: ${dept.teamId}`, 'team: 不存在的部门');
    const zh = (await yamlPost('/api/work-order-types/validate', ghost)).json();
    expect(zh).toMatchObject({ ok: false, errors: [{ line: 3, path: 'team', code: 'not_found_team_named', message: '没有编号或名称为“不存在的部门”的团队' }] });
    const en = (await yamlPost('/api/work-order-types/validate', ghost, 'en')).json();
    expect(en.errors[0].message).toBe('no team with the id or name "不存在的部门"');
  });

  it('an unknown team → 400 naming the field team, in Chinese and English, from YAML and from the form', async () => {
    await setup();
    const ghost = 'key: finance\nname: 财务\nteam: 不存在的部门\nresponse: 4bh\nresolution: 2wd\n';
    const zh = await yamlPost('/api/work-order-types/import', ghost);
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ field: 'team', code: 'not_found_team_named', params: { team: '不存在的部门', line: 3 }, message: '没有编号或名称为“不存在的部门”的团队' }] });
    const en = await yamlPost('/api/work-order-types/import', ghost, 'en');
    expect(en.json().error.fields[0].message).toBe('no team with the id or name "不存在的部门"');

    const form = await admin({ method: 'POST', url: '/api/work-order-types', payload: { key: 'finance', name: '财务', team: '不存在的部门', response: '4bh', resolution: '2wd' } });
    expect(form.statusCode).toBe(400);
    expect(form.json().error.fields).toEqual([expect.objectContaining({ field: 'team', code: 'not_found_team_named' })]);
    expect((await admin({ method: 'GET', url: '/api/work-order-types/finance' })).statusCode).toBe(404);
  });

  it('exports the team id when two teams share the name; the ambiguous name is refused on import', async () => {
    await setup();
    const first = await addPresales(t, '售前组');
    const second = await admin({ method: 'POST', url: '/api/teams', payload: { name: '售前组', kind: 'team', parentId: t.org.teams.east } });
    expect(second.statusCode, second.body).toBe(201);
    await addType(t, { key: 'presales', name: '售前支持', team: first.teamId, response: '2bh', resolution: '1wd' });

    const text = await exported('presales');
    expect(text).toContain(`team: ${first.teamId}`);
    const back = await yamlPost('/api/work-order-types/import', text.replace('resolution: 1wd', 'resolution: 2wd'));
    expect(back.json()).toMatchObject({ team: { id: first.teamId, name: '售前组' }, resolution: '2wd' });

    const ambiguous = await yamlPost('/api/work-order-types/import', text.replace(`team: ${first.teamId}`, 'team: 售前组'));
    expect(ambiguous.statusCode).toBe(400);
    expect(ambiguous.json().error.fields[0]).toMatchObject({ field: 'team', code: 'team_name_ambiguous', params: { team: '售前组', count: 2 } });
    expect(ambiguous.json().error.fields[0].message).toContain('请填写团队编号');
  });
});
