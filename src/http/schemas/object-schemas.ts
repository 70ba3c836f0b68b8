import { Type, type Static, type TObject, type TProperties, type TSchema } from 'typebox';
import { TAG_NAME_MAX_LENGTH, TAG_NAME_PATTERN, TAG_VALUE_MAX_LENGTH, TAG_VALUE_PATTERN } from '../../domain/tag-rules.js';
import { Paging, PrincipalRef, Settings } from './common-schemas.js';
import { SYNC_CHANGE_KINDS } from '../../store/repositories/sync-change-repository.js';

/** A tag as shown: on an object, or on a column in its dictionary. */
export const TagView = Type.Object(
  {
    name: Type.String({ description: 'Possibly hierarchical (PII.Email); platform tags as the platform spells them (Snowflake: DB.SCHEMA.TAG)' }),
    value: Type.Union([Type.String(), Type.Null()], { description: 'null when the tag has none' }),
    source: Type.Union([Type.Literal('platform'), Type.Literal('user'), Type.Literal('system')], {
      description: 'platform: follows the platform (each sync); user: added through the API, never touched by a sync; system: Warden\'s own (New)',
    }),
    addedBy: Type.Union([Type.String(), Type.Null()], { description: 'user:<name> for user tags; null for platform and system tags' }),
    addedAt: Type.String(),
  },
  { additionalProperties: false },
);

/** The name of a tag a user adds (TAG_NAME_PATTERN). */
export const UserTagName = Type.String({
  minLength: 1,
  maxLength: TAG_NAME_MAX_LENGTH,
  pattern: TAG_NAME_PATTERN,
  description: 'Dot-separated segments of ASCII letters, digits, "_" and "-", single spaces inside a segment: PII, PII.Email, Cost Centre.EU-1',
});
export const TagValue = Type.String({ minLength: 1, maxLength: TAG_VALUE_MAX_LENGTH, pattern: TAG_VALUE_PATTERN, description: 'Free text without control characters' });
/** A tag name to find or remove: any source's spelling (platform tags follow no pattern of ours). */
export const AnyTagName = Type.String({ minLength: 1, maxLength: 256 });
const ColumnName = Type.String({ minLength: 1, maxLength: 1024, description: "The column's name, exactly as in the data dictionary" });
/** Filters of the searches: every tag named must be on the object (or one of its columns), from any source. */
export const TagFilter = Type.Array(AnyTagName, { maxItems: 20, description: 'Keep only objects carrying every one of these tags (any source), on themselves or on one of their columns' });

const tagList = Type.Array(TagView);

export const Column = Type.Object({
  name: Type.String(),
  ordinal: Type.Integer(),
  type: Type.String({ description: 'The platform type as the platform writes it' }),
  nullable: Type.Boolean({ description: 'False when the column cannot hold NULL (on PostgreSQL also through a NOT NULL domain)' }),
  defaultValue: Type.Union([Type.String(), Type.Null()], { description: 'The default as SQL; null when none and for a generated column' }),
  generated: Type.Union(
    [
      Type.Object({
        expression: Type.String({ description: 'The generation expression as the platform writes it' }),
        stored: Type.Boolean({ description: 'Computed on write and stored (true), or on read (virtual, false)' }),
      }),
      Type.Null(),
    ],
    { description: 'A generated column: how it is computed; null for an ordinary column' },
  ),
  comment: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(TagView, { description: "The column's tags, every source" }),
});

const summaryFields = {
  objectPath: Type.Array(Type.String(), { description: 'Connection key first, then the platform names, exact spelling' }),
  technology: Type.String(),
  kind: Type.String({ description: 'connection, database, schema, table, view, materializedView, partitionedTable, foreignTable, …' }),
  state: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  removed: Type.Boolean({ description: 'Gone from the platform: kept, disabled, until deleted' }),
  overrides: Type.Partial(Settings, { description: 'Only the settings overridden on this object' }),
  dataSourceName: Type.Optional(Type.String({ description: 'Leaves: the path joined with "."' })),
  dataSourceId: Type.Optional(
    Type.Integer({ description: "Enabled leaves (data sources): the data source's own id (not the object's), kept across disabling, renames and moves" }),
  ),
  stableId: Type.Union([Type.String(), Type.Null()], { description: 'Platform identifier (PostgreSQL OID) used to recognise renames' }),
  comment: Type.Union([Type.String(), Type.Null()]),
  childCount: Type.Integer({ description: 'Children still present on the platform' }),
  tags: Type.Array(TagView, { description: "Tags on the object itself, every source (its columns' tags are with the columns)" }),
};

export const ObjectSummary = Type.Object({ ...summaryFields, settings: Settings }, { $id: 'ObjectSummary' });

const setting = <T extends Parameters<typeof Type.Object>[0][string]>(value: T) =>
  Type.Object({
    value,
    hasDescendantsWithOverrides: Type.Boolean(),
    descendantOverrides: Type.Integer({ description: 'How many objects below override this setting: what cascade would clear' }),
  });

export const ObjectView = Type.Object(
  {
    ...summaryFields,
    settings: Type.Object({
      isActive: setting(Type.Boolean()),
      activateNewChildren: setting(Type.Boolean()),
      dataOwners: setting(Type.Array(PrincipalRef)),
    }),
    columns: Type.Optional(Type.Array(Column, { description: 'Leaves: the data dictionary' })),
    removedAt: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    updatedAt: Type.String(),
    lastSync: Type.Union([Type.Object({ syncRunId: Type.String(), at: Type.String() }), Type.Null()]),
  },
  { $id: 'DataObject' },
);

