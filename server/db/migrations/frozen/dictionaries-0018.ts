/**
 * Shipped dictionary entries (migration 0018), frozen: later changes to the defaults need a new migration, and admins
 * edit the rows, not this file. Regions: every province-level division (GB/T 2260 names) and its main cities, keyed
 * by the full name so "浙江杭州" and "浙江省杭州市" land on one value (the short spelling is an alias).
 */
export interface DefaultEntry {
  kind: string;
  key: string;
  label: string;
  labelEn: string | null;
  parentKey?: string;
  aliases?: string[];
}

export const LOST_REASONS: DefaultEntry[] = [
  { kind: 'lost_reason', key: 'price', label: '价格', labelEn: 'Price' },
  { kind: 'lost_reason', key: 'competitor', label: '竞品', labelEn: 'Lost to a competitor' },
  { kind: 'lost_reason', key: 'budget_cancelled', label: '预算取消', labelEn: 'Budget cancelled' },
  { kind: 'lost_reason', key: 'need_changed', label: '需求变化', labelEn: 'Needs changed' },
  { kind: 'lost_reason', key: 'unreachable', label: '失联', labelEn: 'Unreachable' },
  { kind: 'lost_reason', key: 'tender_lost', label: '招标未中标', labelEn: 'Tender lost' },
  { kind: 'lost_reason', key: 'other', label: '其他', labelEn: 'Other' },
];

const simple = (kind: string, rows: Array<[string, string]>): DefaultEntry[] => rows.map(([label, labelEn]) => ({ kind, key: label, label, labelEn }));

export const CUSTOMER_LEVELS = simple('customer_level', [
  ['A', 'A (key account)'],
  ['B', 'B'],
  ['C', 'C'],
  ['D', 'D'],
]);

export const SOURCES = simple('source', [
  ['展会', 'Trade fair'],
  ['转介绍', 'Referral'],
  ['官网', 'Website'],
  ['电话营销', 'Telemarketing'],
  ['招投标', 'Tender'],
  ['线下活动', 'Event'],
  ['门店到访', 'Store walk-in'],
  ['老客户', 'Existing customer'],
  ['其他', 'Other'],
]);

export const INDUSTRIES = simple('industry', [
  ['医院', 'Hospital'],
  ['诊所', 'Clinic'],
  ['医药流通', 'Pharma distribution'],
  ['制造业', 'Manufacturing'],
  ['零售', 'Retail'],
  ['教育', 'Education'],
  ['政府机构', 'Government'],
  ['金融', 'Finance'],
  ['互联网', 'Internet'],
  ['其他', 'Other'],
]);

/** [province, short name, cities] — cities are the capital and the larger prefecture-level cities. */
const PROVINCES: Array<[string, string, string[]]> = [
  ['北京市', '北京', []],
  ['天津市', '天津', []],
  ['上海市', '上海', []],
  ['重庆市', '重庆', []],
  ['河北省', '河北', ['石家庄市', '唐山市', '保定市', '邯郸市']],
  ['山西省', '山西', ['太原市', '大同市']],
  ['内蒙古自治区', '内蒙古', ['呼和浩特市', '包头市']],
  ['辽宁省', '辽宁', ['沈阳市', '大连市']],
  ['吉林省', '吉林', ['长春市', '吉林市']],
  ['黑龙江省', '黑龙江', ['哈尔滨市', '大庆市']],
  ['江苏省', '江苏', ['南京市', '苏州市', '无锡市', '常州市', '南通市', '徐州市']],
  ['浙江省', '浙江', ['杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '台州市']],
  ['安徽省', '安徽', ['合肥市', '芜湖市']],
  ['福建省', '福建', ['福州市', '厦门市', '泉州市']],
  ['江西省', '江西', ['南昌市', '赣州市']],
  ['山东省', '山东', ['济南市', '青岛市', '烟台市', '潍坊市']],
  ['河南省', '河南', ['郑州市', '洛阳市']],
  ['湖北省', '湖北', ['武汉市', '宜昌市', '襄阳市']],
  ['湖南省', '湖南', ['长沙市', '株洲市']],
  ['广东省', '广东', ['广州市', '深圳市', '东莞市', '佛山市', '珠海市']],
  ['广西壮族自治区', '广西', ['南宁市', '柳州市']],
  ['海南省', '海南', ['海口市', '三亚市']],
  ['四川省', '四川', ['成都市', '绵阳市']],
  ['贵州省', '贵州', ['贵阳市', '遵义市']],
  ['云南省', '云南', ['昆明市']],
  ['西藏自治区', '西藏', ['拉萨市']],
  ['陕西省', '陕西', ['西安市', '咸阳市']],
  ['甘肃省', '甘肃', ['兰州市']],
  ['青海省', '青海', ['西宁市']],
  ['宁夏回族自治区', '宁夏', ['银川市']],
  ['新疆维吾尔自治区', '新疆', ['乌鲁木齐市']],
  ['台湾省', '台湾', []],
  ['香港特别行政区', '香港', []],
  ['澳门特别行政区', '澳门', []],
];

export const REGIONS: DefaultEntry[] = PROVINCES.flatMap(([province, short, cities]) => [
  { kind: 'region', key: province, label: province, labelEn: null, aliases: short === province ? [] : [short] },
  ...cities.map((city) => {
    const cityShort = city.replace(/市$/, '');
    return {
      kind: 'region',
      key: `${province}${city}`,
      label: `${province}${city}`,
      labelEn: null,
      parentKey: province,
      aliases: [`${short}${cityShort}`, `${short}${city}`, `${province}${cityShort}`, city],
    };
  }),
]);

export const ALL_DEFAULTS: DefaultEntry[] = [...LOST_REASONS, ...CUSTOMER_LEVELS, ...SOURCES, ...INDUSTRIES, ...REGIONS];
