import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { SignInBody } from '../schemas/session-schemas.js';
import { setSessionCookie } from '../session-cookie.js';
import { WardenError } from '../../errors.js';

const tags = ['session'];

/** Web UI sign-in and sign-out: an API key for an HttpOnly session cookie. */
export function sessionRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/session',
      {
        schema: {
          tags,
          summary: 'Sign in: exchange an API key for a session cookie (the web UI)',
          security: [],
          body: SignInBody,
          response: { 201: Type.Ref('Session'), 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse },
        },
      },
      async (request, reply) => {
        const { token, view } = await deps.sessions.signIn(request.body.apiKey, request.ip);
        setSessionCookie(request, reply, token, view.expiresAt, deps.clock.now());
        // The CSRF token is the session's: no cache keeps it.
        return reply.status(201).header('cache-control', 'no-store').send(view);
      },
    );

    app.get(
      '/session',
      { schema: { tags, summary: 'The session the cookie belongs to, with its CSRF token', response: { 200: Type.Ref('Session'), ...AUTH_ERRORS } } },
      async (request, reply) => reply.header('cache-control', 'no-store').send(deps.sessions.view(request.principal, sessionOf(request.session))),
    );

    app.delete(
      '/session',
      { schema: { tags, summary: 'Sign out: end the session and clear its cookie', response: { 204: Type.Null(), ...AUTH_ERRORS } } },
      async (request, reply) => {
        await deps.sessions.signOut(sessionOf(request.session), request.principal);
        setSessionCookie(request, reply, null, null, deps.clock.now());
        return reply.status(204).send(null);
      },
    );
  };
}

/** These routes act on the cookie's session; an API key has none (then 400, nothing changed). */
function sessionOf<T>(session: T | null): T {
  if (session === null) throw new WardenError('VALIDATION_FAILED', { detail: 'This route acts on the web UI session cookie (warden_session); the request was authenticated by an API key instead' });
  return session;
}
