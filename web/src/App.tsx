import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { CadencesPage } from './features/cadences/CadencesPage';
import { ApiError } from './api/client';
import { AuthProvider } from './auth/AuthProvider';
import { I18nProvider, useI18n } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { MyTasksPage } from './features/tasks/MyTasksPage';
import { CustomersPage } from './features/customers/CustomersPage';
import { CustomerDetailPage } from './features/customers/CustomerDetailPage';
import { DealsPage } from './features/deals/DealsPage';
import { DealDetailPage } from './features/deals/DealDetailPage';
import { QuickLogPage } from './features/activities/QuickLogPage';
import { UsersPage } from './features/admin/UsersPage';
import { PipelinesPage } from './features/admin/PipelinesPage';
import { PipelineEditPage } from './features/admin/PipelineEditPage';
import { CustomFieldsPage } from './features/admin/CustomFieldsPage';
import { TokensPage } from './features/tokens/TokensPage';
import { InterventionsPage } from './features/sla/InterventionsPage';
import { ChannelsPage } from './features/channels/ChannelsPage';
import { CalendarPage } from './features/calendar/CalendarPage';
import { RulesPage } from './features/rules/RulesPage';
import { RuleEditPage } from './features/rules/RuleEditPage';
import { AppointmentsPage } from './features/appointments/AppointmentsPage';
import { DigestsPage } from './features/digests/DigestsPage';
import { PoolPage } from './features/leads/PoolPage';
import { ConflictsPage } from './features/leads/ConflictsPage';

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
