import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Fastify, { LogController, type FastifyError, type FastifyReply, type FastifyRequest } from 'fastify';
import pino from 'pino';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { z } from 'zod';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from './db/index.js';
import { isWriteConflict } from './db/conflicts.js';
import type { Clock } from './core/clock.js';
import type { AppConfig } from './core/config.js';
import { AppError, type FieldError } from './core/errors.js';
import { errorSchema, responses, responseSerializer } from './core/contract.js';
import { openApiTransform, openApiTransformObject } from './core/openapi.js';
import { langOf, type App, type Deps } from './core/http.js';
import { authorize, type Actor, type Action } from './core/policy.js';
import { clientErrorHandler, frameworkErrors } from './core/framework-errors.js';
import { registerRequestGuards } from './core/security.js';
import { registerIdempotency } from './core/idempotency.js';
import { configureSecrets } from './core/secrets.js';
import { redactFor } from './core/redact.js';
import { fieldErrorOf, valueAt, type IssueLike } from './core/validation.js';
import { actorForSession } from './modules/auth/repo.js';
import { actorForApiToken } from './modules/auth/tokens.js';
import { SESSION_COOKIE } from './modules/auth/routes.js';
import { composeModules } from './modules/index.js';

export interface BuildOptions {
  database: DatabaseHandle;
  clock: Clock;
  config: AppConfig;
  logger?: boolean;
  /** Refuse answers that do not match their declared schema exactly (tests): undeclared keys, malformed errors. */
  checkResponses?: boolean;
}

const webDist = join(dirname(fileURLToPath(import.meta.url)), '..', 'web', 'dist');

/** Builds the HTTP app; used by `serve` and by the tests, which talk to it through real requests. */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { database, clock, config } = options;
  configureSecrets(config);
  const app = Fastify({
    // The request log costs the request path: one line a request (see onResponse below), written asynchronously —
    // a line waits for the previous write instead of the request waiting for the pipe; what is still in the buffer
    // is flushed synchronously on exit (pino's exit hook), so a crash or a stop loses no line. Only a SIGKILL can.
    logger: options.logger ? { level: 'info', stream: pino.destination({ dest: 1, sync: false }) } : false,
    logController: new OneLinePerRequest(),
    bodyLimit: 2 * 1024 * 1024,
    // Forwarded headers are believed only from the configured proxies; otherwise anyone could pick their address.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(options.checkResponses ?? false));
  app.decorateRequest('actor', null);

  // HSTS is sent by securityHeaders, only on HTTPS requests.
  await app.register(helmet, { contentSecurityPolicy: false, hsts: false });
  await app.register(cookie);
  // An upload is a few short text fields and one file; anything more is refused before it is buffered.
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 4096, fieldNameSize: 100, parts: 12, headerPairs: 50 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'actionflow API', description: 'Sales action-flow system: pipelines, gates, activities, tasks.', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: openApiTransform,
    transformObject: openApiTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await actorForApiToken(database.db, clock, auth.slice('Bearer '.length).trim());
      if (!req.actor) throw new AppError('UNAUTHENTICATED', 'token_invalid');
      guardRoute(req.actor, req.routeOptions.config);
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.actor = await actorForSession(database.db, clock, token);
    if (!req.actor && !req.routeOptions.config?.public && req.routeOptions.url) throw new AppError('UNAUTHENTICATED');
    if (req.actor) guardRoute(req.actor, req.routeOptions.config);
  });
  registerRequestGuards(app, config);
  registerIdempotency(app, database.db, clock);

  // The one output layer for field-level restriction: every JSON answer, lists, records, boards, the audit trail's
  // before/after values and error extras alike, loses the fields hidden from the caller (core/policy.ts).
  app.addHook('preSerialization', async (req, _reply, payload) => (req.actor ? redactFor(req.actor, payload) : payload));

  app.setErrorHandler((error: FastifyError & { validationContext?: string }, req, reply) => {
    const appError = toAppError(error, req);
    if (appError.status >= 500) req.log.error(error);
    const body = appError.toBody(langOf(req));
    if (appError.reason === 'write_conflict') {
      req.log.warn({ err: error }, 'write lost to another writer; answered 409 with Retry-After');
      reply.header('retry-after', '1');
    }
    if (options.checkResponses && !errorSchema.safeParse(body).success) {
      throw new Error(`Error body of ${req.method} ${req.url} does not fit ErrorResponse: ${JSON.stringify(body)}`);
    }
    reply.code(appError.status).send(body);
  });

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { config: { public: true }, schema: {
    tags: ['system'],
    summary: 'Liveness and database dialect',
    response: responses({ 200: z.object({ ok: z.literal(true), database: z.enum(['sqlite', 'postgres']), time: z.string() }) }),
  } }, async () => ({
    ok: true,
    database: database.dialect,
    time: clock.now().toISOString(),
  }));

  const deps: Deps = { db: database.db, bulkDb: database.bulk, dialect: database.dialect, clock, config };
  for (const register of composeModules().routes) await register(app, deps);

  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  // The web app's own pages: scripts only from this origin (the build has no inline script); antd injects its styles,
  // so inline styles stay allowed. API answers and attachments set their own headers.
  app.addHook('onSend', async (req, reply, payload) => {
    if (!req.url.startsWith('/api/') && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', WEB_APP_CSP);
    return payload;
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !hasWeb) {
      reply.code(404).send(new AppError('NOT_FOUND', 'no_route', { params: { route: `${req.method} ${req.url.split('?')[0]}` } }).toBody(langOf(req)));
      return;
    }
    reply.sendFile('index.html');
  });
  return app;
}

