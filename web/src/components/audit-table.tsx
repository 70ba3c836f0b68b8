import { Code, Group, Loader, Pagination, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/api-client';
import { ApiErrorAlert } from './api-error-alert';
import { formatTime } from './format-time';

export interface AuditFilters {
  /** URL form: each name percent-encoded, joined with "/". */
  objectPath?: string;
  actor?: string;
  from?: string;
  to?: string;
}

const PAGE = 50;

function compact(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** Audit entries, newest first, one server page at a time. */
export function AuditTable({ filters }: { filters: AuditFilters }) {
  const [page, setPage] = useState(1);
  const query = { ...filters, offset: (page - 1) * PAGE, size: PAGE };
  const audit = useQuery({ queryKey: ['/audit', query], queryFn: () => unwrap(api.GET('/audit', { params: { query } })), placeholderData: keepPreviousData });
  if (audit.isPending) return <Loader aria-label="Loading audit" />;
  if (audit.error) return <ApiErrorAlert error={audit.error} />;
  const { count, hits } = audit.data;
  return (
    <>
      <Table aria-label="Audit entries" striped layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>When</Table.Th>
            <Table.Th w={140}>Actor</Table.Th>
            <Table.Th w={160}>Action</Table.Th>
            <Table.Th>Object</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hits.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td>{formatTime(entry.at)}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.actor}</Table.Td>
              <Table.Td>{entry.action}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{entry.objectPath?.join(' › ') ?? entry.target ?? ''}</Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{compact(entry.before)}</Code>
              </Table.Td>
              <Table.Td>
                <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{compact(entry.after)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm">
        <Text size="sm">{count.toLocaleString('en')} entries</Text>
        {count > PAGE && <Pagination total={Math.ceil(count / PAGE)} value={page} onChange={setPage} getControlProps={(control) => ({ 'aria-label': `${control} page` })} />}
      </Group>
    </>
  );
}
