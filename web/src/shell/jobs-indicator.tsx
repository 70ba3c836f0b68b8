import { Button } from '@mantine/core';
import { Link } from 'react-router';

/** The header's link to the jobs page; it is to spin while sync runs are under way (issue 15, Jobs). */
export function JobsIndicator() {
  return (
    <Button component={Link} to="/jobs" variant="subtle" size="compact-sm">
      Jobs
    </Button>
  );
}
