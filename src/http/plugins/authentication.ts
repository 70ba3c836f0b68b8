import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, Principal } from '../../services/auth-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who the request acts as; set for every non-public route. */
    principal: Principal;
  }
  interface FastifyContextConfig {
    /** Reachable without an API key (health, OpenAPI document, docs). */
    public?: boolean;
  }
}

/** Requires `Authorization: Bearer <api key>` on every route not marked `config.public`. */
export function registerAuthentication(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('principal', null as unknown as Principal);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (request.routeOptions.config.public || isDocsRequest(request)) return;
    request.principal = await auth.authenticate(request.headers.authorization);
  });
}

/** Swagger UI's own routes and assets are registered by its plugin, so they are matched by prefix. */
function isDocsRequest(request: FastifyRequest): boolean {
  const url = request.url;
  return url === '/docs' || url.startsWith('/docs/') || url.startsWith('/docs?');
}
