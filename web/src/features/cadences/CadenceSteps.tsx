import { useState } from 'react';
import { Button, Card, Collapse, List, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { useOpenSteps, type Deliverable, type OpenStep } from './api';
import { CompleteStepModal } from './CompleteStepModal';
import { useGateFields } from '../deals/gateFields';

export function deliverableText(d: Deliverable, t: ReturnType<typeof useI18n>['t'], en: boolean, fieldLabel: (field: string) => string): string[] {
  const parts: string[] = [];
  if (d.attachments) parts.push(t('cadences.deliverable.files', { n: d.attachments.min, label: (en ? d.attachments.labelEn : d.attachments.label) ?? d.attachments.kind }));
  if (d.note_required) parts.push(t('cadences.deliverable.note'));
  if (d.time_slots) parts.push(t('cadences.deliverable.slots', { n: d.time_slots }));
  if (d.fields?.length) parts.push(t('cadences.deliverable.fields', { fields: d.fields.map(fieldLabel).join(en ? ', ' : '、') }));
  return parts;
}

/** Seller home: the cadence steps waiting for me, with what to do, what to say and what proves it. */
export function CadenceSteps() {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const query = useOpenSteps();
  const { labelOf } = useGateFields();
  const [completing, setCompleting] = useState<OpenStep | null>(null);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title={t('cadences.mySteps')} style={{ marginBottom: 12 }} data-testid="cadence-steps">
      <List<OpenStep>
        dataSource={items}
        renderItem={(step) => {
          const template = en ? step.templateEn : step.template;
          return (
            <List.Item data-testid="cadence-step" style={{ display: 'block' }}>
              <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{en ? step.titleEn : step.title}</Typography.Text>
                <Button size="small" type="primary" icon={<CheckOutlined />} onClick={() => setCompleting(step)} data-testid="step-complete">
                  {t('tasks.complete')}
                </Button>
              </Space>
              <div>
                <Tag>{en ? step.cadence.nameEn : step.cadence.name} · {step.offset}</Tag>
                <Typography.Text type="secondary">
                  {t('tasks.due')}: <When at={step.dueAt} /> · <Link to={`/deals/${step.deal.id}`}>{step.deal.title}</Link>
                </Typography.Text>
              </div>
              <Typography.Text type="secondary">{t('cadences.deliverable')}: {deliverableText(step.deliverable, t, en, labelOf).join('；') || '—'}</Typography.Text>
              <Collapse
                ghost
                size="small"
                items={[
                  {
                    key: 'g',
                    label: t('cadences.guidance'),
                    children: (
                      <div style={{ wordBreak: 'break-word' }}>
                        {(en ? step.instructionsEn : step.instructions) && <Typography.Paragraph>{en ? step.instructionsEn : step.instructions}</Typography.Paragraph>}
                        {template && (
                          <Typography.Paragraph copyable={{ icon: <CopyOutlined />, text: template }} style={{ background: '#f6f6f6', padding: 8, borderRadius: 4 }}>
                            {template}
                          </Typography.Paragraph>
                        )}
                      </div>
                    ),
                  },
                ]}
              />
            </List.Item>
          );
        }}
      />
      <CompleteStepModal step={completing} onClose={() => setCompleting(null)} />
    </Card>
  );
}
