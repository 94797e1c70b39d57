import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { AlertSeverity } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { useViewer } from '../session/Viewer';
import { currentPushSubscription, pushSupported, subscribeThisBrowser, thisDeviceLabel } from './browserPush';
import { useNotificationText } from './notificationText';

const NotificationSettingsDocument = graphql(`
  query NotificationSettings {
    webPushPublicKey
    myNotificationSubscriptions {
      id
      channel
      address
      deviceLabel
      minSeverity
      farm {
        id
      }
    }
  }
`);

const RegisterPushDocument = graphql(`
  mutation RegisterPush($input: RegisterPushSubscriptionInput!) {
    registerPushSubscription(input: $input) {
      id
    }
  }
`);

const UnregisterPushDocument = graphql(`
  mutation UnregisterPush($endpoint: String!) {
    unregisterPushSubscription(endpoint: $endpoint)
  }
`);

const UnsubscribeDocument = graphql(`
  mutation Unsubscribe($id: ID!) {
    unsubscribeFromAlerts(id: $id)
  }
`);

/**
 * The person's alert channels, and the switch that makes this browser one of them (Web Push):
 * switching on asks the browser for permission, subscribes it with the server's key and registers
 * it for the chosen farm and severity; switching off removes it on both sides.
 */
export function NotificationSettingsPage() {
  const text = useNotificationText();
  const { t, locale } = useI18n();
  const viewer = useViewer();
  const [{ data, error }, refetch] = useQuery({ query: NotificationSettingsDocument });
  const [, registerPush] = useMutation(RegisterPushDocument);
  const [, unregisterPush] = useMutation(UnregisterPushDocument);
  const [, unsubscribe] = useMutation(UnsubscribeDocument);
  const [thisEndpoint, setThisEndpoint] = useState<string | null>(null);
  const [farmId, setFarmId] = useState('');
  const [minSeverity, setMinSeverity] = useState<AlertSeverity>('WARNING');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    void currentPushSubscription().then((subscription) => setThisEndpoint(subscription?.endpoint ?? null));
  }, []);

  if (error) return <p role="alert">{errorMessage(error, t)}</p>;
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const channels = data.myNotificationSubscriptions;
  const pushOn = thisEndpoint !== null && channels.some((channel) => channel.channel === 'PUSH' && channel.address === thisEndpoint);
  const canPush = pushSupported() && data.webPushPublicKey !== null && data.webPushPublicKey !== undefined;

  async function toggle(on: boolean) {
    setProblem(null);
    setBusy(true);
    try {
      if (on) {
        const subscription = await subscribeThisBrowser(data!.webPushPublicKey!);
        if (subscription === 'denied') return setProblem(text('notifications.denied'));
        const language = locale === 'th' ? 'TH' : 'EN';
        const result = await registerPush({ input: { ...subscription, deviceLabel: thisDeviceLabel(), language, farmId: farmId || null, minSeverity } });
        if (result.error) return setProblem(errorMessage(result.error, t));
        setThisEndpoint(subscription.endpoint);
      } else if (thisEndpoint) {
        await unregisterPush({ endpoint: thisEndpoint });
        await (await currentPushSubscription())?.unsubscribe();
        setThisEndpoint(null);
      }
      reload();
    } catch {
      setProblem(text('notifications.failed'));
    } finally {
      setBusy(false);
    }
  }

  const farmName = (id: string | undefined) => viewer.tenant?.farms.find((farm) => farm.id === id)?.name ?? text('notifications.allFarms');
  return (
    <div className="stack">
      <h1>{text('notifications.heading')}</h1>
      {problem && <p role="alert">{problem}</p>}

      <section className="stack" aria-labelledby="push-heading">
        <h2 id="push-heading">{text('notifications.deviceHeading')}</h2>
        <p>{text('notifications.pushIntro')}</p>
        {!pushSupported() && <p>{text('notifications.unsupported')}</p>}
        {pushSupported() && !data.webPushPublicKey && <p>{text('notifications.serverOff')}</p>}
        {!pushOn && (
          <>
            <label>
              {text('notifications.farm')}
              <select value={farmId} onChange={(event) => setFarmId(event.target.value)} disabled={!canPush || busy}>
                <option value="">{text('notifications.allFarms')}</option>
                {viewer.tenant?.farms.map((farm) => (
                  <option key={farm.id} value={farm.id}>
                    {farm.name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {text('notifications.severity')}
              <select value={minSeverity} onChange={(event) => setMinSeverity(event.target.value as AlertSeverity)} disabled={!canPush || busy}>
                <option value="WARNING">{text('notifications.severityWarning')}</option>
                <option value="CRITICAL">{text('notifications.severityCritical')}</option>
              </select>
            </label>
          </>
        )}
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="push-toggle"
            checked={pushOn}
            disabled={!canPush || busy}
            onChange={(event) => void toggle(event.target.checked)}
          />
          {text('notifications.pushToggle')}
        </label>
        <p role="status">{pushOn ? text('notifications.on') : text('notifications.off')}</p>
      </section>

      <section className="stack" aria-labelledby="channels-heading">
        <h2 id="channels-heading">{text('notifications.channelsHeading')}</h2>
        {channels.length === 0 && <p>{text('notifications.noChannels')}</p>}
        {channels.length > 0 && (
          <ul>
            {channels.map((channel) => (
              <li key={channel.id}>
                {text(`notifications.channel${channel.channel}`)}: {channel.channel === 'PUSH' ? (channel.deviceLabel ?? '') : channel.address}{' '}
                {channel.address === thisEndpoint && text('notifications.thisDevice')} · {farmName(channel.farm?.id)} ·{' '}
                {channel.minSeverity === 'CRITICAL' ? text('notifications.severityCritical') : text('notifications.severityWarning')}{' '}
                <button type="button" onClick={() => void unsubscribe({ id: channel.id }).then(reload)}>
                  {text('notifications.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
