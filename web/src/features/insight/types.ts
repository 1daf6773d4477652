/** Shapes of the metric answers the dashboard draws: generated from the server's answer schemas (metrics/answers.ts). */
import type { components } from '../../api/schema';

type S = components['schemas'];
export type StageRef = S['MetricStage'];
export type UserRef = S['UserRef'];
export type FunnelAnswer = S['FunnelAnswer'];
export type DwellAnswer = S['DwellAnswer'];
export type StalledAnswer = S['StalledAnswer'];
export type SaturationAnswer = S['SaturationAnswer'];
export type TimelinessAnswer = S['TimelinessAnswer'];
export type CompletenessAnswer = S['CompletenessAnswer'];
export type IdiAnswer = S['IdiAnswer'];
export type LossAnswer = S['LossMatrixAnswer'];
export type WinAnswer = S['WinRateAnswer'];
export type LeadQualityAnswer = S['LeadQualityAnswer'];
export type CadenceAnswer = S['CadenceOnTimeAnswer'];
export type HeatmapAnswer = S['HeatmapAnswer'];
export type ConsistencyAnswer = S['ConsistencyAnswer'];
