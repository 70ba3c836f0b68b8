import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { decodeObjectPath } from '../../domain/object-path.js';
import type { AppDeps } from '../app-deps.js';
import { AuditQuery, AuditResponse } from '../schemas/access-schemas.js';
import { AUTH_ERRORS, ErrorResponse, pageOf } from '../schemas/common-schemas.js';

/** The audit log: read-only, for every role (there is no route that changes or deletes an entry). */
export function auditRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'Every change, newest first: who, when, what object, before and after',
          querystring: AuditQuery,
          response: { 200: AuditResponse, 400: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        const { objectPath, actor, action, from, to } = request.query;
        return deps.audit.search({
          ...(objectPath !== undefined && { objectPath: decodeObjectPath(objectPath) }),
          ...(actor !== undefined && { actor }),
          ...(action !== undefined && { action }),
          ...(from !== undefined && { from: new Date(from).toISOString() }),
          ...(to !== undefined && { to: new Date(to).toISOString() }),
          ...pageOf(request.query),
        });
      },
    );
  };
}
