import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { MAX_DATA_SOURCE_ID } from '../../services/data-source-service.js';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse, Paging, pageOf } from '../schemas/common-schemas.js';
import { DataSourceList, Dictionary, TagFilter } from '../schemas/object-schemas.js';

const DataSourceId = Type.Integer({ minimum: 1, maximum: MAX_DATA_SOURCE_ID });

/** Data sources (enabled leaves) and their dictionaries. */
export function dataSourceRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/dataSource',
      {
        schema: {
          tags: ['data sources'],
          summary: 'Data sources, by generated name',
          querystring: Type.Object({
            searchText: Type.Optional(Type.String({ maxLength: 256, description: 'Part of the data source name, any case' })),
            connectionKey: Type.Optional(Type.String()),
            tag: Type.Optional({ ...TagFilter, description: 'Repeatable (tag=A&tag=B): only data sources carrying every one, on themselves or a column, from any source' }),
            ...Paging,
          }),
          response: { 200: DataSourceList, 400: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) =>
        deps.dataSources.search({
          ...(request.query.searchText !== undefined && { searchText: request.query.searchText }),
          ...(request.query.connectionKey !== undefined && { connectionKey: request.query.connectionKey }),
          ...(request.query.tag !== undefined && { tags: request.query.tag }),
          ...pageOf(request.query),
        }),
    );

    app.get(
      '/dataSource/:id',
      {
        schema: {
          tags: ['data sources'],
          summary: 'One data source (its data object)',
          params: Type.Object({ id: DataSourceId }),
          response: { 200: Type.Ref('DataObject'), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.dataSources.get(request.params.id),
    );

    app.get(
      '/dictionary/:dataSourceId',
      {
        schema: {
          tags: ['data sources'],
          summary: "A data source's data dictionary",
          params: Type.Object({ dataSourceId: DataSourceId }),
          response: { 200: Dictionary, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.dataSources.dictionary(request.params.dataSourceId),
    );
  };
}
