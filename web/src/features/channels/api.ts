import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import type { Channel, ChannelKind, OutboxItem, Team } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

export const CHANNEL_KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu', 'email', 'sms'];
export const ROBOT_KINDS: ChannelKind[] = ['wecom', 'dingtalk', 'feishu'];

/** Write-only secret fields of each kind; the API answers only which of them are stored (`secretFields`). */
export const SECRET_FIELDS: Record<ChannelKind, string[]> = {
  wecom: ['webhookUrl'],
  dingtalk: ['webhookUrl', 'secret'],
  feishu: ['webhookUrl', 'secret'],
  email: ['password'],
  sms: ['accessKeyId', 'accessKeySecret'],
};

export function useChannels() {
  return useQuery({ queryKey: queryKeys.channels(), queryFn: () => api.get<Page<Channel>>('/api/channels') });
}

export function useTeams() {
  return useQuery({ queryKey: queryKeys.teams(), queryFn: () => api.get<Page<Team>>('/api/teams'), staleTime: 60_000 });
}

export function useDeadLetters(page: number) {
  return useQuery({
    queryKey: queryKeys.outbox('dead', page),
    queryFn: () => api.get<Page<OutboxItem>>('/api/outbox', { status: 'dead', page, pageSize: 50 }),
    refetchInterval: 30_000,
  });
}
