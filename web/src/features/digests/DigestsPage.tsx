import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, App as AntApp, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Switch, Tag, TimePicker, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { formatFen } from '../../lib/format';
import { useServerDraft } from '../../lib/useServerDraft';
import dayjs from 'dayjs';
import { useFormErrors } from '../forms/useFormErrors';
import { useAbilities } from '../../auth/abilities';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { appPath, useDigestPreview, useDigestSettings, useDigests, useDigestTeams, useGenerateDigest, useSaveDigestSettings, type Digest, type LinkedRecord } from './api';

const SHOWN_RECORDS = 5;

/** A team's daily digest (顾问日清) for a date, as it was pushed to the robots: team + date in the URL, like the robot link. */
export function DigestsPage() {
  const { t } = useI18n();
  const abilities = useAbilities();
  const [params, setParams] = useSearchParams();
  const teams = useDigestTeams();
  const items = teams.data?.items ?? [];
  // Default: my own team or my region's roll-up, as the server says (never a team outside my scope).
  const team = params.get('team') ?? teams.data?.default ?? undefined;
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const digests = useDigests(team, date);
  const [previewing, setPreviewing] = useState(false);
  const preview = useDigestPreview(team, previewing);
  const generate = useGenerateDigest(team);
  const { message } = AntApp.useApp();
  const set = (key: string, value: string) => setParams((p) => ({ ...Object.fromEntries(p), [key]: value }));

  // The robot links to `#dealsWon` etc.: scroll there once the digest has loaded.
  useEffect(() => {
    if (digests.data && window.location.hash) document.getElementById(window.location.hash.slice(1))?.scrollIntoView();
  }, [digests.data]);

  return (
    <div>
      <PageTitle
        title={t('digest.title')}
        extra={
          <Space wrap>
            <Select
              aria-label={t('digest.team')}
              style={{ minWidth: 180 }}
              loading={teams.isPending}
              value={team}
              onChange={(id) => set('team', id)}
              options={items.map((x) => ({ value: x.id, label: x.rollUp ? `${x.name} · ${t('digest.rollUp')}` : x.name }))}
              data-testid="digest-team"
            />
            <DatePicker aria-label={t('digest.date')} allowClear={false} value={dayjs(date)} onChange={(d) => d && set('date', d.format('YYYY-MM-DD'))} />
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setPreviewing(true)} disabled={!team} data-testid="digest-preview">
          {t('digest.preview')}
        </Button>
        {abilities.can('digest.configure') && (
          <Button
            loading={generate.isPending}
            disabled={!team}
            onClick={() => generate.mutate(undefined, { onSuccess: () => message.success(t('digest.generated')), onError: (e) => message.error(errorMessage(e)) })}
            data-testid="digest-generate"
          >
            {t('digest.generateNow')}
          </Button>
        )}
      </Space>
      {teams.error && <Alert type="error" showIcon message={errorMessage(teams.error)} style={{ marginBottom: 12 }} />}
      {digests.error && <Alert type="error" showIcon message={errorMessage(digests.error)} style={{ marginBottom: 12 }} data-testid="digest-error" />}
      {preview.error && <Alert type="error" showIcon message={errorMessage(preview.error)} style={{ marginBottom: 12 }} />}
      {previewing && preview.data && (
        <DigestCard
          digest={{ id: 'preview', teamId: preview.data.team.id, date, slot: '', scheduledFor: '', sentAt: new Date().toISOString(), late: false, status: 'sent', content: preview.data.content, markdown: preview.data.markdown, deliveries: [] }}
          preview
        />
      )}
      {digests.data?.items.length === 0 && <Empty description={t('digest.none')} />}
      {digests.data?.items.map((d) => <DigestCard key={d.id} digest={d} />)}
      {team && abilities.can('digest.configure') && <SettingsCard team={team} />}
    </div>
  );
}

function RecordLinks({ records, count }: { records: LinkedRecord[]; count: number }) {
  const { t } = useI18n();
  if (!records.length) return null;
  const shown = records.slice(0, SHOWN_RECORDS);
  return (
    <Space size={[8, 0]} wrap>
      {shown.map((r) => (
        <Link key={`${r.type}:${r.id}:${r.label}`} to={appPath(r.url)}>
          {r.label}
        </Link>
      ))}
      {count > shown.length && <Typography.Text type="secondary">{t('digest.more', { n: count })}</Typography.Text>}
    </Space>
  );
}

