import { FORECAST_READERS } from '../auth/roles';
import { createLocalClock } from '../volumes/volume-calendar';
import type { DownloadRoute } from '../export/download';
import { exportLocalDateTime } from '../export/local-date-time';
import type { ForecastService } from './forecast.service';

/** `/exports/forecasts/:id.xlsx|.csv`: the intervals (local and UTC time) and the daily totals. */
export function forecastDownload(forecasts: ForecastService): DownloadRoute {
  return {
    path: '/exports/forecasts/:id',
    roles: [...FORECAST_READERS],
    fileName: ({ id }) => `forecast-${id}`,
    async sheets({ id }) {
      const doc = await forecasts.require(id);
      const localTime = createLocalClock(forecasts.timeZone);
      const bounds = [
        { header: 'Mean', key: 'mean', numFmt: '0.00' },
        { header: 'Lo 80', key: 'lo80', numFmt: '0.00' },
        { header: 'Hi 80', key: 'hi80', numFmt: '0.00' },
        { header: 'Lo 95', key: 'lo95', numFmt: '0.00' },
        { header: 'Hi 95', key: 'hi95', numFmt: '0.00' },
      ];
      return [
        {
          name: 'Intervals',
          columns: [
            { header: 'Channel', key: 'channel' },
            { header: 'Local time', key: 'local', width: 20 },
            { header: 'UTC', key: 't', width: 24 },
            ...bounds,
          ],
          rows: doc.points.map((p) => ({
            channel: doc.channel,
            local: exportLocalDateTime(localTime(p.t).dateTime),
            t: p.t.toISOString(),
            mean: p.mean,
            lo80: p.lo80,
            hi80: p.hi80,
            lo95: p.lo95,
            hi95: p.hi95,
          })),
        },
        {
          name: 'Daily',
          columns: [{ header: 'Date', key: 'date', width: 12 }, ...bounds],
          rows: forecasts.dailyTotals(doc).map((d) => ({ ...d })),
        },
      ];
    },
  };
}
