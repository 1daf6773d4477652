import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { definitionToYaml, formatYamlError, localizeYamlErrors, validatePipelineYaml } from './yaml.js';

const templatesDir = fileURLToPath(new URL('../../../templates/pipelines/', import.meta.url));

function errorsOf(text: string) {
  const result = validatePipelineYaml(text);
  if (result.ok) throw new Error('expected validation errors');
  return result.errors;
}

const valid = `key: demo
name: 演示流程
stages:
  - key: first
    name: 第一步
    probability: 10
  - key: done
    name: 成交
    probability: 100
    terminal: won
`;

describe('validatePipelineYaml', () => {
  it('accepts a minimal pipeline and fills defaults', () => {
    const result = validatePipelineYaml(valid);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition.stages[0]).toEqual({
      key: 'first',
      name: '第一步',
      probability: 10,
      allowSkip: false,
      gate: { requiredFields: [], evidence: [], checklist: [] },
    });
  });

  it('reports a bad value at the line and column of that value', () => {
    const text = valid.replace('probability: 10', 'probability: 120');
    expect(errorsOf(text)).toEqual([{ line: 6, column: 18, path: 'stages[0].probability', code: 'too_large', params: { max: 100 }, detail: 'must be 0-100', message: 'must be 0-100' }]);
  });

  it('reports an unknown key at the key itself', () => {
    const text = valid.replace('    probability: 10\n', '    probability: 10\n    colour: red\n');
    expect(errorsOf(text)).toEqual([{ line: 7, column: 5, path: 'stages[0].colour', code: 'yaml_unknown_key', params: { key: 'colour' }, message: 'unknown key "colour"' }]);
    // The same error for a Chinese reader, by its code (shared/messages.ts), and as the CLI prints it.
    const [zh] = localizeYamlErrors(errorsOf(text), 'zh');
    expect(zh.message).toBe('未知的键“colour”');
    expect(formatYamlError('flow.yaml', zh)).toBe('flow.yaml:7:5: 未知的键“colour” (stages[0].colour)');
  });

  it('reports a missing required key at its parent mapping and names it', () => {
    const text = valid.replace('    probability: 10\n', '');
    const [error] = errorsOf(text);
    expect(error).toMatchObject({ line: 4, column: 5, path: 'stages[0].probability' });
    expect(error.message).toContain('probability');
  });

  it('reports duplicate stage keys, bad key format and a bad gate field on their lines, sorted', () => {
    const text = `key: Bad-Key
name: x
stages:
  - key: a
    name: A
    probability: 1
  - key: a
    name: B
    probability: 2
    gate:
      requiredFields: [amount]
      evidence:
        - kind: trial_agreement
          label: ""
`;
    const errors = errorsOf(text);
    expect(errors.map((e) => [e.line, e.column, e.path])).toEqual([
      [1, 6, 'key'],
      [7, 10, 'stages[1].key'],
      [11, 24, 'stages[1].gate.requiredFields[0]'],
      [14, 18, 'stages[1].gate.evidence[0].label'],
    ]);
    expect(errors[1].message).toContain('duplicate stage key "a"');
    expect(errors[2].message).toContain('custom.<field key>');
  });

  it('requires at least two stages, an open stage first and terminal stages last', () => {
    expect(errorsOf('key: x\nname: X\nstages:\n  - key: a\n    name: A\n    probability: 1\n')[0]).toMatchObject({
      line: 4,
      path: 'stages',
      message: 'a pipeline needs at least 2 stages',
    });
    const misordered = valid.replace('    terminal: won\n', '    terminal: won\n  - key: later\n    name: 之后\n    probability: 5\n');
    expect(errorsOf(misordered)[0]).toMatchObject({ line: 11, path: 'stages[2].key' });
  });

  it('refuses a checklist key reused by another stage', () => {
    const text = `key: x
name: X
stages:
  - key: a
    name: A
    probability: 1
    gate:
      checklist:
        - { key: called, label: 打电话 }
  - key: b
    name: B
    probability: 2
    gate:
      checklist:
        - { key: called, label: 再打电话 }
`;
    expect(errorsOf(text)).toEqual([expect.objectContaining({ line: 15, path: 'stages[1].gate.checklist[0].key' })]);
  });

  it('reports YAML syntax errors and duplicate mapping keys with positions', () => {
    expect(errorsOf('key: x\nkey: y\nname: n\n')[0]).toMatchObject({ line: 2, column: 1, message: 'Map keys must be unique' });
    expect(errorsOf('key: [x\nname: y\n')[0].line).toBeGreaterThanOrEqual(1);
    expect(errorsOf('')[0]).toMatchObject({ line: 1, column: 1 });
    expect(errorsOf('- a\n- b\n')[0].message).toContain('mapping');
  });

  it('lists the cadences a stage starts on entry by key, and points at a bad one', () => {
    const text = valid.replace('    probability: 10\n', '    probability: 10\n    cadences: [golden-seven-days]\n');
    const result = validatePipelineYaml(text);
    expect(result.ok && result.definition.stages[0].cadences).toEqual(['golden-seven-days']);
    const bad = validatePipelineYaml(valid.replace('    probability: 10\n', '    probability: 10\n    cadences:\n      - anchor: stage_entered\n'));
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors[0].path).toBe('stages[0].cadences[0]');
  });
});

describe('shipped templates', () => {
  const files = readdirSync(templatesDir).filter((f) => f.endsWith('.yaml'));

  it('ships the five templates of the product brief', () => {
    expect(files.sort()).toEqual(['b2b_six_step.yaml', 'fmcg_five_step.yaml', 'hospital_seven_step.yaml', 'manufacturing_five_step.yaml', 'store_visit.yaml']);
  });

  it.each(files)('%s is valid, named after its file and round-trips through export', (file) => {
    const result = validatePipelineYaml(readFileSync(templatesDir + file, 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(`${result.definition.key}.yaml`).toBe(file);
    for (const stage of result.definition.stages) expect(stage.nameEn).toBeTruthy();
    const again = validatePipelineYaml(definitionToYaml(result.definition, 'exported'));
    expect(again.ok && again.definition).toEqual(result.definition);
  });

  it('the hospital clinical trial gate requires a trial agreement and the B2B first touch has the three confirmations', () => {
    const hospital = validatePipelineYaml(readFileSync(templatesDir + 'hospital_seven_step.yaml', 'utf8'));
    const b2b = validatePipelineYaml(readFileSync(templatesDir + 'b2b_six_step.yaml', 'utf8'));
    if (!hospital.ok || !b2b.ok) throw new Error('invalid template');
    const trial = hospital.definition.stages.find((s) => s.key === 'clinical_trial')!;
    expect(trial.gate.evidence.map((e) => e.kind)).toContain('trial_agreement');
    expect(hospital.definition.stages.filter((s) => !s.terminal).map((s) => s.name)).toEqual(['准入评估', '科室需求', '标书制作', '临床试用', '价格谈判', '合同签订']);
    const firstTouch = b2b.definition.stages.find((s) => s.key === 'first_touch')!;
    expect(firstTouch.gate.checklist.map((c) => c.label)).toEqual(['客户身份核实', '当前痛点记录', '下次接触约定']);
  });
});
