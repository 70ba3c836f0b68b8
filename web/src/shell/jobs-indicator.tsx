import { Button, Loader } from '@mantine/core';
import { Link } from 'react-router';
import { useRunningJobs } from '../pages/jobs/job-queries';

/** The header's link to the jobs page: it spins, with the count, while sync runs are queued or running. */
export function JobsIndicator() {
  const running = useRunningJobs();
  const count = running.data ?? 0;
  return (
    <Button
      component={Link}
      to="/jobs"
      variant="subtle"
      size="compact-sm"
      leftSection={count > 0 ? <Loader size={14} aria-hidden data-testid="jobs-spinner" /> : undefined}
      aria-label={count > 0 ? `Jobs: ${count} running` : 'Jobs: none running'}
    >
      {count > 0 ? `Jobs (${count})` : 'Jobs'}
    </Button>
  );
}
