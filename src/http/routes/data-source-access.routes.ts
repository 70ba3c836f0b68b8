import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { AccessBody, AccessParams, AccessRecord, DataSourceId, DenyBody, DenyBulkBody, DenyResult, SubscribeBody } from '../schemas/data-source-schemas.js';

const EDIT_ERRORS = { 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS };

/**
 * Owners and access requests of legacy data sources (legacy-api.md §1.7), the part Warden keeps:
 * ownership is the table object's own `dataOwners`; a request is a record per (data source,
 * user or group) that is pending, denied or owner.
 */
export function dataSourceAccessRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/dataSource/subscribe',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Ask for ownership of legacy data sources (a pending request each; an owner\'s is recorded as owner)',
          body: SubscribeBody,
          response: { 200: Type.Object({ requests: Type.Array(AccessRecord) }), ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.subscribe(request.body.dataSourceIds, request.principal),
    );

    app.put(
      '/dataSource/:id/access/:accessId',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: "Make an access record's user or group an owner of the data source (state owner), or take it off (denied)",
          params: AccessParams,
          body: AccessBody,
          response: { 200: AccessRecord, ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.setAccess(request.params.id, request.params.accessId, request.body.state, request.principal),
    );

    app.delete(
      '/dataSource/:id/unsubscribe',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Leave a legacy data source: the caller is no longer one of its owners, and its request is gone',
          params: Type.Object({ id: DataSourceId }),
          response: { 200: Type.Object({ success: Type.Literal(true), id: Type.Integer() }), ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.unsubscribe(request.params.id, request.principal),
    );

    app.post(
      '/subscription/deny',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Deny pending access requests',
          description: 'Each request is denied when the caller owns its data source or holds GOVERNANCE or APPLICATION_ADMIN; the others are listed in failures.',
          body: DenyBody,
          response: { 200: DenyResult, ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.deny(request.body.requests, request.principal),
    );

    app.post(
      '/subscription/deny/bulk',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Deny pending access requests by id, or every pending request of one user (type profile) or group',
          body: DenyBulkBody,
          response: { 200: DenyResult, ...EDIT_ERRORS },
        },
      },
      async (request) => deps.legacyDataSources.denyBulk(request.body, request.principal),
    );
  };
}
