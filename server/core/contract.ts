/**
 * The API contract: the one error schema, the shared output shapes (user reference, pages, `{ ok }`), the
 * `responses()` helper every route uses to declare its answers, and the response serializer. Response schemas feed
 * both the serializer and the OpenAPI document (`/api/openapi.json`), from which the web app's types are generated.
 */
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { z } from 'zod';
import { ERROR_CATALOGUE, type ErrorCode } from './errors.js';

const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];

const messageParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** One input at fault: its path, a stable code (shared/messages.ts), the code's parameters, the text in the caller's language. */
export const fieldErrorSchema = z
  .object({ field: z.string(), code: z.string(), message: z.string(), params: messageParams.optional() })
  .meta({ id: 'FieldError' });

/** One missing requirement: a stage gate item (GATE_UNMET), a checklist item or a step deliverable. */
export const unmetItemSchema = z
  .object({
    code: z.string().describe('FIELD_REQUIRED | EVIDENCE_REQUIRED | CHECKLIST_INCOMPLETE | APPROVAL_REQUIRED | …'),
    label: z.string(),
    labelEn: z.string(),
    hint: z.string().optional(),
    hintEn: z.string().optional(),
    requirement: z.union([
      z.object({ kind: z.literal('field'), field: z.string() }),
      z.object({ kind: z.literal('evidence'), evidenceKind: z.string(), min: z.number(), have: z.number() }),
      z.object({ kind: z.literal('checklist'), item: z.string() }),
      z.object({ kind: z.literal('approval'), approvalKind: z.string(), status: z.string().nullable(), requestId: z.string().nullable(), reason: z.string().optional() }),
      z.looseObject({ kind: z.string() }),
    ]),
  })
  .meta({ id: 'UnmetItem' });

/** A user as other records reference them (owner, assignee, author …). */
export const userRef = z.object({ id: z.string(), name: z.string() }).meta({ id: 'UserRef' });
/** A reference whose user may be gone or absent (system actions). */
export const userRefOrNull = userRef.nullable();

/** The creation and last-change instants of a row as every presenter shows them (`createdAt`, `updatedAt`). */
export function timestamps(row: { created_at: string; updated_at: string }): { createdAt: string; updatedAt: string } {
  return { createdAt: row.created_at, updatedAt: row.updated_at };
}

export const duplicateOwnerSchema = z
  .object({ id: z.string(), name: z.string(), team: z.object({ id: z.string(), name: z.string() }).nullable() })
  .meta({ id: 'DuplicateOwner' });

/**
 * Every 4xx/5xx body. `fields` names the inputs at fault. Typed extras by code: GATE_UNMET, CHECKLIST_INCOMPLETE and
 * DELIVERABLE_MISSING carry `unmet`; DUPLICATE_CUSTOMER carries the matched customer and its owner.
 */
