import { jsonSchemaTransform } from 'fastify-type-provider-zod';

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
  return transformed;
}
