/**
 * What each kind of import can fill: its fields, the Chinese and English headers and synonyms each is recognised by,
 * and the labels of the mapping screen (Chinese first). Pure data.
 */
export const IMPORT_KINDS = ['customers', 'deals', 'activities', 'contracts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldSpec<F extends string = string> {
  fields: readonly F[];
  /** Headers people write for each field; compared after `headerKey` (half-width, lower case, no punctuation). */
  synonyms: Record<F, string[]>;
  labels: Record<F, { zh: string; en: string }>;
  /** The record type whose custom fields a column may fill (null: the kind has no custom fields). */
  customEntity: 'customer' | 'deal' | 'activity' | null;
  /** Whether a created record needs an owner from the row or the import's default when the CLI imports as the
   *  organisation; deals and activities fall back to their customer's owner instead. */
  ownerRequired: boolean;
}

export const CUSTOMER_FIELDS = ['name', 'kind', 'phone', 'creditCode', 'region', 'industry', 'source', 'level', 'owner', 'contactName', 'contactPhone', 'contactTitle', 'contactEmail'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

const OWNER = ['负责人', '销售', '归属销售', '销售人员', '业务员', '客户经理', '跟进人', 'owner', 'sales', 'salesperson', 'accountmanager'];
/** How a deal or activity row names its customer: by name, credit code or phone (any one that is given). */
const CUSTOMER_REF = {
  customer: ['客户名称', '客户', '公司名称', '公司', '企业名称', '单位名称', '客户全称', 'customer', 'customername', 'company', 'companyname', 'account'],
  customerCreditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', 'creditcode', 'uscc', 'taxid'],
  customerPhone: ['客户电话', '客户手机', '公司电话', 'customerphone', 'companyphone'],
};
const CUSTOMER_REF_LABELS = {
  customer: { zh: '客户名称', en: 'Customer' },
  customerCreditCode: { zh: '客户统一社会信用代码', en: 'Customer credit code' },
  customerPhone: { zh: '客户电话', en: 'Customer phone' },
};

export const CUSTOMER_SPEC: FieldSpec<CustomerField> = {
  fields: CUSTOMER_FIELDS,
  customEntity: 'customer',
  ownerRequired: true,
  synonyms: {
    name: ['客户名称', '客户', '公司名称', '公司', '企业名称', '单位名称', '客户全称', '名称', 'customer', 'customername', 'company', 'companyname', 'name', 'account'],
    kind: ['客户类型', '类型', '客户性质', 'kind', 'type', 'customertype'],
    phone: ['电话', '手机', '手机号', '手机号码', '联系电话', '移动电话', '公司电话', '座机', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber'],
    creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', 'creditcode', 'uscc', 'taxid', 'unifiedsocialcreditcode'],
    region: ['地区', '区域', '所在地区', '省份', '城市', '所在城市', 'region', 'area', 'city', 'province'],
    industry: ['行业', '所属行业', 'industry', 'sector'],
    source: ['来源', '客户来源', '线索来源', '渠道', 'source', 'leadsource', 'channel'],
    level: ['级别', '客户级别', '等级', '客户等级', 'level', 'grade', 'tier'],
    owner: OWNER,
    contactName: ['联系人', '联系人姓名', '姓名', 'contact', 'contactname', 'contactperson'],
    contactPhone: ['联系人电话', '联系人手机', '联系人手机号', 'contactphone', 'contactmobile'],
    contactTitle: ['职位', '职务', '联系人职位', '联系人职务', 'title', 'position', 'jobtitle'],
    contactEmail: ['邮箱', '电子邮箱', '联系人邮箱', 'email', 'e-mail', 'mail'],
  },
  labels: {
    name: { zh: '客户名称', en: 'Customer name' },
    kind: { zh: '客户类型', en: 'Kind' },
    phone: { zh: '电话', en: 'Phone' },
    creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
    region: { zh: '地区', en: 'Region' },
    industry: { zh: '行业', en: 'Industry' },
    source: { zh: '来源', en: 'Source' },
    level: { zh: '级别', en: 'Level' },
    owner: { zh: '负责人', en: 'Owner' },
    contactName: { zh: '联系人', en: 'Contact name' },
    contactPhone: { zh: '联系人电话', en: 'Contact phone' },
    contactTitle: { zh: '联系人职位', en: 'Contact title' },
    contactEmail: { zh: '联系人邮箱', en: 'Contact e-mail' },
  },
};

export const DEAL_FIELDS = ['title', 'customer', 'customerCreditCode', 'customerPhone', 'pipeline', 'stage', 'status', 'amount', 'expectedCloseDate', 'closedOn', 'lostReason', 'owner'] as const;
export type DealField = (typeof DEAL_FIELDS)[number];

export const DEAL_SPEC: FieldSpec<DealField> = {
  fields: DEAL_FIELDS,
  customEntity: 'deal',
  ownerRequired: false,
  synonyms: {
    title: ['商机名称', '商机', '项目名称', '项目', '机会名称', '销售机会', 'deal', 'dealname', 'title', 'opportunity', 'opportunityname'],
    ...CUSTOMER_REF,
    pipeline: ['销售流程', '流程', '管道', '业务线', 'pipeline', 'process'],
    stage: ['阶段', '商机阶段', '销售阶段', '当前阶段', 'stage', 'dealstage'],
    status: ['状态', '商机状态', '赢单/输单', '结果', 'status', 'outcome', 'result'],
    amount: ['金额', '商机金额', '预计金额', '合同金额', '金额(元)', 'amount', 'value', 'dealvalue'],
    expectedCloseDate: ['预计成交日期', '预计签约日期', '预计结单日期', '预计成交', 'expectedclosedate', 'closedate', 'expectedclose'],
    closedOn: ['成交日期', '赢单日期', '输单日期', '结单日期', '关闭日期', 'closedon', 'closeddate', 'wondate', 'lostdate'],
    lostReason: ['输单原因', '丢单原因', '失败原因', 'lostreason', 'lossreason'],
    owner: OWNER,
  },
  labels: {
    title: { zh: '商机名称', en: 'Deal title' },
    ...CUSTOMER_REF_LABELS,
    pipeline: { zh: '销售流程', en: 'Pipeline' },
    stage: { zh: '阶段', en: 'Stage' },
    status: { zh: '状态（进行中/赢单/输单）', en: 'Status (open/won/lost)' },
    amount: { zh: '金额（元）', en: 'Amount (yuan)' },
    expectedCloseDate: { zh: '预计成交日期', en: 'Expected close date' },
    closedOn: { zh: '成交/输单日期', en: 'Closed on' },
    lostReason: { zh: '输单原因', en: 'Lost reason' },
    owner: { zh: '负责人', en: 'Owner' },
  },
};

export const ACTIVITY_FIELDS = ['customer', 'customerCreditCode', 'customerPhone', 'deal', 'type', 'occurredAt', 'summary', 'outcome', 'owner'] as const;
export type ActivityField = (typeof ACTIVITY_FIELDS)[number];

export const ACTIVITY_SPEC: FieldSpec<ActivityField> = {
  fields: ACTIVITY_FIELDS,
  customEntity: 'activity',
  ownerRequired: false,
  synonyms: {
    ...CUSTOMER_REF,
    deal: ['商机名称', '商机', '项目名称', '项目', 'deal', 'dealname', 'opportunity'],
    type: ['跟进方式', '跟进类型', '活动类型', '拜访方式', '类型', 'type', 'activitytype', 'channel'],
    occurredAt: ['跟进时间', '跟进日期', '拜访时间', '拜访日期', '日期', '时间', 'date', 'time', 'occurredat', 'activitydate'],
    summary: ['跟进内容', '跟进记录', '拜访内容', '内容', '记录', '摘要', 'summary', 'notes', 'content', 'description'],
    outcome: ['结果', '跟进结果', '成果', 'outcome', 'result'],
    owner: ['跟进人', '记录人', '销售', '负责人', '业务员', 'owner', 'loggedby', 'salesperson'],
  },
  labels: {
    ...CUSTOMER_REF_LABELS,
    deal: { zh: '商机名称', en: 'Deal title' },
    type: { zh: '跟进方式', en: 'Type' },
    occurredAt: { zh: '跟进时间', en: 'Occurred at' },
    summary: { zh: '跟进内容', en: 'Summary' },
    outcome: { zh: '结果', en: 'Outcome' },
    owner: { zh: '跟进人', en: 'Logged by' },
  },
};

/**
 * Contracts with their payment plans, one row per contract: the plan is either instalment columns (第1期付款日 /
 * 第1期金额 / 第1期付款方式 / 第1期开票日 … up to MAX_INSTALMENTS) or an equal split (分期数 + 首期付款日 [+ 间隔月数,
 * 付款方式]). One row per contract keeps a contract inside one staged row, so the plan's sum is checked where the
 * row is validated and a contract is written whole in one batch.
 */
export const MAX_INSTALMENTS = 12;
const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const INSTALMENT_PARTS = {
  Due: { zh: ['付款日', '约定付款日', '付款日期', '到期日', '回款日期', '日期'], en: ['due', 'duedate'], label: { zh: '付款日', en: 'due date' } },
  Amount: { zh: ['金额', '付款金额', '回款金额'], en: ['amount'], label: { zh: '金额（元）', en: 'amount (yuan)' } },
  Method: { zh: ['付款方式', '方式', '结算方式'], en: ['method'], label: { zh: '付款方式', en: 'method' } },
  Invoice: { zh: ['开票日', '开票日期', '计划开票日'], en: ['invoice', 'invoicedate'], label: { zh: '开票日', en: 'invoice date' } },
} as const;
type InstalmentPart = keyof typeof INSTALMENT_PARTS;
export type InstalmentField = `p${number}${InstalmentPart}`;
const INSTALMENT_FIELDS = Array.from({ length: MAX_INSTALMENTS }, (_, i) => (Object.keys(INSTALMENT_PARTS) as InstalmentPart[]).map((part) => `p${i + 1}${part}` as InstalmentField)).flat();

export const CONTRACT_BASE_FIELDS = ['number', 'customer', 'customerCreditCode', 'customerPhone', 'deal', 'signedAt', 'amount', 'parts', 'firstDueDate', 'intervalMonths', 'splitMethod', 'note'] as const;
export type ContractField = (typeof CONTRACT_BASE_FIELDS)[number] | InstalmentField;

function instalmentSynonyms(): Record<InstalmentField, string[]> {
  const out = {} as Record<InstalmentField, string[]>;
  for (let n = 1; n <= MAX_INSTALMENTS; n++) {
    for (const [part, spec] of Object.entries(INSTALMENT_PARTS) as Array<[InstalmentPart, (typeof INSTALMENT_PARTS)[InstalmentPart]]>) {
      const prefixes = [`第${n}期`, `第${CN_NUMERALS[n - 1]}期`, ...(n === 1 ? ['首期'] : [])];
      out[`p${n}${part}`] = [...prefixes.flatMap((p) => spec.zh.map((w) => p + w)), ...spec.en.flatMap((w) => [`instalment${n}${w}`, `installment${n}${w}`, `p${n}${w}`])];
    }
  }
  return out;
}
function instalmentLabels(): Record<InstalmentField, { zh: string; en: string }> {
  const out = {} as Record<InstalmentField, { zh: string; en: string }>;
  for (let n = 1; n <= MAX_INSTALMENTS; n++) {
    for (const [part, spec] of Object.entries(INSTALMENT_PARTS) as Array<[InstalmentPart, (typeof INSTALMENT_PARTS)[InstalmentPart]]>) out[`p${n}${part}`] = { zh: `第${n}期${spec.label.zh}`, en: `Instalment ${n} ${spec.label.en}` };
  }
  return out;
}

export const CONTRACT_SPEC: FieldSpec<ContractField> = {
  fields: [...CONTRACT_BASE_FIELDS, ...INSTALMENT_FIELDS],
  customEntity: null,
  ownerRequired: false,
  synonyms: {
    number: ['合同编号', '合同号', '编号', '合同编码', 'contractno', 'contractnumber', 'number', 'contract'],
    ...CUSTOMER_REF,
    deal: ['商机名称', '商机', '项目名称', '项目', 'deal', 'dealname', 'opportunity'],
    signedAt: ['签订日期', '签约日期', '签署日期', '合同日期', 'signedat', 'signedon', 'signeddate', 'signdate'],
    amount: ['合同金额', '金额', '合同总额', '总金额', 'amount', 'contractamount', 'total'],
    parts: ['分期数', '期数', '等分期数', 'parts', 'instalments', 'installments'],
    firstDueDate: ['首期付款日', '首付日期', '第一期付款日', 'firstduedate', 'firstdue'],
    intervalMonths: ['间隔月数', '付款间隔', '每期间隔月数', 'intervalmonths', 'interval'],
    splitMethod: ['付款方式', '结算方式', 'method', 'paymentmethod'],
    note: ['备注', '说明', 'note', 'notes', 'remark'],
    ...instalmentSynonyms(),
  },
  labels: {
    number: { zh: '合同编号', en: 'Contract number' },
    ...CUSTOMER_REF_LABELS,
    deal: { zh: '商机名称', en: 'Deal title' },
    signedAt: { zh: '签订日期', en: 'Signed on' },
    amount: { zh: '合同金额（元）', en: 'Contract amount (yuan)' },
    parts: { zh: '等分期数', en: 'Equal parts' },
    firstDueDate: { zh: '首期付款日（等分）', en: 'First due date (split)' },
    intervalMonths: { zh: '间隔月数（等分，默认 1）', en: 'Months between parts (default 1)' },
    splitMethod: { zh: '付款方式（等分）', en: 'Method (split)' },
    note: { zh: '备注', en: 'Note' },
    ...instalmentLabels(),
  },
};

export const SPECS: Record<ImportKind, FieldSpec> = { customers: CUSTOMER_SPEC, deals: DEAL_SPEC, activities: ACTIVITY_SPEC, contracts: CONTRACT_SPEC };
