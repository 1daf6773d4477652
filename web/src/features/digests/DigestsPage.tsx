import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App as AntApp, Button, Card, DatePicker, Empty, Form, Input, List, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useFormErrors } from '../forms/useFormErrors';
import { useAuth } from '../../auth/AuthProvider';
import { useAbilities } from '../../auth/abilities';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import type { MessageKey } from '../../i18n/zh';
import { appPath, useDigestSettings, useDigests, useDigestTeams, useSaveDigestSettings, type Digest, type LinkedRecord } from './api';

const SHOWN_RECORDS = 5;

/** A team's daily digest (顾问日清) for a date, as it was pushed to the robots: team + date in the URL, like the robot link. */
export function DigestsPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const abilities = useAbilities();
  const [params, setParams] = useSearchParams();
  const teams = useDigestTeams();
  const items = teams.data ?? [];
  const team = params.get('team') ?? (items.some((x) => x.id === me.team.id) ? me.team.id : items[0]?.id);
  const date = params.get('date') ?? dayjs().format('YYYY-MM-DD');
  const digests = useDigests(team, date);
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
              options={items.map((x) => ({ value: x.id, label: x.name }))}
            />
            <DatePicker aria-label={t('digest.date')} allowClear={false} value={dayjs(date)} onChange={(d) => d && set('date', d.format('YYYY-MM-DD'))} />
          </Space>
        }
      />
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

function DigestCard({ digest }: { digest: Digest }) {
  const { t, lang } = useI18n();
  const md = digest.markdown[lang === 'en' ? 'en' : 'zh-CN'];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={md.title}
      extra={digest.late ? <Tag color="orange">{t('digest.late')}</Tag> : <Tag color="green">{t('digest.sent')}</Tag>}
    >
      <Typography.Text type="secondary">{t('digest.slot', { slot: digest.slot, at: dayjs(digest.sentAt).format('YYYY-MM-DD HH:mm') })}</Typography.Text>
      <List
        dataSource={digest.content.lines}
        renderItem={(line) => (
          <List.Item id={line.key}>
            <List.Item.Meta title={`${t(`digest.metric.${line.key}` as MessageKey)}：${line.count}`} description={<RecordLinks records={line.records} count={line.count} />} />
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
  const [cron, setCron] = useState('');
  const [enabled, setEnabled] = useState(true);
  useEffect(() => {
    if (settings.data) {
      setCron(settings.data.cron);
      setEnabled(settings.data.enabled);
    }
  }, [settings.data]);
  if (!settings.data) return null;
  const fieldError = (field: string) => formErrors.at(field);
  return (
    <Card size="small" title={t('digest.settings')} style={{ maxWidth: 520 }}>
      <Form layout="vertical" onFinish={() => save.mutate({ cron, enabled }, { onSuccess: () => message.success(t('digest.saved')) })}>
        <Form.Item label={t('digest.cron', { tz: settings.data.timeZone })} help={fieldError('cron') ?? t('digest.cronHelp')} validateStatus={fieldError('cron') ? 'error' : undefined}>
          <Input value={cron} onChange={(e) => setCron(e.target.value)} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item label={t('digest.enabled')}>
          <Switch checked={enabled} onChange={setEnabled} />
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
