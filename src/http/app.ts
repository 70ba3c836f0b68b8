import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { AppDeps } from './app-deps.js';
import { dateTimeFormat } from './date-time-format.js';
import { nameObjectPathParameter, swaggerObjectPathInterceptor } from './object-path-openapi.js';
import { capConnectionsPerAddress, closeIdleConnectionsAfterPendingInput, serverTimeoutOptions } from './connection-limits.js';
import { registerAccessControl } from './plugins/access-control.js';
import { registerInputGuard } from './plugins/input-guard.js';
import { registerLegacyRouteBlock } from './plugins/legacy-route-block.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { accessRoutes } from './routes/access.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { connectionRoutes } from './routes/connection.routes.js';
import { dataSourceAccessRoutes } from './routes/data-source-access.routes.js';
import { dataSourceRoutes } from './routes/data-source.routes.js';
import { integrationRoutes } from './routes/integration.routes.js';
import { legacyHandlerRoutes } from './routes/legacy-handler.routes.js';
import { schemaMonitorRoutes } from './routes/schema-monitor.routes.js';
import { legacyV2Routes } from './routes/legacy-v2.routes.js';
import { jobRoutes } from './routes/job.routes.js';
import { objectRoutes } from './routes/object.routes.js';
import { sessionRoutes } from './routes/session.routes.js';
import { tagRoutes } from './routes/tag.routes.js';
import { webUiRoutes } from './routes/web-ui.routes.js';
import { ErrorResponse, Job } from './schemas/common-schemas.js';
import { ConnectionView } from './schemas/connection-schemas.js';
import { ObjectSummary, ObjectView } from './schemas/object-schemas.js';
import { UserView } from './schemas/access-schemas.js';
import { serializerSchema } from './schemas/serializer-schema.js';
import { SessionView } from './schemas/session-schemas.js';

export const API_VERSION = '0.1.0';

/** Builds the HTTP API around the services; the caller listens (or injects, in tests). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: deps.bodyLimit,
    ...serverTimeoutOptions(deps.httpLimits),
    // request.ip is X-Forwarded-For's client only when the peer is one of the operator's proxies.
    trustProxy: deps.trustedProxies.length > 0 ? deps.trustedProxies : false,
    // Object paths of long, non-ASCII names are long once percent-encoded.
    routerOptions: { maxParamLength: 8_192 },
    // Requests the router rejects before any route (a URL that is not valid percent-encoding).
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.status(400).send({ statusCode: 400, error: 'Bad Request', message: `The URL is not valid: ${error.message}; percent-encode each path segment on its own`, code: 'VALIDATION_FAILED' });
    },
    ajv: {
      // x-consume: @fastify/swagger's mark of a query parameter that is JSON (the objectPath array); no validation meaning.
      // `discriminator`: a connection is validated against its technology's schema only (see connection-schema.ts).
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, discriminator: true, keywords: ['x-consume'] },
      // After ajv-formats, so that ours replaces its date-time.
      onCreate: (ajv) => ajv.addFormat('date-time', dateTimeFormat),
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  capConnectionsPerAddress(app.server, deps.httpLimits.maxConnectionsPerAddress);
  closeIdleConnectionsAfterPendingInput(app.server);

  app.setSchemaErrorFormatter((errors, dataVar) => {
    const first = errors[0];
    const field = [dataVar, ...(first?.instancePath.split('/').filter(Boolean) ?? [])].join('.');
    const extra = first?.keyword === 'additionalProperties' ? ` "${String(first.params.additionalProperty)}"` : '';
    const allowed = first?.keyword === 'anyOf' || first?.keyword === 'enum' ? ' (see the OpenAPI document for allowed values)' : '';
    return new Error(`${field} ${first?.message ?? 'is invalid'}${extra}${allowed}`);
  });

  // Response schemas only (shared ones are referenced by answers): written for the serialiser, see serializer-schema.ts.
  for (const schema of [ErrorResponse, Job, ConnectionView, ObjectSummary, ObjectView, UserView, SessionView]) app.addSchema(serializerSchema(schema));
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response) route.schema = { ...route.schema, response: Object.fromEntries(Object.entries(response).map(([status, schema]) => [status, serializerSchema(schema)])) };
  });
  // Before access control, whose hooks read the input this refuses.
  registerInputGuard(app);
  // First route hook, so that every route registered after it is checked for a rule.
  registerAccessControl(app, deps);
  // A route hook too: the legacy routes it guards are registered below.
  registerLegacyRouteBlock(app, deps);
  // Before the docs plugin, so that its routes get the headers too.
  registerSecurityHeaders(app);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Warden API',
        version: API_VERSION,
        description:
          'Connections, data objects, object sync, data sources, users, API keys and the audit log. Every route but /health, /openapi.json and /docs needs `Authorization: Bearer <api key>`; a key without the permission a route needs gets 403 (SPEC 1.6).',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transformObject: nameObjectPathParameter,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { requestInterceptor: swaggerObjectPathInterceptor } });

  registerErrorHandler(app);

  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['health'], summary: 'Liveness and store reachability', security: [], response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    async () => {
      await deps.ping();
      return { status: 'ok' as const };
    },
  );
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(connectionRoutes(deps));
  await app.register(objectRoutes(deps));
  await app.register(jobRoutes(deps));
  await app.register(dataSourceRoutes(deps));
  await app.register(dataSourceAccessRoutes(deps));
  await app.register(integrationRoutes(deps));
  await app.register(legacyHandlerRoutes(deps));
  await app.register(schemaMonitorRoutes(deps));
  await app.register(legacyV2Routes(deps));
  await app.register(accessRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(tagRoutes(deps));
  await app.register(sessionRoutes(deps));
  await app.register(webUiRoutes());
  return app;
}
