import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';

/** The server's message(s) of a failed operation, without urql's "[GraphQL]" prefix. */
export function errorText(error: CombinedError | undefined): string {
  if (!error) return '';
  if (error.networkError) return `The server cannot be reached (${error.networkError.message}).`;
  return error.graphQLErrors.map((e) => e.message).join('; ');
}

/** Every `extensions.details` entry of a failed operation, with its error's code. */
export function detailsOf(
  error: CombinedError | undefined,
): { code: unknown; field?: string; message?: string }[] {
  const out: { code: unknown; field?: string; message?: string }[] = [];
  for (const e of error?.graphQLErrors ?? []) {
    const details = e.extensions?.details;
    if (Array.isArray(details))
      for (const d of details as { field?: string; message?: string }[])
        out.push({ code: e.extensions.code, ...d });
  }
  return out;
}

/** Violations a refused change lists in `extensions.details`. */
export function errorDetails(error: CombinedError | undefined): string[] {
  return detailsOf(error).map((d) => (d.field ? `${d.field}: ${d.message ?? ''}` : String(d.message ?? '')));
}

/** As `errorText`, each message led by its `extensions.code`: "FAILED_PRECONDITION: …". */
export function codedErrorText(error: CombinedError | undefined): string {
  if (!error || error.networkError) return errorText(error);
  return error.graphQLErrors
    .map((e) => (typeof e.extensions?.code === 'string' ? `${e.extensions.code}: ${e.message}` : e.message))
    .join('; ');
}

export function ErrorBox(props: { error: CombinedError | undefined; withCode?: boolean }) {
  if (!props.error) return null;
  return (
    <div className="error" role="alert">
      {props.withCode ? codedErrorText(props.error) : errorText(props.error)}
    </div>
  );
}

export function Section(props: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card" aria-label={props.title}>
      <header className="card-head">
        <h2>{props.title}</h2>
        {props.actions}
      </header>
      {props.children}
    </section>
  );
}

export const fmt = {
  n: (v: number | null | undefined, digits = 1) =>
    v == null ? '–' : v.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 }),
  pct: (v: number | null | undefined, digits = 1) => (v == null ? '–' : `${(v * 100).toFixed(digits)} %`),
  time: (iso: string) => iso.slice(11, 16),
  /** A shift's real breaks, e.g. "10:00–10:15 paid, 12:30–13:00"; '' when there are none. */
  breaks: (breaks: readonly { start: string; end: string; paid?: boolean }[] | null | undefined) =>
    (breaks ?? []).map((b) => `${fmt.time(b.start)}–${fmt.time(b.end)}${b.paid ? ' paid' : ''}`).join(', '),
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week holding `date` (YYYY-MM-DD). */
export function mondayOf(date: string): string {
  const dow = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/** The Monday after the week holding `today` (YYYY-MM-DD): the next week to plan. */
export const nextMonday = (today: string): string => addDays(mondayOf(today), 7);
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
