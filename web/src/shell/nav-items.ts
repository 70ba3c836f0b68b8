/** The left navigation, in order; each `path` is a route in app-routes.tsx. */
export const NAV_ITEMS = [
  { path: '/connections', label: 'Connections' },
  { path: '/objects', label: 'Data objects' },
  { path: '/data-sources', label: 'Data sources' },
  { path: '/jobs', label: 'Jobs' },
  { path: '/upgrade', label: 'Upgrade manager' },
  { path: '/audit', label: 'Audit' },
  { path: '/people', label: 'People' },
] as const;
