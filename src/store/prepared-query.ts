import { createHash } from 'node:crypto';
import type { CompiledQuery, Kysely } from 'kysely';

/** Stands for a named parameter while a prepared query is built; never reaches the database. */
class Placeholder {
  constructor(readonly name: string) {}
}

/**
 * The SQL texts of prepared queries, with the name each has as a PostgreSQL named statement (the
 * store's pg clients, postgres-pool.ts, parse and plan each once per connection). Bounded: one
 * text per query shape.
 */
const statementNames = new Map<string, string>();

/** The named statement of a prepared query's text; undefined for any other text. */
export function statementNameOf(sql: string): string | undefined {
  return statementNames.get(sql);
}

/** Where each bound value of the compiled query comes from: a named parameter, or a constant of the query. */
type Slot = { param: string } | { value: unknown };

/** A query builder or a `sql` template: both compile against a database handle (builders ignore it). */
interface Buildable<Row> {
  compile(db: Kysely<any>): CompiledQuery<Row>;
}

interface Prepared {
  compiled: CompiledQuery;
  slots: Slot[];
}

/**
 * A query of fixed shape, built and compiled once per database handle and then run with new
 * parameter values. Kysely builds and compiles every query anew, and for the API's small reads
 * that cost more than the database's work (an object read was nine queries). The same SQL text
 * each time also hits SQLite's statement cache (sqlite-statement-cache.ts).
 *
 * `build` receives stand-ins for `params` (typed as the values, so the builder type-checks): it
 * must use each only as a bound value (or not at all), never inspect it, and give a query whose
 * shape does not depend on the values (no `in` lists of varying length: prepare one per shape).
 */
export function preparedQuery<P extends Record<string, unknown>, Row>(
  build: (db: Kysely<any>, params: P) => Buildable<Row>,
): (db: Kysely<any>, params: P) => Promise<Row[]> {
  const byHandle = new WeakMap<Kysely<any>, Prepared>();
  return async (db, params) => {
    let prepared = byHandle.get(db);
    if (!prepared) {
      prepared = prepare(db, build, Object.keys(params));
      byHandle.set(db, prepared);
    }
    const { compiled, slots } = prepared;
    const parameters = slots.map((slot) => ('param' in slot ? params[slot.param] : slot.value));
    const { rows } = await db.executeQuery<Row>({ ...compiled, parameters } as CompiledQuery<Row>);
    return rows;
  };
}

function prepare<P extends Record<string, unknown>>(db: Kysely<any>, build: (db: Kysely<any>, params: P) => Buildable<unknown>, names: string[]): Prepared {
  const stands = Object.fromEntries(names.map((name) => [name, new Placeholder(name)])) as unknown as P;
  const compiled = build(db, stands).compile(db);
  // A stand-in turned into SQL text (sql.lit, sql.raw) instead of bound would run as "[object Object]".
  if (compiled.sql.includes(String(new Placeholder('')))) throw new Error('prepared query: a parameter was written into the SQL text instead of bound');
  const slots = compiled.parameters.map((value): Slot => (value instanceof Placeholder ? { param: value.name } : { value }));
  // Named by the text itself: pg refuses one name for two texts.
  if (!statementNames.has(compiled.sql)) statementNames.set(compiled.sql, `warden_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 32)}`);
  return { compiled, slots };
}
