import { describe, expect, it } from 'vitest';
import type { PipelineDefinition } from '../pipelines/definition.js';
import { planMove } from './moves.js';

const stage = (key: string, extra: Partial<PipelineDefinition['stages'][number]> = {}) => ({
  key,
  name: key,
  probability: 0,
  allowSkip: false,
  gate: { requiredFields: [], evidence: [], checklist: [] },
  ...extra,
});

const def: PipelineDefinition = {
  key: 'p',
  name: 'P',
  stages: [stage('a'), stage('b', { allowSkip: true }), stage('c', { allowSkip: true }), stage('d'), stage('won', { terminal: 'won' }), stage('lost', { terminal: 'lost' })],
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; fields?: { field: string }[] };
    return [e.code, e.fields?.[0]?.field];
  }
  return null;
};

describe('planMove', () => {
  it('forward by one checks the current stage gate', () => {
    expect(planMove(def, 'a', 'b')).toMatchObject({ direction: 'forward', gateStage: { key: 'a' }, status: 'open', skipped: [] });
    expect(planMove(def, 'd', 'won')).toMatchObject({ direction: 'forward', gateStage: { key: 'd' }, status: 'won' });
  });

  it('a skip needs every passed-over stage to allow it and a reason; the current gate still applies', () => {
    expect(planMove(def, 'a', 'd', ' 客户主动来电，需求明确 ')).toMatchObject({
      direction: 'skip',
      gateStage: { key: 'a' },
      skipped: ['b', 'c'],
      reason: '客户主动来电，需求明确',
    });
    expect(codeOf(() => planMove(def, 'a', 'd'))).toEqual(['VALIDATION_FAILED', 'skipReason']);
    expect(codeOf(() => planMove(def, 'a', 'd', '   '))).toEqual(['VALIDATION_FAILED', 'skipReason']);
    expect(codeOf(() => planMove(def, 'b', 'won', 'reason'))).toEqual(['SKIP_NOT_ALLOWED', 'toStage']);
  });

  it('backward is always allowed without a gate, and reopening a won deal sets it open', () => {
    expect(planMove(def, 'd', 'a')).toMatchObject({ direction: 'backward', gateStage: null, status: 'open' });
    expect(planMove(def, 'won', 'c')).toMatchObject({ direction: 'backward', status: 'open' });
  });

  it('any stage may be closed as lost without a gate; a lost deal reopens only into an open stage', () => {
    expect(planMove(def, 'a', 'lost', '预算取消')).toMatchObject({ direction: 'forward', gateStage: null, status: 'lost', reason: '预算取消' });
    expect(planMove(def, 'lost', 'b')).toMatchObject({ direction: 'backward', status: 'open' });
    expect(codeOf(() => planMove(def, 'lost', 'won'))).toEqual(['INVALID_STATE', 'toStage']);
  });

  it('refuses unknown and same-stage targets naming toStage', () => {
    expect(codeOf(() => planMove(def, 'a', 'zzz'))).toEqual(['VALIDATION_FAILED', 'toStage']);
    expect(codeOf(() => planMove(def, 'a', 'a'))).toEqual(['INVALID_STATE', 'toStage']);
  });
});
