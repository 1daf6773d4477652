import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, InputNumber, List, Modal, Segmented, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api/client';
import { Money } from '../../components/Money';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { METHOD_KEYS, moneyKeys, todayInShanghai, useDealContracts, type Contract } from './api';
import { planLinesBody, PlanLinesField, type PlanLineValues } from './PlanLinesField';

interface Values {
  amountYuan: number;
  signedAt: dayjs.Dayjs;
  parts: number;
  firstDueDate: dayjs.Dayjs;
  intervalMonths: number;
  method: string;
  plan?: PlanLineValues[];
}

/**
 * The deal page's contracts tab: its contracts with their status, and "register contract" with its payment plan,
 * either split into equal parts or entered instalment by instalment (due date, amount, method, planned invoice date).
 */
export function DealContracts({ dealId, amountFen }: { dealId: string; amountFen?: number }) {
  const { t } = useI18n();
  const abilities = useAbilities();
  const { message } = App.useApp();
  const client = useQueryClient();
  const contracts = useDealContracts(dealId);
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'split' | 'lines'>('split');
  const [form] = Form.useForm<Values>();
  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<Contract>('/api/contracts', {
        dealId,
        signedAt: v.signedAt.format('YYYY-MM-DD'),
        amountFen: Math.round(v.amountYuan * 100),
        ...(mode === 'lines' ? { plan: planLinesBody(v.plan ?? []) } : { split: { parts: v.parts, firstDueDate: v.firstDueDate.format('YYYY-MM-DD'), intervalMonths: v.intervalMonths, method: v.method } }),
      }),
    onSuccess: () => {
      message.success(t('money.registered'));
      client.invalidateQueries({ queryKey: moneyKeys.all });
      setOpen(false);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {abilities.can('contract.create') && (
        <Button onClick={() => setOpen(true)} data-testid="register-contract">
          {t('money.register')}
        </Button>
      )}
      <List
        size="small"
        loading={contracts.isLoading}
        locale={{ emptyText: t('money.noContracts') }}
        dataSource={contracts.data?.items ?? []}
        renderItem={(c) => (
          <List.Item>
            <Space wrap>
              <Link to={`/contracts/${c.id}`}>{c.number}</Link>
              <Tag color={c.status === 'overdue' ? 'red' : c.status === 'paid' ? 'green' : 'blue'}>{t(`money.status.${c.status}`)}</Tag>
              <Money fen={c.amountFen} />
              {c.outstandingFen !== undefined && (
                <span>
                  {t('money.outstanding')} <Money fen={c.outstandingFen} />
                </span>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal open={open} width={mode === 'lines' ? 880 : undefined} title={t('money.register')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{
            amountYuan: amountFen ? amountFen / 100 : undefined,
            signedAt: dayjs(todayInShanghai()),
            parts: 3,
            firstDueDate: dayjs(todayInShanghai()).add(1, 'month'),
            intervalMonths: 1,
            method: 'wire',
            plan: [{ dueDate: dayjs(todayInShanghai()).add(1, 'month'), amountYuan: amountFen ? amountFen / 100 : undefined, method: 'wire' }],
          }}
        >
          <Form.Item name="amountYuan" label={t('money.contractAmountYuan')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="contract-amount" />
          </Form.Item>
          <Form.Item name="signedAt" label={t('money.signedAt')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('money.planMode')}>
            <Segmented value={mode} onChange={(v) => setMode(v as 'split' | 'lines')} options={[{ value: 'split', label: t('money.planMode.split') }, { value: 'lines', label: t('money.planMode.lines') }]} data-testid="plan-mode" />
          </Form.Item>
          {mode === 'lines' ? (
            <PlanLinesField form={form} />
          ) : (
            <>
              <Space wrap>
                <Form.Item name="parts" label={t('money.parts')}>
                  <InputNumber min={1} max={120} />
                </Form.Item>
                <Form.Item name="firstDueDate" label={t('money.firstDue')}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="intervalMonths" label={t('money.interval')}>
                  <InputNumber min={0} max={24} />
                </Form.Item>
              </Space>
              <Form.Item name="method" label={t('money.method')}>
                <Select options={METHOD_KEYS.map((m) => ({ value: m, label: t(`money.method.${m}`) }))} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
