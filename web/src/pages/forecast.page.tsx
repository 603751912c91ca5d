import { useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { Chart } from '../charts/chart';
import type { ForecastRunFieldsFragment, Role } from '../gql/graphql';
import { hasRole } from '../pages';
import { addDays, ErrorBox, fmt, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { forecastChartOption } from './forecast.chart';
import { ById, Channels, History, Latest, RunForecast, Runs, Updated } from './forecast.queries';
import { ModelRegistry, ForecastAccuracyPanel } from './forecast-models';
import { HistoryQualityPanel } from './history-quality';

const HISTORY_DAYS = 14;

export function ForecastPage({ roles }: { roles: Role[] }) {
  const clock = useSiteClock();
  const readsPlans = hasRole(roles, 'MANAGER', 'SERVICE_PROVIDER');
  const plans = hasRole(roles, 'MANAGER');
  const [channel, setChannel] = useState('calls');
  const [start, setStart] = useState(clock.today());
  const [horizon, setHorizon] = useState(14);
  const [channels] = useQuery({ query: Channels, pause: !readsPlans });
  const [runId, setRunId] = useState('');
  const [latest, refetch] = useQuery({ query: Latest, variables: { channel } });
  const [runs, refetchRuns] = useQuery({ query: Runs, variables: { channel } });
  const [picked] = useQuery({ query: ById, variables: { id: runId }, pause: !runId });
  const f = (runId ? picked.data?.forecast : latest.data?.latestForecast) as
    ForecastRunFieldsFragment | null | undefined;
  const from = addDays((f?.start ?? `${start}T00:00:00Z`).slice(0, 10), -HISTORY_DAYS);
  const to = (f?.end ?? `${addDays(start, 1)}T00:00:00Z`).slice(0, 10);
  const [history] = useQuery({ query: History, variables: { channel, from, to }, pause: !readsPlans });
  const [run, runForecast] = useMutation(RunForecast);
  const [update] = useSubscription(
    { query: Updated, variables: { channel }, pause: !hasRole(roles, 'MANAGER', 'PARTNER') },
    (_prev, data) => {
      refetch({ requestPolicy: 'network-only' });
      refetchRuns({ requestPolicy: 'network-only' });
      return data;
    },
  );

  const option = useMemo(
    () => forecastChartOption(f?.points ?? [], history.data?.volumes.intervals ?? [], clock.zone),
    [f, history.data, clock.zone],
  );

  return (
    <div className="page">
      <h1>Forecast</h1>
      <div className="toolbar">
        <label>
          Channel{' '}
          {readsPlans ? (
            <select
              value={channel}
              onChange={(e) => {
                setChannel(e.target.value);
                setRunId('');
              }}
            >
              {(channels.data?.channels.nodes ?? [{ key: 'calls', name: 'calls' }]).map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name} ({c.key})
                </option>
              ))}
            </select>
          ) : (
            <input value={channel} onChange={(e) => setChannel(e.target.value.trim())} size={14} />
          )}
        </label>
        <label>
          Run{' '}
          <select value={runId} onChange={(e) => setRunId(e.target.value)}>
            <option value="">latest</option>
            {(runs.data?.forecasts.nodes ?? []).map((r) => (
              <option key={r.id} value={r.id}>
                from {r.start.slice(0, 10)} · {r.modelKind} · made {clock.dateTime(r.createdAt)}
              </option>
            ))}
          </select>
        </label>
        {plans && (
          <form
            className="inline"
            onSubmit={(e) => {
              e.preventDefault();
              void runForecast({ channel, start, horizonDays: horizon });
            }}
          >
            <label>
              From <input type="date" value={start} onChange={(e) => setStart(e.target.value)} required />
            </label>
            <label>
              Days{' '}
              <input
                type="number"
                min={1}
                max={56}
                value={horizon}
                onChange={(e) => setHorizon(Number(e.target.value))}
              />
            </label>
            <button type="submit" disabled={run.fetching}>
              {run.fetching ? 'Forecasting…' : 'Run forecast'}
            </button>
          </form>
        )}
        {update.data && (
          <span className="badge" role="status">
            Updated: forecast from {update.data.forecastUpdated.start.slice(0, 10)}
          </span>
        )}
      </div>
      <ErrorBox error={run.error ?? latest.error ?? picked.error} />
      <Section title="History and forecast">
        {f ? (
          <>
            <p className="muted">
              {f.modelKind} run of {clock.dateTime(f.createdAt)}: {f.horizonDays} days from{' '}
              {f.start.slice(0, 10)}, every {f.intervalMinutes} min, with 80 % and 95 % intervals
              {readsPlans ? '; actuals drawn where known' : ''}.
            </p>
            <Chart
              option={option}
              label={`Forecast of ${channel} with 80 and 95 percent bands`}
              testId="forecast-chart"
            />
          </>
        ) : (
          <p>{latest.fetching ? 'Loading…' : `No forecast of ${channel} yet.`}</p>
        )}
      </Section>
      {f && (
        <Section title="Daily totals">
          <div className="scroll" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Mean</th>
                  <th scope="col">80 % interval</th>
                  <th scope="col">95 % interval</th>
                </tr>
              </thead>
              <tbody>
                {f.dailyTotals.map((d) => (
                  <tr key={d.date}>
                    <td>{d.date}</td>
                    <td className="num">{fmt.n(d.mean, 0)}</td>
                    <td className="num">
                      {fmt.n(d.lo80, 0)} – {fmt.n(d.hi80, 0)}
                    </td>
                    <td className="num">
                      {fmt.n(d.lo95, 0)} – {fmt.n(d.hi95, 0)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      )}
      <ModelRegistry channel={channel} canActivate={plans} />
      <ForecastAccuracyPanel channel={channel} />
      {readsPlans && <HistoryQualityPanel channel={channel} />}
    </div>
  );
}
