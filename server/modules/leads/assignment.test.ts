import { describe, expect, it } from 'vitest';
import { pickRule } from './assignment.js';

describe('pickRule', () => {
  const settings = {
    enabled: true,
    defaultTeamId: 'tDefault',
    defaultMethod: 'least_load' as const,
    rules: [
      { key: 'east-med', name: '华东医疗', when: { regions: ['华东'], industries: ['医疗'] }, teamId: 'tEast', method: 'round_robin' as const },
      { key: 'south', name: '华南', when: { regions: ['华南'] }, teamId: 'tSouth', method: 'least_load' as const },
    ],
  };
  it('takes the first rule whose lists all contain the lead’s values', () => {
    expect(pickRule(settings, { region: '华东', industry: '医疗' })).toMatchObject({ rule: 'east-med', teamId: 'tEast', method: 'round_robin' });
    expect(pickRule(settings, { region: '华南', industry: '零售' })).toMatchObject({ rule: 'south', teamId: 'tSouth' });
  });
  it('falls back to the default when nothing matches', () => {
    expect(pickRule(settings, { region: '华东', industry: '零售' })).toMatchObject({ rule: 'default', teamId: 'tDefault', method: 'least_load' });
    expect(pickRule(settings, {})).toMatchObject({ rule: 'default' });
  });
});
