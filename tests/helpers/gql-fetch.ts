/**
 * The HTTP GraphQL call every test helper makes, with a deadline. A call with none that hung
 * (once seen: the job-recovery test stopped at Jest's 240 s timeout) could not say which one it
 * was; now it fails after `timeoutMs`, naming the operation, the server and the time it waited.
 */

/** Generous: above any one call a test makes (the slowest, a synchronous roster solve, takes seconds). */
export const GQL_TIMEOUT_MS = 120_000;

/** `mutation planWeek`, `query Login`: the operation's name, or else its first root field. */
export function operationOf(query: string): string {
  const named = /\b(query|mutation|subscription)\s+([_A-Za-z]\w*)/.exec(query);
  if (named) return `${named[1]} ${named[2]}`;
  const anonymous = /^\s*(query|mutation|subscription)?[^{]*\{\s*(?:[_A-Za-z]\w*\s*:\s*)?([_A-Za-z]\w*)/.exec(
    query,
  );
  return `${anonymous?.[1] ?? 'query'} ${anonymous?.[2] ?? '(unreadable)'}`;
}

/**
 * POSTs `body` to `${url}/graphql` and reads the answer's JSON, all within `timeoutMs`; a failure
 * or a timeout rejects with an Error naming the operation, `url` and the milliseconds waited.
 */
export async function postGraphql(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
  token?: string,
  timeoutMs = GQL_TIMEOUT_MS,
): Promise<{ status: number; json: unknown }> {
  const t0 = Date.now();
  try {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, json: await res.json() };
  } catch (e) {
    const waited = Date.now() - t0;
    const what = `GraphQL ${operationOf(body.query)} to ${url}`;
    if (e instanceof DOMException && e.name === 'TimeoutError')
      throw new Error(`${what} did not answer within ${timeoutMs} ms (${waited} ms elapsed)`);
    throw new Error(`${what} failed after ${waited} ms: ${(e as Error).message}`, { cause: e });
  }
}
