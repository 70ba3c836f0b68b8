import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { DryRunResponse, RegisterResponse, SetupScriptResponse, UpdateBody, registerBody, setupScriptBody } from '../schemas/connection-schemas.js';

const KeyParams = Type.Object({ connectionKey: Type.String({ minLength: 1 }) });
const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, ...AUTH_ERRORS };

/** Register, read, edit and test connections; the setup script for a technology's system user. */
export function connectionRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const RegisterBody = registerBody(deps.registry.descriptors());
    app.post(
      '/data/connection',
      {
        schema: {
          tags: ['connections'],
          summary: 'Register a connection: validate credentials, store it, start the first sync',
          querystring: Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: false })) }),
          body: RegisterBody,
          response: { 201: RegisterResponse, 200: DryRunResponse, ...errors },
        },
        preValidation: async (request) => assertSupported(deps, request.body),
      },
      async (request, reply) => {
        const dryRun = request.query.dryRun === true;
        const result = await deps.connections.register(request.body, request.principal, dryRun);
        if (dryRun) return reply.status(200).send({ dryRun: true, valid: true });
        return reply.status(201).send({ connection: result.connection!, syncRunId: result.syncRunId! });
      },
    );

    app.get(
      '/data/connection',
      { schema: { tags: ['connections'], summary: 'List connections', response: { 200: Type.Array(Type.Ref('Connection')), ...AUTH_ERRORS } } },
      async () => deps.connections.list(),
    );

    app.get(
      '/data/connection/:connectionKey',
      {
        schema: {
          tags: ['connections'],
          summary: 'A connection (secrets redacted) with its state, health and last sync run',
          params: KeyParams,
          response: { 200: Type.Ref('Connection'), ...errors },
        },
      },
      async (request) => deps.connections.get(request.params.connectionKey),
    );

    app.put(
      '/data/connection/:connectionKey',
      {
        schema: {
          tags: ['connections'],
          summary: 'Change connection details or rotate credentials (validated against the platform first)',
          params: KeyParams,
          body: UpdateBody,
          response: { 200: Type.Ref('Connection'), ...errors },
        },
      },
      async (request) => deps.connections.update(request.params.connectionKey, request.body.connection, request.principal),
    );

    app.post(
      '/data/connection/:connectionKey/test',
      {
        schema: {
          tags: ['connections'],
          summary: 'Check the stored credentials against the platform now; records the health',
          params: KeyParams,
          response: { 200: Type.Ref('Connection'), ...errors },
        },
      },
      async (request) => deps.connections.test(request.params.connectionKey, request.principal),
    );

    app.post(
      '/integrations/scripts/create',
      {
        schema: {
          tags: ['connections'],
          summary: "The setup script of a technology's system user: exactly the privileges Warden's crawl needs (PostgreSQL, MariaDB/MySQL: SQL; Trino: access-control rules)",
          body: setupScriptBody(deps.registry.descriptors()),
          response: { 200: SetupScriptResponse, 400: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { type, config } = request.body;
        return { type, script: deps.connections.setupScript(type, config?.username ?? 'warden_sync', config?.databases) };
      },
    );
  };
}

/**
 * An unknown technology or authentication type is answered with the values this server
 * offers (UNSUPPORTED_TECHNOLOGY / UNSUPPORTED_AUTHENTICATION) before the schema would reject
 * it less helpfully; anything else malformed is left to the schema.
 */
function assertSupported(deps: AppDeps, body: unknown): void {
  const connection = (body as { connection?: unknown } | null)?.connection;
  if (typeof connection !== 'object' || connection === null) return;
  const { technology, authenticationType } = connection as Record<string, unknown>;
  if (typeof technology !== 'string') return;
  deps.registry.get(technology);
  if (typeof authenticationType === 'string') deps.registry.authentication({ technology, authenticationType });
}
