/**
 * Every React Query key of the app, from one factory: `queryKeys.deal(id)` is `['deal', id]`, and
 * `queryKeys.deal()` the prefix that invalidates them all. A feature adds its key here instead of writing arrays.
 */
const key =
  <N extends string>(name: N) =>
  <P extends readonly unknown[]>(...parts: P): readonly [N, ...P] =>
    [name, ...parts] as const;

export const queryKeys = {
  /** The detail key of a record whose type is only known at run time (`['deal', id]`, `['customer', id]`). */
  record: (entity: string, id: string) => [entity, id] as const,
  activities: key('activities'),
  appointments: key('appointments'),
  approval: key('approval'),
  approvals: key('approvals'),
  approvalRoutes: key('approval-routes'),
  attachments: key('attachments'),
  audit: key('audit'),
  board: key('board'),
  cadenceRuns: key('cadence-runs'),
  cadenceSteps: key('cadence-steps'),
  cadences: key('cadences'),
  calendar: key('calendar'),
  channels: key('channels'),
  conflicts: key('conflicts'),
  customFields: key('custom-fields'),
  customer: key('customer'),
  customers: key('customers'),
  dashboardSubscriptions: key('dashboard-subscriptions'),
  deal: key('deal'),
  deals: key('deals'),
  dealSettings: key('deal-settings'),
  dictionary: key('dictionary'),
  digestSettings: key('digest-settings'),
  digests: key('digests'),
  imports: key('imports'),
  importRows: key('import-rows'),
  inbox: key('inbox'),
  assistPoints: key('assist-points'),
  assistRules: key('assist-rules'),
  workOrder: key('work-order'),
  workOrders: key('work-orders'),
  workOrderTypes: key('work-order-types'),
  interventions: key('interventions'),
  me: key('me'),
  metric: key('metric'),
  metricRecords: key('metric-records'),
  outbox: key('outbox'),
  pipeline: key('pipeline'),
  pipelineTemplates: key('pipeline-templates'),
  pipelines: key('pipelines'),
  pool: key('pool'),
  rule: key('rule'),
  ruleRuns: key('rule-runs'),
  rules: key('rules'),
  sla: key('sla'),
  tasks: key('tasks'),
  teams: key('teams'),
  tokens: key('tokens'),
  users: key('users'),
};
