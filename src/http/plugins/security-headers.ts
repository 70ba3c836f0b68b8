import type { FastifyInstance } from 'fastify';
import { PUBLIC_PREFIX } from '../access-rules.js';
import { UI_PREFIX } from '../ui/ui-files.js';

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
/**
 * The web UI runs only the scripts it was built with and talks only to this API: no inline or
 * evaluated script, no other origin, no plugin, no framing. Styles may be inline because
 * Mantine writes its theme variables into a <style> element; a style cannot run code.
 */
const UI_POLICY = [
  "default-src 'none'",
  "base-uri 'none'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "manifest-src 'self'",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');
/** JSON answers load nothing and are framed by nothing. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers on every answer that keep a browser from framing Warden (clickjacking the docs'
 * "Try it out" with a stored key), from guessing a content type other than the one sent, and
 * from running anything the docs or the UI did not ship.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    const url = request.routeOptions.url ?? '';
    const under = (prefix: string) => url === prefix || url.startsWith(`${prefix}/`);
    void reply.header('content-security-policy', under(PUBLIC_PREFIX) ? DOCS_POLICY : under(UI_PREFIX) ? UI_POLICY : API_POLICY);
    void reply.header('x-frame-options', 'DENY');
    void reply.header('x-content-type-options', 'nosniff');
  });
}
