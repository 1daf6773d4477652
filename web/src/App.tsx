import { lazy, Suspense, type ComponentType } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Skeleton } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';

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

const CadencesPage = lazyPage(() => import('./features/cadences/CadencesPage'), 'CadencesPage');
const MyTasksPage = lazyPage(() => import('./features/tasks/MyTasksPage'), 'MyTasksPage');
const CustomersPage = lazyPage(() => import('./features/customers/CustomersPage'), 'CustomersPage');
const CustomerDetailPage = lazyPage(() => import('./features/customers/CustomerDetailPage'), 'CustomerDetailPage');
const DealsPage = lazyPage(() => import('./features/deals/DealsPage'), 'DealsPage');
const DealDetailPage = lazyPage(() => import('./features/deals/DealDetailPage'), 'DealDetailPage');
const QuickLogPage = lazyPage(() => import('./features/activities/QuickLogPage'), 'QuickLogPage');
const UsersPage = lazyPage(() => import('./features/admin/UsersPage'), 'UsersPage');
const PipelinesPage = lazyPage(() => import('./features/admin/PipelinesPage'), 'PipelinesPage');
const PipelineEditPage = lazyPage(() => import('./features/admin/PipelineEditPage'), 'PipelineEditPage');
const CustomFieldsPage = lazyPage(() => import('./features/admin/CustomFieldsPage'), 'CustomFieldsPage');
const TokensPage = lazyPage(() => import('./features/tokens/TokensPage'), 'TokensPage');
const InterventionsPage = lazyPage(() => import('./features/sla/InterventionsPage'), 'InterventionsPage');
const ChannelsPage = lazyPage(() => import('./features/channels/ChannelsPage'), 'ChannelsPage');
const CalendarPage = lazyPage(() => import('./features/calendar/CalendarPage'), 'CalendarPage');
const RulesPage = lazyPage(() => import('./features/rules/RulesPage'), 'RulesPage');
const RuleEditPage = lazyPage(() => import('./features/rules/RuleEditPage'), 'RuleEditPage');
const AppointmentsPage = lazyPage(() => import('./features/appointments/AppointmentsPage'), 'AppointmentsPage');
const DigestsPage = lazyPage(() => import('./features/digests/DigestsPage'), 'DigestsPage');
const PoolPage = lazyPage(() => import('./features/leads/PoolPage'), 'PoolPage');
const ConflictsPage = lazyPage(() => import('./features/leads/ConflictsPage'), 'ConflictsPage');

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // 4xx answers are final; only retry what might be transient.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

function Shell() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route element={<AppLayout />}>
                <Route index element={<Navigate to="/tasks" replace />} />
                <Route path="tasks" element={<MyTasksPage />} />
                <Route path="customers" element={<CustomersPage />} />
                <Route path="customers/:id" element={<CustomerDetailPage />} />
                <Route path="deals" element={<DealsPage />} />
                <Route path="deals/:id" element={<DealDetailPage />} />
                <Route path="quick-log" element={<QuickLogPage />} />
                <Route path="appointments" element={<AppointmentsPage />} />
                <Route path="digests" element={<DigestsPage />} />
                <Route path="pool" element={<PoolPage />} />
                <Route path="ownership-conflicts" element={<ConflictsPage />} />
                <Route path="admin/users" element={<UsersPage />} />
                <Route path="admin/pipelines" element={<PipelinesPage />} />
                <Route path="admin/pipelines/:id" element={<PipelineEditPage />} />
                <Route path="admin/fields" element={<CustomFieldsPage />} />
                <Route path="tokens" element={<TokensPage />} />
                <Route path="interventions" element={<InterventionsPage />} />
                <Route path="admin/channels" element={<ChannelsPage />} />
                <Route path="admin/calendar" element={<CalendarPage />} />
                <Route path="admin/rules" element={<RulesPage />} />
                <Route path="admin/rules/:id" element={<RuleEditPage />} />
                <Route path="admin/cadences" element={<CadencesPage />} />
                <Route path="*" element={<Navigate to="/tasks" replace />} />
              </Route>
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Shell />
      </I18nProvider>
    </QueryClientProvider>
  );
}
