import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from './pages/not-found-page';
import { AppLayout } from './shell/app-layout';

/**
 * Every page of the UI. A page is a module under pages/ loaded on first visit (`lazy`), so the
 * initial JavaScript stays small; the paths are the ones in nav-items.ts.
 */
export const APP_ROUTES: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/connections" replace /> },
      { path: 'connections', lazy: async () => ({ Component: (await import('./pages/connections/connections-page')).ConnectionsPage }) },
      { path: 'objects/*', lazy: async () => ({ Component: (await import('./pages/objects/objects-page')).ObjectsPage }) },
      { path: 'data-sources/*', lazy: async () => ({ Component: (await import('./pages/data-sources/data-sources-page')).DataSourcesPage }) },
      { path: 'jobs', lazy: async () => ({ Component: (await import('./pages/jobs/jobs-page')).JobsPage }) },
      { path: 'jobs/:jobId', lazy: async () => ({ Component: (await import('./pages/jobs/job-page')).JobPage }) },
      { path: 'upgrade', lazy: async () => ({ Component: (await import('./pages/upgrade/upgrade-page')).UpgradePage }) },
      { path: 'audit', lazy: async () => ({ Component: (await import('./pages/audit/audit-page')).AuditPage }) },
      { path: 'people', lazy: async () => ({ Component: (await import('./pages/people/people-page')).PeoplePage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
