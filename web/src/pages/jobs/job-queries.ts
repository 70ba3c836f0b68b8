import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../../api/api-client';

export type Job = Schemas['Job'];

export const isRunning = (job: Job) => job.state === 'created' || job.state === 'active';

/** Polled every second while work runs, every ten seconds otherwise (the header indicator and the jobs page). */
export const pollWhile = (running: boolean) => (running ? 1_000 : 10_000);

/** The jobs still to finish (queued or running): what the header indicator spins for. */
export function useRunningJobs() {
  return useQuery({
    queryKey: ['/jobs', 'running'],
    queryFn: async () => {
      const [active, created] = await Promise.all([
        unwrap(api.GET('/jobs', { params: { query: { state: 'active', size: 1 } } })),
        unwrap(api.GET('/jobs', { params: { query: { state: 'created', size: 1 } } })),
      ]);
      return active.count + created.count;
    },
    refetchInterval: (query) => pollWhile((query.state.data ?? 0) > 0),
  });
}
