/**
 * The sentence table of the free-text quick-log parser: real-world sentences as sellers type or dictate them, with
 * the fields the parser must propose. Clock: Tuesday 2026-12-01 10:00 in Shanghai unless a row gives another; the
 * org calendar is the real one (National Day 2026, New Year 2027 from the statutory source).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { chinaStatutorySource } from '../../calendar/china.js';
import { DEFAULT_CALENDAR, WorkCalendar } from '../../calendar/workdays.js';
import { shortNames } from './customers.js';
import { parseLog, type UnparsedField } from './parse.js';
import { parseNumber } from './text.js';

const TZ = 'Asia/Shanghai';
const calendar = new WorkCalendar(DEFAULT_CALENDAR, chinaStatutorySource);

const customers = [
  { id: 'zy', name: '浙江大学医学院附属第一医院', aliases: ['浙一', '浙大一院'] },
  { id: 'kj', name: '杭州康捷医疗科技有限公司', aliases: [] },
  { id: 'sr', name: '浙江省人民医院', aliases: ['省人民'] },
  { id: 'rj', name: '上海瑞金医院', aliases: ['瑞金'] },
  { id: 'my', name: '宁波明远贸易有限公司', aliases: [] },
  { id: 'my2', name: '明远医疗器械有限公司', aliases: [] },
  { id: 'sy', name: '杭州市第一人民医院', aliases: ['市一医院'] },
];
const contacts: Record<string, Array<{ id: string; name: string; title: string | null }>> = {
  zy: [
    { id: 'wjg', name: '王建国', title: '骨科主任' },
    { id: 'wl', name: '王丽', title: '护士长' },
    { id: 'lm', name: '李明', title: '采购科科长' },
  ],
  kj: [
    { id: 'zw', name: '张伟', title: '总经理' },
    { id: 'cj', name: '陈静', title: '采购经理' },
  ],
  rj: [
    { id: 'ly', name: '刘洋', title: '院长' },
    { id: 'lf', name: '刘芳', title: '心内科主任' },
    { id: 'lq', name: '刘强', title: '骨科主任' },
  ],
};
const deals: Record<string, Array<{ id: string; title: string }>> = {
  zy: [{ id: 'd-zy', title: '膝关节置换耗材集采项目' }],
  kj: [
    { id: 'd-kj1', title: '康捷2027年度框架协议' },
    { id: 'd-kj2', title: '康捷影像设备采购' },
  ],
};

interface Row {
  text: string;
  /** Local time of "now" (default 2026-12-01 10:00). */
  now?: string;
  customer: string | null;
  /** Contact id, `new:<words>` for a suggestion, `?` when ambiguous, null for none. */
  contact?: string | null;
  type: string | null;
  /** Local due time `YYYY-MM-DD HH:mm`; null: a next step without a date; undefined: no next step. */
  due?: string | null;
  deal?: string | null;
  unparsed?: UnparsedField[];
  summary?: string;
  next?: string;
  occurred?: string;
}

