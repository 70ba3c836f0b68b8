import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describePath } from '../../domain/object-path.js';
import { WardenError } from '../../errors.js';
import { ownsAny, type Principal } from '../../services/auth-service.js';
import type { RequestSession } from '../../services/session-service.js';
import { describeRule, ruleFor, type AccessRule, type ObjectScope } from '../access-rules.js';
import type { AppDeps } from '../app-deps.js';
import { objectPathField, objectPathParam } from '../object-path-param.js';
import { CSRF_HEADER, sessionTokenOf } from '../session-cookie.js';

/** A route as registered, with the rule that guards it. */
export interface GuardedRoute {
  method: string;
  url: string;
  rule: AccessRule;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts as; set for every non-public route. */
    principal: Principal;
    /** The web UI session the request was authenticated by (null: an API key, or public). */
    session: RequestSession | null;
  }
  interface FastifyInstance {
    /** Every route with its access rule, in registration order (HEAD routes left out). */
    guardedRoutes: GuardedRoute[];
  }
}

/**
 * Authentication and authorization for every route from the one table in `access-rules.ts`:
 * a route registered without a rule stops the server from starting. Requests are checked in
 * `onRequest`, before the body is even read, so handlers stay thin and never see a request
 * they should not.
 */
export function registerAccessControl(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.decorateRequest('session', null);
  app.decorate('guardedRoutes', [] as GuardedRoute[]);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const rule = ruleFor(method, route.url);
      if (!rule) throw new Error(`Route ${method} ${route.url} has no access rule: add one to ACCESS_RULES in src/http/access-rules.ts`);
      if (method !== 'HEAD') app.guardedRoutes.push({ method, url: route.url, rule });
    }
  });
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const rule = ruleOf(request);
    if (rule?.public) return;
    await authenticate(request, deps);
    // Unknown routes (no rule) only need a valid key; the not-found handler answers them.
    if (rule && !readsInput(rule)) await authorize(rule, request, deps);
  });
  // A scope in the query or body is known only once that input is validated (never before a handler).
  app.addHook('preHandler', async (request: FastifyRequest) => {
    const rule = ruleOf(request);
    if (rule && !rule.public && readsInput(rule)) await authorize(rule, request, deps);
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * An `Authorization` header is an API key, and wins; without one, the web UI's session cookie
 * acts as the key it was signed in with. A cookie travels by itself, so a cookie request that
 * changes something must also carry the session's CSRF token, which another site cannot know.
 */
async function authenticate(request: FastifyRequest, deps: AppDeps): Promise<void> {
  const token = request.headers.authorization === undefined ? sessionTokenOf(request) : undefined;
  if (token === undefined) {
    request.principal = await deps.auth.authenticate(request.headers.authorization, request.ip);
    return;
  }
  const { principal, session } = await deps.sessions.authenticate(token, request.ip);
  const presented = request.headers[CSRF_HEADER];
  if (!SAFE_METHODS.has(request.method) && !deps.sessions.csrfMatches(session, typeof presented === 'string' ? presented : undefined)) {
    throw new WardenError('CSRF_TOKEN_INVALID');
  }
  request.principal = principal;
  request.session = session;
}

function ruleOf(request: FastifyRequest): AccessRule | undefined {
  const url = request.routeOptions.url;
  return url === undefined ? undefined : ruleFor(request.method, url);
}

/** True when the rule's object scope comes from the validated input rather than the URL. */
function readsInput(rule: AccessRule): boolean {
  return rule.owner?.from === 'objectPathField';
}

async function authorize(rule: AccessRule, request: FastifyRequest, deps: AppDeps): Promise<void> {
  if (await allowed(rule, request, deps)) return;
  throw new WardenError('FORBIDDEN', {
    actor: `User "${request.principal.name}"`,
    operation: `${request.method} ${request.routeOptions.url}${await scopeNote(rule, request, deps)}`,
    needs: describeRule(rule),
  });
}

async function allowed(rule: AccessRule, request: FastifyRequest, deps: AppDeps): Promise<boolean> {
  const principal = request.principal;
  if (rule.anyUser) return true;
  if (rule.anyOf.some((permission) => principal.permissions.includes(permission))) return true;
  if (rule.allOf?.every((permission) => principal.permissions.includes(permission))) return true;
  if (rule.self && (request.params as Record<string, string>).name === principal.name) return true;
  if (rule.owner) {
    const path = await scopePath(rule.owner, request, deps);
    const owners = path && (await deps.catalog.ownersAt(path));
    return owners ? ownsAny(principal, owners) : false;
  }
  return false;
}

/** The object path a scoped rule is about; null when the sync run or data source does not exist. */
async function scopePath(scope: ObjectScope, request: FastifyRequest, deps: AppDeps): Promise<string[] | null> {
  const params = request.params as Record<string, string>;
  switch (scope.from) {
    case 'urlPath':
      return objectPathParam(request, scope.prefixSegments);
    case 'objectPathField':
      return objectPathField(request);
    case 'connectionKey':
      return [params[scope.param] ?? ''];
    case 'syncRun':
      return deps.syncs.scopeOf(params[scope.param] ?? '');
    case 'dataSource':
      return deps.dataSources.pathOf(Number(params[scope.param]));
    case 'tagModel':
      return deps.tags.pathOfModel(params.modelType ?? '', params.modelId ?? '');
  }
}

async function scopeNote(rule: AccessRule, request: FastifyRequest, deps: AppDeps): Promise<string> {
  if (!rule.owner) return '';
  const path = await scopePath(rule.owner, request, deps).catch(() => null);
  return path ? ` on ${describePath(path)}` : '';
}
