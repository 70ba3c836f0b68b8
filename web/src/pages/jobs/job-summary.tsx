import { Badge, Group, Progress, Text } from '@mantine/core';
import { isRunning, type Job } from './job-queries';

const STATE_COLOR: Record<Job['state'], string> = { created: 'gray.8', active: 'blue.9', completed: 'teal.9', failed: 'red.9', cancelled: 'dark' };

export function JobState({ job }: { job: Job }) {
  return (
    <Badge color={STATE_COLOR[job.state]} variant="filled">
      {job.state}
    </Badge>
  );
}

/** Live progress of a run: containers listed and objects seen (the total is unknown until it ends). */
export function JobProgress({ job }: { job: Job }) {
  return (
    <div>
      {isRunning(job) && <Progress value={100} animated striped size="sm" aria-label={`Sync run ${job.id} in progress`} mb={4} />}
      <Text size="xs">
        {job.progress.containersListed.toLocaleString('en')} containers listed, {job.progress.objectsSeen.toLocaleString('en')} objects seen
      </Text>
    </div>
  );
}

const COUNT_LABELS: [keyof Job['counts'], string][] = [
  ['added', 'added'],
  ['removed', 'removed'],
  ['restored', 'restored'],
  ['renamed', 'renamed'],
  ['moved', 'moved'],
  ['changed', 'changed'],
  ['unchanged', 'unchanged'],
  ['conflicts', 'conflicts'],
];

export function JobCounts({ job }: { job: Job }) {
  return (
    <Group gap={6}>
      {COUNT_LABELS.filter(([key]) => job.counts[key] > 0 || key === 'added' || key === 'changed').map(([key, label]) => (
        <Text key={key} size="xs">
          {label} <strong>{job.counts[key].toLocaleString('en')}</strong>
        </Text>
      ))}
    </Group>
  );
}
