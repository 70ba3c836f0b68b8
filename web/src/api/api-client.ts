import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi-types';
import { csrfToken, sessionEnded } from './session-state';

export type Schemas = components['schemas'];
/** The JSON body of `method` on `path`. */
export type RequestBody<Path extends keyof paths, Method extends keyof paths[Path]> = paths[Path][Method] extends { requestBody?: { content: { 'application/json': infer Body } } } ? Body : never;
export type ErrorBody = Schemas['ErrorResponse'];

/** An API error with the server's message and stable code: pages show `message`, never swallow it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session cookie travels by itself (same origin, HttpOnly); a state-changing request also
 * carries the session's CSRF token in `x-csrf-token`, which a cross-site page cannot read.
 * A 401 means the session is over (expired, signed out elsewhere): the app shows sign-in.
 */
const session: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (token && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', token);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/session')) sessionEnded();
    return response;
  },
};

/** The one client of the API, typed from openapi/openapi.json. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(session);

/**
 * The data of an openapi-fetch answer, or an ApiError carrying the server's message. Every
 * query and mutation goes through this: `queryFn: () => unwrap(api.GET('/path', {…}))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = error as Partial<ErrorBody> | undefined;
  throw new ApiError(response.status, body?.code ?? 'HTTP_ERROR', body?.message ?? `${response.status} ${response.statusText}`);
}
