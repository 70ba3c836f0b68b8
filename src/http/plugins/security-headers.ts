import type { FastifyInstance } from 'fastify';
import { PUBLIC_PREFIX } from '../access-rules.js';

/**
 * The interactive docs load only their own scripts, styles and the API they document (Swagger
 * UI sets styles inline, so `style-src` allows that; no script is inline).
 */
const DOCS_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self' data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');
/** JSON answers load nothing and are framed by nothing. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer that keep a browser from framing Warden (clickjacking the docs'
 * "Try it out" with a stored key), from guessing a content type other than the one sent, and
 * from running anything the docs did not ship.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    const url = request.routeOptions.url ?? '';
    const docs = url === PUBLIC_PREFIX || url.startsWith(`${PUBLIC_PREFIX}/`);
    void reply.header('content-security-policy', docs ? DOCS_POLICY : API_POLICY);
    void reply.header('x-frame-options', 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
  });
}
