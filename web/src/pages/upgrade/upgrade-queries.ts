import { useQueries, useQuery } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/api-client';
import type { paths } from '../../api/openapi-types';
import { useSession } from '../../api/session';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
export type Integration = Json<paths['/integrations']['get']['responses']['200']>[number];
export type UpgradeRun = Json<paths['/integrations/{id}/upgrade']['get']['responses']['200']>;
type UpgradeAnswer = Json<paths['/integrations/{id}/upgrade']['post']['responses']['200']>;
export type UpgradePlan = Extract<UpgradeAnswer, { dryRun: true }>;
export type NotUpgraded = UpgradeRun['notUpgraded'][number];

/** One integration as the manager lists it: the legacy data sources still at its place, and those its upgrade moved. */
export interface UpgradeCandidate {
  integration: Integration;
  available: number;
  upgraded: number;
  latest: UpgradeRun | null;
}

/** The upgrade needs both, as POST /integrations/{id}/upgrade does (src/http/access-rules.ts). */
export function useMayUpgrade(): boolean {
  const permissions = useSession().data?.user.permissions ?? [];
  return permissions.includes('APPLICATION_ADMIN') && permissions.includes('GOVERNANCE');
}

/** The host (or account) part of a legacy connection string `user@route/database`, route being `host:port`, `account`, … */
const placeOf = (connectionString: string) => connectionString.slice(connectionString.indexOf('@') + 1, connectionString.lastIndexOf('/')).split(':')[0];
const placeOfIntegration = (config: Record<string, unknown>) => String(config.hostname ?? config.host ?? config.account ?? '');

/** The latest run of an integration's upgrade; null before the first (UPGRADE_NOT_FOUND). */
export const latestRun = async (id: number): Promise<UpgradeRun | null> => {
  try {
    return await unwrap(api.GET('/integrations/{id}/upgrade', { params: { path: { id } } }));
  } catch (error) {
    if (error instanceof ApiError && error.code === 'UPGRADE_NOT_FOUND') return null;
    throw error;
  }
};

export const upgradeRunKey = (id: number) => ['/integrations/{id}/upgrade', id] as const;

/**
 * Every integration with its counts. "Available" are the legacy data sources of its technology
 * at its host or account (GET /dataSource, origin legacy): what an upgrade would find; the dry
 * run gives the exact list. "Upgraded" is what its latest run reports as moved.
 */
export function useUpgradeCandidates(enabled: boolean) {
  const integrations = useQuery({ queryKey: ['/integrations'], queryFn: () => unwrap(api.GET('/integrations')), enabled });
  const list = integrations.data ?? [];
  const technologies = [...new Set(list.map((i) => i.type))];
  const legacy = useQuery({
    queryKey: ['/dataSource', { blobHandlerType: technologies, size: 1000 }],
    queryFn: () => unwrap(api.GET('/dataSource', { params: { query: { blobHandlerType: technologies, size: 1000 } } })),
    enabled: enabled && technologies.length > 0,
  });
  const runs = useQueries({ queries: list.map((i) => ({ queryKey: upgradeRunKey(i.id), queryFn: () => latestRun(i.id), enabled })) });
  const candidates: UpgradeCandidate[] = list.map((integration, index) => {
    const place = placeOfIntegration(integration.config);
    const available = (legacy.data?.hits ?? []).filter((s) => s.origin === 'legacy' && s.blobHandlerType === integration.type && s.connectionString !== null && placeOf(s.connectionString) === place).length;
    const latest = runs[index]?.data ?? null;
    return { integration, available, upgraded: latest?.upgraded ?? 0, latest };
  });
  const error = integrations.error ?? legacy.error ?? runs.find((r) => r.error)?.error ?? null;
  const isPending = integrations.isPending || (technologies.length > 0 && legacy.isPending);
  return { candidates, error, isPending };
}

/** Whether the navigation shows the Upgrade manager: the caller may upgrade, and some integration has legacy data sources left. */
export function useUpgradeNavVisible(): boolean {
  const may = useMayUpgrade();
  const { candidates } = useUpgradeCandidates(may);
  return may && candidates.some((c) => c.available > 0 || c.latest?.state === 'running');
}
