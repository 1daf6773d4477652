/**
 * The 12 behavioural dimensions of a deal (the seeds' "12 个行为维度"), measured from its action stream strictly
 * before a cutoff instant — the close for history, a snapshot instant for the backtest. Pure.
 *
 * Deliberately absent: the stage, the amount, the expected close date and anything written at the outcome. A stage
 * move after the fact would let the outcome leak into the "prediction" (the failure the issue names); the dimensions
 * describe only what the seller and the customer did. The action tags are the shipped vocabulary (migration 0026);
 * a tag an organisation does not use is a constant 0, which the fit gives no weight.
 */

export interface StreamEvent {
  at: string;
  src: 'activity' | 'open';
  type: string;
  effective: boolean;
  tags: string[];
  contacts: string[];
}

export interface Dimension {
  key: string;
  label: string;
  labelEn: string;
}

export const DIMENSIONS: Dimension[] = [
  { key: 'effective', label: '有效互动次数', labelEn: 'Effective interactions' },
  { key: 'unanswered', label: '无回应触达次数', labelEn: 'Touches without a reply' },
  { key: 'contacts', label: '接触的联系人数', labelEn: 'Contacts reached' },
  { key: 'visits', label: '拜访次数', labelEn: 'Visits' },
  { key: 'demos', label: '演示次数', labelEn: 'Demos' },
  { key: 'price_confirmation', label: '价格确认次数', labelEn: 'Price confirmations' },
  { key: 'technical_comparison', label: '技术参数对比次数', labelEn: 'Technical comparisons' },
  { key: 'competitor_sheet', label: '竞品对比表次数', labelEn: 'Competitor comparison sheets' },
  { key: 'second_walkthrough', label: '二次讲解次数', labelEn: 'Second walkthroughs' },
  { key: 'materials_sent', label: '发送资料次数', labelEn: 'Materials sent' },
  { key: 'material_opens', label: '客户打开资料次数', labelEn: 'Material opens by the customer' },
  { key: 'longest_gap', label: '最长互动间隔（天）', labelEn: 'Longest gap between actions (days)' },
];

const DAY_MS = 86_400_000;

/**
 * The dimensions as of `cutoff` (events at or after it are not seen). Counts enter as log(1 + n): the tenth call says
 * less than the first. The longest gap is between two actions, never up to the cutoff, so the instant at which a
 * deal is closed (often long after it went quiet) cannot inform its own prediction.
 */
export function featuresAt(events: StreamEvent[], cutoff: string): number[] {
  const seen = events.filter((e) => e.at < cutoff).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const acts = seen.filter((e) => e.src === 'activity');
  const tagged = (tag: string) => acts.filter((e) => e.tags.includes(tag)).length;
  let gap = 0;
  for (let i = 1; i < seen.length; i++) gap = Math.max(gap, (Date.parse(seen[i].at) - Date.parse(seen[i - 1].at)) / DAY_MS);
  const counts = [
    acts.filter((e) => e.effective).length,
    acts.filter((e) => !e.effective).length,
    new Set(acts.flatMap((e) => e.contacts)).size,
    acts.filter((e) => e.type === 'visit').length,
    acts.filter((e) => e.type === 'demo').length,
    tagged('price_confirmation'),
    tagged('technical_comparison'),
    tagged('competitor_sheet'),
    tagged('second_walkthrough'),
    acts.filter((e) => e.type === 'materials' || e.tags.includes('material_sent')).length,
    seen.filter((e) => e.src === 'open').length,
    gap,
  ];
  return counts.map((n) => Math.log1p(n));
}
