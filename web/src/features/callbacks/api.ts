import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';

export type CallbackDraw = components['schemas']['CallbackDraw'];
export type CallbackItem = components['schemas']['CallbackItem'];
export type CallbackReportRow = components['schemas']['CallbackReportRow'];
export type CallbackSetting = components['schemas']['CallbackSetting'];
export type CallbackVerification = components['schemas']['CallbackVerification'];
export type CallbackResult = NonNullable<CallbackItem['result']>['result'];
export const RESULTS: CallbackResult[] = ['confirmed', 'not_confirmed', 'unreachable'];

export function useCallbackDraws(month: string | undefined) {
  return useQuery({ queryKey: queryKeys.callbacks('draws', month), queryFn: () => api.get<Page<CallbackDraw>>('/api/callbacks', { month }) });
}

export function useCallbackReport(month: string | undefined) {
  return useQuery({ queryKey: queryKeys.callbacks('report', month), queryFn: () => api.get<Page<CallbackReportRow>>('/api/callbacks/report', { month }) });
}

export function useCallbackSettings(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.callbackSettings(), queryFn: () => api.get<Page<CallbackSetting>>('/api/callback-settings'), enabled });
}

/** Call-back outcomes of a customer's visits, for the timeline. */
export function useVerifications(customerId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.callbacks('verifications', customerId),
    queryFn: () => api.get<Page<CallbackVerification>>('/api/callbacks/verifications', { customerId }),
    enabled: !!customerId,
  });
}
