import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Input, List, Modal, Tabs } from 'antd';
import { parse, stringify } from 'yaml';
import { api, ApiError, errorMessage } from '../../api/client';
import type { YamlError } from '../../components/YamlImportModal';
import { useI18n } from '../../i18n';
import { useFormErrors } from '../forms/useFormErrors';
import type { Cadence } from './api';
import { CadenceForm } from './CadenceForm';
import { blankCadence, fromDefinition, toDefinition, type CadenceDraft } from './draft';
import { queryKeys } from '../../api/queryKeys';

type Tab = 'form' | 'yaml';

/**
 * Edit a cadence (or a new one) in a form (`POST /api/cadences`, errors at their inputs) or as YAML
 * (`POST /api/cadences/import`, line-precise errors). Switching tab carries the draft across.
 */
export function CadenceEditor({ cadence, open, onClose }: { cadence: Cadence | null; open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [tab, setTab] = useState<Tab>('form');
  const [draft, setDraft] = useState<CadenceDraft>(blankCadence);
  const [yaml, setYaml] = useState('');
  const [yamlErrors, setYamlErrors] = useState<YamlError[]>([]);
  const [yamlParseError, setYamlParseError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const next = cadence ? fromDefinition(cadence.definition) : blankCadence();
    setDraft(next);
    setYaml(stringify(toDefinition(next)));
    setTab('form');
    setYamlErrors([]);
    setYamlParseError(null);
  }, [open, cadence]);

  const done = () => {
    message.success(t('cadences.saved'));
    client.invalidateQueries({ queryKey: queryKeys.cadences() });
    onClose();
  };
  const saveForm = useMutation({ mutationFn: (d: CadenceDraft) => api.post('/api/cadences', toDefinition(d)), onSuccess: done });
  const saveYaml = useMutation({
    mutationFn: (text: string) => api.post('/api/cadences/import', { yaml: text }),
    onMutate: () => setYamlErrors([]),
    onSuccess: done,
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.body.errors)) setYamlErrors(e.body.errors as YamlError[]);
      else message.error(errorMessage(e));
    },
  });
  useEffect(() => {
    if (!open) {
      saveForm.reset();
      saveYaml.reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const switchTab = (next: Tab) => {
    if (next === 'yaml') {
      setYaml(stringify(toDefinition(draft)));
      setYamlErrors([]);
    } else {
      try {
        setDraft(fromDefinition(parse(yaml)));
        setYamlParseError(null);
      } catch (e) {
        // Unparseable YAML stays in its tab with the reason; the form keeps its last draft.
        setYamlParseError(e instanceof Error ? e.message : String(e));
        return;
      }
    }
    setTab(next);
  };

  const errors = useFormErrors(saveForm.error);
  const pending = saveForm.isPending || saveYaml.isPending;
  return (
    <Modal
      open={open}
      title={cadence ? `${t('cadences.edit')} · ${cadence.key}` : t('cadences.new')}
      onOk={() => (tab === 'form' ? saveForm.mutate(draft) : saveYaml.mutate(yaml))}
      okButtonProps={{ 'data-testid': 'cadence-save' } as Record<`data-${string}`, string>}
      confirmLoading={pending}
      onCancel={onClose}
      width={1180}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => switchTab(k as Tab)}
        items={[
          {
            key: 'form',
            label: <span data-testid="cadence-tab-form">{t('cadences.tabForm')}</span>,
            children: (
              <>
                {saveForm.error && (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    message={errors.size ? t('cadences.fixErrors') : errorMessage(saveForm.error)}
                    description={errors.size ? errorMessage(saveForm.error) : undefined}
                    data-testid="cadence-error"
                  />
                )}
                <CadenceForm draft={draft} onChange={setDraft} errors={errors} isNew={!cadence} />
              </>
            ),
          },
          {
            key: 'yaml',
            label: <span data-testid="cadence-tab-yaml">YAML</span>,
            children: (
              <>
                <Input.TextArea data-testid="cadence-yaml" value={yaml} onChange={(e) => setYaml(e.target.value)} rows={20} style={{ fontFamily: 'monospace' }} />
                {yamlParseError && <Alert type="error" style={{ marginTop: 8 }} message={yamlParseError} />}
                {yamlErrors.length > 0 && (
                  <Alert
                    type="error"
                    style={{ marginTop: 8 }}
                    message={t('cadences.yamlErrors')}
                    description={<List size="small" dataSource={yamlErrors} renderItem={(e) => <List.Item>{t('cadences.yamlLine', { line: e.line, column: e.column })} {e.path} {e.message}</List.Item>} />}
                  />
                )}
              </>
            ),
          },
        ]}
      />
    </Modal>
  );
}