export const errorSchema = z
  .object({
    error: z.looseObject({
      code: z.enum(ERROR_CODES),
      message: z.string().describe('In the caller’s language: Accept-Language, Chinese unless English is preferred'),
      reason: z.string().optional().describe('A finer code than `code` when there is one (shared/messages.ts REASON_MESSAGES)'),
      params: messageParams.optional().describe('Values the message is built from'),
      fields: z.array(fieldErrorSchema).optional(),
      stageKey: z.string().optional().describe('GATE_UNMET: the stage whose exit gate is unmet'),
      unmet: z.array(unmetItemSchema).optional().describe('GATE_UNMET, CHECKLIST_INCOMPLETE, DELIVERABLE_MISSING: what is missing'),
      customer: z.string().optional().describe('DUPLICATE_CUSTOMER, POOL_NOT_AVAILABLE: id of the matched customer'),
      customerName: z.string().optional().describe('DUPLICATE_CUSTOMER: name of the matched customer'),
      owner: duplicateOwnerSchema.optional().describe('DUPLICATE_CUSTOMER: who owns the matched customer'),
      matchedOn: z.array(z.enum(['phone', 'name', 'creditCode'])).optional().describe('DUPLICATE_CUSTOMER: the fields that matched'),
      yours: z.boolean().optional().describe('DUPLICATE_CUSTOMER: the matched customer is already the caller’s'),
      inPool: z.boolean().optional().describe('DUPLICATE_CUSTOMER: the matched customer is in the pool (claim it instead)'),
      wayForward: z.enum(['none', 'claim', 'transfer']).optional().describe('DUPLICATE_CUSTOMER: what the caller can do — claim it from the pool, or request a transfer'),
      errors: z
        .array(z.object({ line: z.number().int(), column: z.number().int(), path: z.string(), message: z.string() }))
        .optional()
        .describe('YAML_INVALID: line-precise errors of the document'),
      stages: z.array(z.string()).optional().describe('SKIP_NOT_ALLOWED, INVALID_STATE: the stages at fault'),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof errorSchema>;

export const okSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** `{ items, total }` of a list endpoint. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** A large list: `total` is exact up to a cap, an estimate above it (`totalIsEstimate`). */
export function countedPageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), totalIsEstimate: z.boolean() });
}

/** A large list paged by keyset: `nextCursor` (null on the last page) fetches the next one. */
export function cursorPageOf<T extends z.ZodType>(item: T) {
  return countedPageOf(item).extend({ nextCursor: z.string().nullable() });
}

/** Nothing in the body (204). */
export const noContent = z.null().describe('No content');

/** A JSON value whose shape the record type decides (custom values, audit snapshots, rule inputs). */
export const anyJson = z.unknown();

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429;

/**
 * The `response` of a route schema: its success answers plus the documented errors, which all share `errorSchema`.
 * 401 is always listed (every route but login runs behind the session check, and login answers BAD_CREDENTIALS).
 */
export function responses<S extends { [code: number]: z.ZodType }>(success: S, errors: readonly ErrorStatus[] = []) {
  const out: Record<number, z.ZodType> = { ...success };
  for (const status of new Set<ErrorStatus>([401, ...errors])) out[status] = errorSchema;
  return out as S & { [K in ErrorStatus]?: typeof errorSchema };
}

/**
 * Serializes answers with their zod schema. With `check` (tests), it also refuses a 2xx answer the schema would cut
 * (an undeclared key is a field the web app could silently lose).
 */
export function responseSerializer(check: boolean): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url, httpStatus }) => {
    const isError = !String(httpStatus).startsWith('2');
    return (data: unknown) => {
      // Error bodies come from AppError.toBody(); the error handler checks them against errorSchema in tests.
      if (isError) return JSON.stringify(data);
      const fail = (message: string) => {
        // The 500 body says nothing; in tests the reason must reach the output.
        if (check) console.error(message);
        return new Error(message);
      };
      const result = z.safeEncode(schema, data as never);
      if (!result.success) throw fail(`Response of ${method} ${url} (${httpStatus}) does not fit its schema: ${result.error.message}`);
      if (check) {
        const lost = droppedPaths(JSON.parse(JSON.stringify(data ?? null)), result.data, '');
        if (lost.length) throw fail(`Response of ${method} ${url} (${httpStatus}) loses undeclared ${lost.slice(0, 5).join(', ')}`);
      }
      return JSON.stringify(result.data);
    };
  };
}

/** Paths present in `input` but missing from the serialized `output`. */
export function droppedPaths(input: unknown, output: unknown, at: string): string[] {
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) return [];
    return input.flatMap((item, i) => droppedPaths(item, output[i], `${at}[${i}]`));
  }
  if (input && typeof input === 'object') {
    if (!output || typeof output !== 'object') return [];
    const out = output as Record<string, unknown>;
    return Object.entries(input as Record<string, unknown>).flatMap(([key, value]) =>
      key in out ? droppedPaths(value, out[key], at ? `${at}.${key}` : key) : [at ? `${at}.${key}` : key],
    );
  }
  return [];
}
