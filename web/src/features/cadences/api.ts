import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export interface Deliverable {
  attachments?: { kind: string; min: number; label?: string; labelEn?: string };
  fields?: string[];
  note_required?: boolean;
  time_slots?: number;
}

export interface StepGuidance {
  offset: string;
  unit: 'calendar_days' | 'working_days';
  at: string | null;
  action: string;
  title: string;
  titleEn: string;
  instructions: string | null;
  instructionsEn: string | null;
  template: string | null;
  templateEn: string | null;
  deliverable: Deliverable;
}

export interface OpenStep extends StepGuidance {
  taskId: string;
  stepKey: string;
  dueAt: string;
  cadence: { key: string; name: string; nameEn: string };
  deal: { id: string; title: string };
}

export interface CadenceRun {
  id: string;
  cadence: { key: string; name: string; nameEn: string };
  stageKey: string;
  status: 'active' | 'completed' | 'stopped';
  stopReason: string | null;
  startedAt: string;
  steps: Array<StepGuidance & { key: string; taskId: string | null; dueAt: string; status: string }>;
}

export interface Cadence {
  id: string;
  key: string;
  name: string;
  nameEn: string;
  version: number;
  definition: { anchor: { kind: string; field?: string } };
  steps: Array<StepGuidance & { key: string }>;
}

export const useOpenSteps = () => useQuery({ queryKey: queryKeys.cadenceSteps(), queryFn: () => api.get<{ items: OpenStep[] }>('/api/cadences/steps') });
export const useCadences = () => useQuery({ queryKey: queryKeys.cadences(), queryFn: () => api.get<{ items: Cadence[] }>('/api/cadences') });
export const useDealRuns = (dealId: string) => useQuery({ queryKey: queryKeys.cadenceRuns(dealId), queryFn: () => api.get<{ items: CadenceRun[] }>(`/api/deals/${dealId}/cadences`) });
