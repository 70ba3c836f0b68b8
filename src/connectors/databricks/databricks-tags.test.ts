import { describe, expect, it } from 'vitest';
import { warehouseIdOf } from './databricks-config.js';
import { TagIndex, tagQuery } from './databricks-tags.js';

describe('Databricks tag reads', () => {
  it('query each view with its name columns, the catalog bound as a parameter, never spliced in', () => {
    const view = { view: 'column_tags', names: ['catalog_name', 'schema_name', 'table_name', 'column_name'] } as const;
    expect(tagQuery(view, false)).toBe('SELECT catalog_name, schema_name, table_name, column_name, tag_name, tag_value FROM system.information_schema.column_tags');
    expect(tagQuery(view, true)).toMatch(/ WHERE catalog_name = :catalog$/);
  });

  it('index tags by exact object path, sorted by name; a path without tags has none', () => {
    const index = new TagIndex();
    index.add(['main', 'sales'], { name: 'z', value: null });
    index.add(['main', 'sales'], { name: 'a', value: '1' });
    index.add(['main', 'sales.x'], { name: 'dotted', value: null });
    expect(index.tagsOf(['main', 'sales'])).toEqual([{ name: 'a', value: '1' }, { name: 'z', value: null }]);
    expect(index.tagsOf(['main.sales'])).toEqual([]);
  });

  it('take the warehouse id from the last segment of httpPath', () => {
    expect(warehouseIdOf('/sql/1.0/warehouses/abc123')).toBe('abc123');
    expect(warehouseIdOf('/sql/1.0/warehouses/abc123/')).toBe('abc123');
  });
});
