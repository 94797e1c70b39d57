import { useI18n } from '../i18n/I18n';
import { metricLabelKey } from './metrics';

/** A metric's name in the user's language; the API's name for one the catalogue lacks. */
export function useMetricLabel(): (metric: string) => string {
  const { t } = useI18n();
  return (metric) => {
    const key = metricLabelKey(metric);
    return key ? t(key) : metric;
  };
}
