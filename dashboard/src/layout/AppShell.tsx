import { Suspense } from 'react';
import { NavLink, Outlet, useNavigation, useParams } from 'react-router';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { useRestartSession } from '../session/sessionActions';
import { usePermissions, useViewer } from '../session/Viewer';
import { LocaleSwitch } from './LocaleSwitch';
import { SecurityLink } from '../security/SecurityLink';
import { NotificationsLink } from '../notifications/NotificationsLink';

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

/**
 * The frame of every page: the header with the user and language, and the navigation, which is
 * a bottom bar on a phone (reachable with a thumb) and a row under the header on a desktop.
 */
export function AppShell() {
  const { t } = useI18n();
  const viewer = useViewer();
  const restart = useRestartSession();
  const navigation = useNavigation();
  const { farmId: routeFarmId } = useParams();
  const farmId = routeFarmId ?? viewer.tenant?.farms[0]?.id;
  const [, logout] = useMutation(LogoutDocument);
  const { isTenantAdmin, isPlatformAdmin } = usePermissions();

  return (
    <div className="shell">
      <header className="top-bar">
        <NavLink to="/" className="brand">
          FarmIQ
        </NavLink>
        {viewer.tenant && <span className="tenant-name">{viewer.tenant.name}</span>}
        <span className="user">
          {viewer.user?.email} <span className="roles">({viewer.roles.join(', ')})</span>
        </span>
        {viewer.tenant && <NotificationsLink />}
        <SecurityLink />
        <LocaleSwitch />
        <button type="button" onClick={() => void logout({}).then(restart)}>
          {t('nav.logout')}
        </button>
      </header>
      {(farmId || isTenantAdmin || isPlatformAdmin) && (
        <nav className="main-nav no-print" aria-label={t('nav.label')}>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          {farmId && (
            <>
              <NavLink to={`/farms/${farmId}`} end>
                {t('nav.barns')}
              </NavLink>
              <NavLink to={`/farms/${farmId}/alerts`}>{t('nav.alerts')}</NavLink>
              <NavLink to="/devices">{t('nav.devices')}</NavLink>
            </>
          )}
          {isTenantAdmin && <NavLink to="/admin/users">{t('nav.admin')}</NavLink>}
          {isPlatformAdmin && <NavLink to="/platform/tenants">{t('nav.platform')}</NavLink>}
        </nav>
      )}
      <main className="page" aria-busy={navigation.state === 'loading'}>
        <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
