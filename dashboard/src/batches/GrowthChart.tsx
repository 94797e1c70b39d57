import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n/I18n';
import { TableScroll } from '../layout/TableScroll';

export interface GrowthDay {
  dayOfAge: number;
  averageWeightKg: number | null | undefined;
  targetWeightKg: number | null | undefined;
  targetDeviationPercent: number | null | undefined;
  sampleCount: number;
}

/**
 * Weighed average against the target curve, by day of age (the axis farm managers think in).
 * Weighings are points (days without one are gaps, never bridged into a made-up line); the
 * target is a dashed line. A table below says the same in words for screen readers and print.
 */
export function GrowthChart({ days }: { days: readonly GrowthDay[] }) {
  const { t, format, locale } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const weighed = days.filter((day) => day.averageWeightKg != null);
  const hasTarget = days.some((day) => day.targetWeightKg != null);

  useEffect(() => {
    const element = container.current;
    if (!element || days.length === 0) return undefined;
    const data: uPlot.AlignedData = [
      days.map((day) => day.dayOfAge),
      days.map((day) => day.averageWeightKg ?? null),
      days.map((day) => day.targetWeightKg ?? null),
    ];
    const plot = new uPlot(
      {
        width: Math.max(280, element.clientWidth),
        height: 240,
        scales: { x: { time: false } },
        legend: { show: false },
        axes: [{ label: t('growth.dayOfAge') }, { label: 'kg' }],
        series: [
          { label: t('growth.dayOfAge') },
          { label: t('growth.weighed'), stroke: '#0072B2', width: 2, spanGaps: true, points: { show: true, size: 8 } },
          { label: t('growth.target'), stroke: '#D55E00', width: 2, dash: [8, 4], spanGaps: true, points: { show: false } },
        ],
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, element.clientWidth), height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, t, locale]);

  return (
    <section className="chart-card" aria-labelledby="growth-heading">
      <h2 id="growth-heading">{t('growth.heading')}</h2>
      {weighed.length === 0 && !hasTarget ? (
        <p>{t('kpiReason.NO_WEIGHTS')}</p>
      ) : (
        <>
          <div ref={container} className="chart-area" role="img" aria-label={t('growth.chartLabel')} />
          <p className="muted">{t('growth.legend')}</p>
          <TableScroll label={t('growth.tableCaption')}>
            <table className="compact">
              <caption>{t('growth.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('growth.dayOfAge')}</th>
                  <th scope="col" className="number">
                    {t('growth.weighed')}
                  </th>
                  <th scope="col" className="number">
                    {t('growth.target')}
                  </th>
                  <th scope="col" className="number">
                    {t('growth.deviation')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weighed.map((day) => (
                  <tr key={day.dayOfAge}>
                    <td>{format.number(day.dayOfAge, 0)}</td>
                    <td className="number">
                      {t('growth.weighedValue', { value: format.quantity(day.averageWeightKg!, 'kg', 3), count: format.number(day.sampleCount, 0) })}
                    </td>
                    <td className="number">{day.targetWeightKg == null ? '–' : format.quantity(day.targetWeightKg, 'kg', 3)}</td>
                    <td className="number">{day.targetDeviationPercent == null ? '–' : format.quantity(day.targetDeviationPercent, '%', 1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
