import { describe, expect, it } from 'vitest';
import { TagIndex, mapDatabases, mapSnowflakeLeaves, mapSnowflakeSchemas, schemaIds, snowflakeType, tableIds, type SnowflakeColumnRow, type SnowflakeTableRow } from './snowflake-mapper.js';

const table = (schema: string, name: string, type = 'BASE TABLE', created = 1_000, flags: [string, string] = ['NO', 'NO']): SnowflakeTableRow => [
  schema,
  name,
  type,
  ...flags,
  null,
  created,
];
const column = (schema: string, tableName: string, name: string, ordinal: number): SnowflakeColumnRow => [schema, tableName, name, ordinal, 'TEXT', 20, null, null, 'YES', null, ''];

describe('Snowflake mapper', () => {
  it('leaves the SNOWFLAKE system database out of the databases and reads an empty comment as none', () => {
    const row = (name: string, comment: string) => ['1.0', name, 'N', 'N', '', 'SYSADMIN', comment, '', '1', 'STANDARD'];
    expect(mapDatabases([row('SNOWFLAKE', ''), row('SALES', ''), row('HR', 'people')])).toEqual([
      { name: 'SALES', kind: 'database', stableId: null, comment: null },
      { name: 'HR', kind: 'database', stableId: null, comment: 'people' },
    ]);
  });

  it('writes types as DESCRIBE does', () => {
    expect(snowflakeType('TEXT', 20, null, null)).toBe('VARCHAR(20)');
    expect(snowflakeType('NUMBER', null, 38, 0)).toBe('NUMBER(38,0)');
    expect(snowflakeType('TIMESTAMP_NTZ', null, null, null)).toBe('TIMESTAMP_NTZ');
  });

  it('keeps one schema, orders columns, refines BASE TABLE by IS_DYNAMIC / IS_ICEBERG, drops temporary tables', () => {
    const tables = [table('S', 'T'), table('S', 'D', 'BASE TABLE', 1, ['YES', 'NO']), table('S', 'I', 'BASE TABLE', 1, ['NO', 'YES']), table('S', 'TMP', 'TEMPORARY TABLE'), table('OTHER', 'X')];
    const leaves = mapSnowflakeLeaves('S', tables, [column('S', 'T', 'B', 2), column('S', 'T', 'A', 1), column('OTHER', 'X', 'Z', 1)], undefined, undefined);
    expect(leaves.map((leaf) => [leaf.name, leaf.kind])).toEqual([
      ['T', 'table'],
      ['D', 'dynamicTable'],
      ['I', 'icebergTable'],
    ]);
    expect(leaves[0]!.columns!.map((c) => [c.name, c.type, c.comment])).toEqual([
      ['A', 'VARCHAR(20)', null],
      ['B', 'VARCHAR(20)', null],
    ]);
    expect(leaves[0]!.tags).toBeUndefined();
  });

  it('takes an ACCOUNT_USAGE id only for the table of that name created at the same instant', () => {
    const ids = tableIds([
      ['S', 'SAME', 11, 1_000],
      ['S', 'REPLACED', 12, 999],
    ]);
    const leaves = mapSnowflakeLeaves('S', [table('S', 'SAME'), table('S', 'REPLACED'), table('S', 'NEW')], [], ids, undefined);
    expect(leaves.map((leaf) => leaf.stableId)).toEqual(['11', null, null]);
  });

  it('takes a schema id the same way, and reads an empty comment as none', () => {
    const schemas = mapSnowflakeSchemas([['S', '', 5], ['NEWER', 'c', 9]], schemaIds([['S', 3, 5], ['NEWER', 4, 8]]), undefined);
    expect(schemas).toEqual([
      { name: 'S', kind: 'schema', stableId: '3', comment: null },
      { name: 'NEWER', kind: 'schema', stableId: null, comment: 'c' },
    ]);
  });

  it('indexes ACCOUNT_USAGE tag references by object and names tags DB.SCHEMA.TAG, sorted', () => {
    const index = TagIndex.fromReferences([
      ['TABLE', 'S', 'T', null, 'GOV', 'TAGS', 'TIER', 'gold'],
      ['TABLE', 'S', 'T', null, 'GOV', 'TAGS', 'DOMAIN', null],
      ['COLUMN', 'S', 'T', 'EMAIL', 'GOV', 'TAGS', 'PII', 'email'],
      ['SCHEMA', null, 'S', null, 'GOV', 'TAGS', 'OWNER', 'a'],
    ]);
    const [leaf] = mapSnowflakeLeaves('S', [table('S', 'T')], [column('S', 'T', 'EMAIL', 1), column('S', 'T', 'ID', 2)], undefined, index);
    expect(leaf!.tags).toEqual([
      { name: 'GOV.TAGS.DOMAIN', value: null },
      { name: 'GOV.TAGS.TIER', value: 'gold' },
    ]);
    expect(leaf!.columns!.map((c) => [c.name, c.tags])).toEqual([
      ['EMAIL', [{ name: 'GOV.TAGS.PII', value: 'email' }]],
      ['ID', []],
    ]);
    expect(index.of('S')).toEqual([{ name: 'GOV.TAGS.OWNER', value: 'a' }]);
  });
});
