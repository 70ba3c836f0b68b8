import { Anchor, Badge, Group, Loader, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { objectUrl } from '../../api/object-paths';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { ChangeTable } from '../../components/change-table';
import { formatTime } from '../../components/format-time';
import { isRunning, pollWhile, type Job } from './job-queries';
import { JobCounts, JobProgress, JobState } from './job-summary';

const CHANGE_PAGE = 100;
const CHANGES = ['added', 'removed', 'restored', 'renamed', 'moved', 'changed', 'conflict', 'tagAdded', 'tagRemoved', 'tagChanged', 'columnRenamed'] as const;
type ChangeKind = (typeof CHANGES)[number];

/** One sync run: live progress and counts, its errors per subtree and uniqueness violations, and its per-object changes. */
export function JobPage() {
  const id = useParams().jobId!;
  const job = useQuery({
    queryKey: ['/jobs/{id}', id],
    queryFn: () => unwrap(api.GET('/jobs/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => pollWhile(q.state.data ? isRunning(q.state.data) : false),
  });
  if (job.isPending) return <Loader aria-label="Loading job" />;
  if (job.error) return <ApiErrorAlert error={job.error} />;
  const run = job.data;
  return (
    <Stack>
      <Anchor component={Link} to="/jobs" size="sm">
        ‹ All jobs
      </Anchor>
      <Title order={1} size="h2">
        Sync run {run.id}
      </Title>
      <Group>
        <JobState job={run} />
        <Anchor component={Link} to={objectUrl(run.objectPath)}>
          {run.objectPath.join(' › ')}
        </Anchor>
        <Text size="sm">
          {run.trigger}
          {run.requestedBy && ` by ${run.requestedBy}`}
          {run.forceRecursiveCrawl && ', also scanning inactive objects'}
        </Text>
      </Group>
      <Text size="sm">
        Created {formatTime(run.createdAt)} · started {formatTime(run.startedAt)} · finished {formatTime(run.finishedAt)}
      </Text>
      <JobProgress job={run} />
      <JobCounts job={run} />
      {run.failureMessage && <ApiErrorAlert error={new Error(run.failureMessage)} title="The run failed" />}
      <RunErrors job={run} />
      <RunChanges job={run} />
    </Stack>
  );
}

function RunErrors({ job }: { job: Job }) {
  if (job.errors.length === 0) return <Text size="sm">No errors.</Text>;
  return (
    <>
      <Title order={2} size="h4">
        Errors ({job.errors.length})
      </Title>
      <Table aria-label="Errors of the run" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Subtree</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Code</Table.Th>
            <Table.Th>Message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {job.errors.map((error, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.objectPath.join(' › ')}</Table.Td>
              <Table.Td>
                <Badge color={error.code === 'OBJECT_UNIQUENESS_VIOLATION' ? 'grape.9' : 'red.9'} tt="none">
                  {error.code === 'OBJECT_UNIQUENESS_VIOLATION' ? 'uniqueness violation' : error.notRead === 'tags' ? 'tags not read' : 'not crawled'}
                </Badge>
              </Table.Td>
              <Table.Td>{error.code}</Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

function RunChanges({ job }: { job: Job }) {
  const [page, setPage] = useState(1);
  const [change, setChange] = useState<ChangeKind | null>(null);
  const query = { offset: (page - 1) * CHANGE_PAGE, size: CHANGE_PAGE, ...(change && { change }) };
  const changes = useQuery({
    queryKey: ['/data/sync-runs/{id}/changes', job.id, query, job.state],
    queryFn: () => unwrap(api.GET('/data/sync-runs/{id}/changes', { params: { path: { id: job.id }, query } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          Changes {changes.data && `(${changes.data.count.toLocaleString('en')})`}
        </Title>
        <Select label="Change" data={[...CHANGES]} value={change} onChange={(v) => { setChange(v as ChangeKind | null); setPage(1); }} clearable placeholder="Any" w={180} />
      </Group>
      <ApiErrorAlert error={changes.error} />
      {changes.data && (
        <>
          {changes.data.hits.length === 0 ? <Text size="sm">No changes.</Text> : <ChangeTable changes={changes.data.hits} label="Changes of the run" />}
          {changes.data.count > CHANGE_PAGE && <Pagination total={Math.ceil(changes.data.count / CHANGE_PAGE)} value={page} onChange={setPage} />}
        </>
      )}
    </>
  );
}
