import { useState } from 'react';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { UserSwitchOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { AppointmentList } from './AppointmentList';
import { useAppointmentAction, useAppointments, useCandidates, type Appointment, type Candidate } from './api';

/** Today's no-shows of my stores, filterable by store and consultant, each with a one-action reassign. */
export function NoShowBoard({ date }: { date: string }) {
  const { t } = useI18n();
  const [store, setStore] = useState<string>();
  const [consultant, setConsultant] = useState<string>();
  const [reassigning, setReassigning] = useState<Appointment | null>(null);
  const candidates = useCandidates(true);
  const board = useAppointments({ status: 'no_show', store, consultant, date });
  const stores = [...new Map((candidates.data?.items ?? []).map((c) => [c.team.id, c.team.name])).entries()];
  return (
    <div>
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Select
          allowClear
          placeholder={t('appt.allStores')}
          style={{ minWidth: 150 }}
          value={store}
          onChange={setStore}
          options={stores.map(([id, name]) => ({ value: id, label: name }))}
          data-testid="board-store"
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('appt.allConsultants')}
          style={{ minWidth: 150 }}
          value={consultant}
          onChange={setConsultant}
          options={(candidates.data?.items ?? []).filter((c) => !store || c.team.id === store).map((c) => ({ value: c.id, label: c.name }))}
          data-testid="board-consultant"
        />
      </Space>
      <AppointmentList
        items={board.data?.items ?? []}
        loading={board.isPending}
        empty={t('appt.boardEmpty')}
        showConsultant
        extra={(a) => (
          <Button key="reassign" icon={<UserSwitchOutlined />} onClick={() => setReassigning(a)} data-testid="reassign">
            {t('appt.reassign')}
          </Button>
        )}
      />
      {reassigning && <ReassignDialog appointment={reassigning} candidates={candidates.data?.items ?? []} onClose={() => setReassigning(null)} />}
    </div>
  );
}

function ReassignDialog({ appointment, candidates, onClose }: { appointment: Appointment; candidates: Candidate[]; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [to, setTo] = useState<string | undefined>(appointment.followUp?.userId);
  const reassign = useAppointmentAction((userId: string) => api.post(`/api/appointments/${appointment.id}/reassign`, { to: userId }));
  // Own store first: the usual choice; neighbouring stores follow, grouped by store.
  const groups = [...new Set(candidates.map((c) => c.team.id))]
    .sort((a, b) => Number(b === appointment.store.id) - Number(a === appointment.store.id))
    .map((teamId) => {
      const members = candidates.filter((c) => c.team.id === teamId);
      return { label: members[0].team.name, options: members.map((c) => ({ value: c.id, label: `${c.name}（${c.team.name}）` })) };
    });
  return (
    <Modal
      open
      title={t('appt.reassignTitle', { name: appointment.customer.name })}
      okText={t('appt.reassign')}
      okButtonProps={{ disabled: !to, loading: reassign.isPending, 'data-testid': 'reassign-ok' } as never}
      onCancel={onClose}
      onOk={() =>
        to &&
        reassign.mutate(to, {
          onSuccess: () => {
            message.success(t('appt.reassigned'));
            onClose();
          },
          onError: (e) => message.error(errorMessage(e)),
        })
      }
    >
      <Typography.Paragraph type="secondary">{t('appt.reassignHint')}</Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder={t('appt.reassignTo')}
        value={to}
        onChange={setTo}
        options={groups}
        data-testid="reassign-to"
      />
    </Modal>
  );
}
