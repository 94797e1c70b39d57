import { useState } from 'react';
import { useClient } from 'urql';
import { errorMessage } from '../api/errors';
import type { LiveReading } from '../farm/useLiveReadings';
import { STALE_AFTER_MS } from '../farm/metrics';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import type { BarnDevice } from './BarnPage';
import type { TimeWindow } from './ranges';

const ReadingsCsvDocument = graphql(`
  query ReadingsCsv($deviceId: ID!, $from: DateTime!, $to: DateTime!) {
    readingsCsv(deviceId: $deviceId, from: $from, to: $to)
  }
`);

const DAY_MS = 86_400_000;

interface DeviceListProps {
  devices: readonly BarnDevice[];
  live: readonly LiveReading[];
  timeZone: string;
  now: number;
  window: TimeWindow | undefined;
}

/** The barn's devices: status, when each was last heard from (grey once stale), credential age, CSV of the shown range. */
export function DeviceList({ devices, live, timeZone, now, window: timeWindow }: DeviceListProps) {
  const { t, format } = useI18n();
  const client = useClient();
  const [csvError, setCsvError] = useState<string | null>(null);

  async function downloadCsv(device: BarnDevice) {
    if (!timeWindow) return;
    setCsvError(null);
    const result = await client
      .query(
        ReadingsCsvDocument,
        { deviceId: device.id, from: timeWindow.from.toISOString(), to: timeWindow.to.toISOString() },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    if (result.error || !result.data) {
      setCsvError(result.error ? errorMessage(result.error, t) : t('error.generic'));
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([result.data.readingsCsv], { type: 'text/csv' }));
    link.download = `${device.serialNumber}_${timeWindow.from.toISOString().slice(0, 16)}_${timeWindow.to.toISOString().slice(0, 16)}.csv`.replace(/:/g, '-');
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  return (
    <>
      {csvError && <p role="alert">{csvError}</p>}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('device.name')}</th>
              <th scope="col">{t('device.kind')}</th>
              <th scope="col">{t('device.status')}</th>
              <th scope="col">{t('device.lastSeen')}</th>
              <th scope="col">{t('device.credentialAge')}</th>
              <th scope="col">{t('device.export')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => {
              const lastSeen = [
                ...device.latestReadings.map((reading) => reading.observedAt),
                ...live.filter((reading) => reading.device.id === device.id).map((reading) => reading.observedAt),
              ]
                .sort()
                .pop();
              const stale = !lastSeen || now - Date.parse(lastSeen) > STALE_AFTER_MS;
              return (
                <tr key={device.id} data-device={device.id}>
                  <th scope="row">
                    {device.name ?? device.serialNumber}
                    <br />
                    <span className="muted">{device.serialNumber}</span>
                  </th>
                  <td>{t(`deviceKind.${device.kind}`)}</td>
                  <td>
                    <span className={`status ${device.status === 'ACTIVE' ? 'ok' : device.status === 'REVOKED' ? 'bad' : ''}`}>
                      {t(`deviceStatus.${device.status}`)}
                    </span>
                  </td>
                  <td>
                    {lastSeen ? (
                      <span className={stale ? 'status warn' : undefined} title={format.dateTime(lastSeen, timeZone)}>
                        {stale ? t('reading.staleSince', { ago: format.ago(lastSeen, now) }) : format.ago(lastSeen, now)}
                      </span>
                    ) : (
                      <span className="muted">{t('device.neverSeen')}</span>
                    )}
                  </td>
                  <td>
                    {device.credentialsIssuedAt
                      ? t('device.days', { count: format.number(Math.floor((now - Date.parse(device.credentialsIssuedAt)) / DAY_MS), 0) })
                      : '–'}
                  </td>
                  <td>
                    <button type="button" onClick={() => void downloadCsv(device)} disabled={!timeWindow}>
                      {t('device.csv')}
                      <span className="visually-hidden"> {device.name ?? device.serialNumber}</span>
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
