/**
 * YAML ⇄ pipeline definition. Validation errors point at the line and column of the offending YAML node:
 * zod issue paths are mapped back onto the parsed document's node ranges. Pure: no HTTP, no SQL.
 */
import { Document, LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { z } from 'zod';
import { fieldMessage, locatedMessage, type FieldCode, type Lang, type MessageParams } from '../../core/errors.js';
import { fieldErrorOf } from '../../core/validation.js';
import { pipelineDefinitionSchema, type PipelineDefinition } from './definition.js';

/**
 * One located problem of a YAML document: a stable `code` (shared/messages.ts, zh/en) with its `params`, and
 * `message` — English unless re-rendered for a reader with `localizeYamlErrors`. `detail` is a validator's own
 * English wording for a check too specific for the catalogue (Chinese readers get the code's text).
 */
export interface YamlError {
  line: number;
  column: number;
  path: string;
  code: FieldCode;
  params?: MessageParams;
  detail?: string;
  message: string;
}

function yamlError(line: number, column: number, path: string, code: FieldCode, params?: MessageParams, detail?: string): YamlError {
  const message = fieldMessage({ field: path, code, ...(params ? { params } : {}), ...(detail ? { detail } : {}) }, 'en');
  return { line, column, path, code, ...(params ? { params } : {}), ...(detail ? { detail } : {}), message };
}

/** The same errors with `message` in `lang`; API routes answer in the caller's language, the CLI in the shell's. */
export function localizeYamlErrors<E extends YamlError>(errors: readonly E[], lang: Lang): Array<Omit<E, 'detail'>> {
  return errors.map(({ detail, ...e }) => ({ ...e, message: locatedMessage({ ...e, detail }, lang) }));
}

/** `FILE:line:col: message (path)`, the format editors and CI logs link to. */
export function formatYamlError(file: string, e: YamlError): string {
  return `${file}:${e.line}:${e.column}: ${e.message}${e.path ? ` (${e.path})` : ''}`;
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
      errors: doc.errors.map((e) => {
        const [line, column] = [e.linePos?.[0].line ?? 1, e.linePos?.[0].col ?? 1];
        if (e.message.includes('call stack')) return yamlError(line, column, '', 'yaml_too_deep', { max: YAML_LIMITS.depth });
        // The parser's English sentence stays as detail; its error code names the kind for every reader.
        const detail = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
        if (e.code === 'DUPLICATE_KEY') return yamlError(line, column, '', 'yaml_duplicate_key', undefined, detail);
        return yamlError(line, column, '', 'yaml_syntax', { kind: e.code }, detail);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: YAML_LIMITS.aliases });
  } catch (error) {
    // The yaml library refuses alias expansion past maxAliasCount (a "billion laughs" document) by throwing.
    const refused = error instanceof RangeError ? TOO_DEEP() : yamlError(1, 1, '', 'yaml_too_many_aliases', { max: YAML_LIMITS.aliases });
    return { ok: false, errors: [refused] };
  }
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, errors: [yamlError(1, 1, '', 'yaml_not_mapping', undefined, notAMapping)] };
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.flatMap((issue) => issueToErrors(doc, lineCounter, issue));
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Bounds on one YAML document: pipelines, rules and cadences are small hand-written files. */
export const YAML_LIMITS = { bytes: 512 * 1024, depth: 64, aliases: 100 } as const;
const TOO_DEEP = (line = 1, column = 1) => yamlError(line, column, '', 'yaml_too_deep', { max: YAML_LIMITS.depth });

/**
 * Cheap text scan before parsing: the parser and the JS conversion recurse per nesting level, so a
 * 10,000-level document must be refused before either runs. Flow brackets and block indentation both count.
 */
function checkYamlLimits(text: string): YamlError | null {
  if (text.length > YAML_LIMITS.bytes) {
    return yamlError(1, 1, '', 'yaml_too_large', { max: YAML_LIMITS.bytes / 1024 });
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
      if (indentDepth > YAML_LIMITS.depth * 4) return TOO_DEEP(line, column);
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') quote = '\n';
    else if (ch === '[' || ch === '{') {
      flow++;
      if (flow > YAML_LIMITS.depth) return TOO_DEEP(line, column);
    } else if (ch === ']' || ch === '}') flow = Math.max(0, flow - 1);
  }
  return null;
}

function issueToErrors(doc: Document, lines: LineCounter, issue: z.core.$ZodIssue): YamlError[] {
  const path = issue.path.filter((p): p is Segment => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const found = locate(doc, [...path, key]);
      const at = position(lines, found.keyNode ?? found.node);
      return yamlError(at.line, at.column, formatPath([...path, key]), 'yaml_unknown_key', { key });
    });
  }
  const found = locate(doc, path);
  const at = position(lines, found.node);
  if (found.missing) return [yamlError(at.line, at.column, formatPath(path), 'yaml_required', { key: String(path.at(-1)) })];
  // The same zod → field-code mapping as every HTTP body (core/validation.ts); zod's own wording stays as English detail.
  const coded = fieldErrorOf(issue as never, formatPath(path), true);
  return [yamlError(at.line, at.column, formatPath(path), coded.code, coded.params, coded.detail ?? issue.message)];
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