const ROWS: Row[] = [
  { text: '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案，他下周约厂家来演示，我负责协调时间', customer: 'zy', contact: 'wjg', type: 'visit', due: '2026-12-07 09:00', deal: 'd-zy', summary: '今天和浙一骨科王主任聊了膝关节置换耗材集采应对方案', next: '他下周约厂家来演示，我负责协调时间', unparsed: [] },
  { text: '给康捷张总打了电话，报价他基本认可，明天把合同发过去', customer: 'kj', contact: 'zw', type: 'call', due: '2026-12-02 09:00', deal: null, unparsed: ['deal'] },
  { text: '微信上跟瑞金刘院长确认了下周二上午10点去医院开科室会', customer: 'rj', contact: 'ly', type: 'wechat', due: '2026-12-08 10:00' },
  { text: '拜访瑞金刘主任，介绍了新品', customer: 'rj', contact: '?', type: 'visit', due: undefined, unparsed: ['contact'] },
  { text: '浙一李科长电话沟通招标参数，周五前给他回复', customer: 'zy', contact: 'lm', type: 'call', due: '2026-12-04 09:00' },
  { text: '下午三点去浙大一院见王主任', customer: 'zy', contact: 'wjg', type: 'visit', due: '2026-12-01 15:00' },
  { text: '明天给省人民医院打电话约时间', customer: 'sr', contact: null, type: 'call', due: '2026-12-02 09:00' },
  { text: '和明远的陈经理吃了个饭', customer: null, contact: 'new:陈经理', type: 'visit', unparsed: ['customer'] },
  { text: '今天天气不错', customer: null, contact: null, type: null, unparsed: ['customer', 'type'] },
  { text: '月底前把投标文件准备好', customer: null, type: null, due: '2026-12-31 09:00', unparsed: ['customer', 'type'] },
  { text: '3天后回访康捷陈经理', customer: 'kj', contact: 'cj', type: 'call', due: '2026-12-04 09:00' },
  { text: '12月5日下午两点到杭州市第一人民医院做演示', customer: 'sy', type: 'demo', due: '2026-12-05 14:00' },
  { text: '1月5号去浙一', customer: 'zy', type: 'visit', due: '2027-01-05 09:00' },
  { text: '后天上午和康捷张总面谈', customer: 'kj', contact: 'zw', type: 'visit', due: '2026-12-03 09:00' },
  { text: '大后天再给浙一王主任打个电话', customer: 'zy', contact: 'wjg', type: 'call', due: '2026-12-04 09:00' },
  { text: '跟王丽护士长微信聊了耗材使用情况', customer: null, contact: null, type: 'wechat', unparsed: ['customer'] },
  { text: '浙一王护士长反馈耗材质量问题，下周一前给答复', customer: 'zy', contact: 'wl', type: null, due: '2026-12-07 09:00', unparsed: ['type'] },
  { text: '下周三和瑞金刘院长吃饭', customer: 'rj', contact: 'ly', type: 'visit', due: '2026-12-09 09:00' },
  { text: '下下周一再去康捷', customer: 'kj', type: 'visit', due: '2026-12-14 09:00' },
  { text: '本周内给浙一发报价单', customer: 'zy', type: 'materials', due: '2026-12-04 09:00' },
  { text: '两周后跟进瑞金的招标进度', customer: 'rj', type: null, due: '2026-12-15 09:00' },
  { text: '半个月后复盘康捷的试用情况', customer: 'kj', type: null, due: '2026-12-16 09:00' },
  { text: '下个月初约浙一王主任见面', customer: 'zy', contact: 'wjg', type: 'visit', due: '2027-01-04 09:00' },
  { text: '下月底前完成康捷框架协议签署', customer: 'kj', type: null, due: '2027-01-29 09:00', deal: 'd-kj1' },
  { text: '3个工作日内给瑞金回复', customer: 'rj', type: null, due: '2026-12-04 09:00' },
  { text: '过几天再去拜访浙一', customer: 'zy', type: 'visit', due: undefined, unparsed: ['dueAt'] },
  { text: '改天约康捷张总吃饭', customer: 'kj', contact: 'zw', type: 'visit', unparsed: ['dueAt', 'deal'] },
  { text: '尽快把方案发给省人民', customer: 'sr', type: 'materials', unparsed: ['dueAt'] },
  { text: '今天上午拜访了瑞金刘院长', customer: 'rj', contact: 'ly', type: 'visit', due: undefined, unparsed: [] },
  { text: '刚和康捷陈经理通了电话，她说预算下周批下来', customer: 'kj', contact: 'cj', type: 'call', due: '2026-12-07 09:00', next: '她说预算下周批下来' },
  { text: '昨天去浙一见了李科长，谈了招标参数', customer: 'zy', contact: 'lm', type: 'visit', due: undefined, occurred: '2026-11-30' },
  { text: '前天和瑞金刘洋院长电话沟通', customer: 'rj', contact: 'ly', type: 'call', occurred: '2026-11-29' },
  { text: '周日给康捷张总发微信', customer: 'kj', contact: 'zw', type: 'wechat', due: '2026-12-06 09:00' },
  { text: '星期五下午4点半去浙一送资料', customer: 'zy', type: 'materials', due: '2026-12-04 16:30' },
  { text: '下周二下午和浙一王主任开会', customer: 'zy', contact: 'wjg', type: 'visit', due: '2026-12-08 14:00' },
  { text: '12月31日前康捷要付款', customer: 'kj', type: null, due: '2026-12-31 09:00' },
  { text: '2027年1月4日去瑞金', customer: 'rj', type: 'visit', due: '2027-01-04 09:00' },
  { text: '15号前给浙一报价', customer: 'zy', type: null, due: '2026-12-15 09:00' },
  { text: '晚上8点和康捷张总视频会', customer: 'kj', contact: 'zw', type: 'call', due: '2026-12-01 20:00' },
  { text: '中午和浙一王主任吃饭', customer: 'zy', contact: 'wjg', type: 'visit', due: '2026-12-01 12:00' },
  { text: '明天下午3点拜访瑞金刘院长', customer: 'rj', contact: 'ly', type: 'visit', due: '2026-12-02 15:00' },
  { text: '今晚给康捷陈经理发邮件', customer: 'kj', contact: 'cj', type: 'email', due: '2026-12-01 19:00' },
  { text: '这周五前给瑞金发方案', customer: 'rj', type: 'materials', due: '2026-12-04 09:00' },
  { text: '年底前签下浙一的集采项目', customer: 'zy', type: null, due: '2026-12-31 09:00', deal: 'd-zy' },
  { text: '陪王主任参观了样板医院，下周给他发案例', customer: null, contact: 'new:王主任', type: 'visit', due: '2026-12-07 09:00', unparsed: ['customer'] },
  { text: '电话没打通', customer: null, type: 'call', unparsed: ['customer'] },
  { text: '和浙一沟通了一下', customer: 'zy', contact: null, type: 'visit' },
  { text: '浙一', customer: 'zy', type: null, unparsed: ['type'] },
  { text: '浙江大学医学院附属第一医院骨科王主任，电话，报价已确认', customer: 'zy', contact: 'wjg', type: 'call' },
  { text: '给康捷医疗的张总发了报价', customer: 'kj', contact: 'zw', type: 'materials' },
  { text: '康捷影像设备采购项目今天陈经理确认了参数，下周三签合同', customer: 'kj', contact: 'cj', due: '2026-12-09 09:00', deal: 'd-kj2', type: null },
  { text: '宁波明远贸易的陈经理来电咨询', customer: 'my', contact: 'new:陈经理', type: 'call', unparsed: ['contact'] },
  { text: '杭州康捷医疗科技有限公司张伟', customer: 'kj', contact: 'zw', type: null },
  { text: '和浙一王主任聊了，过两天再联系', customer: 'zy', contact: 'wjg', type: 'visit', due: undefined, unparsed: ['dueAt'] },
  { text: '下周去瑞金', customer: 'rj', type: 'visit', due: '2026-12-07 09:00' },
  { text: '月底给康捷发合同', now: '2026-10-29 10:00', customer: 'kj', type: 'materials', due: '2026-10-30 09:00' },
  { text: '3个工作日后给浙一回复', now: '2026-09-29 10:00', customer: 'zy', type: null, due: '2026-10-09 09:00' },
  { text: '下周一去康捷', now: '2026-09-29 10:00', customer: 'kj', type: 'visit', due: '2026-10-05 09:00' },
  { text: '下周去康捷', now: '2026-09-29 10:00', customer: 'kj', type: 'visit', due: '2026-10-08 09:00' },
  { text: '国庆前最后一天了，明天先给浙一打电话', now: '2026-09-29 10:00', customer: 'zy', type: null, due: '2026-09-30 09:00', unparsed: ['type'] },
  { text: '3天后回访浙一', now: '2026-12-30 10:00', customer: 'zy', type: 'call', due: '2027-01-02 09:00' },
  { text: '明天拜访瑞金', now: '2026-12-30 10:00', customer: 'rj', type: 'visit', due: '2026-12-31 09:00' },
  { text: '下周二约浙一王主任', now: '2026-12-30 10:00', customer: 'zy', contact: 'wjg', type: null, due: '2027-01-05 09:00' },
  { text: '月底前给康捷发合同', now: '2026-12-30 10:00', customer: 'kj', type: 'materials', due: '2026-12-31 09:00' },
  { text: '下个月初去省人民', now: '2026-12-30 10:00', customer: 'sr', type: 'visit', due: '2027-01-04 09:00' },
  { text: '后天去浙一', now: '2026-11-30 10:00', customer: 'zy', type: 'visit', due: '2026-12-02 09:00' },
  { text: '一周后再给瑞金打电话', customer: 'rj', type: 'call', due: '2026-12-08 09:00' },
  { text: '下午去浙一', customer: 'zy', type: 'visit', due: '2026-12-01 14:00' },
  { text: '十二月十日下午三点去瑞金', customer: 'rj', type: 'visit', due: '2026-12-10 15:00' },
  { text: '二十号前给康捷张总回电话', customer: 'kj', contact: 'zw', type: 'call', due: '2026-12-20 09:00' },
  { text: '上周五拜访了瑞金刘院长', customer: 'rj', contact: 'ly', type: 'visit', due: undefined, occurred: '2026-11-27' },
  { text: '跟浙一李科长谈了意见，没有下一步', customer: 'zy', contact: 'lm', type: 'visit', due: undefined },
];

