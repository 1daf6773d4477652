/**
 * What differs between the kinds of import (customers, deals, activities): reading a row, telling two rows of a
 * file apart, the verdict against the database, the writes, and undoing them. The phases (stage.ts, commit.ts,
 * undo.ts) are the same for every kind and call these.
 */
import type { Queryable } from '../../db/index.js';
import type { Cell } from './cells.js';
import type { ImportDeps, PhaseContext } from './context.js';
import type { FieldSpec, ImportKind } from './fields.js';
import type { Verdict } from './plan.js';
import type { ImportRow, StagedRow } from './repo.js';
import type { UndoConflict } from './undo.js';
import type { RowContext, RowProblem } from './validate.js';

export interface RowPlan {
  verdict: Verdict;
  /** The existing record the row matched (update, unchanged, skip, conflict, denied). */
  matchId: string | null;
  problems: RowProblem[];
}

/** What the commit did with one staged row. */
export interface Applied {
  row: StagedRow;
  outcome: Verdict;
  problems: RowProblem[] | null;
  target: string | null;
  /** Kept with the row for undo: the values before, and the record's `updated_at` right after the import. */
  changes?: unknown;
}

export interface UndoTally {
  deleted: number;
  restored: number;
  conflict(c: UndoConflict): void;
}

export interface ImportTarget<R extends object = object> {
  kind: ImportKind;
  spec: FieldSpec;
  validate(cells: Cell[], ctx: RowContext): { record: R; problems: RowProblem[] };
  /** Keys that make two rows of one file the same record, each with the label a duplicate report names. */
  fileKeys(record: R): Array<{ key: string; label: string }>;
  /** The verdict of each valid record of a batch, after one lookup for the whole batch. */
  planBatch(db: Queryable, ctx: PhaseContext, records: R[]): Promise<(record: R) => RowPlan>;
  /** Writes a batch of staged rows in the commit's transaction, re-planned against the database. */
  applyBatch(trx: Queryable, deps: ImportDeps, ctx: PhaseContext, imp: ImportRow, rows: StagedRow[]): Promise<Applied[]>;
  /** Undoes a batch of created and updated rows (in one transaction); what changed since is a conflict. */
  undoBatch(trx: Queryable, deps: ImportDeps, actorId: string | null, rows: StagedRow[], tally: UndoTally): Promise<void>;
}
