import { Loader, Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/api-client';
import { isWithin } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ChangeTable } from '../../components/change-table';
import { formatTime } from '../../components/format-time';

/** How many of the connection's latest sync runs the history reads, and how many changes of each. */
const RUNS = 5;
const CHANGES_PER_RUN = 1000;

/**
 * Changes sync runs made to this object and below. The API keeps changes per run (not per
 * object), so this reads the latest runs that covered the object and keeps their changes here.
 */
export function ObjectHistory({ object }: { object: Schemas['DataObject'] }) {
  const path = object.objectPath;
  const jobs = useQuery({
    queryKey: ['/jobs', { connectionKey: path[0], size: 50 }],
    queryFn: () => unwrap(api.GET('/jobs', { params: { query: { connectionKey: path[0]!, size: 50 } } })),
  });
  const runs = (jobs.data?.hits ?? []).filter((job) => job.state === 'completed' && (isWithin(path, job.objectPath) || isWithin(job.objectPath, path))).slice(0, RUNS);
  const changes = useQueries({
    queries: runs.map((job) => ({
      queryKey: ['/data/sync-runs/{id}/changes', job.id, { size: CHANGES_PER_RUN }],
      queryFn: () => unwrap(api.GET('/data/sync-runs/{id}/changes', { params: { path: { id: job.id }, query: { size: CHANGES_PER_RUN } } })),
    })),
  });
  if (jobs.isPending || changes.some((c) => c.isPending)) return <Loader aria-label="Loading history" />;
  const error = jobs.error ?? changes.find((c) => c.error)?.error;
  const rows = runs.flatMap((job, i) =>
    (changes[i]?.data?.hits ?? []).filter((c) => isWithin(c.objectPath, path)).map((c) => ({ ...c, at: formatTime(job.finishedAt ?? job.createdAt) })),
  );
  return (
    <>
      <ApiErrorAlert error={error} />
      <Text size="sm" c="dimmed" mb="sm">
        Changes to this object and below in the connection&apos;s last {RUNS} sync runs that covered it.
      </Text>
      {rows.length === 0 ? <Text>No changes recorded.</Text> : <ChangeTable changes={rows} label="History of changes" />}
    </>
  );
}
