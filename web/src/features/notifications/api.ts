import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AppNotification, Inbox, PostAnswer } from '../../api/types';
import { queryKeys } from '../../api/queryKeys';

/** The bell polls every 30 s; other screens that read the inbox share this cache entry. */
export const INBOX_POLL_MS = 30_000;

export function useInbox(unreadOnly = false) {
  return useQuery({
    queryKey: queryKeys.inbox({ unreadOnly }),
    queryFn: () => api.get<Inbox>('/api/notifications', { unread: unreadOnly ? 'true' : undefined, pageSize: 30 }),
    refetchInterval: INBOX_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 5_000,
  });
}

export function useInboxActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.inbox() });
  const markRead = useMutation({ mutationFn: (id: string) => api.post<AppNotification>(`/api/notifications/${id}/read`), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => api.post<PostAnswer<'/api/notifications/read-all'>>('/api/notifications/read-all'), onSuccess: refresh });
  return { markRead, markAll };
}
