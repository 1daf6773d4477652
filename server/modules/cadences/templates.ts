/** The shipped cadences under `templates/cadences/`, found relative to this file so any cwd works. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CadenceDefinition } from './definition.js';
import { validateCadenceYaml } from './yaml.js';

export const CADENCE_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/cadences/', import.meta.url));

let cache: CadenceDefinition[] | null = null;

/** A shipped cadence that does not validate is a packaging bug, not user input: fail loudly. */
export function shippedCadences(): CadenceDefinition[] {
  cache ??= readdirSync(CADENCE_TEMPLATES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const result = validateCadenceYaml(readFileSync(CADENCE_TEMPLATES_DIR + file, 'utf8'));
      if (!result.ok) {
        const first = result.errors[0];
        throw new Error(`Cadence template ${file} is invalid at line ${first.line}, column ${first.column}: ${first.path} ${first.message}`);
      }
      return result.value;
    });
  return cache;
}
