import type { FastifyInstance, FastifyRequest } from 'fastify';
import { technologyOfPrefix } from '../../domain/legacy-handler-prefixes.js';
import { WardenError } from '../../errors.js';
import type { AppDeps } from '../app-deps.js';
import { blockedRoute, type BlockedTarget } from '../../domain/legacy-blocked-routes.js';

/**
 * The one guard of the legacy endpoints the upgrade blocks (`legacy-blocked-routes.ts`): every
 * route registered after it that the list names gets a preHandler — after access control and
 * input validation, before the handler — answering LEGACY_ENDPOINT_BLOCKED (400, nothing
 * changed) when what the request names belongs to a connection. Everything else goes through.
 */
export function registerLegacyRouteBlock(app: FastifyInstance, deps: AppDeps): void {
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    const entry = methods.length === 1 ? blockedRoute(methods[0]!, route.url) : undefined;
    if (!entry) return;
    const guard = async (request: FastifyRequest) => {
      const connectionKey = await connectionOf(entry.target, request, deps);
      if (connectionKey !== null) throw new WardenError('LEGACY_ENDPOINT_BLOCKED', { what: entry.what, connectionKey, replacement: entry.replacement });
    };
    route.preHandler = [...[route.preHandler ?? []].flat(), guard];
  });
}

/** The connection the request's target belongs to; null when it is no connection's (a legacy source not upgraded, an unknown id). */
async function connectionOf(target: BlockedTarget, request: FastifyRequest, deps: AppDeps): Promise<string | null> {
  const params = request.params as Record<string, string>;
  const body = (request.body ?? {}) as Record<string, unknown>;
  const { upgrades } = deps;
  switch (target.kind) {
    case 'dataSource':
      return upgrades.connectionOfDataSource(Number(params[target.param]));
    case 'dataSources':
      return firstOf(Array.isArray(body[target.field]) ? (body[target.field] as unknown[]) : [], (id) => upgrades.connectionOfDataSource(Number(id)));
    case 'handler':
      return upgrades.connectionOfHandler(Number(params[target.param]));
    case 'v2ConnectionKey':
      return upgrades.connectionOfV2Key(params[target.param] ?? '');
    case 'v2Declaration':
      return typeof body.connectionKey === 'string' ? upgrades.connectionOfV2Key(body.connectionKey) : null;
    case 'integration':
      return upgrades.connectionOfIntegration(Number(params[target.param]));
    case 'registration': {
      const technology = technologyOfPrefix(params.prefix ?? '');
      const handlers = [body.handler ?? []].flat() as { metadata?: Record<string, unknown> }[];
      return technology === undefined ? null : firstOf(handlers, (h) => (h?.metadata ? upgrades.connectionOfPlace(technology, h.metadata) : Promise.resolve(null)));
    }
    case 'integrationConfig':
      return typeof body.type === 'string' && typeof body.config === 'object' && body.config !== null ? upgrades.connectionOfPlace(body.type, body.config as Record<string, unknown>) : null;
    case 'subscriptionRequests': {
      const requests = Array.isArray(body.requests) ? (body.requests as { id?: unknown }[]).map((r) => r?.id) : [];
      const ids = [...requests, ...(Array.isArray(body.requestIds) ? body.requestIds : [])].filter((id): id is number => Number.isInteger(id));
      return ids.length === 0 ? null : upgrades.connectionOfAccessRequests(ids);
    }
  }
}

async function firstOf<T>(items: readonly T[], find: (item: T) => Promise<string | null>): Promise<string | null> {
  for (const item of items) {
    const found = await find(item);
    if (found !== null) return found;
  }
  return null;
}
