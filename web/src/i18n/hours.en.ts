import type { hoursZh } from './hours.zh';

/** English labels of the team business-hours screen. */
export const hoursEn: Record<keyof typeof hoursZh, string> = {
  'nav.adminHours': 'Team hours',
  'hours.title': 'Team business hours',
  'hours.team': 'Team / store',
  'hours.default': 'Default (not customised)',
  'hours.custom': 'Customised',
  'hours.defaultHint': 'Teams without their own hours work 09:00–12:00 and 13:30–18:00 ({tz}). SLA "business hours" count only within these intervals.',
  'hours.intervals': 'Working intervals each day',
  'hours.weekdays': 'Per weekday',
  'hours.sameAsDefault': 'Same as every day',
  'hours.ownHours': 'Own hours',
  'hours.addInterval': 'Add interval',
  'hours.closures': 'Team closures (one-off)',
  'hours.addClosure': 'Add closure',
  'hours.reason': 'Reason (optional)',
  'hours.noClosures': 'No closures',
  'hours.makeup': 'Make-up working days (national and org calendar)',
  'hours.makeupHint': 'On make-up days the team works its usual intervals above; extra working days or days off are set in the working-day calendar.',
  'hours.noMakeup': 'No make-up working days in the coming year',
  'hours.readOnly': 'Only administrators can change team hours',
  'hours.updated': 'Last changed: {at}',
  'hours.pickTeam': 'Choose a team',
  'hours.from': 'From',
  'hours.to': 'To',
};
