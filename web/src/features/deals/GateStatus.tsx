import { Result } from 'antd';
import type { Deal } from '../../api/types';
import { useI18n } from '../../i18n';
import { useDealFields } from './api';
import { unmetKey } from './unmet';
import { UnmetItemFixer } from './UnmetItemFixer';

/** The current stage's exit requirements that are still unmet, each fixable here. */
export function GateStatus({ deal, onChanged }: { deal: Deal; onChanged(): void }) {
  const { t } = useI18n();
  const fields = useDealFields();
  const unmet = deal.gate?.unmet ?? [];
  if (unmet.length === 0) return <Result status="success" title={t('deals.gateMet')} />;
  return (
    <div>
      {unmet.map((item) => (
        <UnmetItemFixer key={unmetKey(item)} dealId={deal.id} item={item} fixed={false} fieldDefs={fields.data?.items ?? []} onFixed={onChanged} />
      ))}
    </div>
  );
}
