import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap, type Schemas } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { useTechnologies } from './connection-technologies';
import { SchemaFields } from './schema-fields';
import { initialValues, payloadOf, type FormValues } from './schema-values';

/**
 * Edits a connection's details or rotates its credentials: the same generated form, filled with
 * the stored details; a secret left empty is kept. The server checks the result against the
 * platform before it saves (and asks for the secrets again when the host or TLS changes).
 */
export function EditConnectionModal({ connection, onClose }: { connection: Schemas['Connection']; onClose(): void }) {
  const technologies = useTechnologies();
  const client = useQueryClient();
  const authName = String(connection.connection.authenticationType ?? '');
  const authentication = technologies.data?.find((t) => t.name === connection.technology)?.authentications.find((a) => a.name === authName);
  const [values, setValues] = useState<FormValues | null>(null);
  const current = values ?? (authentication ? initialValues(authentication.schema, connection.connection) : {});

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/data/connection/{connectionKey}', {
          params: { path: { connectionKey: connection.connectionKey } },
          body: { connection: authentication ? payloadOf(authentication.schema, current) : {} },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/data/connection'] });
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={`Edit ${connection.connectionKey}`} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {connection.technology}, {authName}. Secrets are not shown; leave them empty to keep them.
          </Text>
          <ApiErrorAlert error={technologies.error} title="The technologies could not be loaded" />
          {authentication && <SchemaFields schema={authentication.schema} values={current} onChange={setValues} editing />}
          <ApiErrorAlert error={save.error} title="The connection was not changed" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!authentication}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
