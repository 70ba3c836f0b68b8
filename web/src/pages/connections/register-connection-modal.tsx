import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, unwrap, type RequestBody } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { useTechnologies, type AuthenticationOption } from './connection-technologies';
import { SchemaFields } from './schema-fields';
import { initialValues, payloadOf, type FormValues } from './schema-values';

interface RegisterConnectionModalProps {
  opened: boolean;
  onClose(): void;
  onRegistered(connectionKey: string): void;
}

/**
 * Registers a connection with a form built from the chosen technology's schema. "Check
 * credentials" is the API's dry run (validated against the platform, nothing stored);
 * "Register" validates the same way before it stores anything, then starts the first sync.
 */
export function RegisterConnectionModal({ opened, onClose, onRegistered }: RegisterConnectionModalProps) {
  const technologies = useTechnologies();
  const client = useQueryClient();
  const [technology, setTechnology] = useState<string | null>(null);
  const [authName, setAuthName] = useState<string | null>(null);
  const [connectionKey, setConnectionKey] = useState('');
  const [values, setValues] = useState<FormValues>({});

  const options = technologies.data?.find((t) => t.name === technology)?.authentications ?? [];
  const authentication: AuthenticationOption | undefined = options.find((a) => a.name === authName) ?? options[0];
  const body = () => ({
    connectionKey: connectionKey.trim(),
    // Built from the schema at run time, so not provably one branch of the generated union.
    connection: { technology: technology!, authenticationType: authentication!.name, ...payloadOf(authentication!.schema, values) } as RequestBody<'/data/connection', 'post'>['connection'],
  });

  const dryRun = useMutation({ mutationFn: () => unwrap(api.POST('/data/connection', { params: { query: { dryRun: true } }, body: body() })) });
  const register = useMutation({
    mutationFn: () => unwrap(api.POST('/data/connection', { body: body() })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['/data/connection'] });
      onRegistered(connectionKey.trim());
      reset();
    },
  });

  const reset = () => {
    setTechnology(null);
    setAuthName(null);
    setConnectionKey('');
    setValues({});
    dryRun.reset();
    register.reset();
  };
  const chooseTechnology = (name: string | null) => {
    setTechnology(name);
    const first = technologies.data?.find((t) => t.name === name)?.authentications[0];
    setAuthName(first?.name ?? null);
    setValues(first ? initialValues(first.schema) : {});
    dryRun.reset();
  };
  const chooseAuthentication = (name: string | null) => {
    setAuthName(name);
    const chosen = options.find((a) => a.name === name);
    setValues(chosen ? initialValues(chosen.schema) : {});
    dryRun.reset();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Add a connection" size="lg">
      <form onSubmit={submit}>
        <Stack>
          <ApiErrorAlert error={technologies.error} title="The technologies could not be loaded" />
          <Select label="Technology" required data={technologies.data?.map((t) => t.name) ?? []} value={technology} onChange={chooseTechnology} />
          {technology && options.length > 1 && (
            <Select label="Authentication" required data={options.map((a) => ({ value: a.name, label: `${a.name}: ${a.description}` }))} value={authentication?.name ?? null} onChange={chooseAuthentication} />
          )}
          {authentication && (
            <>
              <TextInput label="Connection key" description="Its name in Warden: letters, digits, space, - and _" required value={connectionKey} onChange={(event) => setConnectionKey(event.currentTarget.value)} />
              <SchemaFields schema={authentication.schema} values={values} onChange={setValues} editing={false} />
            </>
          )}
          <ApiErrorAlert error={dryRun.error} title="The check failed" />
          <ApiErrorAlert error={register.error} title="The connection was not registered" />
          {dryRun.isSuccess && (
            <Alert color="green" title="The credentials work" role="status">
              Warden reached the platform and signed in. Nothing was saved yet.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => dryRun.mutate()} loading={dryRun.isPending} disabled={!authentication}>
              Check credentials
            </Button>
            <Button type="submit" loading={register.isPending} disabled={!authentication}>
              Register
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
