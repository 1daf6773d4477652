import { useState } from 'react';
import { App, Checkbox, List, Typography } from 'antd';
import { errorMessage } from '../../api/client';
import type { Deal, Stage } from '../../api/types';
import { When } from '../../components/When';
import { useI18n } from '../../i18n';
import { setChecklist } from './api';
import { useStageName } from './stageName';

/** Checklist items of the current stage (the server accepts only those); ticking or unticking is recorded on the deal. */
export function ChecklistPanel({ deal, stages, onChanged }: { deal: Deal; stages: Stage[]; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const stageName = useStageName(stages);
  const [busy, setBusy] = useState<string | null>(null);
  const current = stages.find((s) => s.key === deal.stageKey);
  const items = (current?.gate?.checklist ?? []).map((item) => ({ stage: current!.key, ...item }));
  if (items.length === 0) return <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>;

  async function toggle(key: string, done: boolean) {
    setBusy(key);
    try {
      await setChecklist(deal.id, key, done);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(item) => {
        const state = deal.checklist?.[item.key];
        return (
          <List.Item>
            <List.Item.Meta
              avatar={<Checkbox checked={!!state?.done} disabled={busy === item.key} onChange={(e) => toggle(item.key, e.target.checked)} />}
              title={lang === 'en' && item.labelEn ? item.labelEn : item.label}
              description={
                <span>
                  {stageName(item.stage)}
                  {state?.done && state.at && (
                    <>
                      {' · '}
                      <When at={state.at} />
                    </>
                  )}
                  {state?.note && ` · ${state.note}`}
                </span>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
