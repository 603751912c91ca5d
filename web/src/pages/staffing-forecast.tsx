import { useState } from 'react';
import type { CombinedError } from 'urql';
import { useMutation } from 'urql';
import { detailsOf, ErrorBox } from '../ui';
import { RunForecast } from './forecast.queries';

/** The channels a staffing plan found no forecast for (`channels.<key>` in the error's details). */
export function channelsWithoutForecast(error: CombinedError | undefined): string[] {
  return detailsOf(error)
    .filter((d) => d.code === 'FAILED_PRECONDITION' && d.field?.startsWith('channels.'))
    .map((d) => d.field!.slice('channels.'.length));
}

/**
 * Offered when the week's plan lacks forecasts (MANAGER): runs the model of each channel
 * without one over the week, one after the other, then asks the plan again.
 */
export function ForecastWeekAction(props: { week: string; channels: string[]; onDone: () => void }) {
  const [state, runForecast] = useMutation(RunForecast);
  const [done, setDone] = useState(0);
  const [busy, setBusy] = useState(false);
  if (props.channels.length === 0) return null;
  const run = async (): Promise<void> => {
    setBusy(true);
    setDone(0);
    for (const channel of props.channels) {
      const result = await runForecast({ channel, start: props.week, horizonDays: 7 });
      if (result.error) break;
      setDone((n) => n + 1);
    }
    setBusy(false);
    props.onDone();
  };
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy
          ? `Forecasting… ${done} of ${props.channels.length}`
          : `Forecast the week of ${props.week} (${props.channels.join(', ')})`}
      </button>
      <ErrorBox error={state.error} />
    </div>
  );
}
