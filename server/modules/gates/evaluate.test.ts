import { describe, expect, it } from 'vitest';
import { evaluateGate, type GateFacts, type GateStage } from './evaluate.js';

const emptyFacts = (over: Partial<GateFacts> = {}): GateFacts => ({
  deal: { title: '某医院骨科耗材', amountFen: 0, expectedCloseDate: null },
  custom: {},
  customFieldDefs: [],
  evidenceCounts: {},
  checklist: {},
  ...over,
});

const stage = (gate: Partial<GateStage['gate']>): GateStage => ({
  key: 's',
  name: '阶段',
  gate: { requiredFields: [], evidence: [], checklist: [], ...gate },
});

describe('evaluateGate', () => {
  it('passes an empty gate', () => {
    expect(evaluateGate(stage({}), emptyFacts())).toEqual([]);
  });

  describe('deal fields', () => {
    it('treats amount 0 as missing and a positive amount as filled', () => {
      const s = stage({ requiredFields: ['amountFen'] });
      const unmet = evaluateGate(s, emptyFacts());
      expect(unmet).toHaveLength(1);
      expect(unmet[0]).toMatchObject({ code: 'FIELD_REQUIRED', label: '金额', requirement: { kind: 'field', field: 'amountFen' } });
      expect(unmet[0].hint).toContain('金额');
      expect(evaluateGate(s, emptyFacts({ deal: { amountFen: 1 } }))).toEqual([]);
    });

    it('requires the expected close date to be set', () => {
      const s = stage({ requiredFields: ['expectedCloseDate'] });
      expect(evaluateGate(s, emptyFacts())[0]).toMatchObject({ code: 'FIELD_REQUIRED', label: '预计成交日期' });
      expect(evaluateGate(s, emptyFacts({ deal: { expectedCloseDate: '2026-12-31' } }))).toEqual([]);
    });

    it('treats a blank title as missing', () => {
      const s = stage({ requiredFields: ['title'] });
      expect(evaluateGate(s, emptyFacts({ deal: { title: '   ' } }))).toHaveLength(1);
      expect(evaluateGate(s, emptyFacts({ deal: { title: 'x' } }))).toEqual([]);
    });
  });

  describe('custom fields of each type', () => {
    const defs: GateFacts['customFieldDefs'] = [
      { key: 'hospital_level', label: '医院等级', labelEn: 'Hospital level', type: 'select' },
      { key: 'departments', label: '覆盖科室', labelEn: null, type: 'multiselect' },
      { key: 'bed_count', label: '床位数', type: 'number' },
      { key: 'budget', label: '预算', type: 'money' },
      { key: 'tender_date', label: '招标日期', type: 'date' },
      { key: 'pain_quote', label: '痛点原话', type: 'text' },
      { key: 'champion', label: '内部支持者', type: 'user' },
      { key: 'trial_agreement', label: '试用协议', type: 'attachment' },
      { key: 'signed_page', label: '设备科签字页', type: 'attachment' },
    ];
    const all = defs.map((d) => `custom.${d.key}`);

    it('reports every unfilled custom field with its label', () => {
      const unmet = evaluateGate(stage({ requiredFields: all }), emptyFacts({ customFieldDefs: defs }));
      expect(unmet.map((u) => u.requirement)).toEqual(all.map((field) => ({ kind: 'field', field })));
      expect(unmet[0]).toMatchObject({ label: '医院等级', labelEn: 'Hospital level' });
      expect(unmet[0].hint).toContain('选择');
      expect(unmet[1].labelEn).toBe('覆盖科室');
    });

    it('counts filled values of each type, including 0 for numbers and money', () => {
      const facts = emptyFacts({
        customFieldDefs: defs,
        custom: {
          hospital_level: 'tertiary',
          departments: ['ortho'],
          bed_count: 0,
          budget: 0,
          tender_date: '2026-12-01',
          pain_quote: '“集采以后利润太薄”',
          champion: 'user-1',
          signed_page: 'signature_page',
        },
        evidenceCounts: { trial_agreement: 1, signature_page: 2 },
      });
      expect(evaluateGate(stage({ requiredFields: all }), facts)).toEqual([]);
    });

    it('treats an empty multiselect and blank text as missing', () => {
      const facts = emptyFacts({ customFieldDefs: defs, custom: { departments: [], pain_quote: ' ' } });
      const unmet = evaluateGate(stage({ requiredFields: ['custom.departments', 'custom.pain_quote'] }), facts);
      expect(unmet).toHaveLength(2);
    });

    it('an attachment field needs an attachment of the kind it names (its key by default)', () => {
      const s = stage({ requiredFields: ['custom.signed_page'] });
      const missing = evaluateGate(s, emptyFacts({ customFieldDefs: defs, custom: { signed_page: 'signature_page' }, evidenceCounts: { signed_page: 1 } }));
      expect(missing).toHaveLength(1);
      expect(missing[0].hint).toContain('signature_page');
      expect(evaluateGate(s, emptyFacts({ customFieldDefs: defs, evidenceCounts: { signed_page: 1 } }))).toEqual([]);
    });

    it('reports a custom field that has no definition and says an admin must define it', () => {
      const unmet = evaluateGate(stage({ requiredFields: ['custom.nope'] }), emptyFacts({ custom: { nope: 'x' } }));
      expect(unmet[0]).toMatchObject({ code: 'FIELD_REQUIRED', requirement: { field: 'custom.nope' } });
      expect(unmet[0].hint).toContain('管理员');
    });
  });

  describe('evidence', () => {
    const s = stage({ evidence: [{ kind: 'trial_agreement', label: '试用协议扫描件', labelEn: 'Trial agreement scan', min: 2 }] });

    it('requires the minimum count and reports how many exist', () => {
      const unmet = evaluateGate(s, emptyFacts({ evidenceCounts: { trial_agreement: 1, other: 5 } }));
      expect(unmet).toEqual([
        expect.objectContaining({
          code: 'EVIDENCE_REQUIRED',
          label: '试用协议扫描件',
          requirement: { kind: 'evidence', evidenceKind: 'trial_agreement', min: 2, have: 1 },
        }),
      ]);
      expect(unmet[0].hint).toContain('2');
      // Shown to the seller by its label and count, never by the internal kind.
      expect(unmet[0].hint).toBe('上传至少 2 份「试用协议扫描件」附件（当前 1 份）');
      expect(unmet[0].hintEn).not.toContain('trial_agreement');
    });

    it('is met at the minimum', () => {
      expect(evaluateGate(s, emptyFacts({ evidenceCounts: { trial_agreement: 2 } }))).toEqual([]);
    });
  });

  describe('checklist', () => {
    const s = stage({
      checklist: [
        { key: 'identity_verified', label: '客户身份核实', labelEn: 'Identity verified', hint: '职务/决策权' },
        { key: 'next_contact', label: '下次接触约定', hint: '明确时间+形式' },
      ],
    });

    it('lists items not done, including ones explicitly unticked', () => {
      const unmet = evaluateGate(s, emptyFacts({ checklist: { identity_verified: { done: false } } }));
      expect(unmet.map((u) => [u.code, u.requirement])).toEqual([
        ['CHECKLIST_INCOMPLETE', { kind: 'checklist', item: 'identity_verified' }],
        ['CHECKLIST_INCOMPLETE', { kind: 'checklist', item: 'next_contact' }],
      ]);
      expect(unmet[1].hint).toContain('明确时间+形式');
    });

    it('is met when every item is done', () => {
      const facts = emptyFacts({ checklist: { identity_verified: { done: true }, next_contact: { done: true } } });
      expect(evaluateGate(s, facts)).toEqual([]);
    });
  });

  it('lists every unmet requirement across kinds, fields first, then evidence, then checklist', () => {
    const s = stage({
      requiredFields: ['amountFen'],
      evidence: [{ kind: 'quote', label: '报价单', min: 1 }],
      checklist: [{ key: 'demo_booked', label: '预约演示' }],
    });
    expect(evaluateGate(s, emptyFacts()).map((u) => u.code)).toEqual(['FIELD_REQUIRED', 'EVIDENCE_REQUIRED', 'CHECKLIST_INCOMPLETE']);
  });
});
