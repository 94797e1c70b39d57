import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorCode, errorMessage } from '../api/errors';
import { graphql } from '../gql';
import { useI18n } from '../i18n/I18n';
import { SecretPanel } from '../admin/SecretPanel';
import { TableScroll } from '../layout/TableScroll';

const TenantsDocument = graphql(`
  query Tenants($search: String, $after: String) {
    tenants(search: $search, first: 50, after: $after) {
      nodes {
        id
        name
        createdAt
        suspendedAt
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);
const CreateTenantDocument = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      id
      name
    }
  }
`);
const InviteFirstAdminByEmailDocument = graphql(`
  mutation InviteFirstAdminByEmail($input: InviteUserInput!) {
    sendInvitation(input: $input) {
      id
      email
    }
  }
`);
const InviteFirstAdminDocument = graphql(`
  mutation InviteFirstAdmin($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        email
      }
      temporaryPassword
    }
  }
`);
const SuspendTenantDocument = graphql(`
  mutation SuspendTenant($id: ID!) {
    suspendTenant(id: $id) {
      id
      suspendedAt
    }
  }
`);
const ReinstateTenantDocument = graphql(`
  mutation ReinstateTenant($id: ID!) {
    reinstateTenant(id: $id) {
      id
      suspendedAt
    }
  }
`);

/** Every tenant: search, create one with its first admin, suspend and reinstate. */
export function TenantsPage() {
  const { t, format } = useI18n();
  const [search, setSearch] = useState('');
  const [cursors, setCursors] = useState<string[]>([]);
  const [{ data, error }, refetch] = useQuery({ query: TenantsDocument, variables: { search: search || null, after: cursors.at(-1) ?? null } });
  const [name, setName] = useState('');
  const [adminEmail, setAdminEmail] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);
  const [creating, createTenant] = useMutation(CreateTenantDocument);
  const [, sendInvitation] = useMutation(InviteFirstAdminByEmailDocument);
  const [, inviteUser] = useMutation(InviteFirstAdminDocument);
  const [, suspend] = useMutation(SuspendTenantDocument);
  const [, reinstate] = useMutation(ReinstateTenantDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const created = await createTenant({ input: { name } });
    if (created.error || !created.data) return setMessage({ kind: 'error', text: created.error ? errorMessage(created.error, t) : t('error.generic') });
    const tenant = created.data.createTenant;
    setName('');
    refetch({ requestPolicy: 'network-only' });
    if (!adminEmail) return setMessage({ kind: 'ok', text: t('tenants.created', { name: tenant.name }) });
    const input = { email: adminEmail, role: 'TENANT_ADMIN' as const, tenantId: tenant.id };
    const sent = await sendInvitation({ input });
    if (!sent.error) {
      setAdminEmail('');
      return setMessage({ kind: 'ok', text: t('tenants.createdInvited', { name: tenant.name, email: input.email }) });
    }
    if (errorCode(sent.error) !== 'BAD_REQUEST') return setMessage({ kind: 'error', text: errorMessage(sent.error, t) });
    const invited = await inviteUser({ input });
    if (invited.error || !invited.data) return setMessage({ kind: 'error', text: invited.error ? errorMessage(invited.error, t) : t('error.generic') });
    setAdminEmail('');
    setMessage({ kind: 'ok', text: t('tenants.created', { name: tenant.name }) });
    setTemporary({ email: invited.data.inviteUser.user.email, password: invited.data.inviteUser.temporaryPassword });
  }

  async function toggle(id: string, tenantName: string, suspended: boolean) {
    if (!suspended && !window.confirm(t('tenants.suspendConfirm', { name: tenantName }))) return;
    const result = suspended ? await reinstate({ id }) : await suspend({ id });
    setMessage(
      result.error
        ? { kind: 'error', text: errorMessage(result.error, t) }
        : { kind: 'ok', text: t(suspended ? 'tenants.reinstated' : 'tenants.suspended', { name: tenantName }) },
    );
  }

  if (error) {
    return (
      <section className="stack">
        <h1>{t('tenants.heading')}</h1>
        <p role="alert">{errorMessage(error, t)}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="tenants-heading" className="stack">
      <h1 id="tenants-heading">{t('tenants.heading')}</h1>
      <form className="card stack" onSubmit={submit} aria-labelledby="tenant-create-heading">
        <h2 id="tenant-create-heading">{t('tenants.create')}</h2>
        <div className="row">
          <label>
            {t('tenants.name')}
            <input value={name} maxLength={120} onChange={(event) => setName(event.target.value)} required />
          </label>
          <label>
            {t('tenants.firstAdmin')}
            <input type="email" value={adminEmail} onChange={(event) => setAdminEmail(event.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={creating.fetching}>
            {t('tenants.createSubmit')}
          </button>
        </div>
      </form>
      {temporary && (
        <SecretPanel
          heading={t('users.temporaryHeading', { email: temporary.email })}
          fields={[
            { label: t('login.email'), value: temporary.email },
            { label: t('users.temporaryPassword'), value: temporary.password, secret: true },
          ]}
          onClose={() => setTemporary(null)}
        />
      )}
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
      <label className="search">
        {t('tenants.search')}
        <input
          type="search"
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            setCursors([]);
          }}
        />
      </label>
      {data && (
        <TableScroll label={t('tenants.heading')}>
          <table>
            <caption className="visually-hidden">{t('tenants.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tenants.name')}</th>
                <th scope="col">{t('clients.created')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {data.tenants.nodes.map((tenant) => (
                <tr key={tenant.id}>
                  <th scope="row">{tenant.name}</th>
                  <td>{format.dateTime(tenant.createdAt, 'UTC')}</td>
                  <td>
                    {tenant.suspendedAt ? (
                      <span className="status bad">{t('tenants.isSuspended')}</span>
                    ) : (
                      <span className="status ok">{t('users.active')}</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className={tenant.suspendedAt ? undefined : 'danger'}
                      onClick={() => void toggle(tenant.id, tenant.name, tenant.suspendedAt != null)}
                    >
                      {tenant.suspendedAt ? t('tenants.reinstate') : t('tenants.suspend')}
                      <span className="visually-hidden"> {tenant.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="row">
        {cursors.length > 0 && (
          <button type="button" onClick={() => setCursors((current) => current.slice(0, -1))}>
            {t('paging.previous')}
          </button>
        )}
        {data?.tenants.pageInfo.hasNextPage && data.tenants.pageInfo.endCursor && (
          <button type="button" onClick={() => setCursors((current) => [...current, data.tenants.pageInfo.endCursor!])}>
            {t('paging.next')}
          </button>
        )}
      </div>
    </section>
  );
}
