import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api, type Page } from '../../api/client';
import type { Me, UserRow } from '../../api/types';
import type { AbilityCheck } from '../../auth/abilities';
import { useI18n } from '../../i18n';
import { queryKeys } from '../../api/queryKeys';

/** Managers may give records to someone else; sellers, finance and support only ever assign themselves. */
export function mayAssignOthers(abilities: AbilityCheck): boolean {
  return abilities.can('record.assignOthers');
}

/** Active users in a team subtree (admins: everyone); the server is the judge of who may really be assigned. */
export function useUsers(teamId?: string) {
  return useQuery({
    queryKey: queryKeys.users(teamId ?? 'all', ''),
    queryFn: () => api.get<Page<UserRow>>('/api/users', { team: teamId }),
    staleTime: 60_000,
    select: (page) => page.items.filter((u) => u.active),
  });
}

interface Props {
  value?: string;
  onChange?(value: string | undefined): void;
  id?: string;
  teamId?: string;
  testId?: string;
  allowClear?: boolean;
}

export function UserSelect({ value, onChange, id, teamId, testId, allowClear }: Props) {
  const { t } = useI18n();
  const users = useUsers(teamId);
  return (
    <Select
      id={id}
      data-testid={testId}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      loading={users.isPending}
      placeholder={t('forms.pickUser')}
      optionFilterProp="label"
      options={(users.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
      style={{ width: '100%' }}
    />
  );
}

/** The team whose members `me` may assign to: the whole org for directors and admins, else their own subtree. */
export function assignableTeam(me: Me, abilities: AbilityCheck): string | undefined {
  return abilities.can('record.assignOrgWide') ? undefined : me.team.id;
}
