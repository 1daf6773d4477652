/**
 * YAML ⇄ pipeline definition. Validation errors point at the line and column of the offending YAML node:
 * zod issue paths are mapped back onto the parsed document's node ranges. Pure: no HTTP, no SQL.
 */
import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { z } from 'zod';
import { pipelineDefinitionSchema, type PipelineDefinition } from './definition.js';

export interface YamlError {
  line: number;
  column: number;
  path: string;
  message: string;
}

export type YamlValidation = { ok: true; definition: PipelineDefinition } | { ok: false; errors: YamlError[] };

type Segment = string | number;

export function validatePipelineYaml(text: string): YamlValidation {
  const result = validateYamlWith(text, pipelineDefinitionSchema, 'the document must be a mapping with key, name and stages');
  return result.ok ? { ok: true, definition: result.value } : result;
}

/**
 * Parses YAML and checks it with any zod schema; errors (syntax and schema, including `superRefine` issues) carry
 * the line and column of the offending node. Shared by every module that imports YAML documents.
 */
export function validateYamlWith<S extends z.ZodType>(
  text: string,
  schema: S,
  notAMapping: string,
): { ok: true; value: z.output<S> } | { ok: false; errors: YamlError[] } {
  const limited = checkYamlLimits(text);
  if (limited) return { ok: false, errors: [limited] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        path: '',
        message: e.message.includes('call stack') ? TOO_DEEP : e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      })),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (error) {
    // The yaml library refuses alias expansion past maxAliasCount (a "billion laughs" document) by throwing.
    const message = error instanceof RangeError ? TOO_DEEP : `too many alias expansions (at most ${YAML_LIMITS.aliases} per document)`;
    return { ok: false, errors: [{ line: 1, column: 1, path: '', message }] };
  }
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [{ line: 1, column: 1, path: '', message: notAMapping }] };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.flatMap((issue) => issueToErrors(doc, lineCounter, issue));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Bounds on one YAML document: pipelines, rules and cadences are small hand-written files. */
export const YAML_LIMITS = { bytes: 512 * 1024, depth: 64, aliases: 100 } as const;
const TOO_DEEP = `the document is nested too deeply (at most ${YAML_LIMITS.depth} levels)`;

/**
 * Cheap text scan before parsing: the parser and the JS conversion recurse per nesting level, so a
 * 10,000-level document must be refused before either runs. Flow brackets and block indentation both count.
 */
function checkYamlLimits(text: string): YamlError | null {
  if (text.length > YAML_LIMITS.bytes) {
    return { line: 1, column: 1, path: '', message: `the document is too large (at most ${YAML_LIMITS.bytes / 1024} KiB)` };
  }
  let line = 1;
  let column = 0;
  let flow = 0;
  let quote: string | null = null;
  let indentDepth = 0;
  let atLineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    column++;
    if (ch === '\n') {
      line++;
      column = 0;
      atLineStart = true;
      indent = 0;
      quote = null;
      continue;
    }
    if (atLineStart) {
      if (ch === ' ' || ch === '-') {
        // "- - - x" nests a sequence per dash; indentation nests mappings. Both count as levels.
        indent++;
        continue;
      }
      atLineStart = false;
      indentDepth = indent;
      if (indentDepth > YAML_LIMITS.depth * 4) return { line, column, path: '', message: TOO_DEEP };
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') quote = '\n';
    else if (ch === '[' || ch === '{') {
      flow++;
      if (flow > YAML_LIMITS.depth) return { line, column, path: '', message: TOO_DEEP };
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  return null;
}

function issueToErrors(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): YamlError[] {
  const path = issue.path.filter((p): p is Segment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const found = locate(doc, [...path, key]);
      return { ...position(lines, found.keyNode ?? found.node), path: formatPath([...path, key]), message: `unknown key "${key}"` };
    });
  }
  const found = locate(doc, path);
  const message = found.missing ? `"${String(path.at(-1))}" is required here` : issue.message;
  return [{ ...position(lines, found.node), path: formatPath(path), message }];
}

/** The deepest node along `path`; `missing` when the last segment does not exist (the error then points at its parent). */
function locate(doc: Document, path: Segment[]): { node: Node | null; keyNode?: Node | null; missing: boolean } {
  let node = doc.contents as Node | null;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = (node.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return { node, missing: true };
      keyNode = pair.key as Node;
      // `key:` with no value has a null value node; point at the key then.
      node = (pair.value as Node | null) ?? keyNode;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = null;
      node = node.items[segment] as Node;
    } else {
      return { node, missing: true };
    }
  }
  return { node, keyNode, missing: false };
}

function position(lines: LineCounter, node: Node | null | undefined): { line: number; column: number } {
  const offset = node?.range?.[0];
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** `stages[2].gate.evidence[0].kind` */
export function formatPath(path: Segment[]): string {
  return path.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}

/** Serialises a definition; parsing the output with `validatePipelineYaml` gives back an equal definition. */
export function definitionToYaml(def: PipelineDefinition, header?: string): string {
  const doc = new Document(def);
  if (header) doc.commentBefore = header.split('\n').map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
