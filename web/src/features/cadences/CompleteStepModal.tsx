import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, List, Modal, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, ApiError, errorMessage } from '../../api/client';
import { useI18n } from '../../i18n';
import { UploadButton } from '../attachments/UploadButton';
import type { OpenStep } from './api';
import { queryKeys } from '../../api/queryKeys';

interface Unmet {
  code: string;
  label: string;
  labelEn: string;
  hint: string;
  hintEn: string;
}

/** One-tap completion: asks exactly for what the step's deliverable needs (files, a note, time slots). */
export function CompleteStepModal({ step, onClose }: { step: OpenStep | null; onClose(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const [slots, setSlots] = useState<Array<Dayjs | null>>([]);
  const [unmet, setUnmet] = useState<Unmet[]>([]);
  const d = step?.deliverable ?? {};
  const submit = useMutation({
    mutationFn: () =>
      api.patch(`/api/tasks/${step!.taskId}`, {
        status: 'done',
        deliverable: { ...(note.trim() ? { note } : {}), ...(d.time_slots ? { timeSlots: slots.filter(Boolean).map((s) => s!.toISOString()) } : {}) },
      }),
    onMutate: () => setUnmet([]),
    onSuccess: () => {
      message.success(t('tasks.completed'));
      client.invalidateQueries({ queryKey: queryKeys.tasks() });
      client.invalidateQueries({ queryKey: queryKeys.cadenceSteps() });
      setNote('');
      setSlots([]);
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && Array.isArray(e.body.unmet)) setUnmet(e.body.unmet as unknown as Unmet[]);
      else message.error(errorMessage(e));
    },
  });
  if (!step) return null;
  const en = lang === 'en';
  return (
    <Modal open title={en ? step.titleEn : step.title} okText={t('tasks.complete')} onOk={() => submit.mutate()} confirmLoading={submit.isPending} onCancel={onClose} width={520}>
      <Form layout="vertical">
        {d.attachments && (
          <Form.Item label={t('cadences.deliverable.files', { n: d.attachments.min, label: (en ? d.attachments.labelEn : d.attachments.label) ?? d.attachments.kind })}>
            <UploadButton entity="deal" entityId={step.deal.id} kind={d.attachments.kind} testId="step-upload" />
          </Form.Item>
        )}
        {(d.note_required || !d.time_slots) && (
          <Form.Item label={t('cadences.deliverable.note')} required={d.note_required}>
            <Input.TextArea data-testid="step-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        )}
        {d.time_slots && (
          <Form.Item label={t('cadences.deliverable.slots', { n: d.time_slots })} required>
            <Space direction="vertical" style={{ width: '100%' }}>
              {Array.from({ length: d.time_slots }, (_, i) => (
                <DatePicker
                  key={i}
                  showTime={{ format: 'HH:mm', minuteStep: 15 }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  value={slots[i] ?? null}
                  onChange={(v) => setSlots((s) => Object.assign([...s], { [i]: v }))}
                />
              ))}
            </Space>
          </Form.Item>
        )}
      </Form>
      {unmet.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('cadences.deliverable.missing')}
          description={<List size="small" dataSource={unmet} renderItem={(u) => <List.Item><Typography.Text>{en ? u.hintEn : u.hint}</Typography.Text></List.Item>} />}
        />
      )}
    </Modal>
  );
}
