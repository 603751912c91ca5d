import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditFilterInput } from '../gql/graphql';
import { ErrorBox, fmt, Section } from '../ui';

const Audit = graphql(`
  query AuditLog($filter: AuditFilterInput, $after: String) {
    auditLog(filter: $filter, first: 100, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        at
        username
        action
        target
        ok
        code
      }
    }
  }
`);

export function AuditPage() {
  const [form, setForm] = useState({ action: '', ok: '', from: '', to: '' });
  const [filter, setFilter] = useState<AuditFilterInput>({});
  const [after, setAfter] = useState<string | null>(null);
  const [log] = useQuery({ query: Audit, variables: { filter, after } });
  const page = log.data?.auditLog;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: AuditFilterInput = {};
    if (form.action) f.action = form.action;
    if (form.ok) f.ok = form.ok === 'ok';
    if (form.from) f.from = new Date(`${form.from}T00:00:00`).toISOString();
    if (form.to) f.to = new Date(`${form.to}T23:59:59`).toISOString();
    setAfter(null);
    setFilter(f);
  };

  return (
    <div className="page">
      <h1>Audit log</h1>
      <form className="grid-form card" onSubmit={submit} aria-label="Audit filters">
        <label>
          Action{' '}
          <input
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.target.value })}
            placeholder="e.g. login"
          />
        </label>
        <label>
          Outcome{' '}
          <select value={form.ok} onChange={(e) => setForm({ ...form, ok: e.target.value })}>
            <option value="">any</option>
            <option value="ok">ok</option>
            <option value="failed">failed</option>
          </select>
        </label>
        <label>
          From{' '}
          <input type="date" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          To <input type="date" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <button type="submit">Filter</button>
      </form>
      <ErrorBox error={log.error} />
      <Section title={`Entries (${page?.totalCount ?? '…'})`}>
        <div className="scroll" tabIndex={0}>
          <table data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {(page?.nodes ?? []).map((e) => (
                <tr key={e.id}>
                  <td>{fmt.dateTime(e.at)}</td>
                  <td>{e.username ?? '–'}</td>
                  <td>{e.action}</td>
                  <td>{e.target ?? ''}</td>
                  <td>{e.ok ? 'ok' : `failed (${e.code ?? '?'})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="toolbar">
          {after && (
            <button type="button" className="secondary" onClick={() => setAfter(null)}>
              First page
            </button>
          )}
          {page?.pageInfo.hasNextPage && (
            <button
              type="button"
              className="secondary"
              onClick={() => setAfter(page.pageInfo.endCursor ?? null)}
            >
              Next page
            </button>
          )}
        </div>
      </Section>
    </div>
  );
}
