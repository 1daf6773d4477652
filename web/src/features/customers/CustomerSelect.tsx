import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, type Page } from '../../api/client';
import type { Customer } from '../../api/types';
import { useI18n } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

interface Props {
  value?: string;
  onChange?(value: string | undefined): void;
  id?: string;
  testId?: string;
  /** A customer chosen elsewhere (the free-text quick-log) that the current search may not list: shown by name. */
  known?: { id: string; name: string } | null;
}

/** Searchable customer picker: asks the server (`q`) as the user types, so it works with 100k customers. */
export function CustomerSelect({ value, onChange, id, testId, known }: Props) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: queryKeys.customers('select', q),
    queryFn: () => api.get<Page<Customer>>('/api/customers', { q, pageSize: 20, sort: '-updatedAt' }),
    placeholderData: (prev) => prev,
  });
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch
      allowClear
      value={value}
      onChange={onChange}
      placeholder={t('customers.searchPlaceholder')}
      filterOption={false}
      onSearch={setQ}
      loading={query.isFetching}
      notFoundContent={t('common.empty')}
      options={[
        ...(known && !(query.data?.items ?? []).some((c) => c.id === known.id) ? [{ value: known.id, label: known.name }] : []),
        ...(query.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
      ]}
      style={{ width: '100%' }}
    />
  );
}
