import { Type, type Static } from 'typebox';
import { ALL_SYNC_RUN_STATES } from '../../domain/sync-run-states.js';

/** The body of every error response. */
export const ErrorResponse = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'HTTP reason phrase' }),
    message: Type.String({ description: 'What went wrong and what to do about it' }),
    code: Type.String({ description: 'Stable error code; docs/errors.md lists them all' }),
  },
  { $id: 'ErrorResponse' },
);

/** Every guarded route may answer these (no or bad key, missing permission, too many failed keys). */
export const AUTH_ERRORS = { 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse };

/** The one place page sizes are defined: every listing route, and the CLI's `--size`, follow it. */
export const PAGE_SIZE = { default: 100, maximum: 1000 } as const;

export const Paging = {
  // The largest integer a JavaScript number holds exactly; both stores bind it as an integer (1e20 they cannot).
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 })),
  size: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE.maximum, default: PAGE_SIZE.default })),
};

export const PrincipalRef = Type.Object(
  { type: Type.Union([Type.Literal('user'), Type.Literal('group')]), name: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const Settings = Type.Object(
  {
    isActive: Type.Boolean(),
    activateNewChildren: Type.Boolean(),
    dataOwners: Type.Array(PrincipalRef),
  },
  { additionalProperties: false },
);

export const SyncCounts = Type.Object({
  added: Type.Integer(),
  removed: Type.Integer(),
  restored: Type.Integer(),
  renamed: Type.Integer(),
  moved: Type.Integer({ description: 'Same stable id found under another parent (ALTER TABLE … SET SCHEMA): moved with its settings and history' }),
  changed: Type.Integer(),
  unchanged: Type.Integer(),
  conflicts: Type.Integer(),
});

export const SyncRunError = Type.Object({
  objectPath: Type.Array(Type.String()),
  code: Type.String(),
  message: Type.String(),
  notRead: Type.Optional(
    Type.Literal('tags', { description: "Only the subtree's tags were not read: its objects were synced, its platform tags left as they were" }),
  ),
});

/** A sync run's state, from the one list of states. */
export const SyncRunStateSchema = Type.Union(ALL_SYNC_RUN_STATES.map((s) => Type.Literal(s)));

export const Job = Type.Object(
  {
    id: Type.String(),
    type: Type.Literal('objectSync'),
    state: SyncRunStateSchema,
    connectionKey: Type.String(),
    objectPath: Type.Array(Type.String()),
    trigger: Type.String({ description: 'registration, schedule, manual or detection (schema monitoring)' }),
    requestedBy: Type.Union([Type.String(), Type.Null()]),
    forceRecursiveCrawl: Type.Boolean(),
    createdAt: Type.String(),
    startedAt: Type.Union([Type.String(), Type.Null()]),
    finishedAt: Type.Union([Type.String(), Type.Null()]),
    counts: SyncCounts,
    progress: Type.Object({ containersListed: Type.Integer(), objectsSeen: Type.Integer() }),
    errors: Type.Array(SyncRunError, { description: 'Subtrees not crawled (left as they were), subtrees whose tags were not read (notRead: tags) and uniqueness violations' }),
    failureMessage: Type.Union([Type.String(), Type.Null()]),
  },
  { $id: 'Job' },
);

export type PagingQuery = Static<Type.TObject<typeof Paging>>;

/** The page a validated query or body asks for, the schema's defaults filled in. */
export function pageOf(query: PagingQuery): { offset: number; size: number } {
  return { offset: query.offset ?? 0, size: query.size ?? PAGE_SIZE.default };
}
