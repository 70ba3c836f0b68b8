import type { Kysely } from 'kysely';

/**
 * How a generated column is computed: its expression and whether it is stored, both null for
 * an ordinary column. Rows written before are ordinary columns until the next sync reads them
 * again; a table with generated columns then records the difference as a column change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('columns').addColumn('generated_expression', 'text').execute();
  await db.schema.alterTable('columns').addColumn('generated_stored', 'integer').execute();
}
