import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import {
  AccountBookOutlined,
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BulbOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  EditOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  MessageOutlined,
  SettingOutlined,
  SwapOutlined,
  PhoneOutlined,
  TeamOutlined,
  TrophyOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { AbilityCheck } from './auth/abilities';
import type { MessageKey } from './i18n/zh';

/**
 * Every page is its own chunk: the first load carries the shell and the page asked for, not all 20-odd screens.
 * Pages are named exports, so the loader picks the one wanted out of its module.
 */
function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Page = lazy<ComponentType>(() => load().then((m) => ({ default: m[name] })));
  return function LazyPage() {
    return (
      <Suspense fallback={<Skeleton active />}>
        <Page />
      </Suspense>
    );
  };
}

/** Who is looking: their abilities from `GET /api/me/abilities` decide what a menu entry shows. */
export type Viewer = AbilityCheck;

export interface AppRoute {
  /** Path under the app root, as the router takes it (`customers/:id`); a group's path only prefixes its children. */
  path: string;
  page?: ComponentType;
  /** In the menu with this label and icon; absent for detail pages. */
  menu?: { label: MessageKey; icon?: ReactNode };
  /** Whether the menu shows it to this viewer (the page itself stays reachable by URL, as the API decides access). */
  visible?: (viewer: Viewer) => boolean;
  children?: AppRoute[];
}

const may = (action: string) => (v: Viewer) => v.can(action);

