import { readdirSync } from 'node:fs';
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../index.js';

/**
 * One migration set for both databases; a migration may branch on the dialect only for a column type.
 * The set is the numbered files of this folder (`NNNN_name.ts`), so a new module adds its migration as a new file and
 * edits no shared list. Kysely runs them in name order (`allowUnorderedMigrations`: a database migrated while numbers
 * landed out of order keeps working). Each file exports `up(db, dialect)`; `frozen.test.ts` checks the names.
 */
export interface MigrationFile {
  up(db: Kysely<unknown>, dialect: Dialect): Promise<void>;
}

const folder = new URL('./', import.meta.url);
/** `0001_foundation.ts` → `0001_foundation`; tests and the frozen/ copies are not migrations. */
export const MIGRATION_FILE = /^(\d{4}_[a-z0-9_]+)\.ts$/;

/** The migration names found in this folder, sorted. */
export function migrationNames(): string[] {
  const names = readdirSync(folder).flatMap((file) => {
    const match = MIGRATION_FILE.exec(file);
    return match ? [match[1]] : [];
  });
  return names.sort();
}

export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return Object.fromEntries(
    migrationNames().map((name) => [
      name,
      {
        up: async (db: Kysely<unknown>) => {
          const file = (await import(/* @vite-ignore */ new URL(`./${name}.ts`, folder).href)) as MigrationFile;
          await file.up(db, dialect);
        },
      },
    ]),
  );
}
