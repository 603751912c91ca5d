import { type IANAZone } from 'luxon';
import { echoCell } from '../import/import-limits';

export type TimestampResult = { ok: true; instant: number } | { ok: false; message: string };

const TS_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const HOUR_MS = 3_600_000;

const parseOffsetMinutes = (s: string): number => {
  if (s.toUpperCase() === 'Z') return 0;
  const sign = s.startsWith('-') ? -1 : 1;
  const digits = s.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
};

/**
 * Parses an interval or event timestamp to a UTC instant (epoch ms).
 * - With `Z` or an offset (`2026-10-25T01:30:00+01:00`): that exact instant.
 * - Without an offset (`2026-10-25 01:30`): wall-clock time in `zone`. In the fall-back
 *   repeated hour the time is ambiguous and the EARLIER occurrence (summer time) is used;
 *   in the spring-forward gap the time does not exist and is an error.
 * Seconds and fractions are optional; a space may replace the `T`.
 */
export const parseVolumeTimestamp = (raw: string, zone: IANAZone): TimestampResult => {
  const m = TS_RE.exec(raw.trim());
  if (!m)
    return {
      ok: false,
      message: `timestamp must be ISO 8601 like 2026-03-29T08:15 or 2026-03-29T08:15:00+01:00, got ${echoCell(raw)}`,
    };
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
  const ms = Math.round(Number(`0.${m[7] ?? '0'}`) * 1000);
  const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const w = new Date(wall);
  if (
    w.getUTCFullYear() !== y ||
    w.getUTCMonth() !== mo - 1 ||
    w.getUTCDate() !== d ||
    w.getUTCHours() !== h ||
    w.getUTCMinutes() !== mi ||
    s > 59
  ) {
    return { ok: false, message: `timestamp is not a real date and time: ${echoCell(raw)}` };
  }
  if (m[8] !== undefined) {
    const offset = parseOffsetMinutes(m[8]);
    if (Math.abs(offset) > 18 * 60)
      return { ok: false, message: `timestamp offset out of range: ${echoCell(raw)}` };
    return { ok: true, instant: wall - offset * 60_000 };
  }
  const offsets = new Set([
    zone.offset(wall - 14 * HOUR_MS),
    zone.offset(wall),
    zone.offset(wall + 14 * HOUR_MS),
  ]);
  const candidates = [...offsets]
    .map((o) => wall - o * 60_000)
    .filter((t) => zone.offset(t) * 60_000 === wall - t);
  if (candidates.length === 0) {
    return {
      ok: false,
      message: `local time ${echoCell(raw)} does not exist in ${zone.name} (clocks go forward)`,
    };
  }
  return { ok: true, instant: Math.min(...candidates) };
};
