import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { addDays, ErrorBox, fmt, Section } from '../ui';
import { useSiteClock } from '../site-clock';

const Models = graphql(`
  query ForecastModels($channel: String!) {
    models(channel: $channel) {
      id
      version
      kind
      status
      createdAt
      metrics {
        mase
        wape
        coverage80
        coverage95
        origins
      }
    }
  }
`);

const Activate = graphql(`
  mutation ActivateModel($id: ID!) {
    activateModel(id: $id) {
      id
      status
    }
  }
`);

const Accuracy = graphql(`
  query ForecastAccuracy($channel: String!, $from: LocalDate!, $to: LocalDate!) {
    forecastAccuracy(channel: $channel, from: $from, to: $to) {
      drift
      driftFactor
      runs {
        forecastId
        modelKind
        start
        drift
        backtestWape
        metrics {
          n
          wape
          mase
          coverage80
          coverage95
        }
      }
    }
  }
`);

export function ModelRegistry({ channel, canActivate }: { channel: string; canActivate: boolean }) {
  const clock = useSiteClock();
  const [models, refetch] = useQuery({ query: Models, variables: { channel } });
  const [activation, activate] = useMutation(Activate);
  return (
    <Section title="Model registry">
      <ErrorBox error={models.error ?? activation.error} />
      <div className="scroll" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">MASE</th>
              <th scope="col">WAPE</th>
              <th scope="col">Coverage 80 / 95</th>
              <th scope="col">Trained</th>
              {canActivate && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {(models.data?.models ?? []).map((m) => (
              <tr key={m.id}>
                <td>v{m.version}</td>
                <td>{m.kind}</td>
                <td>{m.status}</td>
                <td className="num">{fmt.n(m.metrics.mase, 2)}</td>
                <td className="num">{fmt.n(m.metrics.wape, 1)}</td>
                <td className="num">
                  {fmt.pct(m.metrics.coverage80, 0)} / {fmt.pct(m.metrics.coverage95, 0)}
                </td>
                <td>{clock.dateTime(m.createdAt)}</td>
                {canActivate && (
                  <td>
                    {m.status !== 'ACTIVE' && (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          activate({ id: m.id }).then(() => refetch({ requestPolicy: 'network-only' }))
                        }
                      >
                        Activate v{m.version}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

export function ForecastAccuracyPanel({ channel }: { channel: string }) {
  const clock = useSiteClock();
  const to = clock.today();
  const [acc] = useQuery({ query: Accuracy, variables: { channel, from: addDays(to, -28), to } });
  const a = acc.data?.forecastAccuracy;
  return (
    <Section title="Accuracy and drift (last 28 days)">
      <ErrorBox error={acc.error} />
      {a && (
        <>
          <p className={a.drift ? 'error' : 'muted'} role={a.drift ? 'alert' : undefined}>
            {a.drift
              ? `Drift: the latest run's error is above ${a.driftFactor}× its backtest.`
              : `No drift (threshold ${a.driftFactor}× the backtest error).`}
          </p>
          {a.runs.length === 0 ? (
            <p>No stored forecast has actuals in this period yet.</p>
          ) : (
            <div className="scroll" tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Run from</th>
                    <th scope="col">Model</th>
                    <th scope="col">Intervals</th>
                    <th scope="col">WAPE (backtest)</th>
                    <th scope="col">MASE</th>
                    <th scope="col">Coverage 80 / 95</th>
                    <th scope="col">Drift</th>
                  </tr>
                </thead>
                <tbody>
                  {a.runs.map((r) => (
                    <tr key={r.forecastId}>
                      <td>{r.start.slice(0, 10)}</td>
                      <td>{r.modelKind}</td>
                      <td className="num">{r.metrics.n}</td>
                      <td className="num">
                        {fmt.n(r.metrics.wape)} ({fmt.n(r.backtestWape)})
                      </td>
                      <td className="num">{fmt.n(r.metrics.mase, 2)}</td>
                      <td className="num">
                        {fmt.pct(r.metrics.coverage80, 0)} / {fmt.pct(r.metrics.coverage95, 0)}
                      </td>
                      <td>{r.drift ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
