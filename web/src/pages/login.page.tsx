import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { startSession } from '../session';
import { errorText } from '../ui';

const Login = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        username
        roles
        staffId
      }
    }
  }
`);

const LOCKOUT_HELP =
  'After several failed attempts in a row the account is locked for a while, and the same message is shown even for the right password. An administrator can unlock it by resetting the password.';

export function LoginPage(props: { notice: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(Login);
  const [failed, setFailed] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await login({ username, password });
    if (r.data) {
      const { token, expiresAt, user } = r.data.login;
      startSession({
        token,
        expiresAt,
        username: user.username,
        roles: user.roles,
        staffId: user.staffId ?? null,
      });
    } else setFailed(errorText(r.error));
  };

  return (
    <main className="login">
      <h1>Shiftcast</h1>
      <form onSubmit={submit} aria-label="Sign in" className="card">
        <h2>Sign in</h2>
        {props.notice && !failed && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        <label>
          Username
          <input
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoComplete="username"
            required
          />
        </label>
        <label>
          Password
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
          />
        </label>
        {failed && (
          <div className="error" role="alert">
            <p>{failed}</p>
            <p className="muted">{LOCKOUT_HELP}</p>
          </div>
        )}
        <button type="submit" disabled={result.fetching}>
          {result.fetching ? 'Signing in…' : 'Sign in'}
        </button>
        <p className="muted">
          Sessions end after the server&apos;s session timeout; you will be asked to sign in again.
        </p>
      </form>
    </main>
  );
}
