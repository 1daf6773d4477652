import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import { useAbilities } from '../../auth/abilities';
import { useI18n } from '../../i18n';

type CustomerAlias = components['schemas']['CustomerAlias'];

/** Other names a customer goes by ("浙一"): the free-text quick-log matches them. Sellers and admins add them here. */
export function CustomerAliases({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { can } = useAbilities();
  const client = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [alias, setAlias] = useState('');
  const aliases = useQuery({ queryKey: queryKeys.customerAliases(customerId), queryFn: () => api.get<Page<CustomerAlias>>(`/api/customers/${customerId}/aliases`) });
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.customerAliases(customerId) });
  const add = useMutation({
    mutationFn: (value: string) => api.post<CustomerAlias>(`/api/customers/${customerId}/aliases`, { alias: value }),
    onSuccess: () => {
      setAlias('');
      setAdding(false);
      void refresh();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/customers/${customerId}/aliases/${id}`),
    onSuccess: () => void refresh(),
    onError: (e) => message.error(errorMessage(e)),
  });
  const editable = can('quicklog.alias');
  return (
    <Space size={4} wrap data-testid="customer-aliases">
      {(aliases.data?.items ?? []).map((a) => (
        <Tag key={a.id} closable={editable} onClose={(e) => { e.preventDefault(); remove.mutate(a.id); }}>
          {a.alias}
        </Tag>
      ))}
      {!aliases.isPending && aliases.data?.items.length === 0 && !adding && <span>—</span>}
      {editable &&
        (adding ? (
          <Input
            size="small"
            autoFocus
            style={{ width: 120 }}
            value={alias}
            maxLength={50}
            placeholder={t('customers.aliasHint')}
            onChange={(e) => setAlias(e.target.value)}
            onPressEnter={() => alias.trim() && add.mutate(alias.trim())}
            onBlur={() => !alias.trim() && setAdding(false)}
            data-testid="customer-alias-input"
          />
        ) : (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="customer-alias-add">
            {t('customers.addAlias')}
          </Button>
        ))}
    </Space>
  );
}
