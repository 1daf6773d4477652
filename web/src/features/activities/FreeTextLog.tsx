import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Input, List, Space, Tag } from 'antd';
import { api, errorMessage } from '../../api/client';
import { isOffline } from '../../offline/queue';
import { forgetSentence, keepSentence, keptSentences } from '../../offline/sentences';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../i18n';
import { activityLabel } from './types';

export type ParsedLog = components['schemas']['ParsedLog'];

/**
 * One sentence → proposed fields (POST /api/activities/parse, nothing saved). The proposal is shown as chips and
 * handed to the form below (`onApply`), where every field stays correctable; what the parser did not understand is
 * shown in orange instead of being guessed.
 */
export function FreeTextLog({ onApply }: { onApply(parsed: ParsedLog): void }) {
  const { t, lang } = useI18n();
  const [text, setText] = useState('');
  // Without a connection the sentence cannot be understood (customers and contacts live on the server): it is kept
  // on the device and offered again, to be understood and confirmed once the connection is back — never guessed.
  const [kept, setKept] = useState(keptSentences);
  const parse = useMutation({
    networkMode: 'always',
    mutationFn: (value: string) => api.post<ParsedLog>('/api/activities/parse', { text: value }),
    onSuccess: (parsed, value) => {
      setKept(forgetSentence(value));
      onApply(parsed);
    },
    onError: (error, value) => {
      if (!isOffline(error)) return;
      setKept(keepSentence(value));
      setText('');
    },
  });
  const offline = parse.error && isOffline(parse.error);
  const p = parse.data;
  const issue = (field: string) => p?.unparsed.find((u) => u.field === field);
  const names = (field: string) => (issue(field)?.candidates ?? []).map((c) => c.name).join('、');
  return (
    <div style={{ marginBottom: 12 }}>
      <Input.TextArea
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('fieldlog.sayPlaceholder')}
        aria-label={t('fieldlog.say')}
        maxLength={2000}
        data-testid="quicklog-text"
      />
      <Space style={{ marginTop: 8, width: '100%', justifyContent: 'space-between' }}>
        <span style={{ color: '#888', fontSize: 12 }}>{t('fieldlog.sayHint')}</span>
        <Button onClick={() => parse.mutate(text)} disabled={!text.trim()} loading={parse.isPending} data-testid="quicklog-parse">
          {t('fieldlog.parse')}
        </Button>
      </Space>
      {offline && <Alert type="warning" showIcon message={t('fieldlog.sentenceKept')} style={{ marginTop: 8 }} data-testid="quicklog-kept-notice" />}
      {parse.error && !offline && <Alert type="error" showIcon message={errorMessage(parse.error)} style={{ marginTop: 8 }} />}
      {kept.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          header={t('fieldlog.keptSentences', { count: kept.length })}
          dataSource={kept}
          renderItem={(sentence) => (
            <List.Item
              data-testid="quicklog-kept"
              actions={[
                <Button key="parse" size="small" onClick={() => { setText(sentence); parse.mutate(sentence); }} data-testid="quicklog-kept-parse">
                  {t('fieldlog.parse')}
                </Button>,
              ]}
            >
              {sentence}
            </List.Item>
          )}
        />
      )}
      {p && (
        <div data-testid="quicklog-chips" style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          {p.customer ? (
            <Tag color="green" data-testid="chip-customer">{t('fieldlog.customer', { name: p.customer.name })}</Tag>
          ) : (
            <Tag color="orange" data-testid="chip-customer">{issue('customer')?.reason === 'ambiguous' ? t('fieldlog.ambiguousCustomer', { names: names('customer') }) : t('fieldlog.noCustomer')}</Tag>
          )}
          {p.contact && <Tag color={p.contact.isNew ? 'orange' : 'green'} data-testid="chip-contact">{t(p.contact.isNew ? 'fieldlog.newContact' : 'fieldlog.contact', { name: p.contact.name })}</Tag>}
          {issue('contact')?.reason === 'ambiguous' && <Tag color="orange">{t('fieldlog.ambiguousContact', { names: names('contact') })}</Tag>}
          {p.type ? <Tag color="green" data-testid="chip-type">{t('fieldlog.type', { type: t(activityLabel(p.type)) })}</Tag> : <Tag color="orange" data-testid="chip-type">{t('fieldlog.noType')}</Tag>}
          {p.nextAction && <Tag color="blue" data-testid="chip-next">{t('fieldlog.next', { text: p.nextAction.text })}</Tag>}
          {p.nextAction?.dueAt && <Tag color="blue" data-testid="chip-due">{t('fieldlog.due', { at: formatDateTime(p.nextAction.dueAt, lang) })}</Tag>}
          {issue('dueAt') && <Tag color="orange">{issue('dueAt')?.reason === 'vague' ? t('fieldlog.vague', { text: issue('dueAt')?.text ?? '' }) : t('fieldlog.noDue')}</Tag>}
          {p.dealId && <Tag color="green">{t('fieldlog.deal')}</Tag>}
          {issue('deal') && <Tag color="orange">{t('fieldlog.ambiguousDeal')}</Tag>}
        </div>
      )}
    </div>
  );
}
