import { Anchor, Group, Loader, Pagination, Select, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/api-client';
import { ApiErrorAlert } from '../../components/api-error-alert';
import { formatTime } from '../../components/format-time';
import { isRunning, pollWhile, type Job } from './job-queries';
import { JobCounts, JobProgress, JobState } from './job-summary';

const PAGE = 50;
const STATES = ['created', 'active', 'completed', 'failed', 'cancelled'] as const;

/** Sync runs, newest first, re-read every second while one is running. */
export function JobsPage() {
  const [page, setPage] = useState(1);
  const [state, setState] = useState<Job['state'] | null>(null);
  const query = { offset: (page - 1) * PAGE, size: PAGE, ...(state && { state }) };
  const jobs = useQuery({
    queryKey: ['/jobs', query],
    queryFn: () => unwrap(api.GET('/jobs', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => pollWhile(q.state.data?.hits.some(isRunning) ?? false),
  });
  return (
    <>
      <Title order={1} size="h2" mb="md">
        Jobs
      </Title>
      <Group mb="sm" align="flex-end">
        <Select label="State" data={[...STATES]} value={state} onChange={(v) => { setState(v as Job['state'] | null); setPage(1); }} clearable placeholder="Any" w={160} />
      </Group>
      <ApiErrorAlert error={jobs.error} />
      {jobs.isPending && <Loader aria-label="Loading jobs" />}
      {jobs.data && (
        <>
          <Table aria-label="Sync runs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Run</Table.Th>
                <Table.Th>Object</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th>Progress</Table.Th>
                <Table.Th>Counts</Table.Th>
                <Table.Th>Errors</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {jobs.data.hits.map((job) => (
                <Table.Tr key={job.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/jobs/${encodeURIComponent(job.id)}`} size="sm">
                      {job.id.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{job.objectPath.join(' › ')}</Table.Td>
                  <Table.Td>
                    <JobState job={job} />
                  </Table.Td>
                  <Table.Td>{job.trigger}</Table.Td>
                  <Table.Td>
                    <JobProgress job={job} />
                  </Table.Td>
                  <Table.Td>
                    <JobCounts job={job} />
                  </Table.Td>
                  <Table.Td>{job.errors.length}</Table.Td>
                  <Table.Td>{formatTime(job.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="space-between" mt="sm">
            <Text size="sm">{jobs.data.count.toLocaleString('en')} runs</Text>
            {jobs.data.count > PAGE && <Pagination total={Math.ceil(jobs.data.count / PAGE)} value={page} onChange={setPage} />}
          </Group>
        </>
      )}
    </>
  );
}
