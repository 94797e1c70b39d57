import type { MyTenantQuery } from '../gql/graphql';

type Tenant = NonNullable<MyTenantQuery['me']['tenant']>;

/** One tenant's farms, batches and plan: data from all five subgraphs in one query. */
export function TenantOverview({ tenant }: { tenant: Tenant }) {
  return (
    <article aria-labelledby="tenant-name">
      <h2 id="tenant-name">{tenant.name}</h2>
      <p>Plan: {tenant.activeSubscription?.plan ?? 'none'}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Farm</th>
            <th scope="col">Time zone</th>
            <th scope="col">Batches</th>
            <th scope="col">Head placed</th>
            <th scope="col">Alert rules</th>
          </tr>
        </thead>
        <tbody>
          {tenant.farms.map((farm) => (
            <tr key={farm.id}>
              <th scope="row">{farm.name}</th>
              <td>{farm.timeZone}</td>
              <td>{farm.batches.length}</td>
              <td>{farm.batches.reduce((sum, batch) => sum + batch.headCountPlaced, 0).toLocaleString('en-US')}</td>
              <td>{farm.alertRules.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
