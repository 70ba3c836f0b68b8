import { Code, Table, Text } from '@mantine/core';
import type { Schemas } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { TagList } from '../../components/tag-list';
import { AddTagForm, useRemoveTag } from './tag-form';

/** The data dictionary: one row per column with its type, default, comment and tags. */
export function ObjectDictionary({ object }: { object: Schemas['DataObject'] }) {
  const columns = object.columns ?? [];
  const remove = useRemoveTag(object.objectPath);
  return (
    <>
      <AddTagForm path={object.objectPath} columns={columns.map((c) => c.name)} />
      <ApiErrorAlert error={remove.error} title="The tag was not removed" />
      <Table aria-label="Data dictionary" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>Column</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Nullable</Table.Th>
            <Table.Th>Default</Table.Th>
            <Table.Th>Comment</Table.Th>
            <Table.Th>Tags</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c) => (
            <Table.Tr key={c.name}>
              <Table.Td>{c.ordinal}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{c.name}</Table.Td>
              <Table.Td>
                <Code>{c.type}</Code>
              </Table.Td>
              <Table.Td>{c.nullable ? 'yes' : 'no'}</Table.Td>
              <Table.Td>{c.generated ? `generated${c.generated.stored ? ' (stored)' : ''}: ${c.generated.expression}` : (c.defaultValue ?? '')}</Table.Td>
              <Table.Td>{c.comment ?? ''}</Table.Td>
              <Table.Td>
                <TagList tags={c.tags} label={`Tags of column ${c.name}`} onRemove={(tag) => remove.mutate({ tag, column: c.name })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {columns.length === 0 && (
        <Text c="dimmed" p="md">
          No columns.
        </Text>
      )}
    </>
  );
}
