import { Badge, Code, Table } from '@mantine/core';
import type { Schemas } from '../api/api-client';
import type { paths } from '../api/openapi-types';

export type SyncChange = paths['/data/sync-runs/{id}/changes']['get']['responses']['200']['content']['application/json']['hits'][number];

const COLOR: Record<string, string> = { added: 'teal.9', removed: 'red.9', restored: 'teal.9', conflict: 'grape.9' };

/** Per-object changes of sync runs; `at` adds the run's time when rows come from several runs. */
export function ChangeTable({ changes, label }: { changes: readonly (SyncChange & { at?: string })[]; label: string }) {
  const withTime = changes.some((c) => c.at !== undefined);
  return (
    <Table aria-label={label} striped layout="fixed">
      <Table.Thead>
        <Table.Tr>
          {withTime && <Table.Th w={190}>Sync run</Table.Th>}
          <Table.Th w={130}>Change</Table.Th>
          <Table.Th>Object</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c, i) => (
          <Table.Tr key={`${c.at ?? ''}${i}`}>
            {withTime && <Table.Td>{c.at}</Table.Td>}
            <Table.Td>
              <Badge color={COLOR[c.change] ?? 'dark'} tt="none">
                {c.change}
              </Badge>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.objectPath.join(' › ')}</Table.Td>
            <Table.Td>{c.details && <Code block>{JSON.stringify(c.details, null, 1)}</Code>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export type Job = Schemas['Job'];
