import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { GetAnswer } from '../../api/types';

export type AppointmentStatus = 'booked' | 'arrived' | 'no_show' | 'cancelled';

export interface Appointment {
  id: string;
  at: string;
  durationMinutes: number;
  status: AppointmentStatus;
  late: boolean;
  phone: string;
  note: string | null;
  customer: { id: string; name: string };
  store: { id: string; name: string };
  consultant: { id: string; name: string };
  checkedInAt: string | null;
  noShowAt: string | null;
  followUp: { userId: string; name: string | null; taskId: string | null; taskStatus: string | null; dueAt: string | null } | null;
}

export interface Candidate {
  id: string;
  name: string;
  role: string;
  team: { id: string; name: string };
}

export interface StoreStats {
  appointments: number;
  arrivals: number;
  lateArrivals: number;
  noShows: number;
  dealsWon: number;
  noShowFollowedUp: number;
  noShowSecondTouchRate: number | null;
}

export interface AppointmentFilter {
  status?: AppointmentStatus;
  store?: string;
  consultant?: string;
  date?: string;
}

export function useAppointments(filter: AppointmentFilter) {
  return useQuery({
    queryKey: queryKeys.appointments(filter),
    queryFn: () => api.get<Page<Appointment>>('/api/appointments', { ...filter, pageSize: 200 }),
    refetchInterval: 30_000,
  });
}

export function useCandidates(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.appointments('candidates'), enabled, queryFn: () => api.get<GetAnswer<'/api/appointments/reassign-candidates'>>('/api/appointments/reassign-candidates') });
}

export function useStoreStats(query: { store?: string; from: string; to: string }) {
  return useQuery({ queryKey: queryKeys.appointments('stats', query), queryFn: () => api.get<StoreStats>('/api/appointments/stats', query) });
}

/** Mutations refresh every appointment query (lists, board, figures). */
export function useAppointmentAction<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  // networkMode always: an offline check-in is kept on the device by the caller (offline/queue.ts), not paused.
  return useMutation({ mutationFn: fn, networkMode: 'always', onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.appointments() }) });
}
