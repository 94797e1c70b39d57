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
      { path: 'farms/:farmId/gateways', lazy: async () => ({ Component: (await import('./devices/EdgeGatewaysPage')).EdgeGatewaysPage }) },
      { path: 'farms/:farmId/batches/new', lazy: async () => ({ Component: (await import('./batches/PlaceBatchPage')).PlaceBatchPage }) },
      { path: 'farms/:farmId/cohorts', lazy: async () => ({ Component: (await import('./batches/CohortPage')).CohortPage }) },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./admin/AdminLayout')).AdminLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./admin/UsersPage')).UsersPage }) },
          { path: 'users', lazy: async () => ({ Component: (await import('./admin/UsersPage')).UsersPage }) },
          { path: 'api-clients', lazy: async () => ({ Component: (await import('./admin/ApiClientsPage')).ApiClientsPage }) },
          { path: 'billing', lazy: async () => ({ Component: (await import('./admin/BillingPage')).BillingPage }) },
          { path: 'billing/invoices/:invoiceId', lazy: async () => ({ Component: (await import('./admin/InvoicePage')).InvoicePage }) },
          { path: 'audit', lazy: async () => ({ Component: (await import('./admin/AuditLogPage')).AuditLogPage }) },
        ],
      },
      {
        path: 'platform',
        lazy: async () => ({ Component: (await import('./platform/PlatformLayout')).PlatformLayout }),
        children: [
          { index: true, lazy: async () => ({ Component: (await import('./platform/TenantsPage')).TenantsPage }) },
          { path: 'tenants', lazy: async () => ({ Component: (await import('./platform/TenantsPage')).TenantsPage }) },
          { path: 'devices', lazy: async () => ({ Component: (await import('./platform/DeviceRegistrationPage')).DeviceRegistrationPage }) },
          { path: 'rates', lazy: async () => ({ Component: (await import('./platform/RatesPage')).RatesPage }) },
        ],
      },
      { path: 'account/notifications', lazy: async () => ({ Component: (await import('./notifications/NotificationSettingsPage')).NotificationSettingsPage }) },
      { path: 'account/security', lazy: async () => ({ Component: (await import('./security/SecurityPage')).SecurityPage }) },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
