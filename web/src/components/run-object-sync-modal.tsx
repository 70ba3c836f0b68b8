import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../api/api-client';
import { ApiErrorAlert } from './api-error-alert';

interface RunObjectSyncModalProps {
  /** The object to sync from, connection key first. */
  objectPath: string[];
  onClose(): void;
  /** Called with the sync run's id once it is queued (or joined to one already running). */
  onStarted?(syncRunId: string, joined: boolean): void;
}

/** "Run Object Sync" as the guide has it: sync an object's subtree now, optionally descending into inactive objects too. */
export function RunObjectSyncModal({ objectPath, onClose, onStarted }: RunObjectSyncModalProps) {
  const client = useQueryClient();
  const [scanInactive, setScanInactive] = useState(false);
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/data/crawl', { body: { objectPath, forceRecursiveCrawl: scanInactive } })),
    onSuccess: async (started) => {
      await client.invalidateQueries({ queryKey: ['/jobs'] });
      await client.invalidateQueries({ queryKey: ['/data/connection'] });
      onStarted?.(started.syncRunId, started.joined);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title="Run object sync">
      <Stack>
        <Text>
          Reads <strong>{objectPath.join(' / ')}</strong> and everything below it from the platform now.
        </Text>
        <Checkbox label="Also scan all inactive objects" checked={scanInactive} onChange={(event) => setScanInactive(event.currentTarget.checked)} />
        <ApiErrorAlert error={run.error} title="The sync was not started" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => run.mutate()} loading={run.isPending}>
            Run Object Sync
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
