import type { frontlineZh } from './frontline.zh';

/** English labels of the frontline features. */
export const frontlineEn: Record<keyof typeof frontlineZh, string> = {
  'lost.title': 'Mark as lost',
  'lost.reason': 'Lost reason',
  'lost.reasonHint': 'Pick why the deal was lost (used in the loss analysis)',
  'lost.confirm': 'Mark lost',
  'dict.title': 'Dictionaries',
  'dict.kind.lost_reason': 'Lost reasons',
  'dict.kind.region': 'Regions',
  'dict.kind.industry': 'Industries',
  'dict.kind.source': 'Sources',
  'dict.kind.customer_level': 'Customer levels',
  'dict.key': 'Stored value',
  'dict.label': 'Label',
  'dict.labelEn': 'English label',
  'dict.aliases': 'Aliases (recognised on import)',
  'dict.active': 'Active',
  'dict.add': 'Add entry',
  'dict.lostConfirmAbove': 'Deals above this amount (yuan) need a manager to mark them lost (empty: never)',
  'dict.saved': 'Saved',
};