function DigestCard({ digest, preview }: { digest: Digest; preview?: boolean }) {
  const { t, lang } = useI18n();
  const md = digest.markdown[lang === 'en' ? 'en' : 'zh-CN'];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={md?.title}
      extra={preview ? <Tag color="blue">{t('digest.previewTag')}</Tag> : digest.late ? <Tag color="orange">{t('digest.late')}</Tag> : <Tag color="green">{t('digest.sent')}</Tag>}
      data-testid={preview ? 'digest-preview-card' : 'digest-card'}
    >
      <Typography.Text type="secondary">{t('digest.slot', { slot: digest.slot, at: dayjs(digest.sentAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      <List
        dataSource={digest.content.lines}
        renderItem={(line) => (
          <List.Item id={line.key}>
            <List.Item.Meta
              title={`${t(`digest.metric.${line.key}` as MessageKey)}：${line.amountFen !== undefined ? `${formatFen(line.amountFen)}（${line.count}）` : line.count}`}
              description={<RecordLinks records={line.records} count={line.count} />}
            />
          </List.Item>
        )}
      />
      <Typography.Title level={5}>{t('digest.top')}</Typography.Title>
      {digest.content.topSellers.length === 0 && <Typography.Text type="secondary">{t('digest.topNone')}</Typography.Text>}
      {digest.content.topSellers.map((s) => (
        <div key={s.userId} style={{ marginBottom: 6 }}>
          <Typography.Text strong>
            {s.rank}. {s.name}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">{t('digest.seller', { won: s.dealsWon, eff: s.effectiveActivities })}</Typography.Text>{' '}
          <RecordLinks records={s.records} count={s.dealsWon} />
        </div>
      ))}
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('digest.robots')}：</Typography.Text>
        {digest.deliveries.length === 0 && <Typography.Text type="secondary">{t('digest.noRobots')}</Typography.Text>}
        {digest.deliveries.map((r) => (
          <Tag key={`${r.channelId}`} color={r.status === 'sent' ? 'green' : r.status === 'dead' ? 'red' : 'default'} title={r.lastError ?? undefined}>
            {r.channelName ?? r.kind} · {r.status}
          </Tag>
        ))}
      </div>
    </Card>
  );
}

function SettingsCard({ team }: { team: string }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const settings = useDigestSettings(team, true);
  const save = useSaveDigestSettings(team);
  const formErrors = useFormErrors(save.error);
  const [advanced, setAdvanced] = useState(false);
  const { draft, setDraft, saved } = useServerDraft(settings.data, ({ cron, time, enabled }) => ({ cron, time, enabled }), { source: team });
  if (!settings.data || !draft) return null;
  const { cron, time, enabled } = draft;
  const edit = (patch: Partial<typeof draft>) => setDraft({ ...draft, ...patch });
  const fieldError = (field: string) => formErrors.at(field);
  return (
    <Card size="small" title={t('digest.settings')} style={{ maxWidth: 520 }}>
      <Form layout="vertical" onFinish={() =>
          save.mutate(time ? { time, enabled } : { cron, enabled }, {
            onSuccess: () => {
              message.success(t('digest.saved'));
              saved(draft);
            },
          })
        }
      >
        <Form.Item label={t('digest.time', { tz: settings.data.timeZone })} help={fieldError('time')} validateStatus={fieldError('time') ? 'error' : undefined}>
          <TimePicker format="HH:mm" minuteStep={5} allowClear={false} value={time ? dayjs(`2000-01-01T${time}`) : null} onChange={(v) => v && edit({ time: v.format('HH:mm'), cron: '' })} data-testid="digest-time" />
        </Form.Item>
        {(advanced || !time) && (
          <Form.Item label={t('digest.cron', { tz: settings.data.timeZone })} help={fieldError('cron') ?? t('digest.cronHelp')} validateStatus={fieldError('cron') ? 'error' : undefined}>
            <Input value={cron} onChange={(e) => edit({ cron: e.target.value, time: null })} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        )}
        {!advanced && time && (
          <Button type="link" size="small" onClick={() => setAdvanced(true)} style={{ padding: 0, marginBottom: 8 }}>
            {t('digest.advancedCron')}
          </Button>
        )}
        <Form.Item label={t('digest.enabled')}>
          <Switch checked={enabled} onChange={(on) => edit({ enabled: on })} />
        </Form.Item>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('digest.robots')}：</Typography.Text>
          {settings.data.targets.length ? settings.data.targets.map((c) => <Tag key={c.id}>{c.name}</Tag>) : <Typography.Text type="secondary">{t('digest.noRobots')}</Typography.Text>}
        </Space>
        {settings.data.nextRunAt && <div style={{ marginBottom: 12 }}>{t('digest.next', { at: dayjs(settings.data.nextRunAt).format('YYYY-MM-DD HH:mm') })}</div>}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('digest.save')}
        </Button>
      </Form>
    </Card>
  );
}
