import { App, Button, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { useAppointmentAction, type Appointment } from './api';
import { newIdempotencyKey, sendOrQueue } from '../../offline/queue';

const STATUS_COLOUR: Record<string, string> = { booked: 'blue', arrived: 'green', no_show: 'red', cancelled: 'default' };

export function StatusTag({ a }: { a: Appointment }) {
  const { t } = useI18n();
  return (
    <Space size={2}>
      <Tag color={STATUS_COLOUR[a.status]}>{t(`appt.status.${a.status}` as MessageKey)}</Tag>
      {a.late && <Tag color="orange">{t('appt.late')}</Tag>}
    </Space>
  );
}

/** Appointments with a one-tap check-in; `extra` adds per-row actions (the board's reassign). */
export function AppointmentList({ items, loading, empty, extra, showConsultant }: {
  items: Appointment[];
  loading: boolean;
  empty: string;
  extra?: (a: Appointment) => React.ReactNode;
  showConsultant?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  // A check-in works offline too: kept on the device and sent with its key when the connection returns.
  const checkIn = useAppointmentAction((id: string) => sendOrQueue<Appointment>({ key: newIdempotencyKey('ci'), kind: 'check_in', method: 'POST', path: `/api/appointments/${id}/check-in`, body: {}, label: items.find((a) => a.id === id)?.customer.name ?? id }));
  return (
    <List<Appointment>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      renderItem={(a) => (
        <List.Item
          data-testid="appointment-row"
          actions={[
            a.status === 'booked' || a.status === 'no_show' ? (
              <Button
                key="in"
                type={a.status === 'booked' ? 'primary' : 'default'}
                icon={<CheckOutlined />}
                loading={checkIn.isPending && checkIn.variables === a.id}
                onClick={() => checkIn.mutate(a.id, { onSuccess: () => message.success(t('appt.checkedIn')), onError: (e) => message.error(errorMessage(e)) })}
              >
                {t('appt.checkIn')}
              </Button>
            ) : null,
            extra?.(a) ?? null,
          ].filter(Boolean)}
        >
          <List.Item.Meta
            title={
              <Space size={6} wrap>
                <Typography.Text strong>{dayjs(a.at).format('HH:mm')}</Typography.Text>
                <span>{a.customer.name}</span>
                <StatusTag a={a} />
              </Space>
            }
            description={
              <span>
                <a href={`tel:${a.phone}`}>{a.phone}</a> · {t('appt.minutes', { n: a.durationMinutes })}
                {showConsultant && <> · {t('appt.consultant')}: {a.consultant.name} · {a.store.name}</>}
                {a.followUp && (
                  <>
                    {' · '}
                    {a.followUp.taskStatus === 'done' ? t('appt.followUpDone') : t('appt.followUp', { name: a.followUp.name ?? '' })}
                  </>
                )}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}
