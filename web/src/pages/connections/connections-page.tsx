import { ActionIcon, Alert, Anchor, Badge, Button, Group, Menu, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../../api/api-client';
import { useSession } from '../../api/session';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formatTime } from '../../components/format-time';
import { RunObjectSyncModal } from '../../components/run-object-sync-modal';
import { DeleteConnectionModal } from './delete-connection-modal';
import { EditConnectionModal } from './edit-connection-modal';
import { RegisterConnectionModal } from './register-connection-modal';

type Connection = Schemas['Connection'];

const STATE_COLORS: Record<Connection['state'], string> = { ACTIVE: 'green.9', INACTIVE: 'gray.7', UNHEALTHY: 'red.9' };

/** Connections: the registered platforms, their state, health and last sync; register, edit, check and delete. */
export function ConnectionsPage() {
  const connections = useQuery({ queryKey: ['/data/connection'], queryFn: () => unwrap(api.GET('/data/connection')) });
  const session = useSession();
  const admin = session.data?.user.permissions.includes('APPLICATION_ADMIN') ?? false;
  const [adding, setAdding] = useState(false);
  const [registered, setRegistered] = useState<string | null>(null);
  const [editing, setEditing] = useState<Connection | null>(null);
  const [deleting, setDeleting] = useState<Connection | null>(null);
  const [syncing, setSyncing] = useState<Connection | null>(null);
  const [started, setStarted] = useState<string | null>(null);

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1} size="h2">
          Connections
        </Title>
        {admin && <Button onClick={() => setAdding(true)}>Add connection</Button>}
      </Group>
      {registered && (
        <Alert color="green" title="Connection registered" role="status" withCloseButton onClose={() => setRegistered(null)} mb="md">
          {registered} is registered; its first object sync is running.
        </Alert>
      )}
      {started && (
        <Alert color="blue" title="Object sync started" role="status" withCloseButton onClose={() => setStarted(null)} mb="md">
          {started}
        </Alert>
      )}
      <ApiErrorAlert error={connections.error} title="The connections could not be loaded" />
      <Table striped highlightOnHover aria-label="Connections">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Key</Table.Th>
            <Table.Th>Technology</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Health</Table.Th>
            <Table.Th>Last sync</Table.Th>
            <Table.Th>Objects / data sources</Table.Th>
            {admin && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {connections.data?.map((connection) => (
            <ConnectionRow key={connection.connectionKey} connection={connection} admin={admin} onEdit={() => setEditing(connection)} onSync={() => setSyncing(connection)} onDelete={() => setDeleting(connection)} />
          ))}
        </Table.Tbody>
      </Table>
      {connections.data?.length === 0 && <Text mt="md">No connections yet.{admin && ' Add one to start governing a platform.'}</Text>}
      <RegisterConnectionModal
        opened={adding}
        onClose={() => setAdding(false)}
        onRegistered={(key) => {
          setAdding(false);
          setRegistered(key);
        }}
      />
      {editing && <EditConnectionModal connection={editing} onClose={() => setEditing(null)} />}
      {deleting && <DeleteConnectionModal connection={deleting} onClose={() => setDeleting(null)} />}
      {syncing && (
        <RunObjectSyncModal
          objectPath={[syncing.connectionKey]}
          onClose={() => setSyncing(null)}
          onStarted={(id, joined) => setStarted(joined ? `${syncing.connectionKey}: joined the sync already running (${id}).` : `${syncing.connectionKey}: sync ${id} is queued; the Jobs page follows it.`)}
        />
      )}
    </>
  );
}

interface ConnectionRowProps {
  connection: Connection;
  admin: boolean;
  onEdit(): void;
  onSync(): void;
  onDelete(): void;
}

function ConnectionRow({ connection, admin, onEdit, onSync, onDelete }: ConnectionRowProps) {
  const client = useQueryClient();
  const check = useMutation({
    mutationFn: () => unwrap(api.POST('/data/connection/{connectionKey}/test', { params: { path: { connectionKey: connection.connectionKey } } })),
    onSettled: () => client.invalidateQueries({ queryKey: ['/data/connection'] }),
  });
  const run = connection.lastSyncRun;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/objects/${encodeURIComponent(connection.connectionKey)}`}>
          {connection.connectionKey}
        </Anchor>
      </Table.Td>
      <Table.Td>{connection.technology}</Table.Td>
      <Table.Td>
        <Badge color={STATE_COLORS[connection.state]}>{connection.state}</Badge>
      </Table.Td>
      <Table.Td>
        {connection.health ? (
          <>
            <Text size="sm">{connection.health.status}</Text>
            {connection.health.message && <Text size="xs">{connection.health.message}</Text>}
          </>
        ) : (
          <Text size="sm">not checked</Text>
        )}
        <ApiErrorAlert error={check.error} title="The check failed" />
      </Table.Td>
      <Table.Td>
        {run ? (
          <>
            <Text size="sm">{run.state}</Text>
            <Text size="xs">{formatTime(run.finishedAt ?? run.startedAt ?? run.createdAt)}</Text>
          </>
        ) : (
          <Text size="sm">never</Text>
        )}
      </Table.Td>
      <Table.Td>
        {connection.objectCount.toLocaleString('en')} / {connection.dataSourceCount.toLocaleString('en')}
      </Table.Td>
      {admin && (
        <Table.Td>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="default" aria-label={`Actions for ${connection.connectionKey}`} loading={check.isPending}>
                ⋮
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onSync}>Run object sync</Menu.Item>
              <Menu.Item onClick={onEdit}>Edit or rotate credentials</Menu.Item>
              <Menu.Item onClick={() => check.mutate()}>Check credentials now</Menu.Item>
              <Menu.Item color="red" onClick={onDelete}>
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
