import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';

export type WorkOrder = components['schemas']['WorkOrder'];
export type WorkOrderDetail = components['schemas']['WorkOrderDetail'];
export type WorkOrderType = components['schemas']['WorkOrderType'];
export type AssistPoints = components['schemas']['AssistPoints'];
export type AssistLeaderboard = components['schemas']['AssistLeaderboard'];
export type AssistRuleSet = components['schemas']['AssistRuleSet'];
export type SlaClock = { dueAt: string | null; status: 'running' | 'paused' | 'hit' | 'missed'; warning: boolean };

export type OrderView = 'mine' | 'queue' | 'assigned' | 'all';

export function useWorkOrders(view: OrderView, extra: Record<string, string> = {}) {
  return useQuery({
    queryKey: queryKeys.workOrders(view, extra),
    queryFn: () => api.get<Page<WorkOrder>>('/api/work-orders', { view, pageSize: 100, ...extra }),
  });
}

export function useWorkOrder(id: string) {
  return useQuery({ queryKey: queryKeys.workOrder(id), queryFn: () => api.get<WorkOrderDetail>(`/api/work-orders/${id}`) });
}

export function useWorkOrderTypes(activeOnly: boolean) {
  return useQuery({
    queryKey: queryKeys.workOrderTypes(activeOnly),
    queryFn: () => api.get<GetAnswer<'/api/work-order-types'>>('/api/work-order-types', activeOnly ? { active: 'true' } : {}),
  });
}

/** The clock that matters now: the response until it is given, then the resolution. */
export function currentClock(order: WorkOrder): SlaClock {
  return order.respondedAt ? order.sla.resolution : order.sla.response;
}

/** SLA colour: red missed, orange past the warning share, grey paused, green hit, blue running. */
export function slaColour(clock: SlaClock): string {
  if (clock.status === 'missed') return 'red';
  if (clock.status === 'paused') return 'default';
  if (clock.status === 'hit') return 'green';
  return clock.warning ? 'orange' : 'blue';
}

export const HELPER_STATUSES = ['open', 'assigned', 'reopened'] as const;