function run(row: Row) {
  const now = DateTime.fromFormat(row.now ?? '2026-12-01 10:00', 'yyyy-MM-dd HH:mm', { zone: TZ }).toJSDate();
  return parseLog({
    text: row.text,
    now,
    timeZone: TZ,
    isWorkingDay: (d) => calendar.isWorkingDay(d),
    customers,
    contactsOf: (id) => contacts[id] ?? [],
    dealsOf: (id) => deals[id] ?? [],
  });
}
const local = (iso: string | null) => (iso === null ? null : DateTime.fromISO(iso, { zone: TZ }).toFormat('yyyy-MM-dd HH:mm'));

describe('quick-log sentence table', () => {
  it('has at least 60 sentences', () => expect(ROWS.length).toBeGreaterThanOrEqual(60));

  it.each(ROWS.map((r) => [r.text, r] as const))('%s', (_text, row) => {
    const got = run(row);
    expect(got.customer?.id ?? null, 'customer').toBe(row.customer);
    if (row.contact !== undefined) {
      const contact = got.contact === null ? (got.unparsed.some((u) => u.field === 'contact' && u.reason === 'ambiguous') ? '?' : null) : got.contact.isNew ? `new:${got.contact.name}` : got.contact.id;
      expect(contact, 'contact').toBe(row.contact);
    }
    expect(got.type, 'type').toBe(row.type);
    if (row.due === undefined) expect(got.nextAction, 'next action').toBeNull();
    else expect(local(got.nextAction?.dueAt ?? null), 'due').toBe(row.due);
    if (row.deal !== undefined) expect(got.dealId, 'deal').toBe(row.deal);
    if (row.unparsed) expect(got.unparsed.map((u) => u.field).sort(), 'unparsed').toEqual([...row.unparsed].sort());
    if (row.summary) expect(got.summary).toBe(row.summary);
    if (row.next) expect(got.nextAction?.text).toBe(row.next);
    if (row.occurred) expect(local(got.occurredAt)?.slice(0, 10), 'occurred').toBe(row.occurred);
    else expect(got.occurredAt).toBeNull();
    expect(got.summary.length).toBeGreaterThan(0);
  });

  it('is deterministic: the same input gives the same answer', () => {
    for (const row of ROWS.slice(0, 10)) expect(run(row)).toEqual(run(row));
  });
});

describe('parser helpers', () => {
  it('reads Chinese numerals', () => {
    expect([parseNumber('三'), parseNumber('十'), parseNumber('十二'), parseNumber('二十'), parseNumber('二十五'), parseNumber('两'), parseNumber('15'), parseNumber('十十')]).toEqual([3, 10, 12, 20, 25, 2, 15, null]);
  });
  it('derives short names without general words', () => {
    expect(shortNames('杭州康捷医疗科技有限公司')).toEqual(['杭州康捷医疗科技', '杭州康捷医疗', '康捷医疗科技', '杭州康捷', '康捷医疗', '康捷']);
    expect(shortNames('浙江省人民医院')).toEqual([]);
  });
});
