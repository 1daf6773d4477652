import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** An OpenAPI description of a multipart/form-data body; files are `{ type: 'string', format: 'binary' }`. */
export interface MultipartBody {
  type: 'object';
  required?: string[];
  properties: Record<string, { type: 'string'; format?: 'binary'; enum?: string[]; description?: string; default?: string }>;
}

declare module 'fastify' {
  interface FastifySchema {
    /**
     * Documents a multipart upload. It is not a validation schema: the handler reads the parts as a stream
     * and checks each field itself, so it stays out of `body` (which Fastify would validate).
     */
    multipart?: MultipartBody;
  }
}

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/** The zod transform plus multipart bodies, which zod cannot express as a validator for streamed parts. */
export function openApiTransform(document: TransformInput): ReturnType<typeof jsonSchemaTransform> {
  const { multipart, ...schema } = (document.schema ?? {}) as { multipart?: MultipartBody } & Record<string, unknown>;
  const transformed = jsonSchemaTransform({ ...document, schema: schema as TransformInput['schema'] });
  if (multipart && transformed.schema && !(transformed.schema as { hide?: boolean }).hide) {
    (transformed.schema as Record<string, unknown>).body = multipart;
  }
  if ((document.route?.config as { idempotent?: boolean } | undefined)?.idempotent && transformed.schema) {
    // Documented only: the header is read by core/idempotency.ts, not validated as a route schema (which would
    // replace req.headers with the parsed subset).
    const out = transformed.schema as Record<string, unknown>;
    const headers = (out.headers as { type?: string; properties?: Record<string, unknown> } | undefined) ?? { type: 'object', properties: {} };
    out.headers = {
      ...headers,
      type: 'object',
      properties: {
        ...headers.properties,
        'idempotency-key': {
          type: 'string',
          maxLength: 255,
          description: 'Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h.',
        },
      },
    };
  }
  const { ability, public: open } = (document.route?.config as { ability?: string; public?: boolean } | undefined) ?? {};
  if (open && transformed.schema) (transformed.schema as Record<string, unknown>)['x-public'] = true;
  if (ability && transformed.schema) {
    // Which ability the operation needs (core/policy.ts ACTIONS): clients and the authorization matrix test
    // (tests/api/authorization-matrix.test.ts) read it from the document instead of keeping their own role lists.
    (transformed.schema as Record<string, unknown>)['x-ability'] = ability;
  }
  nullableEnums(transformed.schema);
  return transformed;
}

/** The document-level transform (component schemas) with the same OpenAPI 3.0 fix-ups as the routes. */
export function openApiTransformObject(input: Parameters<typeof jsonSchemaTransformObject>[0]): ReturnType<typeof jsonSchemaTransformObject> {
  const out = jsonSchemaTransformObject(input);
  nullableEnums(out);
  return out;
}

/**
 * OpenAPI 3.0.3: `nullable: true` does not widen an `enum`, which must list `null` itself; without it a client or a
 * validator reading the document refuses the `null` the server sends (e.g. a cancelled task's `bucket`).
 */
function nullableEnums(node: unknown, depth = 0): void {
  if (depth > 64 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) nullableEnums(item, depth + 1);
    return;
  }
  const schema = node as { nullable?: unknown; enum?: unknown[] };
  if (schema.nullable === true && Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum.push(null);
  for (const value of Object.values(node)) nullableEnums(value, depth + 1);
}
