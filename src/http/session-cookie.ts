import type { FastifyReply, FastifyRequest } from 'fastify';

/** The web UI's session cookie (HttpOnly: page scripts never see it). */
export const SESSION_COOKIE = 'warden_session';
/** Where the UI sends the session's CSRF token on requests that change something. */
export const CSRF_HEADER = 'x-csrf-token';

/** The session token the request's Cookie header carries, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.split('=');
    if (name?.trim() === SESSION_COOKIE) return value.join('=').trim() || undefined;
  }
  return undefined;
}

/**
 * Sets (or, with `expiresAt` null, clears) the cookie: HttpOnly, SameSite=Strict (a cross-site
 * request never carries it), the whole origin's path (the API is at the root), Secure over HTTPS.
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null, expiresAt: string | null, now: Date): void {
  const maxAge = expiresAt === null ? 0 : Math.max(0, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));
  const attributes = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`];
  if (request.protocol === 'https') attributes.push('Secure');
  void reply.header('set-cookie', attributes.join('; '));
}
