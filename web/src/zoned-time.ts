/** Dates and times as the site's clock reads them, whatever the browser's zone. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string | undefined, seconds: boolean): Intl.DateTimeFormat {
  const key = `${zone ?? ''}|${seconds}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f;
}

function parts(instant: Date, zone: string | undefined, seconds: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(zone, seconds).formatToParts(instant)) out[p.type] = p.value;
  return out;
}

/**
 * An instant as "YYYY-MM-DD HH:mm" (with ":ss" when asked) on the clock of `zone` (an IANA
 * name; the browser's own when undefined): unambiguous in every locale.
 */
export function formatInstant(iso: string, zone: string | undefined, seconds = false): string {
  const p = parts(new Date(iso), zone, seconds);
  const time = `${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** The calendar day (YYYY-MM-DD) `instant` falls on in `zone`. */
export function dateIn(zone: string | undefined, instant: Date = new Date()): string {
  const p = parts(instant, zone, false);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The site's wall-clock reading of an instant, written as if it were UTC
 * ("YYYY-MM-DDTHH:mm:ssZ"): what a chart drawn with `useUTC` labels in the site's time.
 */
export function wallClockIso(iso: string, zone: string | undefined): string {
  const p = parts(new Date(iso), zone, true);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}Z`;
}

/**
 * The instant the site's clock reads `date` (YYYY-MM-DD) at `time` (HH:mm:ss). In a gap
 * (clocks going forward) it is the instant after the gap; in an overlap, the earlier one.
 */
export function instantAt(date: string, time: string, zone: string | undefined): Date {
  const wall = Date.parse(`${date}T${time}Z`);
  const offsetAt = (ms: number) => Date.parse(wallClockIso(new Date(ms).toISOString(), zone)) - ms;
  // the offset an hour or two either side of the guess: try the earlier, then the later
  const early = wall - offsetAt(wall - 86_400_000 / 2);
  const late = wall - offsetAt(wall + 86_400_000 / 2);
  for (const ms of [Math.min(early, late), Math.max(early, late)])
    if (Date.parse(wallClockIso(new Date(ms).toISOString(), zone)) === wall) return new Date(ms);
  return new Date(Math.max(early, late));
}
