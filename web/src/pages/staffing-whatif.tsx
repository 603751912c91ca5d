import { type FormEvent, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts/chart';
import { graphql } from '../gql';
import type { ScenarioInput, StaffingBasis } from '../gql/graphql';
import { ErrorBox, fmt, Section } from '../ui';
import { weekCurveOption } from './staffing.chart';

const Scenario = graphql(`
  query StaffingScenario(
    $channel: String!
    $week: String
    $basis: StaffingBasis!
    $overrides: ScenarioInput!
  ) {
    staffingScenario(channel: $channel, week: $week, basis: $basis, overrides: $overrides) {
      base {
        intervalMinutes
        totals {
          volume
          workloadHours
          scheduledStaffHours
          weeklyFte
          peakScheduledAgents
        }
        rows {
          scheduledAgents
        }
      }
      scenario {
        totals {
          volume
          workloadHours
          scheduledStaffHours
          weeklyFte
          peakScheduledAgents
        }
        rows {
          scheduledAgents
        }
      }
    }
  }
`);

interface Form {
  channel: string;
  volumeMultiplier: string;
  ahtSeconds: string;
  shrinkage: string;
}

const TOTALS = [
  ['Volume', 'volume', 0],
  ['Workload hours', 'workloadHours', 0],
  ['Scheduled staff hours', 'scheduledStaffHours', 0],
  ['Weekly FTE', 'weeklyFte', 1],
  ['Peak agents', 'peakScheduledAgents', 1],
] as const;

function overridesOf(f: Form): ScenarioInput {
  const o: ScenarioInput = {};
  if (f.volumeMultiplier) o.volumeMultiplier = Number(f.volumeMultiplier);
  if (f.ahtSeconds) o.ahtSeconds = Number(f.ahtSeconds);
  if (f.shrinkage) o.shrinkage = Number(f.shrinkage);
  return o;
}

/** Base and what-if plans of one channel side by side. */
export function WhatIfPanel({ week, basis: pageBasis }: { week: string; basis: StaffingBasis }) {
  const [form, setForm] = useState<Form>({
    channel: 'calls',
    volumeMultiplier: '1.1',
    ahtSeconds: '',
    shrinkage: '',
  });
  const [basis, setBasis] = useState<StaffingBasis>(pageBasis);
  const [applied, setApplied] = useState<{ form: Form; basis: StaffingBasis } | null>(null);
  const [result] = useQuery({
    query: Scenario,
    variables: {
      channel: applied?.form.channel ?? '',
      week,
      basis: applied?.basis ?? 'MEAN',
      overrides: applied ? overridesOf(applied.form) : {},
    },
    pause: !applied,
  });
  const s = result.data?.staffingScenario;
  const curve = useMemo(
    () =>
      s
        ? weekCurveOption(
            [
              { name: 'Base', values: s.base.rows.map((r) => r.scheduledAgents), color: '#64748b' },
              { name: 'Scenario', values: s.scenario.rows.map((r) => r.scheduledAgents), color: '#c2410c' },
            ],
            s.base.intervalMinutes,
          )
        : null,
    [s],
  );
  const field = (key: keyof Form) => ({
    value: form[key],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied({ form, basis });
  };

  return (
    <Section title="What-if">
      <form className="grid-form" onSubmit={submit} aria-label="What-if scenario">
        <label>
          Channel <input {...field('channel')} required />
        </label>
        <label>
          Volume multiplier{' '}
          <input type="number" step="0.05" min="0" max="10" {...field('volumeMultiplier')} />
        </label>
        <label>
          AHT (s) <input type="number" min="1" max="36000" {...field('ahtSeconds')} placeholder="channel's" />
        </label>
        <label>
          Shrinkage{' '}
          <input
            type="number"
            step="0.01"
            min="0"
            max="0.95"
            {...field('shrinkage')}
            placeholder="channel's"
          />
        </label>
        <label>
          Basis{' '}
          <select value={basis} onChange={(e) => setBasis(e.target.value as StaffingBasis)}>
            <option>MEAN</option>
            <option>HI80</option>
            <option>HI95</option>
          </select>
        </label>
        <button type="submit">Compare</button>
      </form>
      <ErrorBox error={result.error} />
      {s && (
        <>
          <table aria-label="Base and scenario totals">
            <thead>
              <tr>
                <th scope="col">Week total</th>
                <th scope="col">Base</th>
                <th scope="col">Scenario</th>
                <th scope="col">Difference</th>
              </tr>
            </thead>
            <tbody>
              {TOTALS.map(([label, key, digits]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td className="num">{fmt.n(s.base.totals[key], digits)}</td>
                  <td className="num">{fmt.n(s.scenario.totals[key], digits)}</td>
                  <td className="num">{fmt.n(s.scenario.totals[key] - s.base.totals[key], digits)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {curve && (
            <Chart
              option={curve}
              label="Scheduled agents, base against scenario"
              testId="whatif-curve"
              height={260}
            />
          )}
        </>
      )}
    </Section>
  );
}
