import { Navigate, type RouteObject } from 'react-router';
import { NotFoundPage } from './pages/not-found-page';
import { PlaceholderPage } from './pages/placeholder-page';
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
      { path: 'objects/*', element: <PlaceholderPage title="Data objects" /> },
      { path: 'data-sources/*', element: <PlaceholderPage title="Data sources" /> },
      { path: 'jobs/*', element: <PlaceholderPage title="Jobs" /> },
      { path: 'upgrade', element: <PlaceholderPage title="Upgrade manager" /> },
      { path: 'audit', element: <PlaceholderPage title="Audit" /> },
      { path: 'people', element: <PlaceholderPage title="People" /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
