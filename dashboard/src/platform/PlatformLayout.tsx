import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/I18n';

/** The platform admin's pages under one sub-navigation. */
export function PlatformLayout() {
  const { t } = useI18n();
  return (
    <div className="stack">
      <nav className="sub-nav no-print" aria-label={t('platform.nav')}>
        <NavLink to="/platform/tenants">{t('tenants.heading')}</NavLink>
        <NavLink to="/platform/devices">{t('registration.heading')}</NavLink>
        <NavLink to="/platform/rates">{t('rates.heading')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
