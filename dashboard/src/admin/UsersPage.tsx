import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { errorCode, errorMessage } from '../api/errors';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useI18n } from '../i18n/I18n';
import { useViewer } from '../session/Viewer';
import { SecretPanel } from './SecretPanel';
import { TableScroll } from '../layout/TableScroll';

const MembersDocument = graphql(`
  query Members($search: String) {
    members(search: $search, first: 100) {
      nodes {
        email
        role
        lastLoginAt
        disabledAt
        joinedAt
        user {
          id
          mustChangePassword
        }
      }
    }
  }
`);
const SendInvitationDocument = graphql(`
  mutation SendInvitation($input: InviteUserInput!) {
    sendInvitation(input: $input) {
      id
      email
    }
  }
`);
const InviteUserDocument = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        email
      }
      temporaryPassword
    }
  }
`);
const ChangeMemberRoleDocument = graphql(`
  mutation ChangeMemberRole($userId: ID!, $role: Role!) {
    changeMemberRole(userId: $userId, role: $role) {
      role
    }
  }
`);
const DisableMemberDocument = graphql(`
  mutation DisableMember($userId: ID!) {
    disableMember(userId: $userId) {
      disabledAt
    }
  }
`);
const EnableMemberDocument = graphql(`
  mutation EnableMember($userId: ID!) {
    enableMember(userId: $userId) {
      disabledAt
    }
  }
`);
const RemoveMemberDocument = graphql(`
  mutation RemoveMember($userId: ID!) {
    removeMember(userId: $userId)
  }
`);

export const TENANT_ROLES: readonly Role[] = ['TENANT_ADMIN', 'FARM_MANAGER', 'OPERATOR', 'VIEWER'];

/**
 * The tenant's people: invite (by email link, or with a temporary password shown once when the
 * server sends no email), change a role, disable, remove. Someone who never logged in is shown
 * as an invitation still pending.
 */
export function UsersPage() {
  const { t, format } = useI18n();
  const viewer = useViewer();
  const [search, setSearch] = useState('');
  const [{ data, error }, refetch] = useQuery({ query: MembersDocument, variables: { search: search || null }, requestPolicy: 'cache-and-network' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [temporary, setTemporary] = useState<{ email: string; password: string } | null>(null);
  const [, changeRole] = useMutation(ChangeMemberRoleDocument);
  const [, disable] = useMutation(DisableMemberDocument);
  const [, enable] = useMutation(EnableMemberDocument);
  const [, remove] = useMutation(RemoveMemberDocument);

  async function act(run: () => Promise<{ error?: Parameters<typeof errorMessage>[0] }>, done: string) {
    setMessage(null);
    const result = await run();
    if (result.error) return setMessage({ kind: 'error', text: errorMessage(result.error, t) });
    setMessage({ kind: 'ok', text: done });
    refetch({ requestPolicy: 'network-only' });
  }

  return (
    <section aria-labelledby="users-heading" className="stack">
      <h1 id="users-heading">{t('users.heading')}</h1>
      {error ? (
        <p role="alert">{errorMessage(error, t)}</p>
      ) : (
        <>
          <InviteForm
            onInvited={(text) => {
              setMessage({ kind: 'ok', text });
              refetch({ requestPolicy: 'network-only' });
            }}
            onTemporary={(shown) => {
              setTemporary(shown);
              refetch({ requestPolicy: 'network-only' });
            }}
          />
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
            {t('users.search')}
            <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
          </label>
          {data && (
            <TableScroll label={t('users.caption')}>
              <table>
                <caption className="visually-hidden">{t('users.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('login.email')}</th>
                    <th scope="col">{t('users.role')}</th>
                    <th scope="col">{t('users.state')}</th>
                    <th scope="col">{t('users.lastLogin')}</th>
                    <th scope="col">{t('users.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.nodes.map((member) => {
                    const self = member.user.id === viewer.user?.id;
                    const pending = member.lastLoginAt == null;
                    return (
                      <tr key={member.user.id}>
                        <th scope="row">{member.email}</th>
                        <td>
                          <label>
                            <span className="visually-hidden">{t('users.roleOf', { email: member.email })}</span>
                            <select
                              value={member.role}
                              disabled={self}
                              onChange={(event) =>
                                void act(
                                  () => changeRole({ userId: member.user.id, role: event.target.value as Role }),
                                  t('users.roleChanged', { email: member.email }),
                                )
                              }
                            >
                              {TENANT_ROLES.map((role) => (
                                <option key={role} value={role}>
                                  {t(`role.${role}`)}
                                </option>
                              ))}
                            </select>
                          </label>
                        </td>
                        <td>
                          {member.disabledAt ? (
                            <span className="status bad">{t('users.disabled')}</span>
                          ) : pending ? (
                            <span className="status warn">{t('users.pending')}</span>
                          ) : (
                            <span className="status ok">{t('users.active')}</span>
                          )}
                        </td>
                        <td>{member.lastLoginAt ? format.dateTime(member.lastLoginAt, 'UTC') : t('users.never')}</td>
                        <td>
                          {!self && (
                            <div className="row">
                              {member.disabledAt ? (
                                <button
                                  type="button"
                                  onClick={() => void act(() => enable({ userId: member.user.id }), t('users.enabledDone', { email: member.email }))}
                                >
                                  {t('users.enable')}
                                  <span className="visually-hidden"> {member.email}</span>
                                </button>
                              ) : (
                                <button
                                  type="button"
                                  onClick={() => void act(() => disable({ userId: member.user.id }), t('users.disabledDone', { email: member.email }))}
                                >
                                  {t('users.disable')}
                                  <span className="visually-hidden"> {member.email}</span>
                                </button>
                              )}
                              <button
                                type="button"
                                className="danger"
                                onClick={() => {
                                  if (window.confirm(t('users.removeConfirm', { email: member.email })))
                                    void act(() => remove({ userId: member.user.id }), t('users.removed', { email: member.email }));
                                }}
                              >
                                {t('users.remove')}
                                <span className="visually-hidden"> {member.email}</span>
                              </button>
                            </div>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </section>
  );
}

function InviteForm({ onInvited, onTemporary }: { onInvited: (message: string) => void; onTemporary: (shown: { email: string; password: string }) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('OPERATOR');
  const [error, setError] = useState<string | null>(null);
  const [sending, send] = useMutation(SendInvitationDocument);
  const [inviting, invite] = useMutation(InviteUserDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const sent = await send({ input: { email, role } });
    if (!sent.error) {
      setEmail('');
      return onInvited(t('users.invitationSent', { email }));
    }
    // A server without email refuses the link: hand over a temporary password instead.
    if (errorCode(sent.error) !== 'BAD_REQUEST') return setError(errorMessage(sent.error, t));
    const invited = await invite({ input: { email, role } });
    if (invited.error || !invited.data) return setError(invited.error ? errorMessage(invited.error, t) : t('error.generic'));
    setEmail('');
    onTemporary({ email: invited.data.inviteUser.user.email, password: invited.data.inviteUser.temporaryPassword });
  }

  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.invite')}</h2>
      <div className="row">
        <label>
          {t('login.email')}
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} required />
        </label>
        <label>
          {t('users.role')}
          <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
            {TENANT_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`role.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={sending.fetching || inviting.fetching}>
          {t('users.inviteSubmit')}
        </button>
      </div>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