/** The one list of pages: the router and the menu are both built from it, in this order. */
export const ROUTES: AppRoute[] = [
  { path: 'tasks', page: lazyPage(() => import('./features/tasks/MyTasksPage'), 'MyTasksPage'), menu: { label: 'nav.tasks', icon: <CheckSquareOutlined /> } },
  { path: 'customers', page: lazyPage(() => import('./features/customers/CustomersPage'), 'CustomersPage'), menu: { label: 'nav.customers', icon: <TeamOutlined /> } },
  { path: 'customers/:id', page: lazyPage(() => import('./features/customers/CustomerDetailPage'), 'CustomerDetailPage') },
  { path: 'deals', page: lazyPage(() => import('./features/deals/DealsPage'), 'DealsPage'), menu: { label: 'nav.deals', icon: <FundProjectionScreenOutlined /> } },
  { path: 'deals/:id', page: lazyPage(() => import('./features/deals/DealDetailPage'), 'DealDetailPage') },
  { path: 'quick-log', page: lazyPage(() => import('./features/activities/QuickLogPage'), 'QuickLogPage'), menu: { label: 'nav.quickLog', icon: <EditOutlined /> } },
  // After the four daily pages: the phone's bottom bar shows the first four menu entries.
  { path: 'dashboard', page: lazyPage(() => import('./features/insight/DashboardPage'), 'DashboardPage'), menu: { label: 'nav.dashboard', icon: <DashboardOutlined /> } },
  { path: 'appointments', page: lazyPage(() => import('./features/appointments/AppointmentsPage'), 'AppointmentsPage'), menu: { label: 'nav.appointments', icon: <CalendarOutlined /> } },
  { path: 'approvals', page: lazyPage(() => import('./features/approvals/ApprovalsPage'), 'ApprovalsPage'), menu: { label: 'nav.approvals', icon: <AuditOutlined /> } },
  { path: 'approvals/delegations', page: lazyPage(() => import('./features/approvals/DelegationsPage'), 'DelegationsPage') },
  { path: 'approvals/:id', page: lazyPage(() => import('./features/approvals/ApprovalsPage'), 'ApprovalDetailPage') },
  { path: 'callbacks', page: lazyPage(() => import('./features/callbacks/CallbacksPage'), 'CallbacksPage'), menu: { label: 'nav.callbacks', icon: <PhoneOutlined /> }, visible: (v) => v.can('callback.record') || v.can('callback.check') },
  { path: 'digests', page: lazyPage(() => import('./features/digests/DigestsPage'), 'DigestsPage'), menu: { label: 'nav.digests', icon: <BarChartOutlined /> } },
  {
    path: 'receivables',
    page: lazyPage(() => import('./features/receivables/ReceivablesPage'), 'ReceivablesPage'),
    menu: { label: 'nav.receivables', icon: <AccountBookOutlined /> },
    visible: may('receivable.board'),
  },
  { path: 'contracts/:id', page: lazyPage(() => import('./features/receivables/ReceivablesPage'), 'ContractPage') },
  { path: 'work-orders', page: lazyPage(() => import('./features/workorders/WorkOrdersPage'), 'WorkOrdersPage'), menu: { label: 'nav.workOrders', icon: <CustomerServiceOutlined /> } },
  { path: 'work-orders/:id', page: lazyPage(() => import('./features/workorders/WorkOrderDetailPage'), 'WorkOrderDetailPage') },
  { path: 'assist-points', page: lazyPage(() => import('./features/workorders/AssistPointsPage'), 'AssistPointsPage'), menu: { label: 'nav.assistPoints', icon: <TrophyOutlined /> } },
  { path: 'imports', page: lazyPage(() => import('./features/imports/ImportsPage'), 'ImportsPage'), menu: { label: 'nav.imports', icon: <UploadOutlined /> }, visible: may('import.run') },
  { path: 'retention-plans/:id', page: lazyPage(() => import('./features/health/RetentionPlanPage'), 'RetentionPlanPage') },
  { path: 'imports/:id', page: lazyPage(() => import('./features/imports/ImportDetailPage'), 'ImportDetailPage') },
  { path: 'pool', page: lazyPage(() => import('./features/leads/PoolPage'), 'PoolPage'), menu: { label: 'nav.pool', icon: <InboxOutlined /> } },
  {
    path: 'ownership-conflicts',
    page: lazyPage(() => import('./features/leads/ConflictsPage'), 'ConflictsPage'),
    menu: { label: 'nav.conflicts', icon: <SwapOutlined /> },
    visible: may('conflict.resolve'),
  },
  { path: 'patterns', page: lazyPage(() => import('./features/patterns/PatternsPage'), 'PatternsPage'), menu: { label: 'nav.patterns', icon: <BulbOutlined /> }, visible: may('pattern.read') },
  {
    path: 'interventions',
    page: lazyPage(() => import('./features/sla/InterventionsPage'), 'InterventionsPage'),
    menu: { label: 'nav.interventions', icon: <AlertOutlined /> },
    visible: may('intervention.view'),
  },
  {
    path: 'admin',
    menu: { label: 'nav.admin', icon: <SettingOutlined /> },
    visible: may('org.manage'),
    children: [
      { path: 'admin/users', page: lazyPage(() => import('./features/admin/UsersPage'), 'UsersPage'), menu: { label: 'nav.adminUsers' } },
      { path: 'admin/pipelines', page: lazyPage(() => import('./features/admin/PipelinesPage'), 'PipelinesPage'), menu: { label: 'nav.adminPipelines' } },
      { path: 'admin/pipelines/:id', page: lazyPage(() => import('./features/admin/PipelineEditPage'), 'PipelineEditPage') },
      { path: 'admin/fields', page: lazyPage(() => import('./features/admin/CustomFieldsPage'), 'CustomFieldsPage'), menu: { label: 'nav.adminFields' } },
      { path: 'admin/rules', page: lazyPage(() => import('./features/rules/RulesPage'), 'RulesPage'), menu: { label: 'nav.adminRules' } },
      { path: 'admin/rules/:id', page: lazyPage(() => import('./features/rules/RuleEditPage'), 'RuleEditPage') },
      { path: 'admin/cadences', page: lazyPage(() => import('./features/cadences/CadencesPage'), 'CadencesPage'), menu: { label: 'nav.adminCadences' } },
      { path: 'admin/channels', page: lazyPage(() => import('./features/channels/ChannelsPage'), 'ChannelsPage'), menu: { label: 'nav.adminChannels' } },
      { path: 'admin/calendar', page: lazyPage(() => import('./features/calendar/CalendarPage'), 'CalendarPage'), menu: { label: 'nav.adminCalendar' } },
      { path: 'admin/approval-routes', page: lazyPage(() => import('./features/approvals/ApprovalRoutesPage'), 'ApprovalRoutesPage'), menu: { label: 'nav.adminApprovalRoutes' } },
      { path: 'admin/work-order-types', page: lazyPage(() => import('./features/workorders/WorkOrderTypesPage'), 'WorkOrderTypesPage'), menu: { label: 'nav.adminWorkOrderTypes' } },
      { path: 'admin/assist-points', page: lazyPage(() => import('./features/workorders/AssistRulesPage'), 'AssistRulesPage'), menu: { label: 'nav.adminAssistRules' } },
      { path: 'admin/team-hours', page: lazyPage(() => import('./features/calendar/TeamHoursPage'), 'TeamHoursPage'), menu: { label: 'nav.adminHours' } },
      { path: 'admin/lead-rules', page: lazyPage(() => import('./features/leads/LeadSettingsPage'), 'LeadSettingsPage'), menu: { label: 'leadSettings.title' } },
      { path: 'admin/dictionaries', page: lazyPage(() => import('./features/dictionaries/DictionariesPage'), 'DictionariesPage'), menu: { label: 'dict.title' } },
      { path: 'admin/activity-tags', page: lazyPage(() => import('./features/patterns/TagsPage'), 'TagsPage'), menu: { label: 'nav.adminTags' } },
      { path: 'admin/settings', page: lazyPage(() => import('./features/admin/OrgSettingsPage'), 'OrgSettingsPage'), menu: { label: 'orgSettings.title' } },
      { path: 'admin/money', page: lazyPage(() => import('./features/receivables/MoneySettingsPage'), 'MoneySettingsPage'), menu: { label: 'nav.adminMoney' } },
      { path: 'admin/platforms', page: lazyPage(() => import('./features/platforms/PlatformsPage'), 'PlatformsPage'), menu: { label: 'nav.adminPlatforms' } },
      { path: 'admin/health-model', page: lazyPage(() => import('./features/health/HealthModelPage'), 'HealthModelPage'), menu: { label: 'nav.adminHealthModel' } },
    ],
  },
  { path: 'sidebar', page: lazyPage(() => import('./features/platforms/SidebarPage'), 'SidebarPage') },
  {
    path: 'me/platform-messages',
    page: lazyPage(() => import('./features/platforms/MyPlatformMessagesPage'), 'MyPlatformMessagesPage'),
    menu: { label: 'nav.myPlatformMessages', icon: <MessageOutlined /> },
  },
  { path: 'tokens', page: lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage'), menu: { label: 'nav.tokens', icon: <ApiOutlined /> }, visible: may('token.use') },
];

/** Every route that renders a page, groups flattened: what the router registers. */
export const pageRoutes = (routes: AppRoute[] = ROUTES): Array<AppRoute & { page: ComponentType }> =>
  routes.flatMap((r) => [...(r.page ? [r as AppRoute & { page: ComponentType }] : []), ...pageRoutes(r.children ?? [])]);

/** The menu for a viewer: entries with a label that the viewer may see, groups with their visible children. */
export function menuRoutes(viewer: Viewer, routes: AppRoute[] = ROUTES): AppRoute[] {
  return routes
    .filter((r) => r.menu && (!r.visible || r.visible(viewer)))
    .map((r) => (r.children ? { ...r, children: menuRoutes(viewer, r.children) } : r));
}
