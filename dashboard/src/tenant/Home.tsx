import { Link } from 'react-router';
import { useQuery } from 'urql';
import { errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { PlatformLinks } from '../platform/PlatformLinks';
import { usePermissions, useViewer } from '../session/Viewer';

const TenantHomeDocument = graphql(`
  query TenantHome {
    me {
      tenant {
        id
        farms {
          id
          name
          timeZone
          barns {
            id
          }
          batches {
            id
            headCountPlaced
          }
          alertRules {
            id
          }
        }
      }
    }
  }
`);

// The subscription is visible to the tenant admin only: asked for separately so others still see their farms.
const TenantPlanDocument = graphql(`
  query TenantPlan {
    me {
      tenant {
        id
        activeSubscription {
          id
          plan
        }
      }
    }
  }
`);

/** The tenant's farms at a glance, each a link to its barns. */
export function Home() {
  const { t, format } = useI18n();
  const viewer = useViewer();
  const { isTenantAdmin, isPlatformAdmin } = usePermissions();
  const [{ data, error }] = useQuery({ query: TenantHomeDocument, pause: !viewer.tenant });
  const [plan] = useQuery({ query: TenantPlanDocument, pause: !isTenantAdmin });
  if (!viewer.tenant) {
    return (
      <section>
        <h1>{t('home.platformHeading')}</h1>
        <p>{t('home.outsideTenant')}</p>
        {isPlatformAdmin && <PlatformLinks />}
      </section>
    );
  }
  const farms = data?.me.tenant?.farms;
  return (
    <section aria-labelledby="tenant-name">
      <h1 id="tenant-name">{viewer.tenant.name}</h1>
      {isTenantAdmin && plan.data && <p>{t('home.plan', { plan: plan.data.me.tenant?.activeSubscription?.plan ?? t('home.noPlan') })}</p>}
      {error && <p role="alert">{errorMessage(error, t)}</p>}
      {farms && farms.length === 0 && <p>{t('home.noFarms')}</p>}
      {farms && farms.length > 0 && (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('home.farmsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.farm')}</th>
                <th scope="col">{t('home.timeZone')}</th>
                <th scope="col">{t('home.barns')}</th>
                <th scope="col">{t('home.batches')}</th>
                <th scope="col">{t('home.headPlaced')}</th>
                <th scope="col">{t('home.alertRules')}</th>
              </tr>
            </thead>
            <tbody>
              {farms.map((farm) => (
                <tr key={farm.id}>
                  <th scope="row">
                    <Link to={`/farms/${farm.id}`}>{farm.name}</Link>
                  </th>
                  <td>{farm.timeZone}</td>
                  <td>{format.number(farm.barns.length, 0)}</td>
                  <td>{format.number(farm.batches.length, 0)}</td>
                  <td>
                    {format.number(
                      farm.batches.reduce((sum, batch) => sum + batch.headCountPlaced, 0),
                      0,
                    )}
                  </td>
                  <td>{format.number(farm.alertRules.length, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
