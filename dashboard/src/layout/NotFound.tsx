import { Link } from 'react-router';
import { useI18n } from '../i18n/I18n';

export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="page">
      <h1>{t('notFound.heading')}</h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
