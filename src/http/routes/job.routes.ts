import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse, Paging, pageOf, SyncRunStateSchema } from '../schemas/common-schemas.js';
import { ChangesQuery, ChangesResponse } from '../schemas/object-schemas.js';

const JobSearchQuery = Type.Object({
  connectionKey: Type.Optional(Type.String()),
  state: Type.Optional(SyncRunStateSchema),
  ...Paging,
});
const JobSearchResponse = Type.Object({ count: Type.Integer(), hits: Type.Array(Type.Ref('Job')) });

/** Sync runs (jobs) and their per-object changes. */
export function jobRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const searchSchema = { tags: ['jobs'], querystring: JobSearchQuery, response: { 200: JobSearchResponse, 400: ErrorResponse, ...AUTH_ERRORS } };
    const search = async (query: Type.Static<typeof JobSearchQuery>) =>
      deps.syncs.searchRuns({
        ...(query.connectionKey !== undefined && { connectionKey: query.connectionKey }),
        ...(query.state !== undefined && { state: query.state }),
        ...pageOf(query),
      });
    app.get('/jobs', { schema: { ...searchSchema, summary: 'Jobs, newest first' } }, async (request) => search(request.query));
    app.get('/jobs/search', { schema: { ...searchSchema, summary: 'Jobs, newest first (same as GET /jobs)' } }, async (request) => search(request.query));

    app.get(
      '/jobs/:id',
      {
        schema: {
          tags: ['jobs'],
          summary: 'One job: state, progress, counts, errors',
          params: Type.Object({ id: Type.String() }),
          response: { 200: Type.Ref('Job'), 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => deps.syncs.getRun(request.params.id),
    );

    app.get(
      '/data/sync-runs/:id/changes',
      {
        schema: {
          tags: ['sync'],
          summary: 'The per-object changes of a sync run',
          params: Type.Object({ id: Type.String() }),
          querystring: ChangesQuery,
          response: { 200: ChangesResponse, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) =>
        deps.syncs.changes(request.params.id, {
          ...pageOf(request.query),
          ...(request.query.change !== undefined && { change: request.query.change as 'added' }),
        }),
    );
  };
}
