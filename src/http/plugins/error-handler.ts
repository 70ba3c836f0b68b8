import type { FastifyError, FastifyInstance } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { isWardenError, WardenError, type ErrorCode } from '../../errors.js';

/**
 * Turns every error into `{statusCode, error, message, code}`. Our own errors carry their
 * status; schema failures become 400 naming the field; anything unexpected is a 500 whose
 * details stay in the log (never in the response, which could leak a secret).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isWardenError(error)) {
      if (error.status >= 500) request.log.error({ err: error }, 'request failed');
      // A platform's own text (redacted) is only ever the cause: the log has it, the answer does not.
      else if (error.cause !== undefined) request.log.warn({ err: error }, 'the platform refused the request');
      if (error.code === 'TOO_MANY_AUTHENTICATION_FAILURES') void reply.header('retry-after', String(error.params.seconds));
      return reply.status(error.status).send(body(error.status, error.code, error.message));
    }
    if (error.validation) {
      return reply.status(400).send(body(400, 'VALIDATION_FAILED', error.message));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body(413, 'PAYLOAD_TOO_LARGE', format('PAYLOAD_TOO_LARGE', { limit: app.initialConfig.bodyLimit ?? 0 })));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own client errors (bad JSON, wrong content type): their messages carry no secrets.
      return reply.status(error.statusCode).send(body(error.statusCode, 'VALIDATION_FAILED', error.message));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(body(500, 'INTERNAL', format('INTERNAL', { requestId: request.id })));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(body(404, 'ROUTE_NOT_FOUND', format('ROUTE_NOT_FOUND', { method: request.method, url: request.url.split('?')[0]! })));
  });
}

function body(statusCode: number, code: ErrorCode, message: string) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message, code };
}

function format(code: ErrorCode, params: Record<string, string | number>): string {
  return new WardenError(code, params).message;
}
