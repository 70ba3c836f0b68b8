import { describe, expect, it } from 'vitest';
import { MARIADB_DIALECT, MARIADB_MAPPING } from '../mariadb/mariadb-catalog.js';
import { mapLeafRows } from './information-schema-mapper.js';
import { InformationSchemaQueries, type InformationSchemaDialect } from './information-schema-queries.js';

describe('InformationSchemaQueries', () => {
  const mariadb = new InformationSchemaQueries(MARIADB_DIALECT);

  it('lists top-level containers without the excluded ones, exactly', () => {
    const query = mariadb.containers([]);
    expect(query.sql).toContain('FROM information_schema.SCHEMATA');
    expect(query.sql).toContain('NOT (BINARY SCHEMA_NAME IN (?, ?, ?, ?))');
    expect(query.values).toEqual(['information_schema', 'mysql', 'performance_schema', 'sys']);
    expect(mariadb.containers([], 'Sales').values.slice(-2)).toEqual(['Sales', 'Sales']);
  });

  it('reads the tables and the columns of one container in one query each, binding names twice', () => {
    const tables = mariadb.tables(['db "x"']);
    expect(tables.sql).toContain('WHERE TABLE_SCHEMA = ?\n  AND BINARY TABLE_SCHEMA = ?');
    expect(tables.values).toEqual(['db "x"', 'db "x"']);
    const columns = mariadb.columns(['db'], 'T');
    expect(columns.sql).toContain('COLUMN_TYPE');
    expect(columns.sql).toContain("CASE WHEN EXTRA LIKE '%STORED GENERATED%' THEN 'YES' ELSE 'NO' END");
    expect(columns.values).toEqual(['db', 'db', 'T', 'T']);
  });

  it('serves a three-level platform with its own qualification and placeholders', () => {
    const snowflakeLike: InformationSchemaDialect = {
      ...MARIADB_DIALECT,
      placeholder: (n) => `$${n}`,
      view: (name, container) => `"${container}".INFORMATION_SCHEMA.${name}`,
      exactName: (column) => [`${column} = {}`],
      exactNameIn: (column) => `${column} IN ({})`,
      orderByName: (column) => column,
      containerLevels: [
        { ancestorColumns: [], nameColumn: 'DATABASE_NAME', commentExpression: 'COMMENT' },
        { ancestorColumns: ['CATALOG_NAME'], nameColumn: 'SCHEMA_NAME', commentExpression: 'COMMENT' },
      ],
      excludedTopLevel: [],
      leafParentColumns: ['TABLE_CATALOG', 'TABLE_SCHEMA'],
    };
    const queries = new InformationSchemaQueries(snowflakeLike);
    expect(queries.containers(['DB']).sql).toContain('FROM "DB".INFORMATION_SCHEMA.SCHEMATA\nWHERE CATALOG_NAME = $1');
    const tables = queries.tables(['DB', 'PUBLIC'], 'T');
    expect(tables.sql).toContain('WHERE TABLE_CATALOG = $1\n  AND TABLE_SCHEMA = $2\n  AND TABLE_NAME = $3');
    expect(() => queries.tables(['DB'])).toThrow(/2 names/);
  });
});

describe('mapLeafRows (MariaDB mapping)', () => {
  it('maps kinds, skips unknown table types, groups and orders columns, normalises comments and defaults', () => {
    const leaves = mapLeafRows(
      [
        ['t', 'BASE TABLE', ''],
        ['v', 'VIEW', 'VIEW'],
        ['h', 'SYSTEM VERSIONED', 'kept'],
        ['tmp', 'TEMPORARY', ''],
      ],
      [
        ['t', 'b', 2, 'varchar(5)', 'YES', 'NULL', '', null, 'NO'],
        ['t', 'a', '1', 'int(11)', 'NO', null, 'first', null, 'NO'],
        ['gone', 'x', 1, 'int(11)', 'YES', null, '', null, 'NO'],
      ],
      MARIADB_MAPPING,
    );
    expect(leaves.map((leaf) => [leaf.name, leaf.kind, leaf.comment])).toEqual([
      ['t', 'table', null],
      ['v', 'view', null],
      ['h', 'systemVersionedTable', 'kept'],
    ]);
    expect(leaves[0]!.columns).toEqual([
      { name: 'a', ordinal: 1, type: 'int(11)', nullable: false, defaultValue: null, generated: null, comment: 'first' },
      { name: 'b', ordinal: 2, type: 'varchar(5)', nullable: true, defaultValue: null, generated: null, comment: null },
    ]);
    expect(leaves[1]!.columns).toEqual([]);
  });

  it('records generated columns, stored or virtual, apart from the default (MySQL writes an ordinary one\'s expression as \'\')', () => {
    const [leaf] = mapLeafRows(
      [['g', 'BASE TABLE', '']],
      [
        ['g', 'a', 1, 'int(11)', 'YES', 'NULL', '', null, 'NO'],
        ['g', 'v', 2, 'int(11)', 'YES', 'NULL', '', '`a` * 2', 'NO'],
        ['g', 's', 3, 'int(11)', 'YES', null, '', '`a` * 3', 'YES'],
        ['g', 'mysql', 4, 'int', 'YES', '(`a` + 1)', '', '', 'NO'],
      ],
      MARIADB_MAPPING,
    );
    expect(leaf!.columns!.map(({ name, defaultValue, generated }) => ({ name, defaultValue, generated }))).toEqual([
      { name: 'a', defaultValue: null, generated: null },
      { name: 'v', defaultValue: null, generated: { expression: '`a` * 2', stored: false } },
      { name: 's', defaultValue: null, generated: { expression: '`a` * 3', stored: true } },
      { name: 'mysql', defaultValue: '(`a` + 1)', generated: null },
    ]);
  });
});
