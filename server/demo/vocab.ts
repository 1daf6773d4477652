/** Word pools for the demo company: a medical-device (orthopaedic implants and equipment) distributor. */
import type { RegionKey } from './org.js';

export interface City {
  province: string;
  city: string;
  /** Administrative division code, the 3rd–8th characters of a credit code. */
  area: string;
  districts: string[];
}

export const CITIES: Record<RegionKey, City[]> = {
  east: [
    { province: '浙江省', city: '杭州', area: '330100', districts: ['西湖', '拱墅', '滨江', '萧山', '余杭'] },
    { province: '浙江省', city: '宁波', area: '330200', districts: ['海曙', '鄞州', '北仑'] },
    { province: '浙江省', city: '温州', area: '330300', districts: ['鹿城', '瓯海', '龙湾'] },
    { province: '浙江省', city: '绍兴', area: '330600', districts: ['越城', '柯桥', '上虞'] },
    { province: '安徽省', city: '合肥', area: '340100', districts: ['蜀山', '包河', '庐阳', '瑶海'] },
    { province: '安徽省', city: '芜湖', area: '340200', districts: ['镜湖', '鸠江'] },
    { province: '江西省', city: '南昌', area: '360100', districts: ['东湖', '西湖', '青山湖'] },
    { province: '江西省', city: '九江', area: '360400', districts: ['浔阳', '濂溪'] },
  ],
  south: [
    { province: '广东省', city: '广州', area: '440100', districts: ['天河', '越秀', '海珠', '白云', '番禺'] },
    { province: '广东省', city: '深圳', area: '440300', districts: ['福田', '南山', '罗湖', '龙岗', '宝安'] },
    { province: '广东省', city: '佛山', area: '440600', districts: ['禅城', '南海', '顺德'] },
    { province: '广东省', city: '东莞', area: '441900', districts: ['莞城', '南城', '长安'] },
    { province: '福建省', city: '厦门', area: '350200', districts: ['思明', '湖里', '集美'] },
    { province: '广西壮族自治区', city: '南宁', area: '450100', districts: ['青秀', '兴宁', '西乡塘'] },
  ],
  north: [
    { province: '北京市', city: '北京', area: '110100', districts: ['朝阳', '海淀', '东城', '丰台', '昌平'] },
    { province: '天津市', city: '天津', area: '120100', districts: ['和平', '河西', '南开'] },
    { province: '河北省', city: '石家庄', area: '130100', districts: ['长安', '桥西', '裕华'] },
    { province: '山东省', city: '济南', area: '370100', districts: ['历下', '市中', '槐荫'] },
    { province: '山东省', city: '青岛', area: '370200', districts: ['市南', '市北', '黄岛'] },
  ],
};

export const BRANDS = ['华康', '仁和', '瑞丰', '博远', '恒生', '安达', '泰和', '康宁', '德信', '致远', '鼎盛', '源通', '嘉禾', '同济', '惠民', '天衡', '正元', '百川', '明德', '信诚'];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈'.split('');
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '华', '慧', '建华', '志刚', '海燕', '晓东', '文博', '子涵', '雪梅', '国栋', '红霞', '立群', '佳琪', '俊杰', '春生', '玉兰', '振宇', '思远'];

export type CustomerType = 'hospital' | 'clinic' | 'distributor' | 'checkup' | 'eldercare' | 'person';

export const INDUSTRY: Record<CustomerType, string> = {
  hospital: '医院',
  clinic: '诊所',
  distributor: '医疗器械经销',
  checkup: '体检中心',
  eldercare: '养老机构',
  person: '个人',
};

/** Customer custom fields the demo company defined (admins can add more under 自定义字段). */
export const HOSPITAL_GRADES = [
  { value: 'grade_3a', label: '三级甲等', labelEn: 'Tertiary A' },
  { value: 'grade_3b', label: '三级乙等', labelEn: 'Tertiary B' },
  { value: 'grade_2a', label: '二级甲等', labelEn: 'Secondary A' },
  { value: 'grade_2b', label: '二级乙等', labelEn: 'Secondary B' },
];

export const SOURCES = ['招标网', '展会', '老客户转介绍', '学术会议', '官网咨询', '电话开发', '渠道推荐'] as const;
export const LEVELS = ['A', 'B', 'C'] as const;

