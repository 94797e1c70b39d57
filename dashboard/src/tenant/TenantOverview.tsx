import { useState, type FormEvent } from 'react';
import { graphql } from '../gql';
import type { TenantOverviewQuery } from '../gql/graphql';
import { request } from '../graphqlClient';

const TenantOverviewDocument = graphql(`
  query TenantOverview($id: ID!) {
    tenant(id: $id) {
      id
      name
      activeSubscription {
        plan
      }
      farms {
        id
        name
        timeZone
        batches {
          id
          species
          placedOn
          headCountPlaced
          placementWeightKg
        }
        alertRules {
          id
        }
      }
    }
  }
`);

type Tenant = NonNullable<TenantOverviewQuery['tenant']>;
type State = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'loaded'; tenant: Tenant | null };

/** One tenant's farms, batches and plan: data from all five subgraphs in one query. */
export function TenantOverview() {
  const [tenantId, setTenantId] = useState(() => new URLSearchParams(window.location.search).get('tenant') ?? '');
  const [state, setState] = useState<State>({ status: 'idle' });

  async function show(event: FormEvent) {
    event.preventDefault();
    setState({ status: 'loading' });
    try {
      const { tenant } = await request(TenantOverviewDocument, { id: tenantId.trim() });
      setState({ status: 'loaded', tenant: tenant ?? null });
    } catch (error) {
      setState({ status: 'error', message: (error as Error).message });
    }
  }

  return (
    <section aria-labelledby="tenant-overview">
      <h2 id="tenant-overview">Tenant overview</h2>
      <form onSubmit={show}>
        <label>
          Tenant id <input name="tenantId" value={tenantId} onChange={(event) => setTenantId(event.target.value)} required />
        </label>
        <button type="submit">Show</button>
      </form>
      {state.status === 'loading' && <p role="status">Loading…</p>}
      {state.status === 'error' && <p role="alert">{state.message}</p>}
      {state.status === 'loaded' && !state.tenant && <p role="status">No tenant with that id.</p>}
      {state.status === 'loaded' && state.tenant && <TenantDetails tenant={state.tenant} />}
    </section>
  );
}

function TenantDetails({ tenant }: { tenant: Tenant }) {
  return (
    <article>
      <h3>{tenant.name}</h3>
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
