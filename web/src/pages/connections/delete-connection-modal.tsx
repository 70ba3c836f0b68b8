import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Deletes a connection after saying how much of the catalog goes with it. */
export function DeleteConnectionModal({ connection, onClose }: { connection: Schemas['Connection']; onClose(): void }) {
  const client = useQueryClient();
  const remove = useMutation({
    // The JSON-array form: a key is one segment, but this needs no URL encoding rules at all.
    mutationFn: () => unwrap(api.DELETE('/data/object', { body: { objectPath: [connection.connectionKey] } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/data/connection'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`Delete ${connection.connectionKey}?`}>
      <Stack>
        <Text>
          This deletes the connection and {count(connection.objectCount, 'object')} of its catalog, {count(connection.dataSourceCount, 'data source')} among them, with their
          settings, owners and tags. The platform itself is not touched.
        </Text>
        <ApiErrorAlert error={remove.error} title="The connection was not deleted" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            Delete {count(connection.objectCount, 'object')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en')} ${noun}${n === 1 ? '' : 's'}`;
}
