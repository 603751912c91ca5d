import { CHANNELS, type ChannelDoc } from '../../../src/channels/channel.doc';
import { FORECASTS, type ForecastDoc } from '../../../src/forecasting/forecast.doc';
import type { ForecastPoint } from '../../../src/forecasting/forecast.types';
import type { DocumentStore } from '../../../src/store/document-store';

/** Mon–Fri 08:00–18:00. */
export const WEEKDAYS_8_TO_18 = [1, 2, 3, 4, 5].map((dayOfWeek) => ({
  dayOfWeek,
  from: '08:00',
  to: '18:00',
}));
export const ALWAYS_OPEN = [1, 2, 3, 4, 5, 6, 7].map((dayOfWeek) => ({
  dayOfWeek,
  from: '00:00',
  to: '24:00',
}));

/** A LIVE channel: AHT 180 s, 80/20, occupancy 0.85, shrinkage 0.3, 30-minute intervals. */
export function channel(patch: Partial<ChannelDoc> & { key: string }): ChannelDoc {
  const at = new Date('2026-01-01T00:00:00Z');
  return {
    _id: `ch-${patch.key}`,
    name: patch.key,
    kind: 'LIVE',
    intervalMinutes: 30,
    ahtSeconds: 180,
    serviceLevel: { target: 0.8, answerSeconds: 20 },
    patienceSeconds: null,
    maxOccupancy: 0.85,
    shrinkage: 0.3,
    responseHours: null,
    requiredSkill: 'phone',
    openingHours: WEEKDAYS_8_TO_18,
    active: true,
    createdAt: at,
    updatedAt: at,
    ...patch,
  };
}

/**
 * A forecast of `channel` from `start` (UTC) for `days` days of `intervalMinutes` points;
 * mean from `mean(t)`, hi80 = 1.3 × mean, hi95 = 1.6 × mean.
 */
export function forecast(opts: {
  id: string;
  channel: string;
  start: string;
  days?: number;
  intervalMinutes?: number;
  mean: number | ((t: number) => number);
  createdAt?: string;
}): ForecastDoc {
  const minutes = opts.intervalMinutes ?? 30;
  const start = Date.parse(opts.start);
  const end = start + (opts.days ?? 7) * 86_400_000;
  const points: ForecastPoint[] = [];
  for (let t = start; t < end; t += minutes * 60_000) {
    const m = typeof opts.mean === 'number' ? opts.mean : opts.mean(t);
    points.push({ t: new Date(t), mean: m, lo80: 0.7 * m, hi80: 1.3 * m, lo95: 0.4 * m, hi95: 1.6 * m });
  }
  return {
    _id: opts.id,
    channel: opts.channel,
    modelId: 'model-1',
    modelKind: 'MSTL',
    start: new Date(start),
    end: new Date(end),
    intervalMinutes: minutes,
    horizonDays: opts.days ?? 7,
    points,
    createdAt: new Date(opts.createdAt ?? '2026-01-02T00:00:00Z'),
    createdBy: null,
  } as ForecastDoc;
}

export async function seed(
  store: DocumentStore,
  channels: ChannelDoc[],
  forecasts: ForecastDoc[],
): Promise<void> {
  if (channels.length) await store.collection<ChannelDoc>(CHANNELS).insertMany(channels);
  if (forecasts.length) await store.collection<ForecastDoc>(FORECASTS).insertMany(forecasts);
}
