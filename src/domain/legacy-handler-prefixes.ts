/**
 * The path prefixes of the legacy per-technology handler routes (`POST /{prefix}/handler`,
 * legacy-api.md §1.13) and the technology (`blobHandlerType`) each one registers. The one
 * table: the routes resolve a prefix here, then the technology through the connector
 * registry, which refuses the technologies this build has no descriptor for.
 */
export const LEGACY_HANDLER_PREFIXES: Readonly<Record<string, string>> = Object.freeze({
  pg: 'PostgreSQL',
  mariadb: 'MariaDB',
  mysql: 'MySQL',
  snowflake: 'Snowflake',
  databricks: 'Databricks',
  trino: 'Trino',
  // Legacy-only: known to the legacy API, refused here (no connector could read them).
  mssql: 'Microsoft SQL Server',
  hive: 'Apache Hive',
  impala: 'Apache Impala',
  hdfs: 'Apache HDFS',
  azureblob: 'Azure Blob Storage',
  asdw: 'Azure Synapse Analytics',
  asa: 'Azure Synapse Analytics',
  netezza: 'Netezza',
  db2: 'DB2',
  oracle: 'Oracle',
  elastic: 'Elastic',
  teradata: 'Teradata',
  greenplum: 'Greenplum',
  redshift: 'Redshift',
  s3: 'Amazon S3',
  'native-s3': 'Amazon S3',
  presto: 'Presto',
  athena: 'Amazon Athena',
  vertica: 'Vertica',
});

/** The technology a handler path prefix registers, or undefined for a prefix the legacy API never had. */
export function technologyOfPrefix(prefix: string): string | undefined {
  return Object.hasOwn(LEGACY_HANDLER_PREFIXES, prefix) ? LEGACY_HANDLER_PREFIXES[prefix] : undefined;
}

/** The prefix of `technology`'s handler routes (the first listed), or undefined. */
export function prefixOfTechnology(technology: string): string | undefined {
  return Object.entries(LEGACY_HANDLER_PREFIXES).find(([, t]) => t === technology)?.[0];
}
