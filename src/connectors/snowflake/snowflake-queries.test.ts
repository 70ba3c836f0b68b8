import { describe, expect, it } from 'vitest';
import { columnsQuery, identifier, literal, qualifiedName, showDatabaseQuery, showDatabasesQuery, tablesQuery } from './snowflake-queries.js';

describe('Snowflake queries', () => {
  it('quotes identifiers by doubling quotes, and literals with backslash escapes', () => {
    expect(identifier('My "Db"')).toBe('"My ""Db"""');
    expect(literal("it's a \\ path")).toBe("'it\\'s a \\\\ path'");
    expect(qualifiedName(['D', 'S.x', 'T"'])).toBe('"D"."S.x"."T"""');
  });

  it('pages SHOW DATABASES from the last name, and finds one database with its LIKE wildcards escaped', () => {
    expect(showDatabasesQuery(undefined)).toBe('SHOW DATABASES LIMIT 10000');
    expect(showDatabasesQuery("O'B")).toBe("SHOW DATABASES LIMIT 10000 FROM 'O\\'B'");
    expect(showDatabaseQuery('A_B%')).toBe("SHOW DATABASES LIKE 'A\\\\_B\\\\%'");
  });

  it('reads a whole database, one schema or one table, with bound values', () => {
    expect(tablesQuery('D', 'database')).toMatch(/FROM "D"\.INFORMATION_SCHEMA\.TABLES\nWHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'$/);
    expect(columnsQuery('D', 'schema')).toMatch(/WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_SCHEMA = \?$/);
    expect(columnsQuery('D', 'table')).toMatch(/AND TABLE_SCHEMA = \? AND TABLE_NAME = \?$/);
  });
});
