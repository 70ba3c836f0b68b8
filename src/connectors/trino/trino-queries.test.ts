import { describe, expect, it } from 'vitest';
import { catalogsQuery, columnsQuery, identifier, literal, schemasQuery, tableCommentsQuery, tableNamesQuery, tablesQuery } from './trino-queries.js';

describe('trino-queries', () => {
  it('quotes literals and identifiers by doubling, and nothing else', () => {
    expect(literal("o'brien \\ x")).toBe("'o''brien \\ x'");
    expect(identifier('a "b" c')).toBe('"a ""b"" c"');
  });

  it('lists catalogs without system, honouring include, exclude and a scope step', () => {
    expect(catalogsQuery(undefined, undefined)).toContain("WHERE catalog_name <> 'system'\n");
    const filtered = catalogsQuery({ include: ['pg', "m'x"], exclude: ['gone'] }, 'pg');
    expect(filtered).toContain("catalog_name IN ('pg', 'm''x')");
    expect(filtered).toContain("catalog_name NOT IN ('gone')");
    expect(filtered).toContain("catalog_name = 'pg'");
    expect(catalogsQuery({ include: [] }, undefined)).toContain('catalog_name IN (NULL)');
  });

  it('reads one catalog or schema at a time, by exact name, never per table', () => {
    expect(schemasQuery('p"g', undefined)).toBe(
      `SELECT schema_name FROM "p""g".information_schema.schemata\nWHERE schema_name <> 'information_schema'\nORDER BY schema_name`,
    );
    expect(tablesQuery('pg', "s'1", undefined)).toContain("WHERE table_schema = 's''1'\n");
    expect(columnsQuery('pg', 's1', 't')).toContain("WHERE table_schema = 's1' AND table_name = 't'");
    expect(columnsQuery('pg', 's1', undefined)).toContain('column_default, comment\nFROM "pg".information_schema.columns');
    expect(tableCommentsQuery('pg', 's1', undefined)).toContain("WHERE catalog_name = 'pg' AND schema_name = 's1'");
    expect(tablesQuery('pg', 's1', ['a', "b'c"])).toContain("WHERE table_schema = 's1' AND table_name IN ('a', 'b''c')");
    expect(tableNamesQuery('pg', 's1', 't')).toBe(`SELECT table_name FROM "pg".information_schema.tables\nWHERE table_schema = 's1' AND table_name = 't'`);
  });
});
