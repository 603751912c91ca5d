import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { AuditFilterInput } from '../gql/graphql';
import { addDays, ErrorBox, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { instantAt } from '../zoned-time';

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
  const clock = useSiteClock();
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
    // whole days on the site's clock, as the log's times are shown
    if (form.from) f.from = instantAt(form.from, '00:00:00', clock.zone).toISOString();
    if (form.to)
      f.to = new Date(instantAt(addDays(form.to, 1), '00:00:00', clock.zone).getTime() - 1).toISOString();
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
                  <td>{clock.dateTime(e.at, { seconds: true })}</td>
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
