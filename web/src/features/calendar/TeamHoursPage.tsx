import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Empty, Input, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, errorMessage, type Page } from '../../api/client';
import type { paths } from '../../api/schema';
import type { CalendarSettings, Team, WorkingDays } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';
import { useAbilities } from '../../auth/abilities';
import { PageTitle } from '../../components/PageTitle';
import { useI18n, type MessageKey } from '../../i18n';
import { dayjs, formatDateTime } from '../../lib/format';
import { useServerDraft } from '../../lib/useServerDraft';

type SchedulePath = paths['/api/calendar/teams/{teamId}/schedule'];
type Schedule = SchedulePath['get']['responses'][200]['content']['application/json'];
type ScheduleBody = SchedulePath['put']['requestBody'] extends { content: { 'application/json': infer B } } | undefined ? B : never;
type Interval = [string, string];
interface Draft {
  intervals: Interval[];
  weekdays: Record<string, Interval[]>;
  closures: Array<{ from: string; to: string; reason?: string }>;
}

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const pairs = (list: string[][] | undefined): Interval[] => (list ?? []).map(([a, b]) => [a, b]);
const draftOf = (schedule: Schedule): Draft => {
  const weekdays: Record<string, Interval[]> = {};
  for (const [day, list] of Object.entries(schedule.weekdays ?? {})) weekdays[day] = pairs(list);
  return { intervals: pairs(schedule.intervals), weekdays, closures: schedule.closures.map((c) => ({ ...c })) };
};

/**
 * Admin (leads read it): a team's business hours — the working intervals of every day, a weekday's own intervals,
 * one-off closures — and the make-up working days it follows from the national and org calendar. Saving replaces
 * the schedule through `PUT /api/calendar/teams/:id/schedule`; the server moves the team's running SLA clocks.
 */