/** Job titles with their usual decision power, per kind of customer. */
export const TITLES: Record<CustomerType, Array<[string, 'decision_maker' | 'influencer' | 'user' | 'none']>> = {
  hospital: [
    ['设备科主任', 'decision_maker'],
    ['分管副院长', 'decision_maker'],
    ['骨科主任', 'influencer'],
    ['采购中心主任', 'influencer'],
    ['设备科工程师', 'user'],
    ['骨科护士长', 'user'],
    ['招标办专员', 'none'],
    ['医务科科长', 'influencer'],
  ],
  clinic: [
    ['院长', 'decision_maker'],
    ['负责人', 'decision_maker'],
    ['护士长', 'user'],
    ['采购专员', 'none'],
  ],
  distributor: [
    ['总经理', 'decision_maker'],
    ['采购经理', 'influencer'],
    ['产品经理', 'user'],
    ['财务主管', 'none'],
  ],
  checkup: [
    ['中心主任', 'decision_maker'],
    ['运营经理', 'influencer'],
    ['采购专员', 'none'],
  ],
  eldercare: [
    ['院长', 'decision_maker'],
    ['护理部主任', 'influencer'],
    ['后勤主管', 'user'],
  ],
  person: [['本人', 'decision_maker']],
};

export const PRODUCTS = [
  '创伤接骨板',
  '脊柱内固定系统',
  '人工髋关节',
  '人工膝关节',
  '关节镜耗材',
  '超声骨刀',
  '骨科手术动力系统',
  '可吸收缝合线',
  '一次性手术包',
  '便携式彩超',
  '多参数监护仪',
  '康复训练设备',
];

/** Activity wording; `{c}` contact, `{t}` title, `{p}` product, `{n}` a number. */
export const EFFECTIVE_SUMMARIES: Record<string, string[]> = {
  call: [
    '电话联系{c}（{t}），确认{p}临床试用排期',
    '与{c}电话沟通报价，对方反馈价格偏高，要求提供竞品对比',
    '电话回访{c}，了解{p}试用反馈：术中操作顺手，希望增加规格',
    '与{t}{c}确认院内采购流程和预算批复时间',
    '电话跟进招标文件挂网时间，{c}告知预计{n}天内发布',
  ],
  visit: [
    '拜访{t}{c}，介绍{p}临床数据和同级医院使用情况',
    '到院参加科室早会，演示{p}操作流程，{n}位医生参与',
    '与{c}面谈年度供货框架，确认使用量约{n}套/月',
    '陪同厂家工程师拜访{c}，完成{p}装机前勘察',
    '拜访{c}，收集设备科对{p}的技术参数要求',
  ],
  wechat: [
    '微信发送{p}注册证、产品彩页给{c}，对方已确认收到',
    '微信与{c}沟通试用协议条款，对方提出修改付款节点',
    '微信约定与{t}{c}下周面谈时间',
  ],
  email: ['邮件发送正式报价单及资质文件给{c}', '邮件回复{c}关于{p}售后服务条款的疑问'],
  demo: ['在手术室现场演示{p}，{c}及{n}位医生参与，反馈良好', '线上演示{p}配套软件，{t}{c}提出数据导出需求'],
  materials: ['寄送{p}样品及技术参数对比表给{c}', '发送成功案例PDF（同级医院{n}家）和报价说明'],
  other: ['参加当地骨科学术年会，与{c}交流{p}临床应用', '协助{c}整理科室设备更新申请材料'],
};

export const INEFFECTIVE_SUMMARIES: Record<string, string[]> = {
  call: ['电话联系{c}未接通', '致电{c}，对方在手术中，约定改天再联系'],
  visit: ['到院拜访{c}，对方外出开会未见到'],
  wechat: ['微信节日问候{c}，未回复', '微信发送公司动态给{c}'],
  email: ['群发产品目录邮件'],
  demo: ['原定演示因科室排班取消'],
  materials: ['寄送公司宣传册'],
  other: ['整理客户资料'],
};

export const OUTCOMES = [
  '客户认可方案，同意进入试用',
  '需求确认：年用量约{n}套',
  '价格异议：希望再降{n}%',
  '设备科已提交采购申请',
  '等待院内预算批复',
  '竞品已在试用，需要差异化方案',
  '决策人已明确支持',
  '需补充注册证和授权书',
];

export const NEXT_ACTIONS = [
  '下周二上午拜访设备科，带试用协议',
  '3天内提交修改版报价',
  '预约骨科主任现场演示（给出两个时间段）',
  '跟进招标文件挂网时间',
  '电话确认试用反馈',
  '发送成功案例PDF和痛点解读',
  '约财务确认付款节点',
  '安排工程师上门培训',
];

/** Recorded as the reason when a deal is moved into the lost stage. */
export const LOST_REASONS = [
  '价格没谈拢，客户选择了竞品',
  '医院预算冻结，项目延期到明年',
  '招标未中标',
  '临床试用反馈不佳',
  '决策人调岗，新负责人另有合作方',
  '客户需求变化，不再采购',
];

export const TASK_TITLES = [
  '回访{name}{c}，确认试用反馈',
  '给{name}提交修改版报价单',
  '准备{name}投标资料',
  '预约{name}{c}现场演示',
  '把{p}注册证和授权书发给{name}',
  '跟进{name}合同审批进度',
  '{name}首次触达：核实决策权、记录痛点、约定下次联系',
];

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key] ?? ''));
}