/**
 * An object path as a JSON array: the form that carries any name, `.` and `..` included, which
 * the URL form cannot (clients resolve those segments before sending).
 */
export const ObjectPathArray = Type.Array(Type.String({ minLength: 1 }), {
  minItems: 1,
  description: 'The object path as a JSON array of names, connection key first, each name exactly as the platform spells it',
  examples: [['Demo Warehouse', 'postgres', 'sales', 'orders']],
});

/**
 * The query of a JSON-array GET route: `objectPath` is one URL-encoded JSON array
 * (`x-consume` documents it as JSON content; `parseObjectPathQuery` parses it before validation).
 */
export const ObjectPathQuery = Type.Object(
  { objectPath: Type.Array(ObjectPathArray.items, { ...ObjectPathArray, 'x-consume': 'application/json' }) },
  { additionalProperties: false },
);

/** The body of a `…/{objectPath*}` route plus the path as the field `objectPath`: that route's JSON-array form. */
export function withObjectPath<T extends TProperties>(body: TObject<T>) {
  return Type.Object({ objectPath: ObjectPathArray, ...body.properties }, { additionalProperties: false });
}

export const SearchBody = Type.Object(
  {
    searchText: Type.Optional(Type.String({ maxLength: 256 })),
    state: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Keep only children of this kind (table, view, schema, …)' })),
    removed: Type.Optional(Type.Boolean({ description: 'true: only children gone from the platform; false: only those still there' })),
    tags: Type.Optional(TagFilter),
    ...Paging,
    sortField: Type.Optional(Type.Union([Type.Literal('name'), Type.Literal('kind'), Type.Literal('createdAt')], { default: 'name' })),
    sortOrder: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')], { default: 'asc' })),
  },
  { additionalProperties: false },
);

/** The body of `POST /data/object/search`: without `objectPath`, the connections; with it, that object's children. */
export const SearchByPathBody = Type.Object(
  { objectPath: Type.Optional(ObjectPathArray), ...SearchBody.properties },
  { additionalProperties: false },
);

export const SearchResponse = Type.Object({ count: Type.Integer(), hits: Type.Array(Type.Ref('ObjectSummary')) });

/**
 * `schema` or null, spelled `nullable: true` rather than a union: with type coercion on, the
 * first branch of a union would turn null into false (or [null]) before the null branch is tried.
 */
const nullable = <T extends TSchema>(schema: T) => Type.Optional(Type.Unsafe<Static<T> | null>({ ...schema, nullable: true }));

export const SettingsBody = Type.Object(
  {
    settings: Type.Object(
      {
        isActive: nullable(Type.Boolean()),
        activateNewChildren: nullable(Type.Boolean()),
        dataOwners: nullable(Type.Array(PrincipalRef)),
      },
      { additionalProperties: false, description: 'null clears the override so the object inherits' },
    ),
    cascade: Type.Optional(Type.Boolean({ default: false, description: "Also clear the descendants' overrides of the keys set" })),
  },
  { additionalProperties: false },
);

export const CrawlBody = Type.Object(
  { forceRecursiveCrawl: Type.Optional(Type.Boolean({ default: false, description: 'Descend into disabled objects too' })) },
  { additionalProperties: false },
);

export const CrawlResponse = Type.Object({ syncRunId: Type.String(), joined: Type.Boolean(), job: Type.Ref('Job') });

export const DeleteResponse = Type.Object({ objectPath: Type.Array(Type.String()), childCount: Type.Integer() });

export const ChangesQuery = Type.Object({
  ...Paging,
  change: Type.Optional(Type.Union(SYNC_CHANGE_KINDS.map((c) => Type.Literal(c)))),
});

export const ChangesResponse = Type.Object({
  count: Type.Integer(),
  hits: Type.Array(
    Type.Object({
      objectId: Type.Union([Type.Integer(), Type.Null()]),
      objectPath: Type.Array(Type.String()),
      change: Type.String(),
      details: Type.Union([Type.Object({}, { additionalProperties: true }), Type.Null()]),
    }),
  ),
});


/** The tags of an object and of each of its columns. */
export const ObjectTagsResponse = Type.Object({
  objectPath: Type.Array(Type.String()),
  tags: tagList,
  columns: Type.Optional(Type.Array(Type.Object({ name: Type.String(), tags: tagList }), { description: 'Leaves: every column of the dictionary, in order' })),
});

export const AddTagsBody = Type.Object(
  {
    tags: Type.Array(Type.Object({ name: UserTagName, value: Type.Optional(TagValue) }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 100,
      description: 'User tags to add. One the place has already gets the value given (none: null); adding it again changes nothing',
    }),
    column: Type.Optional(ColumnName),
  },
  { additionalProperties: false },
);

export const RemoveTagBody = Type.Object(
  {
    name: AnyTagName,
    column: Type.Optional(ColumnName),
    source: Type.Optional(
      Type.Union([Type.Literal('user'), Type.Literal('system'), Type.Literal('platform')], {
        default: 'user',
        description: 'user (default); system clears the New tag; platform tags follow the platform and cannot be removed (409)',
      }),
    ),
  },
  { additionalProperties: false },
);
