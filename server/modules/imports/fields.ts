/**
 * What each kind of import can fill: its fields, the Chinese and English headers and synonyms each is recognised by,
 * and the labels of the mapping screen (Chinese first). Pure data.
 */
export const IMPORT_KINDS = ['customers', 'deals', 'activities'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface FieldSpec<F extends string = string> {
  fields: readonly F[];
  /** Headers people write for each field; compared after `headerKey` (half-width, lower case, no punctuation). */
  synonyms: Record<F, string[]>;
  labels: Record<F, { zh: string; en: string }>;
  /** The record type whose custom fields a column may fill. */
  customEntity: 'customer' | 'deal' | 'activity';
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

export const SPECS: Record<ImportKind, FieldSpec> = { customers: CUSTOMER_SPEC, deals: DEAL_SPEC, activities: ACTIVITY_SPEC };
