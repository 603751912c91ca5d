/**
 * The one form every export writes an interval's local time in: ISO 8601 local date-time
 * `YYYY-MM-DDTHH:MM:SS`, on the site's wall clock (`SITE_TIME_ZONE`) and without an offset, as
 * GraphQL's `localTime` and a shift's `start` / `end` read. Until 2026-12-04 the staffing sheets
 * wrote `2026-11-23T09:15:00`, the roster's Coverage and Outcome sheets `2026-11-23T09:15` and
 * the forecast's Intervals sheet `2026-11-23 09:15`.
 */
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/;

/**
 * `local` (`YYYY-MM-DD[T ]HH:MM[:SS]`, a wall-clock time the server made) in the export form
 * `YYYY-MM-DDTHH:MM:SS`. Anything else is a bug in the caller, not bad input: it throws.
 */
export function exportLocalDateTime(local: string): string {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) throw new Error(`not a local date-time: "${local}"`);
  return `${m[1]}T${m[2]}${m[3] ?? ':00'}`;
}
