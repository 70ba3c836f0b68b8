import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { Config, IdParams, Integration, UpgradeBody, UpgradePlan, UpgradeRun } from '../schemas/integration-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, ...AUTH_ERRORS };

/** The legacy integrations API (SPEC 2.2): a technology's configuration, validated through its connector. */
export function integrationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const types = deps.registry.descriptors().map((descriptor) => descriptor.technology);
    const CreateBody = Type.Object(
      {
        type: Type.Union(types.map((type) => Type.Literal(type)), { description: 'The technology; legacy-only ones (Amazon S3, Google BigQuery, …) have no connector and are refused' }),
        autoBootstrap: Type.Optional(Type.Literal(false, { description: 'Always false: run the setup script (POST /integrations/scripts/create) yourself' })),
        config: Config,
      },
      { additionalProperties: false },
    );
    app.post(
      '/integrations',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Create an integration: stored as `creating`, then `enabled` or `createError` with the validation results',
          body: CreateBody,
          response: { 201: Integration, ...errors },
        },
        // An unknown type is answered with the technologies this server has, before the schema's less helpful refusal.
        preValidation: async (request) => {
          const { type } = (request.body ?? {}) as { type?: unknown };
          if (typeof type === 'string') deps.registry.get(type);
        },
      },
      async (request, reply) => reply.status(201).send(await deps.integrations.create(request.body, request.principal)),
    );

    app.get(
      '/integrations',
      { schema: { tags: ['integrations'], summary: 'Every integration (secrets redacted)', response: { 200: Type.Array(Integration), ...AUTH_ERRORS } } },
      async () => deps.integrations.list(),
    );

    app.get(
      '/integrations/:id',
      { schema: { tags: ['integrations'], summary: 'One integration with its status and validation results', params: IdParams, response: { 200: Integration, ...errors } } },
      async (request) => deps.integrations.get(request.params.id),
    );

    app.put(
      '/integrations/:id',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Edit an integration: `editing`, then `enabled` with the new configuration, or `editError` keeping the one that last validated',
          params: IdParams,
          body: Type.Object({ autoBootstrap: Type.Optional(Type.Literal(false)), config: Config }, { additionalProperties: false }),
          response: { 200: Integration, ...errors },
        },
      },
      async (request) => deps.integrations.update(request.params.id, { config: request.body.config }, request.principal),
    );

    app.delete(
      '/integrations/:id',
      { schema: { tags: ['integrations'], summary: 'Remove an integration (Warden bootstrapped nothing on the platform to clean up)', params: IdParams, response: { 200: Integration, ...errors } } },
      async (request) => deps.integrations.delete(request.params.id, request.principal),
    );

    app.post(
      '/integrations/:id/upgrade',
      {
        schema: {
          tags: ['integrations'],
          summary:
            "Upgrade the integration's legacy data sources to a connection (same data source ids, owners, tags and status; generated names); `dryRun` returns the plan. Answers once the run ended: `complete`, `partiallyComplete` (run again after fixing what `notUpgraded` says) or `failed`",
          params: IdParams,
          body: UpgradeBody,
          response: { 200: Type.Union([UpgradePlan, UpgradeRun]), ...errors, 422: ErrorResponse },
        },
      },
      async (request) => deps.upgrades.upgrade(request.params.id, request.body, request.principal),
    );

    app.get(
      '/integrations/:id/upgrade',
      { schema: { tags: ['integrations'], summary: "The integration's upgrade as its latest run left it, or is leaving it (`running`: phase and counts)", params: IdParams, response: { 200: UpgradeRun, ...errors } } },
      async (request) => deps.upgrades.latest(request.params.id),
    );
  };
}
