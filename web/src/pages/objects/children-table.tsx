import { Anchor, Box, Group, Loader, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/api-client';
import { objectUrl, type ObjectPath } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { SettingText, StatusPill } from '../../components/status-pill';
import { TagList } from '../../components/tag-list';
import { usePagedRows } from '../../components/use-paged-rows';

type Child = Schemas['ObjectSummary'];

const PAGE_SIZE = 200;
const ROW_HEIGHT = 49;
const KINDS = ['connection', 'database', 'catalog', 'schema', 'table', 'view', 'materializedView', 'partitionedTable', 'foreignTable'];

/** A visible row: its position in the whole list, and the child once its page has loaded. */
interface VisibleRow {
  index: number;
  child: Child;
}

const column = createColumnHelper<VisibleRow>();
const COLUMNS = [
  column.accessor((r) => r.child.objectPath.at(-1)!, {
    id: 'name',
    header: 'Name',
    cell: (info) => (
      <Anchor component={Link} to={objectUrl(info.row.original.child.objectPath)} size="sm">
        {info.getValue()}
      </Anchor>
    ),
  }),
  column.accessor((r) => r.child.kind, { id: 'kind', header: 'Kind' }),
  column.display({ id: 'status', header: 'Status', cell: (info) => <StatusPill object={info.row.original.child} /> }),
  column.display({
    id: 'newChildren',
    header: 'New children',
    cell: (info) => {
      const c = info.row.original.child;
      return c.dataSourceName === undefined ? (
        <SettingText value={c.settings.activateNewChildren} inherited={c.overrides.activateNewChildren === undefined} on="Enable" off="Disable" />
      ) : null;
    },
  }),
  column.display({
    id: 'dataSource',
    header: 'Data source',
    cell: (info) => (info.row.original.child.dataSourceId === undefined ? null : <Text size="sm">#{info.row.original.child.dataSourceId}</Text>),
  }),
  column.accessor((r) => r.child.childCount, { id: 'children', header: 'Children', cell: (info) => (info.row.original.child.dataSourceName === undefined ? info.getValue() : null) }),
  column.display({ id: 'tags', header: 'Tags', cell: (info) => <TagList tags={info.row.original.child.tags} label={`Tags of ${info.row.original.child.objectPath.at(-1)}`} /> }),
];

const CORE_ROW_MODEL = getCoreRowModel<VisibleRow>();

interface Filters {
  state: 'active' | 'inactive' | null;
  kind: string | null;
  removed: 'present' | 'removed' | null;
  tag: string;
  searchText: string;
}

/**
 * The children of an object (the connections at the top) with server-side filters and paging:
 * one virtualised table, a few dozen rows in the DOM however many children there are.
 */
export function ChildrenTable({ path }: { path: ObjectPath }) {
  const [filters, setFilters] = useState<Filters>({ state: null, kind: null, removed: null, tag: '', searchText: '' });
  const [debounced] = useDebouncedValue(filters, 250);
  const body = useMemo(
    () => ({
      ...(path.length > 0 && { objectPath: [...path] }),
      ...(debounced.state && { state: debounced.state }),
      ...(debounced.kind && { kind: debounced.kind }),
      ...(debounced.removed && { removed: debounced.removed === 'removed' }),
      ...(debounced.tag.trim() && { tags: [debounced.tag.trim()] }),
      ...(debounced.searchText.trim() && { searchText: debounced.searchText.trim() }),
    }),
    [path, debounced],
  );

  const scrollRef = useRef<HTMLDivElement>(null);
  // The first page alone gives the count the virtualiser needs (the same query usePagedRows reads).
  const fetchPage = (offset: number, size: number) => unwrap(api.POST('/data/object/search', { body: { ...body, offset, size } }));
  const first = useQuery({ queryKey: ['/data/object/search', body, { page: 0, pageSize: PAGE_SIZE }], queryFn: () => fetchPage(0, PAGE_SIZE), staleTime: 30_000 });
  const count = first.data?.count ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: useCallback(() => scrollRef.current, []), estimateSize: useCallback(() => ROW_HEIGHT, []), overscan: 12 });
  const items = virtualizer.getVirtualItems();
  // Other filters or another object: back to the first row.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [body]);
  const rows = usePagedRows<Child>(['/data/object/search', body], PAGE_SIZE, items, fetchPage);

  const loaded = items.flatMap((item) => {
    const child = rows.row(item.index);
    return child ? [{ index: item.index, child }] : [];
  });
  // manualPagination: the server pages. Without it every new `loaded` array would reset the
  // table's page index, a state change that renders again with a new array: a render loop.
  const table = useReactTable({ data: loaded, columns: COLUMNS, getCoreRowModel: CORE_ROW_MODEL, getRowId: (r) => String(r.index), manualPagination: true });
  const headers = table.getHeaderGroups()[0]!.headers;
  const rowAt = new Map(table.getRowModel().rows.map((row) => [row.original.index, row]));
  const set = <K extends keyof Filters>(key: K) => (value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items.at(-1)!.end : 0;

  return (
    <>
      <Group mb="sm" align="flex-end" wrap="wrap">
        <TextInput label="Search names" value={filters.searchText} onChange={(e) => set('searchText')(e.currentTarget.value)} w={200} />
        <Select label="State" data={[{ value: 'active', label: 'Enabled' }, { value: 'inactive', label: 'Disabled' }]} value={filters.state} onChange={(v) => set('state')(v as Filters['state'])} clearable placeholder="Any" w={130} />
        <Select label="Kind" data={KINDS} value={filters.kind} onChange={set('kind')} clearable placeholder="Any" w={170} />
        <Select label="Removed" data={[{ value: 'present', label: 'Present' }, { value: 'removed', label: 'Removed' }]} value={filters.removed} onChange={(v) => set('removed')(v as Filters['removed'])} clearable placeholder="Any" w={130} />
        <TextInput label="Tag" value={filters.tag} onChange={(e) => set('tag')(e.currentTarget.value)} w={160} />
        <Text size="sm" aria-live="polite" pb={6}>
          {rows.count === undefined ? '' : `${rows.count.toLocaleString('en')} ${rows.count === 1 ? 'object' : 'objects'}`}
        </Text>
      </Group>
      <ApiErrorAlert error={rows.error} />
      <Box ref={scrollRef} h="calc(100vh - 330px)" mih={320} style={{ overflow: 'auto' }} tabIndex={0} role="region" aria-label="Children (scrollable)" data-testid="children-scroll">
        <Table aria-label="Children" aria-rowcount={count + 1} stickyHeader layout="fixed" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr aria-rowindex={1}>
              {headers.map((header) => (
                <Table.Th key={header.id} w={header.id === 'name' ? '24%' : header.id === 'tags' ? '20%' : undefined}>
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {paddingTop > 0 && <tr aria-hidden style={{ height: paddingTop }} />}
            {items.map((item) => {
              const row = rowAt.get(item.index);
              return (
                <Table.Tr key={item.key} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                  {row ? (
                    row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </Table.Td>
                    ))
                  ) : (
                    <Table.Td colSpan={headers.length}>
                      <Loader size="xs" aria-label="Loading rows" />
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
            {paddingBottom > 0 && <tr aria-hidden style={{ height: paddingBottom }} />}
          </Table.Tbody>
        </Table>
        {rows.count === 0 && (
          <Text p="md" c="dimmed">
            No objects match.
          </Text>
        )}
      </Box>
    </>
  );
}
