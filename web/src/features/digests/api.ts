import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export type MetricKey = 'arrivals' | 'dealsWon' | 'noShows' | 'newContacts' | 'overdueTasks' | 'pipelineValue' | 'stageMoves' | 'amountWon';

export interface LinkedRecord {
  type: 'customer' | 'deal' | 'task';
  id: string;
  label: string;
  url: string;
}

export interface Digest {
  id: string;
  date: string;
  slot: string;
  scheduledFor: string;
  sentAt: string;
  late: boolean;
  status: 'sent' | 'late';
  content: {
    teamName: string;
    url: string;
    kind?: 'store' | 'b2b';
    lines: { key: MetricKey; label: string; labelEn: string; count: number; amountFen?: number; url: string; records: LinkedRecord[] }[];
    topSellers: { rank: number; userId: string; name: string; dealsWon: number; effectiveActivities: number; records: LinkedRecord[] }[];
  };
  markdown: Record<'zh-CN' | 'en', { title: string; body: string }>;
  deliveries: { channelId: string | null; channelName: string | null; kind: string; status: string; sentAt: string | null; lastError: string | null }[];
}

export interface DigestSettings {
  teamId: string;
  teamName: string;
  cron: string;
  time: string | null;
  timeZone: string;
  enabled: boolean;
  channels: string[] | null;
  targets: { id: string; kind: string; name: string }[];
  nextRunAt: string | null;
  updatedAt: string | null;
}

export interface DigestUnit {
  id: string;
  name: string;
  kind: string;
  rollUp: boolean;
  figures: 'store' | 'b2b';
}

/** The units whose digest I may read (own team or region roll-up first): never a team outside my scope. */
export function useDigestTeams() {
  return useQuery({
    queryKey: ['digest-units'],
    queryFn: () => api.get<{ default: string | null; items: DigestUnit[] }>('/api/digests/units'),
  });
}

/** Today's digest computed now (not stored); only fetched when asked for. */
export function useDigestPreview(team: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['digest-preview', team],
    enabled: !!team && enabled,
    queryFn: () => api.get<{ content: Digest['content']; markdown: Digest['markdown'] }>('/api/digests/preview', { team }),
  });
}

export function useGenerateDigest(team: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/digests/generate?team=${encodeURIComponent(team ?? '')}`),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.digests(team) }),
  });
}

export function useDigests(team: string | undefined, date: string) {
  return useQuery({
    queryKey: queryKeys.digests(team, date),
    enabled: !!team,
    queryFn: () => api.get<{ team: { id: string; name: string }; items: Digest[] }>('/api/digests', { team, date }),
  });
}

export function useDigestSettings(team: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.digestSettings(team),
    enabled: !!team && enabled,
    queryFn: () => api.get<DigestSettings>('/api/digests/settings', { team }),
  });
}

export function useSaveDigestSettings(team: string | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { cron?: string; time?: string; enabled?: boolean }) => api.put<DigestSettings>(`/api/digests/settings?team=${encodeURIComponent(team ?? '')}`, body),
    onSuccess: (data) => client.setQueryData(queryKeys.digestSettings(team), data),
  });
}

/** Digest links are absolute (for the robot's group); inside the app they become router paths. */
export function appPath(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}
