/** Shapes of the metric answers the dashboard draws (server: server/modules/metrics/defs/*.ts). */
import type { Cell } from './api';

export interface StageRef {
  key: string;
  name: string;
  nameEn: string;
}
export interface UserRef {
  id: string;
  name: string;
}

export interface FunnelAnswer {
  cohort: Array<{ stage: StageRef; entered: Cell; next: Cell; wentOn: Cell; lost: Cell; open: Cell; won: Cell; skipped: Cell & { reasons: Array<Cell & { reason: string }> }; conversionNext: number | null; conversionLater: number | null }>;
  snapshot: { label: { zh: string; en: string }; stages: Array<{ stage: StageRef; probability: number; deals: Cell; amountFen?: number; weightedFen?: number }>; total: Cell; amountFen?: number; weightedFen?: number };
}
export interface DwellAnswer {
  stages: Array<{ stage: StageRef; completed: Cell; open: Cell; median: number | null; p90: number | null; kmMedian: number | null }>;
}
export interface StalledAnswer {
  total: Cell;
  stalled: Cell;
  planned: Cell;
  teamShare: number | null;
  idleDays: number;
  sellers: Array<{ owner: UserRef; open: Cell; stalled: Cell; planned: Cell; share: number | null; ratio: number | null; flagged: boolean }>;
}
export interface SaturationAnswer {
  warnBelow: number;
  total: Cell & { done: Cell; rate: number | null };
  sellers: Array<{ owner: UserRef; due: Cell; done: Cell; rate: number | null; warn: boolean }>;
}
export interface TimelinessAnswer {
  stages: Array<{ stage: StageRef; clocks: Cell; breached: Cell; rate: number | null }>;
  steps: Array<{ step: string; due: Cell; breached: Cell; rate: number | null }>;
  total: Cell;
  breached: Cell;
  rate: number | null;
}
export interface CompletenessAnswer {
  total: Cell & { filled: Cell; rate: number | null };
  stages: Array<{ stage: StageRef; required: Cell; filled: Cell; rate: number | null; fields: Array<{ field: string; label: string; labelEn: string; missing: Cell; filled: Cell; rate: number | null }> }>;
}
export interface IdiAnswer {
  benchmark: number;
  total: Cell & { customers: number; idi: number | null };
  sellers: Array<{ owner: UserRef; team: { id: string; name: string }; interactions: Cell; customers: number; idi: number | null }>;
}
export interface LossAnswer {
  segment: string;
  stages: StageRef[];
  rows: Array<{ segment: string; lost: Cell; cells: Array<{ stage: string; lost: Cell; reached: Cell; rate: number | null }> }>;
  reasons: Array<Cell & { reason: string }>;
  total: Cell;
}
export interface WinAnswer {
  won: Cell;
  lost: Cell;
  winRate: number | null;
  averageCycleDays: number | null;
  averageCycleWorkingDays: number | null;
  sellers: Array<{ owner: UserRef; won: Cell; lost: Cell; winRate: number | null; averageCycleDays: number | null }>;
}
export interface LeadQualityAnswer {
  sources: Array<{ source: string; deals: Cell; won: Cell; conversion: number | null; wonAmountFen?: number }>;
}
export interface CadenceAnswer {
  total: Cell;
  onTime: Cell;
  late: Cell;
  missed: Cell;
  rate: number | null;
}
export interface HeatmapAnswer {
  stages: StageRef[];
  cells: Array<Cell & { owner: UserRef; stage: string; average: number | null }>;
  unusedCustomFields: Array<{ entity: string; key: string; label: string; labelEn: string | null }>;
}
