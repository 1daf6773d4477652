import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from './config.js';
import { AppError } from './errors.js';
import type { App } from './http.js';

export const YAML_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml', 'text/x-yaml'] as const;
/** `schema.consumes` of routes that take a YAML document (also JSON `{ yaml }`): the OpenAPI document lists both. */
export const YAML_CONSUMES = ['application/json', ...YAML_TYPES];

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function mediaType(header: string | undefined): string | null {
  if (!header) return null;
  return header.split(';')[0].trim().toLowerCase() || null;
}

/**
 * Browsers send `text/plain`, form and multipart bodies cross-origin without a preflight; requiring the route's own
 * media type (JSON unless the route's `schema.consumes` says otherwise) closes that door before the body is parsed.
 */
export function checkContentType(req: FastifyRequest): void {
  if (!STATE_CHANGING.has(req.method) || !req.url.startsWith('/api/')) return;
  const type = mediaType(req.headers['content-type']);
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (!type && !hasBody) return;
  const consumes = (req.routeOptions.schema as { consumes?: readonly string[] } | undefined)?.consumes ?? ['application/json'];
  if (type && consumes.includes(type)) return;
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send_body_as', {
    params: { types: consumes.join(' / ') },
    fields: [{ field: 'content-type', code: 'content_type', params: { types: consumes.join(' / ') } }],
  });
}

/**
 * A cookie rides along on requests from any same-site page (another port on the intranet host, a sibling
 * subdomain). State changes made with the cookie must come from our own origin: `Sec-Fetch-Site` when the browser
 * sends it, else `Origin`. Clients that send neither are not browsers (curl, scripts) and carry no ambient cookie
 * risk; API tokens are never ambient and skip the check.
 */
export function checkOrigin(req: FastifyRequest, config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins'>): void {
  if (!STATE_CHANGING.has(req.method) || !req.url.startsWith('/api/')) return;
  if (req.headers.authorization?.startsWith('Bearer ')) return;
  const origin = req.headers.origin;
  const site = req.headers['sec-fetch-site'];
  if (origin && origin !== 'null') {
    if (allowedOrigin(req, origin, config)) return;
    throw crossSite('origin_refused', { origin });
  }
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') throw crossSite('cross_site_refused');
  if (origin === 'null') throw crossSite('opaque_origin_refused');
}

function allowedOrigin(req: FastifyRequest, origin: string, config: Pick<AppConfig, 'publicUrl' | 'allowedOrigins'>): boolean {
  const own = `${req.protocol}://${req.host}`;
  return origin === own || origin === new URL(config.publicUrl).origin || config.allowedOrigins.includes(origin);
}

const crossSite = (reason: 'origin_refused' | 'cross_site_refused' | 'opaque_origin_refused', params?: { origin: string }) =>
  new AppError('FORBIDDEN', reason, { params, fields: [{ field: 'origin', code: 'origin_not_allowed' }] });

/** Response headers: API JSON is never cached (it is per user), HSTS only where it means something (HTTPS). */
export function securityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=15552000; includeSubDomains');
}

/** Wires the checks into the app; the content type is checked before the body is read, the origin before anything. */
export function registerRequestGuards(app: App, config: AppConfig): void {
  app.addHook('onRequest', async (req) => {
    checkOrigin(req, config);
    checkContentType(req);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    securityHeaders(req, reply);
    return payload;
  });
}
