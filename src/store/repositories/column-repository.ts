import type { Kysely, Transaction } from 'kysely';
import type { CrawledColumn } from '../../domain/catalog-types.js';
import type { BulkWriter } from '../bulk-writer.js';
import { preparedQuery } from '../prepared-query.js';
import { chunkRows, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

const COLUMN_FIELDS = ['object_id', 'name', 'ordinal', 'type', 'nullable', 'default_value', 'generated_expression', 'generated_stored', 'comment', 'stable_id'] as const;

/** Every leaf's read: prepared once (prepared-query.ts). */
const dictionaryOf = preparedQuery((db: Kysely<StoreSchema>, p: { objectId: number }) =>
  db
    .selectFrom('columns')
    .select(['name', 'ordinal', 'type', 'nullable', 'default_value', 'generated_expression', 'generated_stored', 'comment', 'stable_id'])
    .where('object_id', '=', p.objectId)
    .orderBy('ordinal'),
);

/** The data dictionaries of leaves. Written in bulk: a sync replaces whole dictionaries at once. */
export class ColumnRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
    private readonly bulk: BulkWriter,
  ) {}

  with(trx: Transaction<StoreSchema>): ColumnRepository {
    return new ColumnRepository(trx, this.dialect, this.bulk);
  }

  async listFor(objectId: number): Promise<CrawledColumn[]> {
    const rows = await dictionaryOf(this.db, { objectId });
    return rows.map((r) => {
      const column: CrawledColumn = {
        name: r.name,
        ordinal: r.ordinal,
        type: r.type,
        nullable: r.nullable === 1,
        defaultValue: r.default_value,
        generated: r.generated_expression === null ? null : { expression: r.generated_expression, stored: r.generated_stored === 1 },
        comment: r.comment,
      };
      if (r.stable_id !== null) column.stableId = r.stable_id;
      return column;
    });
  }

  /**
   * Replaces the dictionaries of the given objects with the given columns. Call inside a
   * transaction (the bulk insert needs one). `fresh` objects have no stored columns yet.
   */
  async replace(dictionaries: ReadonlyMap<number, readonly CrawledColumn[]>, fresh = false): Promise<void> {
    if (!fresh) {
      for (const chunk of chunkRows([...dictionaries.keys()], 1, this.dialect)) {
        await this.db.deleteFrom('columns').where('object_id', 'in', chunk).execute();
      }
    }
    await this.bulk.insert(this.db, 'columns', COLUMN_FIELDS, columnRows(dictionaries));
  }
}

/** One reused row per column: half a million columns should not mean half a million arrays. */
function* columnRows(dictionaries: ReadonlyMap<number, readonly CrawledColumn[]>): Generator<unknown[]> {
  const row: unknown[] = new Array(COLUMN_FIELDS.length);
  for (const [objectId, columns] of dictionaries) {
    for (const c of columns) {
      row[0] = objectId;
      row[1] = c.name;
      row[2] = c.ordinal;
      row[3] = c.type;
      row[4] = c.nullable ? 1 : 0;
      row[5] = c.defaultValue;
      row[6] = c.generated?.expression ?? null;
      row[7] = c.generated === null ? null : c.generated.stored ? 1 : 0;
      row[8] = c.comment;
      row[9] = c.stableId ?? null;
      yield row;
    }
  }
}
