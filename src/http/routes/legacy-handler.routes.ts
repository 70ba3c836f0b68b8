import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { technologyOfPrefix } from '../../domain/legacy-handler-prefixes.js';
import { WardenError } from '../../errors.js';
import type { LegacySourceInfo, RegisteredLegacySource } from '../../services/legacy-source-service.js';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { BulkBody, EditBody, HandlerBody, HandlerParams, HandlerView, PrefixParams, RegisteredSource } from '../schemas/legacy-handler-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, ...AUTH_ERRORS };

/** The legacy per-technology handler routes (legacy-api.md §1.13): data sources registered one table at a time. */
export function legacyHandlerRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    /** The technology of a path prefix: ROUTE_NOT_FOUND for one the legacy API never had, UNSUPPORTED_TECHNOLOGY for one without a connector. */
    const technologyOf = (prefix: string, method: string, url: string): string => {
      const technology = technologyOfPrefix(prefix);
      if (technology === undefined) throw new WardenError('ROUTE_NOT_FOUND', { method, url: url.split('?')[0]! });
      return deps.registry.get(technology).technology;
    };

    app.post(
      '/:prefix/handler',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Register tables as legacy data sources with their own connection details (one handler each)',
          description:
            'Checks the credentials, crawls each table, and creates an enabled data source per table with its handler and schema project. All or nothing: a duplicate table (400), a taken name (409), a table the credentials cannot see (422 TABLE_NOT_VISIBLE) register none.',
          params: PrefixParams,
          body: HandlerBody,
          response: { 200: Type.Union([RegisteredSource, Type.Array(RegisteredSource)]), ...errors },
        },
      },
      async (request) => {
        const technology = technologyOf(request.params.prefix, request.method, request.url);
        const { dataSource, handler, schemaEvolution } = request.body;
        const handlers = Array.isArray(handler) ? handler : [handler];
        const registered = await deps.legacySources.register(
          {
            technology,
            ...(dataSource && { dataSource }),
            handlers: handlers.map((h) => h.metadata),
            ...(schemaEvolution && { schemaEvolution }),
          },
          request.principal,
        );
        const answers = registered.map(wire);
        return Array.isArray(handler) ? answers : answers[0]!;
      },
    );

    /** The handler `handlerId` of the prefix's technology; LEGACY_HANDLER_NOT_FOUND otherwise. */
    const handlerOf = async (params: { prefix: string; handlerId: number }, method: string, url: string): Promise<LegacySourceInfo> => {
      const technology = technologyOf(params.prefix, method, url);
      const info = await deps.legacySources.describeHandler(params.handlerId);
      if (!info || info.handler.technology !== technology) throw new WardenError('LEGACY_HANDLER_NOT_FOUND', { technology, id: params.handlerId });
      return info;
    };
    const view = (info: LegacySourceInfo) => ({
      id: info.handler.id,
      dataSourceId: info.dataSourceId,
      name: info.handler.name,
      technology: info.handler.technology,
      connectionString: info.connection.legacyConnectionString ?? '',
      schemaEvolutionId: info.handler.schemaProjectId,
      objectPath: [info.connection.connectionKey, ...info.remotePath],
      enabled: info.enabled,
      metadata: deps.legacySources.redactedMetadata(info),
      createdAt: info.handler.createdAt,
      updatedAt: info.handler.updatedAt,
    });

    app.get(
      '/:prefix/handler/:handlerId',
      { schema: { tags: ['legacy data sources'], summary: 'A legacy handler: its connection details (secrets redacted) and table', params: HandlerParams, response: { 200: HandlerView, ...errors } } },
      async (request) => view(await handlerOf(request.params, request.method, request.url)),
    );

    app.put(
      '/:prefix/handler/:handlerId',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Replace the connection details of a legacy data source (tested first; the table must stay visible)',
          description:
            'A full replace of the connection fields. With the same connection string, every data source sharing it takes the new details (as PUT /{prefix}/bulk); with another, this data source moves to it, keeping its id, owners, status and tags.',
          params: HandlerParams,
          body: EditBody,
          response: { 200: HandlerView, ...errors },
        },
      },
      async (request) => {
        const info = await handlerOf(request.params, request.method, request.url);
        const [updated] = await deps.legacySources.replaceDetails([info], request.body.metadata, undefined, request.principal);
        return view(updated!);
      },
    );

    app.put(
      '/:prefix/bulk',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Replace the connection details of every legacy data source with one connection string',
          params: PrefixParams,
          body: BulkBody,
          response: { 200: Type.Array(HandlerView), ...errors },
        },
      },
      async (request) => {
        const technology = technologyOf(request.params.prefix, request.method, request.url);
        const sources = await deps.legacySources.sourcesOfConnectionString(technology, request.body.connectionString);
        const updated = await deps.legacySources.replaceDetails(sources, request.body.handler.metadata, request.body.schemaEvolution, request.principal);
        return updated.map(view);
      },
    );

    app.delete(
      '/:prefix/handler/:handlerId',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Remove a legacy handler and its data source (and the hidden connection parts nothing else uses)',
          params: HandlerParams,
          response: { 200: HandlerView, ...errors },
        },
      },
      async (request) => {
        const info = await handlerOf(request.params, request.method, request.url);
        await deps.legacySources.remove(info.dataSourceId, request.principal);
        return view(info);
      },
    );
  };
}

function wire(source: RegisteredLegacySource) {
  return { id: source.id, dataSourceId: source.dataSourceId, name: source.name, connectionString: source.connectionString, schemaEvolutionId: source.schemaProjectId, warnings: source.warnings };
}
