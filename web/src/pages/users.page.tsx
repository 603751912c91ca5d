import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { ErrorBox, Section } from '../ui';
import { useSiteClock } from '../site-clock';

const ROLES: Role[] = ['ADMIN', 'MANAGER', 'SERVICE_PROVIDER', 'PARTNER', 'AGENT'];

const Users = graphql(`
  query Users {
    users(first: 200) {
      totalCount
      nodes {
        id
        username
        roles
        active
        staffId
        lastLoginAt
        lockedUntil
      }
    }
  }
`);

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

const UpdateUser = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      id
      active
      roles
    }
  }
`);

const ResetPassword = graphql(`
  mutation ResetPassword($id: ID!, $password: String!) {
    resetPassword(id: $id, password: $password) {
      id
      lockedUntil
    }
  }
`);

function RoleBoxes(props: { value: Role[]; onChange: (roles: Role[]) => void; name: string }) {
  return (
    <fieldset className="roles">
      <legend>Roles of {props.name}</legend>
      {ROLES.map((r) => (
        <label key={r}>
          <input
            type="checkbox"
            checked={props.value.includes(r)}
            onChange={(e) =>
              props.onChange(e.target.checked ? [...props.value, r] : props.value.filter((x) => x !== r))
            }
          />
          {r}
        </label>
      ))}
    </fieldset>
  );
}

export function UsersPage() {
  const clock = useSiteClock();
  const [users, refetch] = useQuery({ query: Users });
  const [created, create] = useMutation(CreateUser);
  const [updated, update] = useMutation(UpdateUser);
  const [reset, resetPassword] = useMutation(ResetPassword);
  const [form, setForm] = useState({ username: '', password: '', roles: ['AGENT'] as Role[] });
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await create({ input: form });
    if (!r.error) {
      setDone(`Created ${form.username}.`);
      setForm({ username: '', password: '', roles: ['AGENT'] });
      reload();
    }
  };

  return (
    <div className="page">
      <h1>Users</h1>
      <ErrorBox error={users.error ?? created.error ?? updated.error ?? reset.error} />
      {done && <p role="status">{done}</p>}
      <Section title="New user">
        <form className="grid-form" onSubmit={submit} aria-label="New user">
          <label>
            Username{' '}
            <input
              value={form.username}
              onChange={(e) => setForm({ ...form, username: e.target.value })}
              required
              maxLength={64}
            />
          </label>
          <label>
            Password{' '}
            <input
              type="password"
              autoComplete="new-password"
              value={form.password}
              onChange={(e) => setForm({ ...form, password: e.target.value })}
              required
            />
          </label>
          <RoleBoxes
            name="the new user"
            value={form.roles}
            onChange={(roles) => setForm({ ...form, roles })}
          />
          <button type="submit">Create user</button>
        </form>
      </Section>
      <Section title={`Users (${users.data?.users.totalCount ?? '…'})`}>
        <div className="scroll" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Roles</th>
                <th scope="col">Status</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">Reset password</th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.users.nodes ?? []).map((u) => (
                <tr key={u.id}>
                  <th scope="row">{u.username}</th>
                  <td>
                    <RoleBoxes
                      name={u.username}
                      value={u.roles}
                      onChange={(roles) => update({ id: u.id, input: { roles } }).then(reload)}
                    />
                  </td>
                  <td>
                    {u.active ? 'active' : 'inactive'}
                    {u.lockedUntil && Date.parse(u.lockedUntil) > Date.now()
                      ? `, locked until ${clock.dateTime(u.lockedUntil)}`
                      : ''}{' '}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => update({ id: u.id, input: { active: !u.active } }).then(reload)}
                    >
                      {u.active ? `Deactivate ${u.username}` : `Activate ${u.username}`}
                    </button>
                  </td>
                  <td>{clock.dateTime(u.lastLoginAt)}</td>
                  <td>
                    <form
                      className="inline"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void resetPassword({ id: u.id, password: passwords[u.id] ?? '' }).then((r) => {
                          if (!r.error) setDone(`Password of ${u.username} reset; the account is unlocked.`);
                          reload();
                        });
                      }}
                    >
                      <input
                        type="password"
                        aria-label={`New password for ${u.username}`}
                        autoComplete="new-password"
                        value={passwords[u.id] ?? ''}
                        onChange={(e) => setPasswords({ ...passwords, [u.id]: e.target.value })}
                        required
                      />
                      <button type="submit" className="secondary">
                        Reset
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
    </div>
  );
}
