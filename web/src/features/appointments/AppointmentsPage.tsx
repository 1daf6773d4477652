import { useState } from 'react';
import { Card, Tabs } from 'antd';
import dayjs from 'dayjs';
import { useAbilities } from '../../auth/abilities';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { AppointmentList } from './AppointmentList';
import { NoShowBoard } from './NoShowBoard';
import { RegisterForm } from './RegisterForm';
import { StoreStatsCards } from './StoreStatsCards';
import { useAppointments } from './api';


/**
 * Consultants: book (phone + time) and today's list with one-tap check-in. Store managers additionally: the no-show
 * board with reassign, and the store figures. Built for a 375-px phone first.
 */
export function AppointmentsPage() {
  const { t } = useI18n();
  const abilities = useAbilities();
  const [date] = useState(() => dayjs().format('YYYY-MM-DD'));
  const manager = abilities.can('appointment.reassign');
  const tabs = [
    { key: 'today', label: t('appt.today'), children: <TodayList date={date} showConsultant={manager} /> },
    ...(manager
      ? [
          { key: 'board', label: t('appt.board'), children: <NoShowBoard date={date} /> },
          { key: 'stats', label: t('appt.stats'), children: <StoreStatsCards date={date} /> },
        ]
      : []),
  ];
  return (
    <div>
      <PageTitle title={t('nav.appointments')} />
      {abilities.can('appointment.book') && (
        <Card size="small" title={t('appt.register')} style={{ marginBottom: 12 }}>
          <RegisterForm />
        </Card>
      )}
      <Tabs items={tabs} defaultActiveKey={new URLSearchParams(location.search).get('status') === 'no_show' && manager ? 'board' : 'today'} />
    </div>
  );
}

function TodayList({ date, showConsultant }: { date: string; showConsultant: boolean }) {
  const { t } = useI18n();
  const today = useAppointments({ date });
  return <AppointmentList items={today.data?.items ?? []} loading={today.isPending} empty={t('appt.empty')} showConsultant={showConsultant} />;
}
