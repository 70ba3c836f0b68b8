import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/**
 * The few places where SQLite and PostgreSQL differ, kept in one module so repositories and
 * migrations are written once.
 */
export interface StoreDialect {
  readonly name: DialectName;
  /** An auto-generated integer primary key (SQLite has no identity columns). */
  identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** The largest number of bind parameters one statement may carry. */
  readonly maxBindParameters: number;
  /**
   * Holds the store-wide job lock until the surrounding transaction ends: queueing, joining and
   * claiming sync runs (and replacing the admin key) then happen one process at a time.
   * SQLite needs nothing: one process owns the file and its transactions run one by one.
   */
  lockJobs(trx: Kysely<any>): Promise<void>;
}

/** The advisory lock key of the job lock (any bigint; "WARDENJB" in ASCII). */
const JOBS_LOCK_KEY = 0x5741_5244_454e_4a42n;

export const sqliteDialect: StoreDialect = {
  name: 'sqlite',
  identity: (column) => column.primaryKey().autoIncrement(),
  maxBindParameters: 32_000,
  lockJobs: async () => {},
};

export const postgresDialect: StoreDialect = {
  name: 'postgres',
  identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  maxBindParameters: 65_000,
  lockJobs: async (trx) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(JOBS_LOCK_KEY.toString())}::bigint)`.execute(trx);
  },
};

/**
 * Splits rows into chunks that fit one statement's bind-parameter limit, so bulk writes are
 * a handful of multi-row statements rather than one statement per row.
 */
export function chunkRows<T>(rows: readonly T[], columnsPerRow: number, dialect: StoreDialect): T[][] {
  const size = Math.max(1, Math.floor(dialect.maxBindParameters / columnsPerRow));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/** Upper bound for a prefix range scan: every string starting with `prefix` sorts below it. */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/**
 * A `like` pattern matching `text` anywhere, wildcards escaped with `\`. Compare
 * `lower(column) like lower(pattern)`: the database folds both sides the same way (SQLite
 * folds only ASCII, so JavaScript's fuller folding would not match it).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The SQLSTATE (PostgreSQL) and extended result code (SQLite) of each constraint a write can meet. */
const CONSTRAINT_CODES = {
  unique: ['23505', 'SQLITE_CONSTRAINT_UNIQUE'],
  foreignKey: ['23503', 'SQLITE_CONSTRAINT_FOREIGNKEY'],
} as const;

/**
 * A `catch` handler for a write that another transaction can beat: when `constraint` refused it
 * (a row with that key committed first; the parent row was deleted first), `typed()` is thrown
 * instead — a 404 or 409 of the catalogue, never a 500. Any other error passes on unchanged.
 * The constraint decides atomically, where a read beforehand would leave a window.
 */
export function refusedBy(constraint: keyof typeof CONSTRAINT_CODES, typed: () => Error): (error: unknown) => never {
  return (error) => {
    const code = (error as { code?: unknown } | null)?.code;
    throw (CONSTRAINT_CODES[constraint] as readonly unknown[]).includes(code) ? typed() : error;
  };
}
