import { Anchor, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../../api/api-client';
import { formatTime } from '../../components/format-time';

/** Path, kind, state, data source name and id, stable id, last sync. */
export function ObjectOverview({ object }: { object: Schemas['DataObject'] }) {
  const rows: [string, ReactNode][] = [
    ['Path', object.objectPath.join(' › ')],
    ['Kind', object.kind],
    ['Technology', object.technology],
    ['State', `${object.state}${object.removed ? ` (removed ${object.removedAt ? formatTime(object.removedAt) : ''})` : ''}`],
    ['Data source name', object.dataSourceName ?? '—'],
    ['Data source id', object.dataSourceId ?? (object.dataSourceName === undefined ? '—' : 'not a data source (disabled)')],
    ['Stable id', object.stableId ?? '—'],
    ['Comment', object.comment ?? '—'],
    ['Children', object.dataSourceName === undefined ? object.childCount : '—'],
    [
      'Last sync',
      object.lastSync ? (
        <Anchor component={Link} to={`/jobs/${encodeURIComponent(object.lastSync.syncRunId)}`} size="sm">
          {formatTime(object.lastSync.at)}
        </Anchor>
      ) : (
        'never'
      ),
    ],
    ['Created', formatTime(object.createdAt)],
    ['Updated', formatTime(object.updatedAt)],
  ];
  return (
    <Table aria-label="Overview" withRowBorders={false} maw={900}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180} scope="row">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
