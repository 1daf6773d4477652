/**
 * The one catalogue of user-facing error text, Chinese first. The server renders a body's `message` from it in the
 * caller's language; the web app imports the same file and renders by `code`, so the two never drift. Pure data:
 * no imports, usable by the server (NodeNext) and the web app (Vite).
 *
 * Placeholders are `{name}` and are filled from the error's `params`.
 */
export type Lang = 'zh' | 'en';
export interface Msg {
  zh: string;
  en: string;
}
export type MessageParams = Record<string, string | number>;

/** One entry per `ErrorCode` (server/core/errors.ts checks the keys match at compile time). */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: { zh: '提交的内容有误', en: 'The request is invalid' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Log in first' },
  BAD_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { zh: '您无权执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { zh: '未找到', en: 'Not found' },
  CONFLICT: { zh: '与已有数据冲突', en: 'Conflicts with existing data' },
  DUPLICATE_CUSTOMER: { zh: '该客户已存在', en: 'This customer already exists' },
  SWEEP_RUNNING: { zh: '公海回收正在进行，请在完成后再试', en: 'A pool sweep is already running; try again when it has finished' },
  IDEMPOTENCY_IN_PROGRESS: { zh: '使用该幂等键的请求尚未完成', en: 'The request with this idempotency key has not finished' },
  IDEMPOTENCY_KEY_REUSED: { zh: '该幂等键已用于另一个请求', en: 'This idempotency key was already used for a different request' },
  POOL_NOT_AVAILABLE: { zh: '该客户已不在公海中', en: 'This customer is no longer in the pool' },
  POOL_DAILY_LIMIT: { zh: '今日领取数量已达上限', en: 'You reached your daily limit of pool claims' },
  POOL_HOLD_LIMIT: { zh: '持有客户数量已达上限', en: 'You hold the maximum number of customers' },
  PAYLOAD_TOO_LARGE: { zh: '上传的文件过大', en: 'The upload is too large' },
  UNSUPPORTED_MEDIA_TYPE: { zh: '不支持此文件类型', en: 'This file type is not accepted' },
  GATE_UNMET: { zh: '未满足阶段通关条件', en: 'The stage gate is not met' },
  SKIP_NOT_ALLOWED: { zh: '该阶段不允许跳过', en: 'This stage cannot be skipped' },
  INVALID_STATE: { zh: '记录当前的状态不允许此操作', en: 'The record is not in a state that allows this' },
  YAML_INVALID: { zh: 'YAML 文档有误', en: 'The YAML document is invalid' },
  DELIVERABLE_MISSING: { zh: '缺少该步骤的交付物', en: 'The step deliverable is missing' },
  CHECKLIST_INCOMPLETE: { zh: '活动检查清单未完成', en: 'The activity checklist is incomplete' },
  RATE_LIMITED: { zh: '尝试次数过多，请稍后再试', en: 'Too many attempts; wait and retry' },
  URI_TOO_LONG: { zh: '路径参数过长', en: 'A path parameter is too long' },
  HEADERS_TOO_LARGE: { zh: '请求头过大', en: 'The request headers are too large' },
  REQUEST_TIMEOUT: { zh: '请求传输超时', en: 'The request took too long to arrive' },
  INTERNAL: { zh: '服务器出现意外错误', en: 'Unexpected error' },
} as const satisfies Record<string, Msg>;

/** Codes of field errors (`fields[].code`): what is wrong with one input, independent of the form showing it. */
export const FIELD_MESSAGES = {
  required: { zh: '必填', en: 'is required' },
  invalid: { zh: '取值无效', en: 'is invalid' },
  invalid_type: { zh: '类型不正确', en: 'has the wrong type' },
  idempotency_key_reused: { zh: '该幂等键已用于内容不同的请求，请为新的提交生成新键', en: 'was already used with a different body; send a new key for a new submission' },
  invalid_format: { zh: '格式不正确', en: 'has an invalid format' },
  invalid_date: { zh: '须为有效日期（YYYY-MM-DD）', en: 'must be a valid date YYYY-MM-DD' },
  invalid_datetime: { zh: '须为带时区的时间，例如 2026-11-25T10:00:00+08:00', en: 'must be an ISO-8601 instant such as 2026-11-25T10:00:00+08:00' },
  invalid_time: { zh: '须为 24 小时制时间 HH:MM，例如 10:00', en: 'must be a 24-hour time HH:MM such as 10:00' },
  invalid_email: { zh: '须为电子邮箱地址', en: 'must be an e-mail address' },
  invalid_time_zone: { zh: '须为时区名称，例如 Asia/Shanghai', en: 'must be an IANA time zone such as Asia/Shanghai' },
  invalid_cron: { zh: '定时表达式无效', en: 'is not a valid schedule' },
  invalid_credit_code: { zh: '须为 18 位统一社会信用代码', en: 'must be an 18-character unified social credit code' },
  invalid_username: { zh: '只能包含字母、数字和 . _ -', en: 'letters, digits, . _ - only' },
  invalid_key: { zh: '只能包含小写字母、数字、_ 和 -', en: 'lower-case letters, digits, _ and - only' },
  not_in_dictionary: { zh: '“{value}”不在可选值中：{values}', en: '"{value}" is not one of the allowed values: {values}' },
  lost_reason_required: { zh: '标记输单时必须选择输单原因：{values}', en: 'is required to mark the deal lost; one of: {values}' },
  phone_invalid: { zh: '须为 {min} 到 {max} 位数字的电话号码', en: 'must have {min} to {max} digits' },
  phone_format: { zh: '须为电话号码（数字、空格、+ - ( )）', en: 'must be a phone number (digits, spaces, + - ( ))' },
  too_short: { zh: '至少 {min} 个字符', en: 'must have at least {min} characters' },
  too_long: { zh: '最多 {max} 个字符', en: 'must have at most {max} characters' },
  too_small: { zh: '不能小于 {min}', en: 'must be at least {min}' },
  too_large: { zh: '不能大于 {max}', en: 'must be at most {max}' },
  too_few: { zh: '至少需要 {min} 项', en: 'must list at least {min} items' },
  too_many: { zh: '最多 {max} 项', en: 'must list at most {max} items' },
  out_of_range: { zh: '须在 {min} 到 {max} 之间', en: 'must be between {min} and {max}' },
  not_number: { zh: '须为数字', en: 'must be a number' },
  not_fen: { zh: '须为以分为单位的整数金额', en: 'must be an integer amount in fen (分)' },
  not_user_id: { zh: '须为用户 ID', en: 'must be a user id' },
  not_integer: { zh: '须为整数', en: 'must be a whole number' },
  unknown_value: { zh: '须为以下之一：{values}', en: 'must be one of {values}' },
  unknown_field: { zh: '不认识的字段：{keys}', en: 'unknown field(s): {keys}' },
  duplicate: { zh: '有重复项', en: 'lists a value twice' },
  empty_change: { zh: '没有要修改的内容', en: 'nothing to change' },
  taken: { zh: '已被占用', en: 'is already taken' },
  in_future: { zh: '不能晚于当前时间', en: 'must not be in the future' },
  not_in_future: { zh: '须晚于当前时间', en: 'must be in the future' },
  mobile_required: { zh: '须为手机号（11 位，1 开头），座机无法接收短信', en: 'must be a mobile number (11 digits starting with 1); a landline cannot receive SMS' },
  too_far_ahead: { zh: '不能晚于 {days} 天以后', en: 'must not be more than {days} days ahead' },
  date_too_far_past: { zh: '日期过早（早于 {min}），请检查年份', en: 'is too far in the past (before {min}); check the year' },
  too_far_past: { zh: '不能早于 30 分钟以前', en: 'must not be more than 30 minutes in the past' },
  before_start: { zh: '不能早于开始日期', en: 'must not be before from' },
  day_also_off: { zh: '{date} 同时列在额外休息日中', en: '{date} is also listed in extraDaysOff' },
  range_too_long: { zh: '范围最多 {max} 天', en: 'the range covers at most {max} days' },
  not_found_user: { zh: '没有该在职用户', en: 'no such active user' },
  not_found_team: { zh: '没有该团队', en: 'no such team' },
  not_found_customer: { zh: '您的范围内没有该客户', en: 'no such customer in your scope' },
  not_found_deal: { zh: '您的范围内没有该商机', en: 'no such deal in your scope' },
  not_found_pipeline: { zh: '没有该流程', en: 'no such pipeline' },
  not_found_stage: { zh: '流程中没有阶段“{stage}”', en: 'no stage "{stage}" in this pipeline' },
  closing_stage: { zh: '“{stage}”是结束阶段，须为进行中的阶段：{values}', en: '"{stage}" is a closing stage; one of {values}' },
  not_found_cadence: { zh: '没有该跟进节奏', en: 'no such cadence' },
  not_found_template: { zh: '没有该模板', en: 'no such template' },
  not_found_record: { zh: '引用的记录不存在', en: 'refers to a missing record' },
  not_found_contact: { zh: '不是该客户的联系人', en: 'not a contact of this customer' },
  not_custom_field: { zh: '不是已定义的自定义字段', en: 'is not a defined custom field' },
  not_checklist_item: { zh: '不在该检查清单中', en: 'is not an item of the checklist' },
  outside_team: { zh: '不在您的团队范围内', en: 'is outside your team' },
  must_be_self: { zh: '只能是您自己', en: 'must be yourself' },
  assignee_not_allowed: { zh: '不能分配给该用户', en: 'must be an active user in your team' },
  not_allowed_for_role: { zh: '您的角色不能查看或设置此项', en: 'not allowed for your role' },
  current_stage: { zh: '已是当前阶段', en: 'is the current stage' },
  reopen_first: { zh: '请先重新打开到进行中的阶段', en: 'reopen into an open stage first' },
  skip_refused: { zh: '会跳过不允许跳过的阶段：{stages}', en: 'would skip {stages}, which do not allow skipping' },
  skip_reason_required: { zh: '跳过阶段 {stages} 时必须填写原因', en: 'is required to skip {stages}' },
  terminal_start: { zh: '商机须从进行中的阶段开始，之后再移动到赢单或输单', en: 'a deal starts in an open stage; move it to close it' },
  stage_holds_deals: { zh: '阶段“{stage}”还有 {count} 个商机，请先移走', en: 'stage "{stage}" still holds {count} deal(s); move them first' },
  other_customer: { zh: '属于另一个客户', en: 'belongs to another customer' },
  same_as_leaver: { zh: '不能交接给离职的用户本人', en: 'cannot hand over to the leaving user' },
  must_be_consultant: { zh: '须为在职的门店顾问', en: 'must be an active consultant' },
  outside_reach: { zh: '须为本门店或本大区相邻门店的顾问', en: 'must be a consultant of your store or a neighbouring store of your region' },
  not_found_channel: { zh: '没有该通知渠道', en: 'no such channel' },
  not_a_robot: { zh: '“{name}”不是企业微信/钉钉/飞书机器人', en: '"{name}" is not a WeCom/DingTalk/Feishu robot' },
  other_team_channel: { zh: '“{name}”属于其他团队', en: '"{name}" belongs to another team' },
  not_a_store: { zh: '日报按门店或小组发送', en: 'digests are per store or team' },
  date_field_empty: { zh: '启动此节奏前，请先在商机上填写该日期', en: 'must be a date (YYYY-MM-DD) on the deal before this cadence can start' },
  no_checklist: { zh: '该活动类型没有检查清单', en: 'this activity type has no checklist' },
  already_resolved: { zh: '已处理', en: 'already resolved' },
  masked_secret: { zh: '请重新填写密钥；掩码只保留相同地址的已存密钥', en: 'give the secret; the mask only keeps the stored secret of the same webhook URL' },
  recipient_required: { zh: '请填写接收测试消息的邮箱或手机号', en: 'give an e-mail address or mobile number to send the test to' },
  merge_not_possible: { zh: '此申请没有可合并的重复客户，请选择保留或转移', en: 'this request names no duplicate record to merge; use keep or transfer' },
  merge_target: { zh: '须为申请的客户或申请人的重复客户', en: 'must be the requested customer or the requester’s duplicate' },
  own_duplicate: { zh: '须为您名下的另一个客户', en: 'must be another customer of yours' },
  url_invalid: { zh: '不是有效的网址', en: 'is not a valid URL' },
  http_invalid: { zh: '不是有效的 HTTP 请求', en: 'is not valid HTTP' },
  content_type: { zh: '须为 {types}', en: 'must be {types}' },
  origin_not_allowed: { zh: '须为本服务器或允许的来源（ACTIONFLOW_ALLOWED_ORIGINS）', en: 'must be this server or an allowed origin (ACTIONFLOW_ALLOWED_ORIGINS)' },
  wrong_password: { zh: '密码错误', en: 'is wrong' },
  cursor_invalid: { zh: '不是此列表返回的游标', en: 'is not a cursor returned by this list' },
  cursor_other_sort: { zh: '属于另一种排序，请不带游标重新开始', en: 'belongs to another sort order; start again without a cursor' },
  file_missing: { zh: '请在名为 file 的字段中上传一个文件', en: 'send exactly one file, in the part named "file"' },
  file_empty: { zh: '文件为空', en: 'is empty' },
  file_too_large: { zh: '文件不能超过 {max} 字节', en: 'must be at most {max} bytes' },
  file_type: { zh: '不接受此文件类型', en: 'this file type is not accepted' },
  multipart_required: { zh: '请以 multipart/form-data 上传', en: 'must be multipart/form-data' },
  approval_kind_unknown: { zh: '没有类型为“{kind}”的审批路线', en: 'no approval route of kind "{kind}"' },
  approval_fallback_unresolvable: { zh: '兜底审批人 {specs} 找不到在职用户', en: 'fallback approvers {specs} name no active user' },
  not_found_work_order_type: { zh: '没有该工单类型（或已停用）', en: 'no such active work-order type' },
  not_in_queue: { zh: '须为处理团队“{team}”中的在职成员', en: 'must be an active member of the handling team "{team}"' },
  not_in_past: { zh: '不能早于今天（{today}），积分规则的变更不改写过去', en: 'must not be before today ({today}): a rule change never rewrites the past' },
  // YAML documents (pipelines, rules, cadences…): `FILE:line:col: message`, the message by one of these codes.
  yaml_syntax: { zh: 'YAML 语法错误（{kind}）', en: 'YAML syntax error ({kind})' },
  yaml_duplicate_key: { zh: '同一映射中的键重复', en: 'duplicate key in the same mapping' },
  yaml_too_large: { zh: '文档过大（最多 {max} KiB）', en: 'the document is too large (at most {max} KiB)' },
  yaml_too_deep: { zh: '文档嵌套过深（最多 {max} 层）', en: 'the document is nested too deeply (at most {max} levels)' },
  yaml_too_many_aliases: { zh: '别名展开过多（每个文档最多 {max} 次）', en: 'too many alias expansions (at most {max} per document)' },
  yaml_not_mapping: { zh: '文档须为“键: 值”映射，并包含必需的键', en: 'the document must be a mapping with the required keys' },
  yaml_unknown_key: { zh: '未知的键“{key}”', en: 'unknown key "{key}"' },
  yaml_required: { zh: '此处缺少“{key}”', en: '"{key}" is required here' },
  // Import rows (modules/imports): each problem names the sheet row and column, in both languages.
  phone_scientific: { zh: '电话被 Excel 存成了科学计数法（{value}），后几位已丢失，请把该列设为文本后重新填写', en: 'Excel stored this phone in scientific notation ({value}); its last digits are lost: format the column as text and re-enter it' },
  phone_mobile_length: { zh: '以 1 开头的手机号须为 11 位（{value}）', en: 'a mobile number starting with 1 has 11 digits ({value})' },
  credit_code_length: { zh: '统一社会信用代码须为 18 位（现为 {length} 位）', en: 'a unified social credit code has 18 characters (this has {length})' },
  credit_code_check: { zh: '统一社会信用代码校验位不正确（GB 32100-2015）', en: 'the check character of the unified social credit code is wrong (GB 32100-2015)' },
  amount_invalid: { zh: '须为金额，例如 ¥1,234.50 或 1234.5元', en: 'must be an amount such as ¥1,234.50 or 1234.5元' },
  amount_precision: { zh: '金额最多精确到分', en: 'an amount has at most two decimals (fen)' },
  date_invalid: { zh: '须为日期，例如 2026-11-05、2026/11/5、2026年11月5日', en: 'must be a date such as 2026-11-05, 2026/11/5 or 2026年11月5日' },
  owner_unknown: { zh: '没有名为“{value}”的在职用户', en: 'no active user named "{value}"' },
  owner_ambiguous: { zh: '有多个用户名为“{value}”，请填写用户名', en: 'several users are called "{value}": use the username' },
  owner_out_of_scope: { zh: '您不能把客户分配给“{value}”', en: 'you may not make "{value}" the owner' },
  owner_required: { zh: '请填写负责人或指定默认负责人', en: 'name an owner, or give a default owner' },
  select_unknown: { zh: '“{value}”不是可选值（{options}）', en: '"{value}" is not one of the options ({options})' },
  duplicate_in_file: { zh: '与第 {row} 行是同一客户（{on}）', en: 'the same customer as row {row} ({on})' },
  duplicate_ambiguous: { zh: '同时匹配多个已有客户：{names}', en: 'matches several existing customers: {names}' },
  record_out_of_scope: { zh: '已有客户“{name}”不在您的范围内，未修改', en: 'the existing customer "{name}" is outside your scope; not changed' },
  name_match_only: { zh: '仅按公司名称匹配到已有客户“{name}”，不会自动覆盖，已转入归属冲突处理', en: 'matches the existing customer "{name}" by company name only; it is not overwritten but sent to the ownership-conflict queue' },
  exists_skipped: { zh: '客户已存在（{name}），按导入设置跳过', en: 'the customer exists ({name}); skipped as the import says' },
  not_found_skipped: { zh: '没有匹配的已有客户，仅更新模式下跳过', en: 'no existing customer matches; skipped in update-only mode' },
  mapping_unknown_field: { zh: '未知的导入字段“{value}”', en: 'unknown import field "{value}"' },
  mapping_twice: { zh: '字段“{value}”被映射了两次', en: 'the field "{value}" is mapped twice' },
  mapping_name_required: { zh: '须映射“客户名称”列', en: 'map a column to the customer name' },
  import_file_type: { zh: '须为 .xlsx 或 .csv 文件', en: 'must be an .xlsx or .csv file' },
  import_file_empty: { zh: '文件中没有表头行', en: 'the file has no header row' },
  cell_garbled: { zh: '单元格文字读取时出现乱码（�），未导入该行，请重新导入', en: 'the cell text came out garbled (�) when read; the row was not imported, import it again' },
  not_found_attachment: { zh: '您的范围内没有该附件', en: 'no such attachment in your scope' },
  not_found_activity: { zh: '该客户没有这条跟进记录', en: 'no such activity of this customer' },
  material_source: { zh: '请提供附件或网址（二选一）', en: 'give either an attachment or a URL' },
  expires_past: { zh: '过期时间须晚于现在，且不超过 180 天', en: 'must be in the future and at most 180 days ahead' },
} as const satisfies Record<string, Msg>;
export type FieldCode = keyof typeof FIELD_MESSAGES;

/** Names of what `NOT_FOUND` reports missing (`notFound('Deal')` → 商机不存在). */
export const RECORD_NAMES = {
  Activity: { zh: '活动', en: 'Activity' },
  Appointment: { zh: '预约', en: 'Appointment' },
  Attachment: { zh: '附件', en: 'Attachment' },
  Cadence: { zh: '跟进节奏', en: 'Cadence' },
  Channel: { zh: '通知渠道', en: 'Channel' },
  Contact: { zh: '联系人', en: 'Contact' },
  'Custom field': { zh: '自定义字段', en: 'Custom field' },
  Approval: { zh: '审批', en: 'Approval' },
  'Approval route': { zh: '审批路线', en: 'Approval route' },
  Delegation: { zh: '审批委托', en: 'Delegation' },
  Customer: { zh: '客户', en: 'Customer' },
  Deal: { zh: '商机', en: 'Deal' },
  Import: { zh: '导入', en: 'Import' },
  'Import preset': { zh: '导入映射方案', en: 'Import preset' },
  Intervention: { zh: '干预记录', en: 'Intervention' },
  Notification: { zh: '通知', en: 'Notification' },
  'Outbox message': { zh: '待发消息', en: 'Outbox message' },
  'Ownership conflict': { zh: '归属冲突', en: 'Ownership conflict' },
  Pipeline: { zh: '流程', en: 'Pipeline' },
  Record: { zh: '记录', en: 'Record' },
  Rule: { zh: '规则', en: 'Rule' },
  Stage: { zh: '阶段', en: 'Stage' },
  Task: { zh: '任务', en: 'Task' },
  Team: { zh: '团队', en: 'Team' },
  Token: { zh: '令牌', en: 'Token' },
  User: { zh: '用户', en: 'User' },
  'Work order': { zh: '工单', en: 'Work order' },
  'Work order type': { zh: '工单类型', en: 'Work-order type' },
  Alias: { zh: '别名', en: 'Alias' },
  'Material link': { zh: '资料链接', en: 'Material link' },
  'Call-back': { zh: '抽检回访', en: 'Call-back' },
} as const satisfies Record<string, Msg>;
export type RecordName = keyof typeof RECORD_NAMES;

/**
 * Specific explanations an error may carry as `reason` (besides its `code`), when the catalogue text of the code
 * alone would not tell the user what to do.
 */
export const REASON_MESSAGES = {
  not_found: { zh: '{what}不存在', en: '{what} not found' },
  no_route: { zh: '没有该接口：{route}', en: 'No route {route}' },
  token_invalid: { zh: 'API 令牌无效、已过期或已撤销', en: 'The API token is invalid, expired or revoked' },
  roles_required: { zh: '需要以下角色之一：{roles}', en: 'Requires one of the roles: {roles}' },
  retry_in: { zh: '尝试次数过多，请 {seconds} 秒后重试', en: 'Too many attempts; retry in {seconds} s' },
  channel_rate_limited: { zh: '该渠道已达发送频率上限，请在 {until} 之后重试', en: "The channel's rate limit is reached; try again after {until}" },
  unique_taken: { zh: '已存在相同唯一值的记录', en: 'A record with the same unique value already exists' },
  reference_missing: { zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  moved_meanwhile: { zh: '该记录已被他人修改，请刷新后重试', en: 'The record was changed by someone else meanwhile; reload and retry' },
  already_in_stage: { zh: '商机已处于阶段“{stage}”', en: 'The deal is already in stage "{stage}"' },
  reopen_lost_first: { zh: '输单的商机须先重新打开到进行中的阶段，才能赢单', en: 'A lost deal must be reopened into an open stage before it can be won' },
  skip_refused: { zh: '阶段 {stages} 不允许跳过', en: 'Stage {stages} cannot be skipped' },
  gate_unmet: { zh: '阶段“{stage}”的通关条件未满足：缺少 {count} 项', en: 'The gate of stage "{stage}" is not met: {count} requirement(s) missing' },
  stages_hold_deals: { zh: '无法删除阶段 {stages}：其中还有商机', en: 'Cannot remove stage {stages}: it still holds deals' },
  yaml_errors: { zh: 'YAML 有 {count} 处错误，第一处在第 {line} 行第 {column} 列：{detail}', en: 'The YAML has {count} error(s); first at line {line}, column {column}: {detail}' },
  dictionary_key_taken: { zh: '已存在值为“{key}”的字典项', en: 'A dictionary entry "{key}" already exists' },
  appointment_duplicate: { zh: '该手机号在 {at} 已有预约，请勿重复登记', en: 'This phone already has an appointment at {at}; do not book it twice' },
  pipeline_in_use: { zh: '该流程仍有 {count} 个商机，不能删除；请改为归档', en: 'The pipeline still has {count} deal(s) and cannot be deleted; archive it instead' },
  lost_needs_manager: { zh: '金额超过 {threshold} 元的商机须由经理确认输单', en: 'A deal above ¥{threshold} is marked lost by a manager' },
  pipeline_key_taken: { zh: '已存在键为“{key}”的流程', en: 'A pipeline "{key}" already exists' },
  rule_key_taken: { zh: '已存在键为“{key}”的规则', en: 'A rule "{key}" already exists' },
  custom_field_taken: { zh: '{entity} 已定义键“{key}”', en: '"{key}" is already defined for {entity}' },
  username_taken: { zh: '用户名“{username}”已被占用', en: 'Username "{username}" is taken' },
  amounts_hidden: { zh: '您的角色不能查看或设置金额', en: 'Your role may not see or set amounts' },
  own_deals_only: { zh: '销售只能负责自己的商机', en: 'Sellers can only own their own deals' },
  assign_not_allowed: { zh: '您不能把记录分配给该用户', en: 'You may not assign records to this user' },
  already_delivered: { zh: '该消息已发送成功', en: 'This message was already delivered' },
  lead_settings_managers: { zh: '只有经理可以查看线索设置', en: 'Only a manager reads the lead settings' },
  manager_only_handover: { zh: '只有经理可以交接销售的工作', en: 'Only a manager hands over a seller’s work' },
  assignment_team_gone: { zh: '分配规则“{rule}”指向的团队已不存在，请修改线索分配设置', en: 'Assignment rule "{rule}" names a team that no longer exists; fix the lead assignment settings' },
  assignment_no_seller: { zh: '团队“{team}”没有在职销售可分配（规则“{rule}”）', en: 'Team "{team}" has no active seller to assign the lead to (rule "{rule}")' },
  already_yours: { zh: '这已是您的客户', en: 'This customer is already yours' },
  in_pool_claim: { zh: '客户在公海中，请直接领取', en: 'The customer is in the pool: claim it instead' },
  transfer_pending: { zh: '您已提交过转移申请，等待经理处理', en: 'You already asked for this customer; a manager will decide' },
  resolver_only: { zh: '只有任一方的经理可以处理归属冲突', en: 'Only a manager of either party resolves ownership conflicts' },
  conflict_resolved: { zh: '该冲突已处理', en: 'This conflict is already resolved' },
  requester_inactive: { zh: '申请人已离职', en: 'The requester is no longer active' },
  customer_deleted: { zh: '该客户已被删除', en: 'The customer was deleted' },
  merge_customer_deleted: { zh: '两个客户之一已被删除', en: 'One of the two customers was deleted' },
  claimers_only: { zh: '只有销售和经理可以从公海领取客户', en: 'Only sellers and managers claim customers from the pool' },
  pool_taken: { zh: '该客户已被领取或不在公海', en: 'Already claimed or not in the pool' },
  pool_daily_limit: { zh: '今日已领取 {count} 个，上限 {limit} 个', en: 'You claimed {count} today; the daily limit is {limit}' },
  pool_hold_limit: { zh: '已持有 {count} 个客户，上限 {limit} 个', en: 'You hold {count} customers; the limit is {limit}' },
  duplicate_in_pool: { zh: '客户已在公海中，可直接领取（匹配：{on}）', en: 'This customer is in the pool; claim it instead (matched on {onEn})' },
  duplicate_in_other_pool: { zh: '客户「{name}」在其他团队（{team}）的公海中，您可以申请转移给您（匹配：{on}）', en: '"{name}" is in another team\'s pool ({team}); you may request a transfer to you (matched on {onEn})' },
  duplicate_yours: { zh: '这是您自己的客户「{name}」（匹配：{on}）', en: 'This customer "{name}" is already yours (matched on {onEn})' },
  duplicate_owned: { zh: '客户「{name}」已属于 {owner}，可申请转移（匹配：{on}）', en: '"{name}" is already owned by {owner}; you may request a transfer (matched on {onEn})' },
  digest_settings_managers: { zh: '日报设置需要管理员、总监、大区经理或组长', en: 'Digest settings need an admin, director, regional manager or team lead' },
  booking_roles: { zh: '预约由门店顾问和经理登记', en: 'Appointments are registered by store consultants and managers' },
  appointment_cancelled: { zh: '该预约已取消', en: 'The appointment was cancelled' },
  cancel_booked_only: { zh: '只有已预约状态可以取消（当前：{status}）', en: 'Only a booked appointment can be cancelled (this one is {status})' },
  reassign_managers_only: { zh: '只有经理可以改派回访电话', en: 'Only managers reassign follow-up calls' },
  reassign_no_show_only: { zh: '只有未到店的预约可以改派回访（当前：{status}）', en: 'Only a no-show is reassigned for a follow-up call (this one is {status})' },
  intervention_resolved: { zh: '该干预已处理', en: 'This intervention is already resolved' },
  cadence_anchor_empty: { zh: '跟进节奏从商机的 {field} 开始计算，但该字段为空，请先填写', en: "The cadence counts from the deal's {field}, which is empty: fill it first" },
  cadence_deal_closed: { zh: '商机状态为 {status}，跟进节奏只在进行中的商机上运行', en: 'The deal is {status}; cadences run on open deals only' },
  customer_opted_out: { zh: '客户已退订跟进', en: 'The customer opted out of follow-ups (退订)' },
  deal_owner_inactive: { zh: '商机负责人已离职，请先交接', en: 'The deal owner is inactive; hand the deal over first' },
  cadence_running: { zh: '跟进节奏“{cadence}”已在该商机上运行', en: 'Cadence "{cadence}" is already running on this deal' },
  deliverable_missing: { zh: '步骤“{step}”需要交付物：{missing}', en: 'Step "{step}" needs its deliverable: {missingEn}' },
  checklist_incomplete: { zh: '{type} 检查清单未完成：{missing}', en: 'The {type} checklist is incomplete: {missingEn}' },
  demo_needs_empty: { zh: '数据库中已有用户；运行 actionflow demo 可重置并加载演示公司', en: 'The database already has users; run `actionflow demo` to reset it and load the demo company' },
  bad_url: { zh: '网址无效（百分号编码有误）', en: 'The URL is not valid (bad percent-encoding)' },
  malformed_http: { zh: 'HTTP 请求格式错误', en: 'The HTTP request is malformed' },
  send_body_as: { zh: '请求体须为 {types}', en: 'Send the body as {types}' },
  origin_refused: { zh: '来源 {origin} 不能在此修改数据', en: 'Origin {origin} may not change data here' },
  cross_site_refused: { zh: '跨站请求不能修改数据', en: 'Cross-site requests may not change data' },
  opaque_origin_refused: { zh: '来源不明的请求不能修改数据', en: 'Requests from opaque origins may not change data' },
  api_tokens_disabled: { zh: 'API 令牌仅限以下角色：{roles}', en: 'API tokens are for these roles only: {roles}' },
  login_locked: { zh: '登录失败次数过多，请 {seconds} 秒后重试', en: 'Too many failed logins; retry in {seconds} s' },
  current_password_wrong: { zh: '当前密码错误', en: 'The current password is wrong' },
  idempotency_running: { zh: '首个请求仍在处理中，请稍后重试', en: 'The first request is still being processed; retry shortly' },
  idempotency_unfinished: { zh: '首个请求未完成（可能已保存）：请先确认记录是否已创建，再用新的幂等键重试', en: 'The first request never finished (it may have been saved): check whether the record exists, then retry with a new key' },
  upload_multipart: { zh: '请以 multipart/form-data 上传', en: 'Send the upload as multipart/form-data' },
  approval_no_approver: { zh: '第 {index} 步“{step}”找不到可审批的人（含兜底审批人），请联系管理员调整审批路线', en: 'Step {index} "{step}" has nobody who can approve (fallback included); ask an administrator to fix the approval route' },
  approval_not_pending: { zh: '该审批已不在待审批状态（当前：{status}）', en: 'This approval is no longer pending (it is {status})' },
  approval_decided_meanwhile: { zh: '该审批步骤已被他人处理，请刷新', en: 'Someone else decided this step meanwhile; reload' },
  approval_not_yours: { zh: '当前步骤不需要您审批', en: 'The current step is not waiting for you' },
  approval_requester_only: { zh: '只有申请人可以撤回或重新提交', en: 'Only the requester withdraws or resubmits' },
  approval_already_decided: { zh: '已有审批人作出决定，不能撤回', en: 'An approver has already decided: it can no longer be withdrawn' },
  approval_not_resubmittable: { zh: '只有草稿、已驳回或已撤回的审批可以重新提交（当前：{status}）', en: 'Only a draft, rejected or withdrawn approval can be resubmitted (it is {status})' },
  approval_open_exists: { zh: '该商机已有进行中的“{kind}”审批', en: 'This deal already has an open "{kind}" approval' },
  approval_published_meanwhile: { zh: '审批路线已被他人发布，请刷新后重试', en: 'Someone published the route meanwhile; reload and retry' },
  approval_no_draft: { zh: '审批路线“{kind}”没有草稿可发布', en: 'Approval route "{kind}" has no draft to publish' },
  approval_same_version: { zh: '审批已在当前版本 {version} 上', en: 'The approval is already on the current version {version}' },
  delegation_overlaps: { zh: '该时间段已有委托（{from} 至 {to}）', en: 'A delegation already covers part of this period ({from} to {to})' },
  delegation_self: { zh: '不能委托给自己', en: 'You cannot delegate to yourself' },
  wo_transition: { zh: '工单状态不能从“{from}”变为“{to}”', en: 'A work order cannot go from {from} to {to}' },
  wo_requester_only: { zh: '只有发起人可以这样做（{to}）', en: 'Only the requester may do this ({to})' },
  wo_helper_only: { zh: '只有处理团队的成员可以这样做（{to}）', en: 'Only a member of the handling team may do this ({to})' },
  wo_already_rated: { zh: '该工单已评分', en: 'This work order is already rated' },
  wo_not_resolved: { zh: '工单解决后才能评分', en: 'A work order is rated once it is resolved' },
  wo_type_key_taken: { zh: '已存在键为“{key}”的工单类型', en: 'A work-order type "{key}" already exists' },
  points_not_visible: { zh: '您只能查看自己或您团队成员的积分', en: 'You may see the points of yourself and your team only' },
  import_wrong_status: { zh: '导入当前状态为 {status}，不能执行此操作', en: 'The import is {status}; this is not possible now' },
  import_undo_expired: { zh: '导入只能在 {days} 天内撤销', en: 'An import can be undone within {days} days only' },
  import_running: { zh: '该导入正在另一个进程中运行', en: 'The import is running in another process' },
  alias_exists: { zh: '该客户已有此别名', en: 'The customer already has this alias' },
  material_link_gone: { zh: '该链接已过期或已被撤回', en: 'This link has expired or was revoked' },
  material_link_busy: { zh: '该链接访问过于频繁，请稍后再试', en: 'This link was opened too often; try again later' },
  callback_result_checker: { zh: '只有抽检人或经理可以登记回访结果', en: 'Only the checker or a manager records the call-back result' },
} as const satisfies Record<string, Msg>;
export type ReasonCode = keyof typeof REASON_MESSAGES;

/** Fills `{name}` placeholders; a missing parameter stays visible rather than vanishing. */
export function fillMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** Text of a reason; a `what` parameter naming a record type (`not_found`) is translated too. */
export function reasonMessage(reason: ReasonCode, lang: Lang, params?: MessageParams): string {
  const what = params?.what;
  const named = typeof what === 'string' && Object.hasOwn(RECORD_NAMES, what) ? { ...params, what: RECORD_NAMES[what as RecordName][lang] } : params;
  return fillMessage(REASON_MESSAGES[reason][lang], named);
}

/** Text of a field error code. */
export function fieldCodeMessage(code: FieldCode, lang: Lang, params?: MessageParams): string {
  return fillMessage(FIELD_MESSAGES[code][lang], params);
}

/**
 * The language of an `Accept-Language` header: English only when English is preferred over Chinese; Chinese
 * otherwise, including when the header is absent or names neither.
 */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return 'zh';
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',')) {
    const [tag, ...attrs] = part.trim().toLowerCase().split(';');
    const lang: Lang | null = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : null;
    if (!lang) continue;
    const qAttr = attrs.map((a) => a.trim()).find((a) => a.startsWith('q='));
    const q = qAttr ? Number(qAttr.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang ?? 'zh';
}
