import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Audit entries and events are written only by the command helper (server/core/command.ts): it fills entity, actor
// and time the same way everywhere and keeps both in the change's transaction. This walks the syntax of every server
// file and reports any other mention of the low-level writers — an import, a re-export under another name, a
// namespace property or element access — so a new direct call fails CI. The fixture plants each kind of violation.
const WRITERS = new Set(['recordAudit', 'recordAudits', 'emitEvent', 'emitEvents']);
/** The writers' own files and the helper. */
const ALLOWED = new Set(['server/core/audit-log.ts', 'server/core/events.ts', 'server/core/command.ts']);

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/command-path/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** `file:line name` for every mention of a writer outside the allowed files, under `base`/server. */
export function directWrites(base: string): string[] {
  const found: string[] = [];
  for (const path of sources(join(base, 'server'))) {
    const file = relative(base, path).split('\\').join('/');
    if (ALLOWED.has(file)) continue;
    const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const name = ts.isIdentifier(node) ? node.text : ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression) ? node.argumentExpression.text : null;
      if (name && WRITERS.has(name)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1} ${name}`);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...new Set(found)].sort();
}

describe('one write path for audit entries and events (core/command.ts)', () => {
  it('reports every planted direct write, and nothing that goes through the helper', () => {
    expect(directWrites(fixture)).toEqual(
      [
        'server/modules/audit/repo.ts:2 recordAudits',
        'server/modules/deals/service.ts:2 recordAudit',
        'server/modules/deals/service.ts:5 recordAudit',
        'server/modules/tasks/service.ts:5 emitEvents',
        'server/modules/tasks/service.ts:6 emitEvent',
      ].sort(),
    );
  });

  it('no server file outside the helper writes the audit trail or the event log directly', () => {
    expect(directWrites(root)).toEqual([]);
  });
});

describe('module layout', () => {
  it('every module that answers HTTP shapes its answers in one presenter.ts', () => {
    const modules = join(root, 'server/modules');
    const missing = readdirSync(modules, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(modules, d.name, 'routes.ts')) && !existsSync(join(modules, d.name, 'presenter.ts')))
      .map((d) => d.name);
    expect(missing).toEqual([]);
  });
});
