import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';

export type Cadence = components['schemas']['Cadence'];
export type CadenceRun = GetAnswer<'/api/deals/{id}/cadences'>['items'][number];
export type OpenStep = GetAnswer<'/api/cadences/steps'>['items'][number];
/** What a step's guidance shows: the same fields in a cadence, a run and an open step. */
export type StepGuidance = Pick<OpenStep, 'offset' | 'unit' | 'at' | 'action' | 'title' | 'titleEn' | 'instructions' | 'instructionsEn' | 'template' | 'templateEn' | 'deliverable'>;
export type Deliverable = StepGuidance['deliverable'];

export const useOpenSteps = () => useQuery({ queryKey: queryKeys.cadenceSteps(), queryFn: () => api.get<GetAnswer<'/api/cadences/steps'>>('/api/cadences/steps') });
export const useCadences = () => useQuery({ queryKey: queryKeys.cadences(), queryFn: () => api.get<GetAnswer<'/api/cadences'>>('/api/cadences') });
export const useDealRuns = (dealId: string) => useQuery({ queryKey: queryKeys.cadenceRuns(dealId), queryFn: () => api.get<GetAnswer<'/api/deals/{id}/cadences'>>(`/api/deals/${dealId}/cadences`) });
