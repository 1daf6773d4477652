import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, formatMessage } from '../../server/core/validation.js';
import { FIELD_MESSAGES, type FieldCode } from '../../shared/messages.js';

// Point 9 of issue 7 for format checks: a `.regex()` failure carries no code of its own (zod keeps only the message),
// so a pattern checked with an ad-hoc English text reached a Chinese reader as the generic "格式不正确". Every pattern
// now states its format through a catalogue code; these checks keep it that way.
const root = fileURLToPath(new URL('../../server/', import.meta.url));
const FORMAT_CODES = Object.keys(FIELD_MESSAGES).filter((code) => code.endsWith('_format') && code !== 'invalid_format') as FieldCode[];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('format checks speak the catalogue', () => {
  it.each(FORMAT_CODES)('a failed pattern with formatMessage(%s) maps back to its code, in zh and en', (code) => {
    const issues = z.object({ value: z.string().regex(/^never$/, formatMessage(code)) }).safeParse({ value: 'x' }).error!.issues;
    const [error] = fieldErrorsOf(issues, '', { value: 'x' });
    expect(error).toEqual({ field: 'value', code });
    expect(FIELD_MESSAGES[code].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('every .regex() in server/ states its format with formatMessage(<code>)', () => {
    const bare: string[] = [];
    for (const path of sources(root)) {
      const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'regex') {
          const message = node.arguments[1];
          const coded = message && ts.isCallExpression(message) && ts.isIdentifier(message.expression) && message.expression.text === 'formatMessage';
          if (!coded) bare.push(`${relative(root, path)}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(bare).toEqual([]);
  });
});
