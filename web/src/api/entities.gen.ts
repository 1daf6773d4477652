// Generated from server/core/entities.ts by `npm run gen:entities`; do not edit.
export const AUDITED_KINDS = ["customer","contact","deal","activity","task","appointment","attachment","sla_intervention","approval","approval_delegation","work_order","work_order_type","contract","receivable_settings","assist_rule_set","ownership_conflict","team","user","pipeline","custom_field","calendar","team_schedule","channel","outbox","rule","cadence","digest_settings","dashboard_subscription","activity_checklist","activity_settings","lead_settings","approval_route","dictionary","deal_settings","org_settings","health_model","retention_plan","platform_connection"] as const;
export const CUSTOM_FIELD_KINDS = ["customer","deal","activity"] as const;
export const ATTACHMENT_KINDS = ["customer","deal","activity","work_order","contract"] as const;
export const RULE_KINDS = ["customer","deal","activity","task"] as const;
export const RULE_UPDATABLE = ["customer","deal","task"] as const;
export const SETTABLE_FIELDS = {"customer":["level","industry","source","region"],"deal":["title","amountFen","expectedCloseDate"],"activity":["outcome"],"task":["title","dueAt"]} as const;
