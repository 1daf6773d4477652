/**
 * Live risk flags: on the deal page (DealRiskCard) and as a list for the seller's to-do and the lead's team view
 * (RiskList). Every flag states its evidence sentence, opens the historical deals behind it and names the suggested
 * action; cold-start rules are labelled as rules (规则) with their thresholds, never as learnt.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { When } from '../../components/When';
import { useDealRisks, useRiskList, type RiskFlag } from './api';
import { PatternDealsDrawer, type DrillPattern } from './PatternDealsDrawer';

function FlagBody({ flag, onDrill }: { flag: RiskFlag; onDrill: (p: DrillPattern) => void }) {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const description = en ? flag.descriptionEn : flag.description;
  const evidence = en ? flag.evidenceEn : flag.evidence;
  const suggestion = en ? flag.suggestionEn : flag.suggestion;
  return (
    <div data-testid="risk-flag">
      <Space wrap>
        <Tag color={flag.kind === 'rule' ? 'orange' : 'red'}>{t(flag.kind === 'rule' ? 'predict.rule' : 'predict.pattern')}</Tag>
        <Typography.Text strong>{description}</Typography.Text>
      </Space>
      {flag.kind === 'pattern' && (
        <div data-testid="risk-evidence">
          <Typography.Text>{evidence}</Typography.Text>
        </div>
      )}
      {suggestion && (
        <div data-testid="risk-suggestion">
          <Typography.Text type="success">
            {t('predict.suggested')}：{suggestion}
          </Typography.Text>
        </div>
      )}
      <Space size="small" wrap>
        <Typography.Text type="secondary">
          {t('predict.raisedAt')} <When at={flag.firstRaisedAt} />
        </Typography.Text>
        {flag.patternId && (
          <Button size="small" type="link" data-testid="risk-drill" onClick={() => onDrill({ id: flag.patternId!, description: description, evidence })}>
            {t('predict.drill')}
          </Button>
        )}
      </Space>
    </div>
  );
}

export function DealRiskCard({ dealId }: { dealId: string }) {
  const { t } = useI18n();
  const risks = useDealRisks(dealId);
  const [drill, setDrill] = useState<DrillPattern | null>(null);
  if (risks.error) return <Alert type="warning" showIcon message={errorMessage(risks.error)} style={{ marginBottom: 12 }} />;
  const items = risks.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12, borderColor: '#ff7875' }} title={t('predict.dealRisks')} data-testid="deal-risks" extra={risks.data?.mode === 'rules' && <Tag>{t('predict.coldStart')}</Tag>}>
      <List dataSource={items} renderItem={(f) => <List.Item key={f.id}><FlagBody flag={f} onDrill={setDrill} /></List.Item>} />
      <PatternDealsDrawer pattern={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}

/** Active flags on open deals in the caller's scope (a seller: their own; a lead: the team's). */
export function RiskList({ ownerId, title }: { ownerId?: string; title?: string }) {
  const { t } = useI18n();
  const risks = useRiskList(ownerId);
  const [drill, setDrill] = useState<DrillPattern | null>(null);
  if (risks.error) return <Typography.Text type="danger">{errorMessage(risks.error)}</Typography.Text>;
  const items = risks.data?.items ?? [];
  if (!risks.isPending && items.length === 0) return null;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={`${title ?? t('predict.riskList')}（${risks.data?.total ?? 0}）`} data-testid="risk-list">
      <List
        loading={risks.isPending}
        dataSource={items}
        renderItem={(f) => (
          <List.Item key={f.id}>
            <div style={{ width: '100%' }}>
              <Link to={`/deals/${f.deal.id}`}>{f.deal.title}</Link>
              <Typography.Text type="secondary"> · {f.deal.owner?.name}</Typography.Text>
              <FlagBody flag={f} onDrill={setDrill} />
            </div>
          </List.Item>
        )}
      />
      <PatternDealsDrawer pattern={drill} onClose={() => setDrill(null)} />
    </Card>
  );
}
