import type { Static, TSchema } from 'typebox';
import type { UserView } from './access-schemas.js';
import type { ErrorResponse, Job } from './common-schemas.js';
import type { ConnectionView } from './connection-schemas.js';
import type { ObjectSummary, ObjectView } from './object-schemas.js';

/** The schemas registered by `$id` (app.ts), which other schemas reach with `Type.Ref`. */
type SharedSchemas = {
  ErrorResponse: typeof ErrorResponse;
  Job: typeof Job;
  Connection: typeof ConnectionView;
  ObjectSummary: typeof ObjectSummary;
  DataObject: typeof ObjectView;
  User: typeof UserView;
};

/**
 * What a schema looks like on the wire, `Type.Ref`s resolved: the type of an API answer as the
 * route documents it. Clients (the CLI) read responses as `Wire<typeof Schema>`, never as a
 * hand-written twin of the schema.
 */
export type Wire<T extends TSchema> = Static<T, SharedSchemas>;
