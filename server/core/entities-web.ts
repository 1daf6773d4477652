/**
 * Renders what the web app needs of the record registry as a TypeScript constant (web/src/api/entities.gen.ts), so
 * the rule editor and the custom-field page never keep their own copies. `npm run gen:entities` writes it;
 * entities.test.ts fails when the file and the registry drift apart.
 */
import { webEntities } from './entities.js';

export const WEB_ENTITIES_FILE = 'web/src/api/entities.gen.ts';

export function renderWebEntities(): string {
  const data = webEntities();
  const lines = [
    '// Generated from server/core/entities.ts by `npm run gen:entities`; do not edit.',
    ...Object.entries(data).map(([name, value]) => `export const ${constName(name)} = ${JSON.stringify(value)} as const;`),
    '',
  ];
  return lines.join('\n');
}

function constName(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}
