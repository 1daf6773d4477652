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

  'quicklog.linksOnly': 'Will be linked to the customer\'s only open deal: {title}',
  'quicklog.pickDeal': 'The customer has several open deals: pick the one this is about',
  'quicklog.noDeal': 'No deal (customer only)',
  'quicklog.outcomeHint': 'What the customer said or agreed: with an outcome or a next action the activity counts as effective',
  'quicklog.outcomePlaceholder': 'e.g. the head confirmed 200 sets a month',
  'quicklog.counts': 'Counts as an effective activity; the deals\' idle clocks restart',
  'quicklog.notCounts': 'Saved, but it does not count as an effective activity',
  'quicklog.reason.counts': '',
  'quicklog.reason.needs_next_action': 'Add a next action (or what the customer said) to make it count.',
  'quicklog.reason.marked_none': 'You marked this interaction as not effective.',
  'quicklog.reason.effect_not_counted': 'The company\'s effective-activity rule leaves this kind out.',
  'quicklog.reason.checklist_incomplete': 'The type\'s checklist is incomplete.',
  'quicklog.linkedAuto': 'Linked automatically to the deal "{title}".',
  'quicklog.linked': 'Linked to the deal "{title}".',
  'quicklog.askedDeal': 'The customer has several deals; none was linked.',

  'attachments.otherKind': 'Other',

  'deals.createSkipHint': 'Starting in a later stage skips the earlier stages whose gates are not met: say why (stages that forbid skipping must be met first)',

  'channels.smsAliyun': 'Aliyun SMS',
  'channels.smsTencent': 'Tencent Cloud SMS',
  'channels.smsLog': 'Log only (development; sends nothing)',
  'channels.sdkAppId': 'SdkAppId (Tencent)',
  'channels.region': 'Region (Tencent, default ap-guangzhou)',

  'deals.amountNegative': "The amount cannot be negative",
  'appt.customerName': "Customer's name (optional)",
  'appt.customerNameHint': "e.g. Ms Wang; without it the customer is named by the phone",
};