export function TeamHoursPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const canEdit = useAbilities().can('calendar.manage');
  const teams = useQuery({ queryKey: queryKeys.teams(), queryFn: () => api.get<Page<Team>>('/api/teams'), staleTime: 60_000 });
  const [teamId, setTeamId] = useState<string | null>(null);
  useEffect(() => {
    if (!teamId && teams.data?.items.length) setTeamId(teams.data.items[0].id);
  }, [teams.data, teamId]);

  const schedule = useQuery({
    queryKey: queryKeys.calendar('team', teamId),
    queryFn: () => api.get<Schedule>(`/api/calendar/teams/${encodeURIComponent(teamId!)}/schedule`),
    enabled: !!teamId,
  });
  const settings = useQuery({ queryKey: queryKeys.calendar('settings'), queryFn: () => api.get<CalendarSettings>('/api/calendar/settings') });
  const from = dayjs().format('YYYY-MM-DD');
  const to = dayjs().add(365, 'day').format('YYYY-MM-DD');
  const days = useQuery({ queryKey: queryKeys.calendar('days', from, to), queryFn: () => api.get<WorkingDays>('/api/calendar/working-days', { from, to }) });
  const makeup = useMemo(() => (days.data?.days ?? []).filter((d) => d.reason === 'makeup_workday' || d.reason === 'extra_workday'), [days.data]);

  const { draft, setDraft, saved: accept } = useServerDraft(schedule.data, draftOf, { source: teamId });

  const save = useMutation({
    mutationFn: (d: Draft) => api.put<Schedule>(`/api/calendar/teams/${encodeURIComponent(teamId!)}/schedule`, d satisfies ScheduleBody),
    onSuccess: (saved, sent) => {
      message.success(t('common.saved'));
      client.setQueryData(queryKeys.calendar('team', teamId), saved);
      accept(sent, saved);
    },
  });

  const set = (patch: Partial<Draft>) => draft && setDraft({ ...draft, ...patch });
  const tz = settings.data?.timeZone ?? 'Asia/Shanghai';

  return (
    <div>
      <PageTitle
        title={t('hours.title')}
        extra={
          canEdit && (
            <Button type="primary" disabled={!draft} loading={save.isPending} onClick={() => draft && save.mutate(draft)} data-testid="hours-save">
              {t('common.save')}
            </Button>
          )
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('hours.team')}</Typography.Text>
        <Select
          style={{ minWidth: 240 }}
          showSearch
          optionFilterProp="label"
          placeholder={t('hours.pickTeam')}
          loading={teams.isLoading}
          value={teamId ?? undefined}
          onChange={(id: string) => {
            save.reset();
            setTeamId(id);
          }}
          options={(teams.data?.items ?? []).map((team) => ({ value: team.id, label: `${'· '.repeat(Math.max(0, team.depth))}${team.name}` }))}
          data-testid="hours-team"
        />
        {schedule.data && <Tag color={schedule.data.custom ? 'blue' : 'default'}>{t(schedule.data.custom ? 'hours.custom' : 'hours.default')}</Tag>}
        {schedule.data?.updatedAt && <Typography.Text type="secondary">{t('hours.updated', { at: formatDateTime(schedule.data.updatedAt, lang) })}</Typography.Text>}
      </Space>
      {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('hours.readOnly')} />}
      {save.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(save.error)} data-testid="hours-error" />}
      {(schedule.error || teams.error) && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(schedule.error ?? teams.error)} />}
      {!draft ? (
        teamId && <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={13}>
            <Card size="small" title={t('hours.intervals')}>
              <Typography.Paragraph type="secondary">{t('hours.defaultHint', { tz })}</Typography.Paragraph>
              <Intervals value={draft.intervals} disabled={!canEdit} onChange={(intervals) => set({ intervals })} testId="hours-default" />
            </Card>
            <Card size="small" title={t('hours.weekdays')} style={{ marginTop: 12 }}>
              {WEEKDAYS.map((day) => {
                const own = draft.weekdays[day];
                return (
                  <Row key={day} gutter={8} style={{ marginBottom: 8 }} align="top" data-testid={`hours-weekday-${day}`}>
                    <Col flex="72px">
                      <Typography.Text strong>{t(`weekday.${day}` as MessageKey)}</Typography.Text>
                    </Col>
                    <Col flex="140px">
                      <Checkbox
                        checked={!!own}
                        disabled={!canEdit}
                        onChange={(e) => {
                          const weekdays = { ...draft.weekdays };
                          if (e.target.checked) weekdays[day] = draft.intervals.map(([a, b]) => [a, b]);
                          else delete weekdays[day];
                          set({ weekdays });
                        }}
                      >
                        {t('hours.ownHours')}
                      </Checkbox>
                    </Col>
                    <Col flex="auto">
                      {own ? (
                        <Intervals value={own} disabled={!canEdit} onChange={(list) => set({ weekdays: { ...draft.weekdays, [day]: list } })} testId={`hours-weekday-${day}-intervals`} />
                      ) : (
                        <Typography.Text type="secondary">{t('hours.sameAsDefault')}</Typography.Text>
                      )}
                    </Col>
                  </Row>
                );
              })}
            </Card>
          </Col>
          <Col xs={24} lg={11}>
            <Card size="small" title={t('hours.closures')}>
              <Closures value={draft.closures} disabled={!canEdit} onChange={(closures) => set({ closures })} />
            </Card>
            <Card size="small" title={t('hours.makeup')} style={{ marginTop: 12 }}>
              <Typography.Paragraph type="secondary">{t('hours.makeupHint')}</Typography.Paragraph>
              {makeup.length === 0 ? (
                <Typography.Text type="secondary">{t('hours.noMakeup')}</Typography.Text>
              ) : (
                <Space size={[4, 4]} wrap data-testid="hours-makeup">
                  {makeup.map((d) => (
                    <Tag key={d.date} color={d.reason === 'makeup_workday' ? 'orange' : 'gold'}>
                      {d.date} {t(`weekday.${dayjs(d.date).day() || 7}` as MessageKey)} · {t(`calendar.reason.${d.reason}`)}
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

/** Editable `[from, to]` pairs as HH:mm text (24:00 allowed, which a time picker cannot show). */
function Intervals({ value, disabled, onChange, testId }: { value: Interval[]; disabled: boolean; onChange(v: Interval[]): void; testId: string }) {
  const { t } = useI18n();
  const put = (i: number, j: 0 | 1, text: string) => onChange(value.map((p, k) => (k === i ? ((j === 0 ? [text, p[1]] : [p[0], text]) as Interval) : p)));
  return (
    <div data-testid={testId}>
      {value.map(([a, b], i) => (
        <Space key={i} style={{ marginBottom: 6 }}>
          <Input style={{ width: 84 }} value={a} disabled={disabled} placeholder="09:00" aria-label={t('hours.from')} onChange={(e) => put(i, 0, e.target.value.trim())} />
          –
          <Input style={{ width: 84 }} value={b} disabled={disabled} placeholder="18:00" aria-label={t('hours.to')} onChange={(e) => put(i, 1, e.target.value.trim())} />
          {!disabled && value.length > 1 && <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => onChange(value.filter((_, k) => k !== i))} />}
        </Space>
      ))}
      {!disabled && (
        <div>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, [value.at(-1)?.[1] ?? '09:00', '18:00']])}>
            {t('hours.addInterval')}
          </Button>
        </div>
      )}
    </div>
  );
}

function Closures({ value, disabled, onChange }: { value: Draft['closures']; disabled: boolean; onChange(v: Draft['closures']): void }) {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [reason, setReason] = useState('');
  return (
    <div data-testid="hours-closures">
      {value.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hours.noClosures')} />}
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        {value.map((c, i) => (
          <Tag key={`${c.from}-${c.to}-${i}`} color="red" closable={!disabled} onClose={() => onChange(value.filter((_, k) => k !== i))}>
            {c.from === c.to ? c.from : `${c.from} ~ ${c.to}`}
            {c.reason ? ` · ${c.reason}` : ''}
          </Tag>
        ))}
      </Space>
      {!disabled && (
        <Space wrap>
          <DatePicker.RangePicker value={range} onChange={(r) => setRange(r as [Dayjs | null, Dayjs | null] | null)} />
          <Input style={{ width: 160 }} maxLength={200} placeholder={t('hours.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button
            icon={<PlusOutlined />}
            disabled={!range?.[0] || !range?.[1]}
            onClick={() => {
              if (!range?.[0] || !range[1]) return;
              const closure = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD'), ...(reason.trim() ? { reason: reason.trim() } : {}) };
              onChange([...value, closure].sort((x, y) => x.from.localeCompare(y.from)));
              setRange(null);
              setReason('');
            }}
            data-testid="hours-add-closure"
          >
            {t('hours.addClosure')}
          </Button>
        </Space>
      )}
    </div>
  );
}
