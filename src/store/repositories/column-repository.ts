import type { Kysely, Transaction } from 'kysely';
import type { CrawledColumn } from '../../domain/catalog-types.js';
import { chunkRows, type StoreDialect } from '../store-dialect.js';
import type { StoreSchema } from '../store-schema.js';

type Db = Kysely<StoreSchema> | Transaction<StoreSchema>;

/** The data dictionaries of leaves. Written in bulk: a sync replaces whole dictionaries at once. */
export class ColumnRepository {
  constructor(
    private readonly db: Db,
    private readonly dialect: StoreDialect,
  ) {}

  with(trx: Transaction<StoreSchema>): ColumnRepository {
    return new ColumnRepository(trx, this.dialect);
  }

  async listFor(objectId: number): Promise<CrawledColumn[]> {
    const rows = await this.db.selectFrom('columns').selectAll().where('object_id', '=', objectId).orderBy('ordinal').execute();
    return rows.map((r) => ({
      name: r.name,
      ordinal: r.ordinal,
      type: r.type,
      nullable: r.nullable === 1,
      defaultValue: r.default_value,
      comment: r.comment,
    }));
  }

  /** Replaces the dictionaries of the given objects with the given columns. */
  async replace(dictionaries: ReadonlyMap<number, readonly CrawledColumn[]>): Promise<void> {
    const ids = [...dictionaries.keys()];
    for (const chunk of chunkRows(ids, 1, this.dialect)) {
      await this.db.deleteFrom('columns').where('object_id', 'in', chunk).execute();
    }
    const rows = [...dictionaries].flatMap(([objectId, columns]) =>
      columns.map((c) => ({
        object_id: objectId,
        name: c.name,
        ordinal: c.ordinal,
        type: c.type,
        nullable: c.nullable ? 1 : 0,
        default_value: c.defaultValue,
        comment: c.comment,
      })),
    );
    for (const chunk of chunkRows(rows, 7, this.dialect)) {
      await this.db.insertInto('columns').values(chunk).execute();
    }
  }
}