export const WEB_APP_CSP = [
  "default-src 'self'",
  // The WeCom / DingTalk / Feishu JS-SDKs, loaded only inside their clients (web/src/features/platforms/clientSdk.ts).
  "script-src 'self' https://res.wx.qq.com https://open.work.weixin.qq.com https://g.alicdn.com https://lf1-cdn-tos.bytegoofy.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * One log line per request (docs/operations.md) instead of Fastify's two: the request, the answer's status and how
 * long it took, written when the answer is sent. Errors keep Fastify's own lines.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) request.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** The request part a validation context names, to tell a missing value (`required`) from a wrong one. */
function inputOf(req: FastifyRequest, context: string | undefined): unknown {
  if (context === 'querystring') return req.query;
  if (context === 'params') return req.params;
  if (context === 'headers') return req.headers;
  return req.body;
}

/** `n` proxies in front: the last n forwarded hops are believed, the client's own claims before them are not. */
function trustHops(n: number) {
  return (_address: string, hop: number) => hop < n;
}

/**
 * Before the body is parsed and validated, so a caller without the ability learns nothing about the input rules.
 * The service authorizes again: this is an early answer, not the check itself.
 */
function guardRoute(actor: Actor, routeConfig: { ability?: Action } | undefined): void {
  if (routeConfig?.ability) authorize(actor, routeConfig.ability);
}

/** Maps anything thrown to the error catalogue; only the truly unexpected becomes a 500. */
function toAppError(error: FastifyError & { validationContext?: string; code?: string }, req: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  if (error.validation) {
    const input = inputOf(req, error.validationContext);
    const fields: FieldError[] = error.validation.map((v) => {
      const issue = { ...(v.params as Partial<IssueLike> | undefined), code: v.keyword, message: v.message } as IssueLike;
      const path = (v.instancePath ?? '').split('/').filter(Boolean);
      const missing = (v.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [...path, missing].filter(Boolean).join('.') || error.validationContext || 'body';
      return fieldErrorOf(issue, field, !missing && valueAt(input, path) !== undefined);
    });
    return new AppError('VALIDATION_FAILED', undefined, { fields });
  }
  if (isWriteConflict(error)) return new AppError('CONFLICT', 'write_conflict');
  const dbCode = String((error as { code?: unknown }).code ?? '');
  if (dbCode === '23505' || dbCode === 'SQLITE_CONSTRAINT_UNIQUE' || dbCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', 'unique_taken');
  }
  if (dbCode === '23503' || dbCode === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('VALIDATION_FAILED', 'reference_missing', { fields: [{ field: 'body', code: 'not_found_record' }] });
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || dbCode === 'FST_REQ_FILE_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (status === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
  if (status === 429) return new AppError('RATE_LIMITED', error.message);
  if (status === 404) return new AppError('NOT_FOUND', error.message);
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (malformed JSON, wrong content type): its English text is the detail.
    return new AppError('VALIDATION_FAILED', undefined, { fields: [{ field: 'body', code: 'invalid', detail: error.message }] });
  }
  return new AppError('INTERNAL');
}
