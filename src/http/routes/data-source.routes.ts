import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse, pageOf } from '../schemas/common-schemas.js';
import {
  BulkBody,
  BulkParams,
  BulkResult,
  DataSourceDetail,
  DataSourceEdit,
  DataSourceId,
  DataSourceList,
  DataSourceSearchQuery,
  DeleteResult,
  Dictionary,
  DictionaryBody,
  OverrideHostBody,
  SchemasQuery,
  SchemasResponse,
} from '../schemas/data-source-schemas.js';

const Id = Type.Object({ id: DataSourceId });
const DictionaryId = Type.Object({ dataSourceId: DataSourceId });
/** What an editing legacy route may answer besides its success. */
const EDIT_ERRORS = { 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS };

/**
 * Data sources and their dictionaries, in the legacy shape (legacy-api.md §1): reads serve every
 * data source; the edits serve legacy data sources (a connection's answer LEGACY_ENDPOINT_BLOCKED: LEGACY_BLOCKED_ROUTES).
 */
export function dataSourceRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/dataSource',
      {
        schema: {
          tags: ['data sources'],
          summary: 'Data sources: by name, with facets',
          description: 'Enabled data sources, and legacy data sources in any state (deleted: true when disabled). Legacy data sources are found by their user-chosen names.',
          querystring: DataSourceSearchQuery,
          response: { 200: DataSourceList, 400: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const q = request.query;
        return deps.dataSources.search({
          ...(q.searchText !== undefined && { searchText: q.searchText }),
          ...(q.connectionKey !== undefined && { connectionKey: q.connectionKey }),
          ...(q.tag !== undefined && { tags: q.tag }),
          ...(q.blobHandlerType !== undefined && { technologies: q.blobHandlerType }),
          ...(q.connectionString !== undefined && { connectionStrings: q.connectionString }),
          ...(q.schema !== undefined && { schema: q.schema }),
          ...(q.dataSourceIds !== undefined && { ids: q.dataSourceIds }),
          ...(q.status !== undefined && { statuses: q.status }),
          ...(q.sortField !== undefined && { sortField: q.sortField }),
          ...(q.sortOrder !== undefined && { sortOrder: q.sortOrder }),
          ...pageOf(q),
        });
      },
    );

    app.get(
      '/dataSource/:id',
      {
        schema: {
          tags: ['data sources'],
          summary: 'One data source: its data object and the legacy data source fields',
          params: Id,
          response: { 200: DataSourceDetail, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.dataSources.get(request.params.id),
    );

    app.put(
      '/dataSource/:id',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Edit a legacy data source: rename it, or disable (deleted: true) or enable it (deleted: false)',
          params: Id,
          body: DataSourceEdit,
          response: { 200: DataSourceDetail, ...EDIT_ERRORS, 409: ErrorResponse },
        },
      },
      async (request) => {
        const { name, deleted } = request.body;
        return deps.legacyDataSources.edit(request.params.id, { ...(typeof name === 'string' && { name }), ...(typeof deleted === 'boolean' && { deleted }) }, request.principal);
      },
    );

    app.delete(
      '/dataSource/:id',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Delete a legacy data source: the first call disables it, the next removes it',
          params: Id,
          response: { 200: DeleteResult, ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.delete(request.params.id, request.principal),
    );

    app.put(
      '/dataSource/bulk/:type',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Delete (two stages, as DELETE), restore (enable) or disable legacy data sources; all or none',
          params: BulkParams,
          body: BulkBody,
          response: { 200: BulkResult, ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.bulk(request.params.type, request.body.ids, request.principal),
    );

    app.put(
      '/dataSource/:id/overrideHost',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: "Record the host a legacy data source's connection details name instead",
          description: 'Recorded and shown as overrideHost; crawls keep using the connection details the data source was registered with.',
          params: Id,
          body: OverrideHostBody,
          response: { 200: DataSourceDetail, ...EDIT_ERRORS },
        },
      },
      async (request) => {
        const { host, HTTPPath, manual } = request.body;
        return deps.legacyDataSources.overrideHost(request.params.id, { host, HTTPPath: HTTPPath ?? null, manual: manual ?? true }, request.principal);
      },
    );

    app.get(
      '/dictionary/:dataSourceId',
      {
        schema: {
          tags: ['data sources'],
          summary: "A data source's data dictionary: the platform's columns, user-set descriptions over the platform's comments",
          params: DictionaryId,
          response: { 200: Dictionary, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.dictionary(request.params.dataSourceId),
    );

    for (const [method, replace] of [['POST', false], ['PUT', true]] as const) {
      app.route({
        method,
        url: '/dictionary/:dataSourceId',
        schema: {
          tags: ['legacy data sources'],
          summary: replace
            ? "Replace a legacy data source's user-set column descriptions (GET, change, PUT: columns left out lose theirs)"
            : "Set user-set descriptions of the named columns of a legacy data source's dictionary",
          description: "Syncs never overwrite these: the platform's comment stays beside them. A description equal to the platform's comment is not stored as the user's.",
          params: DictionaryId,
          body: DictionaryBody,
          response: { 200: Dictionary, ...EDIT_ERRORS },
        },
        handler: async (request) => {
          const { metadata } = request.body;
          return deps.legacyDataSources.setDescriptions(
            request.params.dataSourceId,
            metadata.map((m) => ({ name: m.name, ...(m.description !== undefined && { description: m.description }) })),
            replace,
            request.principal,
          );
        },
      });
    }

    app.delete(
      '/dictionary/:dataSourceId',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: "Clear every user-set description of a legacy data source's dictionary (the platform's stays)",
          params: DictionaryId,
          response: { 200: Type.Object({ id: Type.Integer() }), ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.clearDescriptions(request.params.dataSourceId, request.principal),
    );

    app.get(
      '/schemas',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'The remote schemas of legacy data sources, with how many data sources each holds',
          description: 'Connection schemas are not listed: GET /data/object/{objectPath} shows them.',
          querystring: SchemasQuery,
          response: { 200: SchemasResponse, 400: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.schemas(request.query.searchText, request.query.size ?? 100),
    );
  };
}
