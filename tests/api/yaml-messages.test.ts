import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type Requester, type TestContext } from '../support/app.js';

/**
 * YAML validation answers (pipelines, rules, cadences; validate and import) carry a stable code per located error
 * and its message in the caller's language, from shared/messages.ts.
 */
describe('YAML validation messages by code, in zh and en', () => {
  let t: TestContext;
  let admin: Requester;
  const yaml = (url: string, payload: string, lang?: string) =>
    admin({ method: 'POST', url, payload, headers: { 'content-type': 'application/yaml', ...(lang ? { 'accept-language': lang } : {}) } });

  beforeAll(async () => {
    t = await setupTestApp();
    admin = await t.as('admin');
  });
  afterAll(async () => t?.close());

  const pipeline = 'key: p1\nname: 流程\nstages:\n  - key: a\n    name: 甲\n    probability: 10\n    colour: red\n  - key: won\n    name: 赢单\n    probability: 100\n    terminal: won\n';

  it('answers validate with codes and messages in the requested language', async () => {
    const zh = (await yaml('/api/pipelines/validate', pipeline)).json();
    expect(zh.errors).toEqual([{ line: 7, column: 5, path: 'stages[0].colour', code: 'yaml_unknown_key', params: { key: 'colour' }, message: '未知的键“colour”' }]);
    const en = (await yaml('/api/pipelines/validate', pipeline, 'en')).json();
    expect(en.errors[0]).toMatchObject({ code: 'yaml_unknown_key', message: 'unknown key "colour"' });

    const syntaxRes = await yaml('/api/cadences/validate', 'key: [unclosed\n');
    expect(syntaxRes.statusCode, syntaxRes.body).toBe(200);
    const syntax = syntaxRes.json();
    expect(syntax.errors[0]).toMatchObject({ code: 'yaml_syntax' });
    expect(syntax.errors[0].message).toMatch(/^YAML 语法错误（[A-Z_]+）$/);

    const missing = (await yaml('/api/rules/validate', 'key: r1\nname: 规则\nenabled: true\nactions: []\n', 'zh-CN')).json();
    expect(missing.errors.some((e: { code: string; message: string }) => e.code === 'yaml_required' && e.message === '此处缺少“trigger”')).toBe(true);
  });

  it('answers import with 422 YAML_INVALID whose summary and errors speak the caller language', async () => {
    const zh = await yaml('/api/pipelines/import', pipeline);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error.message).toBe('YAML 有 1 处错误，第一处在第 7 行第 5 列：stages[0].colour: 未知的键“colour”');
    expect(zh.json().error.errors[0]).toEqual({ line: 7, column: 5, path: 'stages[0].colour', code: 'yaml_unknown_key', params: { key: 'colour' }, message: '未知的键“colour”' });
    const en = await yaml('/api/pipelines/import', pipeline, 'en');
    expect(en.json().error.errors[0].message).toBe('unknown key "colour"');
    expect(en.json().error.message).toContain('line 7, column 5: stages[0].colour: unknown key "colour"');
  });
});
