import { Link } from 'react-router';
import { useI18n } from '../i18n/I18n';

/** Where a platform admin outside any tenant goes from the home page. */
export function PlatformLinks() {
  const { t } = useI18n();
  return (
    <ul>
      <li>
        <Link to="/platform/tenants">{t('tenants.heading')}</Link>
      </li>
      <li>
        <Link to="/platform/devices">{t('registration.heading')}</Link>
      </li>
      <li>
        <Link to="/platform/rates">{t('rates.heading')}</Link>
      </li>
    </ul>
  );
}
