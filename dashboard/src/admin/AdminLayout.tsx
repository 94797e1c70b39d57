import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18n';

/** The tenant admin's pages under one sub-navigation. */
export function AdminLayout() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <nav className="sub-nav no-print" aria-label={t('admin.nav')}>
        <NavLink to="/admin/users">{t('users.heading')}</NavLink>
        <NavLink to="/admin/api-clients">{t('clients.heading')}</NavLink>
        <NavLink to="/admin/billing">{t('billing.heading')}</NavLink>
        <NavLink to="/admin/audit">{t('audit.heading')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
