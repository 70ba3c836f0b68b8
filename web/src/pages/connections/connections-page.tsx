import { Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Connections: the registered platforms with their state and health. */
export function ConnectionsPage() {
  const connections = useQuery({ queryKey: ['/data/connection'], queryFn: () => unwrap(api.GET('/data/connection')) });
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Connections
      </Title>
      <ApiErrorAlert error={connections.error} />
      <Table striped aria-label="Connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Technology</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.data?.map((connection) => (
            <Table.Tr key={connection.connectionKey}>
              <Table.Td>{connection.connectionKey}</Table.Td>
              <Table.Td>{connection.technology}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
