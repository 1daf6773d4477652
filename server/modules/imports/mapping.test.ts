import { describe, expect, it } from 'vitest';
import { applyPreset, ERROR_COLUMN, headerSignature, presetOf, ROW_COLUMN, suggestMapping } from './mapping.js';

describe('import mapping', () => {
  it('suggests fields from Chinese and English headers and synonyms, custom fields included', () => {
    const headers = ['客户名称', '手机号', '联系人电话', '税号', '负责人', 'Industry', '移动电话（必填）', '预算等级', '备注', ERROR_COLUMN, ROW_COLUMN];
    const mapping = suggestMapping(headers, [{ key: 'budget_tier', label: '预算等级', labelEn: 'Budget tier' }]);
    expect(mapping).toEqual(['name', 'phone', 'contactPhone', 'creditCode', 'owner', 'industry', null, 'custom.budget_tier', null, null, null]);
    expect(suggestMapping(['联系电话', '统一社会信用代码', '销售', '公司名称'], [])).toEqual(['phone', 'creditCode', 'owner', 'name']);
    expect(suggestMapping(['移动电话'], [])).toEqual(['phone']);
  });

  it('finds a preset again by the header signature, whatever the order, width or error columns', () => {
    const a = ['客户名称', '手机号', '地区'];
    expect(headerSignature(a)).toBe(headerSignature(['地区', '客户名称 ', '手机号', ERROR_COLUMN, ROW_COLUMN]));
    expect(headerSignature(a)).not.toBe(headerSignature(['客户名称', '手机号']));
    const preset = presetOf(a, ['name', 'phone', null]);
    expect(applyPreset(['手机号', '客户名称', '地区'], preset)).toEqual(['phone', 'name', null]);
  });
});
