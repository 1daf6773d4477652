import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { pickLang } from '../../shared/messages.js';

/**
 * Errors Fastify answers before any route or error handler runs (bad URL encoding, over-long path parameter,
 * failed route constraint). Without this they leave in Fastify's own `{ error: "Bad Request", code: "FST_…" }`.
 */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  const appError =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new AppError('URI_TOO_LONG')
      : new AppError('VALIDATION_FAILED', 'bad_url', { fields: [{ field: 'url', code: 'url_invalid' }] });
  reply.code(appError.status).header('cache-control', 'no-store').send(appError.toBody(pickLang(_req.headers['accept-language'])));
}

/**
 * Errors of the HTTP parser itself (header overflow, timeouts, malformed requests): node gives us only the
 * socket, so the answer is written by hand, in the documented error shape.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const appError =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new AppError('HEADERS_TOO_LARGE')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new AppError('REQUEST_TIMEOUT')
        : new AppError('VALIDATION_FAILED', 'malformed_http', { fields: [{ field: 'request', code: 'http_invalid' }] });
  const body = JSON.stringify(appError.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
