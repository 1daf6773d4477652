import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Calendar, Card, Checkbox, Col, DatePicker, Form, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, errorMessage } from '../../api/client';
import { useFormErrors } from '../forms/useFormErrors';
import type { CalendarDay, CalendarSettings, WorkingDays } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { dayjs } from '../../lib/format';
import { useServerDraft } from '../../lib/useServerDraft';
import { queryKeys } from '../../api/queryKeys';

type Draft = Pick<CalendarSettings, 'timeZone' | 'restWeekdays' | 'extraDaysOff' | 'extraWorkdays'>;

const ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'UTC'];
  }
})();

const draftOf = (s: CalendarSettings): Draft => ({ timeZone: s.timeZone, restWeekdays: s.restWeekdays, extraDaysOff: s.extraDaysOff, extraWorkdays: s.extraWorkdays });

/** Admin: the org working-day calendar (time zone, rest weekdays, extra days off / working days) with a month view. */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const settings = useQuery({ queryKey: queryKeys.calendar('settings'), queryFn: () => api.get<CalendarSettings>('/api/calendar/settings') });
  const { draft, setDraft, saved } = useServerDraft(settings.data, draftOf);
  const [month, setMonth] = useState<Dayjs>(() => dayjs());

  // The visible grid spans up to six weeks around the month.
  const from = month.startOf('month').subtract(7, 'day').format('YYYY-MM-DD');
  const to = month.endOf('month').add(14, 'day').format('YYYY-MM-DD');
  const days = useQuery({ queryKey: queryKeys.calendar('days', from, to), queryFn: () => api.get<WorkingDays>('/api/calendar/working-days', { from, to }) });
  const byDate = useMemo(() => new Map((days.data?.days ?? []).map((d) => [d.date, d])), [days.data]);

  const save = useMutation({
    mutationFn: (d: Draft) => api.put<CalendarSettings>('/api/calendar/settings', d),
    onSuccess: (answer, sent) => {
      message.success(t('common.saved'));
      saved(sent, answer);
      client.invalidateQueries({ queryKey: queryKeys.calendar() });
    },
  });
  const formErrors = useFormErrors(save.error);

  if (settings.error) return <Typography.Text type="danger">{errorMessage(settings.error)}</Typography.Text>;
  if (!draft) return <Skeleton active />;

  // Server messages sit under the item their path starts with (`extraWorkdays.2` → extra working days).
  const itemProps = (name: string) => formErrors.item(name, true);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const toggleDay = (date: string) => {
    if (draft.extraDaysOff.includes(date)) return set({ extraDaysOff: draft.extraDaysOff.filter((d) => d !== date) });
    if (draft.extraWorkdays.includes(date)) return set({ extraWorkdays: draft.extraWorkdays.filter((d) => d !== date) });
    const day = byDate.get(date);
    if (!day) return;
    if (day.kind === 'workday') set({ extraDaysOff: [...draft.extraDaysOff, date].sort() });
    else set({ extraWorkdays: [...draft.extraWorkdays, date].sort() });
  };
  const monthCount = (days.data?.workingDays ?? []).filter((d) => d.startsWith(month.format('YYYY-MM'))).length;
  const provisional = (days.data?.provisionalYears ?? []).join(', ');

  return (
    <div>
      <PageTitle
        title={t('calendar.title')}
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate(draft)} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        }
      />
      {save.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(save.error)} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={9}>
          <Card size="small">
            <Form layout="vertical">
              <Form.Item label={t('calendar.timeZone')} {...itemProps('timeZone')}>
                <Select showSearch value={draft.timeZone} onChange={(timeZone: string) => set({ timeZone })} options={ZONES.map((z) => ({ value: z, label: z }))} />
              </Form.Item>
              <Form.Item label={t('calendar.restWeekdays')} {...itemProps('restWeekdays')}>
                <Checkbox.Group
                  value={draft.restWeekdays}
                  onChange={(v) => set({ restWeekdays: (v as number[]).slice().sort() })}
                  options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`weekday.${d}` as MessageKey) }))}
                />
              </Form.Item>
              <DateList label={t('calendar.extraDaysOff')} errors={itemProps('extraDaysOff')} dates={draft.extraDaysOff} color="red" onChange={(extraDaysOff) => set({ extraDaysOff })} />
              <DateList label={t('calendar.extraWorkdays')} errors={itemProps('extraWorkdays')} dates={draft.extraWorkdays} color="orange" onChange={(extraWorkdays) => set({ extraWorkdays })} />
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={
              <Space wrap>
                {t('calendar.month')}
                <Tag color="blue">{t('calendar.workingCount', { n: monthCount })}</Tag>
              </Space>
            }
          >
            {provisional && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('calendar.provisional', { years: provisional })} />}
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('calendar.clickHint')}
            </Typography.Paragraph>
            <Calendar
              value={month}
              onPanelChange={(d) => setMonth(d)}
              onSelect={(d, info) => {
                if (info.source === 'date') toggleDay(d.format('YYYY-MM-DD'));
                setMonth(d);
              }}
              cellRender={(d, info) => (info.type === 'date' ? <DayCell day={byDate.get(d.format('YYYY-MM-DD'))} date={d.format('YYYY-MM-DD')} draft={draft} /> : info.originNode)}
              data-testid="calendar-month"
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

/** A day's kind as saved, overridden by the unsaved extra days of the draft. */
function DayCell({ day, date, draft }: { day: CalendarDay | undefined; date: string; draft: Draft }) {
  const { t } = useI18n();
  if (!day) return null;
  let kind = day.kind;
  let reason: CalendarDay['reason'] = day.reason;
  if (draft.extraDaysOff.includes(date)) [kind, reason] = ['dayoff', 'extra_day_off'];
  else if (draft.extraWorkdays.includes(date)) [kind, reason] = ['workday', 'extra_workday'];
  const cls = kind === 'dayoff' ? 'workday-cell dayoff' : reason === 'makeup_workday' || reason === 'extra_workday' ? 'workday-cell makeup' : 'workday-cell';
  return (
    <div className={cls} data-date={date} data-kind={kind}>
      {reason === 'weekday' ? '' : t(`calendar.reason.${reason}`)}
    </div>
  );
}

function DateList({ label, errors, dates, color, onChange }: { label: string; errors: { validateStatus?: 'error'; help?: string }; dates: string[]; color: string; onChange(d: string[]): void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} {...errors}>
      <div>
        <Space size={[4, 4]} wrap style={{ marginBottom: 6 }}>
          {dates.map((d) => (
            <Tag key={d} color={color} closable onClose={() => onChange(dates.filter((x) => x !== d))}>
              {d}
            </Tag>
          ))}
        </Space>
        <DatePicker placeholder={t('calendar.addDate')} value={null as Dayjs | null} onChange={(d: Dayjs | null) => d && !dates.includes(d.format('YYYY-MM-DD')) && onChange([...dates, d.format('YYYY-MM-DD')].sort())} />
      </div>
    </Form.Item>
  );
}
