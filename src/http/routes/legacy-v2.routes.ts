import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { V2Body, V2KeyParams, V2Outcome, V2Query, V2RenameBody } from '../schemas/legacy-v2-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse, ...AUTH_ERRORS };

/** The declarative V2 API (legacy-api.md §3) over legacy registrations. */
export function legacyV2Routes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/api/v2/data',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Declare the data sources of a connectionKey: the whole desired set (tables left out are removed)',
          querystring: V2Query,
          body: V2Body,
          response: { 200: V2Outcome, ...errors },
        },
      },
      async (request) => deps.legacyV2.declare(request.body, { dryRun: request.query.dryRun ?? false }, request.principal),
    );

    app.post(
      '/api/v2/data/:connectionKey',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Edit the display names of the data sources of a connectionKey (naming.datasource per table, or nameTemplate.dataSourceFormat)',
          params: V2KeyParams,
          querystring: V2Query,
          body: V2RenameBody,
          response: { 200: V2Outcome, ...errors },
        },
      },
      async (request) => deps.legacyV2.rename(request.params.connectionKey, request.body, { dryRun: request.query.dryRun ?? false }, request.principal),
    );
    app.delete(
      '/api/v2/data/:connectionKey',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Remove every data source of a connectionKey; 404 when it has none (with dryRun=true: an existence probe)',
          params: V2KeyParams,
          querystring: V2Query,
          response: { 200: V2Outcome, ...errors },
        },
      },
      async (request) => deps.legacyV2.deleteKey(request.params.connectionKey, { dryRun: request.query.dryRun ?? false }, request.principal),
    );

  };
}
