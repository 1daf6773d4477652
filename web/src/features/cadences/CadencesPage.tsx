import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PageTitle } from '../../components/PageTitle';
import { useI18n } from '../../i18n';
import { useCadences, type Cadence } from './api';
import { CadenceEditor } from './CadenceEditor';
import { deliverableText } from './CadenceSteps';
import { useGateFields } from '../deals/gateFields';

/** Admin: cadences with their steps; edit any cadence (or a new one) in the step form or as YAML; export. */
export function CadencesPage() {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const { labelOf } = useGateFields();
  const query = useCadences();
  // undefined: closed; null: a new cadence.
  const [editing, setEditing] = useState<Cadence | null | undefined>(undefined);
  return (
    <div>
      <PageTitle title={t('nav.adminCadences')} />
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="cadence-new">
          {t('cadences.new')}
        </Button>
      </Space>
      {(query.data?.items ?? []).map((c: Cadence) => (
        <Card
          key={c.key}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid="cadence-card"
          data-cadence-key={c.key}
          title={
            <span>
              {en ? c.nameEn : c.name} <Typography.Text type="secondary">{c.key} · v{c.version}</Typography.Text>
            </span>
          }
          extra={
            <Space>
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid="cadence-edit">
                {t('cadences.edit')}
              </Button>
              <Button size="small" icon={<DownloadOutlined />} href={`/api/cadences/${c.key}/export`}>
                YAML
              </Button>
            </Space>
          }
        >
          <Typography.Text type="secondary">
            {t('cadences.anchor')}: {c.definition.anchor.kind === 'field' ? c.definition.anchor.field : t('cadences.anchor.stage')}
          </Typography.Text>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            scroll={{ x: true }}
            dataSource={c.steps}
            columns={[
              { title: 'T', render: (_, s) => <Tag>{s.offset}</Tag> },
              { title: t('cadences.unit'), render: (_, s) => t(`cadences.unit.${s.unit}` as 'cadences.unit.working_days') + (s.at ? ` ${s.at}` : '') },
              { title: t('cadences.step'), render: (_, s) => (en ? s.titleEn : s.title) },
              { title: t('cadences.deliverable'), render: (_, s) => deliverableText(s.deliverable, t, en, labelOf).join('；') },
            ]}
          />
        </Card>
      ))}
      <CadenceEditor cadence={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </div>
  );
}
