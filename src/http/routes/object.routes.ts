import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../app-deps.js';
import { objectPathParam } from '../object-path-param.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { CrawlBody, DeleteResponse, SearchBody, SearchResponse, SettingsBody } from '../schemas/object-schemas.js';

const errors = { 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS };
const pathNote = 'objectPath*: the connection key, then each name, each percent-encoded on its own ("/" in a name is %2F)';

/** The object hierarchy: read, search children, change settings, sync, delete. */
export function objectRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/data/object/*',
      { schema: { tags: ['objects'], summary: 'One data object', description: pathNote, response: { 200: Type.Ref('DataObject'), ...errors } } },
      async (request) => deps.catalog.getObject(objectPathParam(request, 2)),
    );

    const search = { tags: ['objects'], body: SearchBody, response: { 200: SearchResponse, ...errors } };
    app.post(
      '/data/object/search',
      { schema: { ...search, summary: 'The connections (the roots of all hierarchies)' } },
      async (request) => deps.catalog.searchChildren([], withDefaults(request.body)),
    );
    app.post(
      '/data/object/search/*',
      { schema: { ...search, summary: 'Children of an object', description: pathNote } },
      async (request) => deps.catalog.searchChildren(objectPathParam(request, 3), withDefaults(request.body)),
    );

    app.put(
      '/data/settings/*',
      {
        schema: {
          tags: ['objects'],
          summary: 'Override or clear (null) settings; cascade also clears the descendants’ overrides of those keys',
          description: pathNote,
          body: SettingsBody,
          response: { 200: Type.Ref('DataObject'), ...errors },
        },
      },
      async (request) => deps.catalog.updateSettings(objectPathParam(request, 2), request.body.settings, request.body.cascade ?? false, request.principal),
    );

    app.delete(
      '/data/object/*',
      {
        schema: {
          tags: ['objects'],
          summary: 'Delete an object and its subtree (the connection when the path is just its key)',
          description: pathNote,
          response: { 200: DeleteResponse, ...errors },
        },
      },
      async (request) => deps.catalog.deleteObject(objectPathParam(request, 2), request.principal),
    );

    app.post(
      '/data/crawl/*',
      {
        schema: {
          tags: ['sync'],
          summary: 'Start a sync of the subtree (joins a queued sync that already covers it)',
          description: `${pathNote}. The path may name objects not yet in the catalog, e.g. a table just granted.`,
          body: Type.Optional(CrawlBody),
          response: { 202: Type.Object({ syncRunId: Type.String(), joined: Type.Boolean(), job: Type.Ref('Job') }), ...errors },
        },
      },
      async (request, reply) => {
        const { run, joined } = await deps.syncs.requestSync(
          objectPathParam(request, 2),
          { forceRecursiveCrawl: request.body?.forceRecursiveCrawl ?? false },
          request.principal,
        );
        return reply.status(202).send({ syncRunId: run.id, joined, job: run });
      },
    );
  };
}

function withDefaults(body: Type.Static<typeof SearchBody>) {
  return {
    ...(body.searchText && { searchText: body.searchText }),
    ...(body.state && { state: body.state }),
    offset: body.offset ?? 0,
    size: body.size ?? 100,
    sortField: body.sortField ?? 'name',
    sortOrder: body.sortOrder ?? 'asc',
  };
}
