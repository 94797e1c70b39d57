import { Link } from 'react-router';
import { useI18n } from '../i18n/I18n';
import { usePermissions } from '../session/Viewer';

/** The farm's other pages: placing a batch (for those who may), comparing batches, edge gateways. */
export function FarmLinks({ farmId }: { farmId: string }) {
  const { t } = useI18n();
  const { canManageFarm } = usePermissions();
  return (
    <>
      {canManageFarm && <Link to={`/farms/${farmId}/batches/new`}>{t('placeBatch.link')}</Link>}
      <Link to={`/farms/${farmId}/cohorts`}>{t('cohorts.link')}</Link>
      <Link to={`/farms/${farmId}/gateways`}>{t('gateways.link')}</Link>
    </>
  );
}
