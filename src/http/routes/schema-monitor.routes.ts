import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../app-deps.js';
import { AUTH_ERRORS, ErrorResponse } from '../schemas/common-schemas.js';
import { DetectRemoteChangesBody, DetectRemoteChangesResult } from '../schemas/schema-monitor-schemas.js';

/** Schema monitoring of legacy schema projects (legacy-api.md §2.3, §2.4). */
export function schemaMonitorRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.put(
      '/dataSource/detectRemoteChanges',
      {
        schema: {
          tags: ['legacy data sources'],
          summary: 'Detect remote changes of legacy data sources now (schema monitoring and column detection)',
          description:
            'Crawls each monitored schema of the selected schema projects whole (new tables become data sources tagged New, owned by the detection owner; dropped tables disable their data sources, never delete them) and every other selected enabled data source\'s table (its dictionary follows; added and retyped columns get New). Waits for the crawls. A crawl that fails or lists something incompletely disables and registers nothing (the warning says so). An empty body runs every schema project: APPLICATION_ADMIN or GOVERNANCE; others run column detection of the data sources they own.',
          body: DetectRemoteChangesBody,
          response: { 200: DetectRemoteChangesResult, 400: ErrorResponse, 404: ErrorResponse, ...AUTH_ERRORS },
        },
      },
      async (request) => {
        // `overrides.httpPath` (a Databricks cluster path in the legacy API) is accepted and not used.
        const { overrides: _overrides, ...selection } = request.body;
        return deps.schemaMonitor.detect(selection, request.principal);
      },
    );
  };
}
