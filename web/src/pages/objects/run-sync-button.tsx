import { Anchor, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import type { ObjectPath } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';

/** Run Object Sync on the subtree, optionally also scanning inactive (disabled) objects. */
export function RunSyncButton({ path }: { path: ObjectPath }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [inactive, setInactive] = useState(false);
  const client = useQueryClient();
  const run = useMutation({
    mutationFn: () => unwrap(api.POST('/data/crawl', { body: { objectPath: [...path], forceRecursiveCrawl: inactive } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['/jobs'] }),
  });
  return (
    <>
      <Button variant="default" onClick={open}>
        Run object sync
      </Button>
      {run.data && (
        <Text size="sm" role="status" ml="sm">
          {run.data.joined ? 'Joined a queued sync: ' : 'Sync started: '}
          <Anchor component={Link} to={`/jobs/${encodeURIComponent(run.data.syncRunId)}`}>
            job {run.data.syncRunId}
          </Anchor>
        </Text>
      )}
      <Modal opened={opened} onClose={close} title="Run Object Sync" closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack>
          <Text size="sm">Reads this object and everything below it from the platform again.</Text>
          <Checkbox label="Also scan all inactive objects" checked={inactive} onChange={(e) => setInactive(e.currentTarget.checked)} />
          <ApiErrorAlert error={run.error} title="The sync did not start" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button onClick={() => run.mutate(undefined, { onSuccess: close })} loading={run.isPending}>
              Run Object Sync
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
