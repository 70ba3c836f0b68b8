/**
 * The legacy name templates (legacy-api.md §2.2, §3): formats for the data source name, the
 * query-engine table and schema names and the schema project name, with the tokens
 * `<tablename>`, `<schema>` and `<database>`. Pure: registration and schema monitoring render
 * the same way.
 */

/** `schemaEvolution.config.nameTemplate`; every format optional (the defaults below fill in). */
export interface LegacyNameTemplate {
  nameFormat: string;
  tableFormat: string;
  sqlSchemaNameFormat: string;
  schemaProjectNameFormat: string;
}

/** The remote table a name is rendered for. */
export interface NameParts {
  tablename: string;
  schema: string;
  database: string;
}

/** The legacy UI's defaults (data source `<schema>_<tablename>` without the UI's prefix, table `<tablename>`, schema `<schema>`). */
export const DEFAULT_NAME_TEMPLATE: LegacyNameTemplate = Object.freeze({
  nameFormat: '<schema>_<tablename>',
  tableFormat: '<tablename>',
  sqlSchemaNameFormat: '<schema>',
  schemaProjectNameFormat: '<schema>',
});

const TOKEN = /<(tablename|schema|database)>/gi;

/** `format` with each token replaced by its part (tokens match case-insensitively; other text is kept as is). */
export function renderName(format: string, parts: NameParts, options: { lowerCase?: boolean } = {}): string {
  const rendered = format.replace(TOKEN, (_token, name: string) => parts[name.toLowerCase() as keyof NameParts]);
  return options.lowerCase ? rendered.toLowerCase() : rendered;
}

/** A template with the defaults wherever `given` has no format. */
export function completeTemplate(given: Partial<LegacyNameTemplate> | undefined): LegacyNameTemplate {
  return {
    nameFormat: given?.nameFormat || DEFAULT_NAME_TEMPLATE.nameFormat,
    tableFormat: given?.tableFormat || DEFAULT_NAME_TEMPLATE.tableFormat,
    sqlSchemaNameFormat: given?.sqlSchemaNameFormat || DEFAULT_NAME_TEMPLATE.sqlSchemaNameFormat,
    schemaProjectNameFormat: given?.schemaProjectNameFormat || DEFAULT_NAME_TEMPLATE.schemaProjectNameFormat,
  };
}

/**
 * The legacy query-engine name (`sqlTableName`, `sqlSchemaName`: pattern `^[a-z0-9_]*$`): the
 * rendered name lower-cased, every other character an underscore.
 */
export function sqlName(format: string, parts: NameParts): string {
  return renderName(format, parts, { lowerCase: true }).replace(/[^a-z0-9_]/g, '_');
}
