import { Anchor, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ObjectPath } from '../../api/object-paths';
import { RunObjectSyncModal } from '../../components/run-object-sync-modal';

/** Run Object Sync on the object's subtree (the shared dialog), then a link to the run on the Jobs page. */
export function RunSyncButton({ path }: { path: ObjectPath }) {
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<{ id: string; joined: boolean } | null>(null);
  return (
    <div>
      <Button variant="default" onClick={() => setOpen(true)}>
        Run object sync
      </Button>
      {started && (
        <Text size="sm" role="status" mt={4}>
          {started.joined ? 'Joined a queued sync: ' : 'Sync started: '}
          <Anchor component={Link} to={`/jobs/${encodeURIComponent(started.id)}`}>
            job {started.id}
          </Anchor>
        </Text>
      )}
      {open && <RunObjectSyncModal objectPath={[...path]} onClose={() => setOpen(false)} onStarted={(id, joined) => setStarted({ id, joined })} />}
    </div>
  );
}
