import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './layout/AppShell';
import { NotFound } from './layout/NotFound';
import { Home } from './tenant/Home';

/**
 * Every page has a URL that can be bookmarked and shared. The first segments here must be among
 * DASHBOARD_ROUTE_PREFIXES in supergraph/dashboard.ts, which serves index.html for them.
 * Pages other than the home are separate chunks, loaded when first visited (the charts with them).
 */
export const routes: RouteObject[] = [
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Home /> },
      { path: 'farms/:farmId', lazy: async () => ({ Component: (await import('./farm/FarmOverview')).FarmOverview }) },
      { path: 'farms/:farmId/barns/:barnId', lazy: async () => ({ Component: (await import('./barn/BarnPage')).BarnPage }) },
      { path: 'farms/:farmId/barns/:barnId/rules', lazy: async () => ({ Component: (await import('./alerts/RuleEditor')).RuleEditor }) },
      { path: 'farms/:farmId/alerts', lazy: async () => ({ Component: (await import('./alerts/AlertsInbox')).AlertsInbox }) },
      { path: 'farms/:farmId/batches/:batchId', lazy: async () => ({ Component: (await import('./batches/BatchPage')).BatchPage }) },
      { path: 'devices', lazy: async () => ({ Component: (await import('./devices/DevicesPage')).DevicesPage }) },
      { path: 'account/security', lazy: async () => ({ Component: (await import('./security/SecurityPage')).SecurityPage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
