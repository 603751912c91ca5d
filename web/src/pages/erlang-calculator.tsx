import { type FormEvent, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { ErlangCalculatorInput } from '../gql/graphql';
import { ErrorBox, fmt, Section } from '../ui';

const Calc = graphql(`
  query ErlangCalculator($input: ErlangCalculatorInput!) {
    erlangCalculator(input: $input) {
      model
      trafficErlangs
      rawAgents
      scheduledAgents
      binding
      atRequired {
        agents
        serviceLevel
        asaSeconds
        occupancy
        waitProbability
        abandonProbability
      }
    }
  }
`);

const FIELDS: [keyof ErlangCalculatorInput, string, number][] = [
  ['volume', 'Contacts in the interval', 100],
  ['intervalMinutes', 'Interval (min)', 15],
  ['ahtSeconds', 'AHT (s)', 180],
  ['serviceLevelTarget', 'Service-level target (0–1)', 0.8],
  ['answerSeconds', 'Answer within (s)', 20],
  ['maxOccupancy', 'Max occupancy (0–1)', 0.85],
  ['shrinkage', 'Shrinkage (0–1)', 0.3],
  ['patienceSeconds', 'Patience (s, Erlang A; blank: C)', 0],
];

/** Erlang C (or A with a patience) for one interval. */
export function ErlangCalculator() {
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(FIELDS.map(([k, , v]) => [k, v ? String(v) : ''])),
  );
  const [input, setInput] = useState<ErlangCalculatorInput | null>(null);
  const [result] = useQuery({ query: Calc, variables: { input: input! }, pause: !input });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = (k: string) => Number(values[k]);
    setInput({
      volume: n('volume'),
      intervalMinutes: n('intervalMinutes'),
      ahtSeconds: n('ahtSeconds'),
      serviceLevelTarget: n('serviceLevelTarget'),
      answerSeconds: n('answerSeconds'),
      maxOccupancy: n('maxOccupancy'),
      shrinkage: n('shrinkage'),
      ...(values.patienceSeconds ? { patienceSeconds: n('patienceSeconds') } : {}),
    });
  };
  const r = result.data?.erlangCalculator;
  return (
    <Section title="Erlang calculator">
      <form className="grid-form" onSubmit={submit} aria-label="Erlang calculator">
        {FIELDS.map(([key, label]) => (
          <label key={key}>
            {label}
            <input
              type="number"
              step="any"
              value={values[key]}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              required={key !== 'patienceSeconds'}
            />
          </label>
        ))}
        <button type="submit">Calculate</button>
      </form>
      <ErrorBox error={result.error} />
      {r && (
        <dl className="kpis" aria-label="Erlang result">
          <div>
            <dt>Model</dt>
            <dd>{r.model}</dd>
          </div>
          <div>
            <dt>Traffic</dt>
            <dd>{fmt.n(r.trafficErlangs, 2)} Erl</dd>
          </div>
          <div>
            <dt>Agents needed</dt>
            <dd data-testid="erlang-agents">{r.rawAgents}</dd>
          </div>
          <div>
            <dt>Scheduled (with shrinkage)</dt>
            <dd>{r.scheduledAgents}</dd>
          </div>
          <div>
            <dt>Service level</dt>
            <dd>{fmt.pct(r.atRequired.serviceLevel)}</dd>
          </div>
          <div>
            <dt>ASA</dt>
            <dd>{fmt.n(r.atRequired.asaSeconds)} s</dd>
          </div>
          <div>
            <dt>Occupancy</dt>
            <dd>{fmt.pct(r.atRequired.occupancy)}</dd>
          </div>
          <div>
            <dt>Binding target</dt>
            <dd>{r.binding}</dd>
          </div>
        </dl>
      )}
    </Section>
  );
}
