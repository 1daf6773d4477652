import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';

export type Digest = components['schemas']['Digest'];
export type LinkedRecord = Digest['content']['lines'][number]['records'][number];
export type DigestSettings = GetAnswer<'/api/digests/settings'>;
type DigestUnits = GetAnswer<'/api/digests/units'>;
type DigestPreview = GetAnswer<'/api/digests/preview'>;
type DigestList = GetAnswer<'/api/digests'>;

/** The units whose digest I may read (own team or region roll-up first): never a team outside my scope. */
export function useDigestTeams() {
  return useQuery({
    queryKey: queryKeys.digestUnits(),
    queryFn: () => api.get<DigestUnits>('/api/digests/units'),
  });
}

/** Today's digest computed now (not stored); only fetched when asked for. */
export function useDigestPreview(team: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.digestPreview(team),
    enabled: !!team && enabled,
    queryFn: () => api.get<DigestPreview>('/api/digests/preview', { team }),
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
    queryFn: () => api.get<DigestList>('/api/digests', { team, date }),
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
