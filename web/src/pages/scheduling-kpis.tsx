import { type FormEvent, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Chart } from '../charts/chart';
import { addDays, ErrorBox, fmt, mondayOf, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { kpiWeeksOption } from './ranking.chart';
import {
  DEFAULT_KPI_WEEKS,
  type KpiData,
  type KpiTargetData,
  MAX_KPI_WEEKS,
  SchedulingKpis,
} from './ranking.queries';

type MlVsRules = NonNullable<KpiData['weeks'][number]['mlVsRules']>;
type Targets = KpiData['targets'];

const hours = (v: number | null | undefined) => (v == null ? '–' : `${v.toFixed(2)} h`);
const coverage = (v: number | null | undefined) => (v == null ? '–' : `${fmt.n(v)} %`);
/** A baseline or target in its unit: "90 %", "21.5 %", "2.00 h". */
const inUnit = (v: number, t: KpiTargetData) => (t.unit === 'HOURS' ? hours(v) : `${fmt.n(v * 100, 1)} %`);
/** "≥ 90 %" / "≤ 2.00 h": the target with the direction it is met in. */
const targetText = (t: KpiTargetData) =>
  `${t.direction === 'HIGHER_IS_BETTER' ? '≥' : '≤'} ${inUnit(t.target, t)}`;

/** The default range: the DEFAULT_KPI_WEEKS weeks before the site's current week. */
export function defaultKpiRange(today: string): { from: string; to: string } {
  const thisWeek = mondayOf(today);
  return { from: addDays(thisWeek, -7 * DEFAULT_KPI_WEEKS), to: addDays(thisWeek, -7) };
}

/** The verdict in words (a mark and a colour beside them, never instead). */
function Verdict({ met }: { met: boolean | null | undefined }) {
  if (met == null) return <span className="verdict">no figure</span>;
  return met ? <span className="verdict met">✓ met</span> : <span className="verdict missed">✗ not met</span>;
}

/** A week's cell: the figure, and ✓ / ✗ against its target (spelled out for screen readers). */
function Judged({ text, met }: { text: string; met: boolean | null | undefined }) {
  if (met == null) return <>{text}</>;
  return (
    <>
      {text}{' '}
      <span className={`verdict ${met ? 'met' : 'missed'}`} aria-hidden="true">
        {met ? '✓' : '✗'}
      </span>
      <span className="sr-only">{met ? ' meets the target' : ' misses the target'}</span>
    </>
  );
}

function Figure(props: {
  id: string;
  label: string;
  value: string;
  target?: KpiTargetData;
  met?: boolean | null;
}) {
  const { target } = props;
  return (
    <div data-testid={`kpi-${props.id}`}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
      <dd className="target">
        {target ? (
          <>
            <Verdict met={props.met} /> <br />
            target {targetText(target)}, baseline {inUnit(target.baseline, target)}
          </>
        ) : (
          'no target'
        )}
      </dd>
    </div>
  );
}

function Overall({ overall, targets }: { overall: KpiData['overall']; targets: Targets }) {
  const met = overall.targetMet;
  return (
    <dl className="kpis" data-testid="kpi-overall">
      <Figure
        id="success-rate"
        label="Scheduler success rate"
        value={fmt.pct(overall.successRate)}
        target={targets.successRate}
        met={met.successRate}
      />
      <Figure
        id="workload-balance"
        label="Workload balance σ"
        value={hours(overall.workloadBalance)}
        target={targets.workloadBalance}
        met={met.workloadBalance}
      />
      <Figure
        id="intervention-rate"
        label="User intervention rate"
        value={fmt.pct(overall.interventionRate)}
        target={targets.interventionRate}
        met={met.interventionRate}
      />
      <Figure id="fallback-rate" label="Fallback rate" value={fmt.pct(overall.fallbackRate)} />
    </dl>
  );
}

function MlCells({ m }: { m: MlVsRules | null | undefined }) {
  if (!m)
    return (
      <td colSpan={3} className="muted">
        no shadow roster
      </td>
    );
  return (
    <>
      <td className="num">
        {coverage(m.rulesCoveragePercent)} / {coverage(m.modelCoveragePercent)}
      </td>
      <td className="num">
        {fmt.n(m.rulesLabourCost, 0)} / {fmt.n(m.modelLabourCost, 0)}
      </td>
      <td className="num">{m.differingAssignments}</td>
    </>
  );
}

/**
 * `schedulingKpis` for a range of weeks: overall figures, a chart of the weekly KPIs, and per
 * week the four KPIs with ML against rules where a SHADOW roster was stored (ML_SHADOW_MODE).
 */
export function SchedulingKpisPanel() {
  const clock = useSiteClock();
  const [range, setRange] = useState(() => defaultKpiRange(clock.today()));
  const [form, setForm] = useState(range);
  const [kpis] = useQuery({ query: SchedulingKpis, variables: range });
  const data = kpis.data?.schedulingKpis;
  const weeks = data?.weeks ?? [];
  const shadow = weeks.some((w) => w.mlVsRules);
  const option = useMemo(
    () => (data && data.weeks.length > 0 ? kpiWeeksOption(data.weeks, data.targets) : null),
    [data],
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // whole weeks: any date stands for the Monday of its week, as the API wants
    const picked = { from: mondayOf(form.from), to: mondayOf(form.to) };
    setForm(picked);
    setRange(picked);
  };

  return (
    <Section title="Scheduling KPIs">
      <form className="inline" aria-label="KPI range" onSubmit={submit}>
        <label>
          From week{' '}
          <input
            type="date"
            required
            value={form.from}
            onChange={(e) => setForm({ ...form, from: e.target.value })}
          />
        </label>
        <label>
          To week{' '}
          <input
            type="date"
            required
            value={form.to}
            onChange={(e) => setForm({ ...form, to: e.target.value })}
          />
        </label>
        <button type="submit">Show KPIs</button>
        <span className="small">
          Mondays of the first and last week, up to {MAX_KPI_WEEKS} weeks (by default the {DEFAULT_KPI_WEEKS}{' '}
          before this week).
        </span>
      </form>
      <ErrorBox error={kpis.error} withCode />
      {data && (
        <>
          <h3 data-testid="kpi-range">
            {range.from} – {range.to} · {weeks.length} {weeks.length === 1 ? 'week' : 'weeks'}
          </h3>
          <Overall overall={data.overall} targets={data.targets} />
          <p className="small">
            Success (higher is better): generated rosters (published or not) that met coverage ≥ 97 % as the
            solver generated them, before any manual edit (later edits neither make nor break a success).
            Workload balance (lower is better): standard deviation of |paid hours − target| on the published
            roster. Intervention (lower is better): share of published assignments added by hand. Fallback:
            share of candidates left to the stated-preference rules (– for rosters planned without ranking).
            Baselines and targets are the site&apos;s (<code>KPI_*</code> settings); in the table ✓ marks a
            week meeting its target and ✗ one missing it (a week&apos;s success rate, usually of one job, is
            not judged).
          </p>
          {option && (
            <Chart
              option={option}
              label="Per week: scheduler success, user intervention and fallback rates in per cent (left axis) and workload balance in hours (right axis), with the success, intervention and workload-balance targets as dashed lines"
              testId="kpi-chart"
              height={300}
            />
          )}
          <div className="scroll" tabIndex={0}>
            <table data-testid="kpi-weeks">
              <thead>
                <tr>
                  <th scope="col">Week</th>
                  <th scope="col">Success</th>
                  <th scope="col">Workload σ ({targetText(data.targets.workloadBalance)})</th>
                  <th scope="col">Intervention ({targetText(data.targets.interventionRate)})</th>
                  <th scope="col">Fallback</th>
                  {shadow && (
                    <>
                      <th scope="col">Coverage rules / ML</th>
                      <th scope="col">Labour cost rules / ML</th>
                      <th scope="col">Assignments differing</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week}>
                    <th scope="row">{w.week}</th>
                    <td className="num">{fmt.pct(w.successRate)}</td>
                    <td className="num nowrap">
                      <Judged text={hours(w.workloadBalance)} met={w.targetMet.workloadBalance} />
                    </td>
                    <td className="num nowrap">
                      <Judged text={fmt.pct(w.interventionRate)} met={w.targetMet.interventionRate} />
                    </td>
                    <td className="num">{fmt.pct(w.fallbackRate)}</td>
                    {shadow && <MlCells m={w.mlVsRules} />}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {!shadow && (
            <p className="muted">
              No week in this range has a shadow roster: ML against rules is compared when weeks are planned
              with <code>ML_SHADOW_MODE</code> on.
            </p>
          )}
        </>
      )}
    </Section>
  );
}
