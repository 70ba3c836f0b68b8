import { describe, expect, it } from 'vitest';
import { mapContainers, mapTables } from './databricks-mapper.js';

describe('the Databricks mapper', () => {
  it('takes catalog id and schema_id as stable ids', () => {
    expect(mapContainers([{ name: 'main', id: 'c-1', comment: 'x' }], 'catalog')).toEqual([{ name: 'main', kind: 'catalog', stableId: 'c-1', comment: 'x' }]);
    expect(mapContainers([{ name: 'sales', schema_id: 's-1' }], 'schema')).toEqual([{ name: 'sales', kind: 'schema', stableId: 's-1', comment: null }]);
    expect(mapContainers([{ name: 'no_id' }], 'catalog')[0]!.stableId).toBeNull();
  });

  it('maps every Unity Catalog table type to a leaf kind, and an unknown one to table', () => {
    const kinds = ['MANAGED', 'EXTERNAL', 'VIEW', 'MATERIALIZED_VIEW', 'STREAMING_TABLE', 'FOREIGN', 'METRIC_VIEW', 'MANAGED_SHALLOW_CLONE', 'SOMETHING_NEW'].map(
      (table_type) => mapTables([{ name: 't', table_type }])[0]!.kind,
    );
    expect(kinds).toEqual(['table', 'externalTable', 'view', 'materializedView', 'streamingTable', 'foreignTable', 'metricView', 'table', 'table']);
  });

  it('numbers 0-based positions from 1, orders by them, and keeps type_text, nullability and comments', () => {
    const [table] = mapTables([
      {
        name: 'orders',
        table_id: 't-1',
        columns: [
          { name: 'amount', type_text: 'decimal(10,2)', type_name: 'DECIMAL', position: 1, nullable: false, comment: 'EUR' },
          { name: 'id', type_text: 'bigint', position: 0 },
        ],
      },
    ]);
    expect(table!.stableId).toBe('t-1');
    expect(table!.columns).toEqual([
      { name: 'id', ordinal: 1, type: 'bigint', nullable: true, defaultValue: null, generated: null, comment: null },
      { name: 'amount', ordinal: 2, type: 'decimal(10,2)', nullable: false, defaultValue: null, generated: null, comment: 'EUR' },
    ]);
  });

  it('leaves columns absent when the listing has none (a BROWSE-only table)', () => {
    expect(mapTables([{ name: 'v', table_type: 'VIEW' }])[0]).not.toHaveProperty('columns');
  });
});
