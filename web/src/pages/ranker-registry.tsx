import { type FormEvent, useState } from 'react';
import { type CombinedError, useMutation, useQuery } from 'urql';
import { ErrorBox, fmt, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import {
  ActivateRanker,
  LOOKBACK_WEEKS,
  RankerModels,
  type RankerRow,
  RollbackRanker,
  TrainRanker,
} from './ranking.queries';

/** What the last action did: a line for the status region, or the server's error. */
type Outcome = { text: string; error?: undefined } | { text?: undefined; error: CombinedError } | null;

/** The weeks a ranker learned from: their span, and how many trained and validated. */
function WeeksCell({ train, validation }: { train: readonly string[]; validation: readonly string[] }) {
  const all = [...train, ...validation];
  if (all.length === 0) return <>–</>;
  return (
    <>
      <span className="nowrap">
        {all[0]} – {all[all.length - 1]}
      </span>
      <br />
      <span className="small">
        {train.length} train + {validation.length} validation
      </span>
    </>
  );
}

/** "0.92 (rules 0.56)": the ranker's figure with the stated-preference rules' beside it. */
function againstRules(model: number | null, rules: number | null | undefined) {
  return (
    <>
      {fmt.n(model, 2)} <span className="muted">(rules {fmt.n(rules, 2)})</span>
    </>
  );
}

function trainedText(m: RankerRow): string {
  const quality = `AUC ${fmt.n(m.metrics.auc, 2)} against the rules' ${fmt.n(m.metrics.baselineAuc, 2)}, precision@k ${fmt.n(m.metrics.precisionAtK, 2)} against ${fmt.n(m.metrics.baselinePrecisionAtK, 2)}`;
  return m.status === 'ACTIVE'
    ? `Trained v${m.version} and activated it (${quality}).`
    : `Trained v${m.version}: a candidate, not in use until activated (${quality}).`;
}

/**
 * The ranker registry (newest first, as `rankerModels` lists them): validation metrics beside
 * the rules' on the same rows, Activate on an inactive ranker, Rollback, and training.
 */
export function RankerRegistry() {
  const clock = useSiteClock();
  const [models, refetch] = useQuery({ query: RankerModels });
  const [training, train] = useMutation(TrainRanker);
  const [, activate] = useMutation(ActivateRanker);
  const [rolling, rollback] = useMutation(RollbackRanker);
  const [weeks, setWeeks] = useState<number | ''>(LOOKBACK_WEEKS.default);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const list = models.data?.rankerModels ?? [];
  // what Roll back would do, by the API's own rule (rankerRollback), re-read after every action
  const rollbackPlan = models.data?.rankerRollback ?? null;
  const back = rollbackPlan?.target ?? null;

  const report = (error: CombinedError | undefined, text: () => string) => {
    setOutcome(error ? { error } : { text: text() });
    refetch({ requestPolicy: 'network-only' });
  };
  const onTrain = async (e: FormEvent) => {
    e.preventDefault();
    if (weeks === '') return;
    setOutcome(null);
    const res = await train({ lookbackWeeks: weeks });
    report(res.error, () => trainedText(res.data!.trainAssignmentRanker));
  };
  const onActivate = async (id: string) => {
    setOutcome(null);
    const res = await activate({ id });
    report(res.error, () => `v${res.data!.activateRanker.version} is now the ACTIVE ranker.`);
  };
  const onRollback = async () => {
    setOutcome(null);
    const res = await rollback({});
    report(res.error, () => `Rolled back: v${res.data!.rollbackRanker.version} is the ACTIVE ranker again.`);
  };

  return (
    <Section title="Ranker registry">
      <p className="muted">
        Random forests learned from what managers kept, removed and added before publishing rosters. Weeks are
        planned with the ACTIVE one when <code>ML_ENABLED</code> and <code>ML_RANKING_ENABLED</code> are on
        (the Roster page shows each roster&apos;s path). Metrics are on the newest weeks of the training
        window, with the stated-preference rules scored on the same rows.
      </p>
      <ErrorBox error={models.error} />
      <div className="scroll" tabIndex={0}>
        <table data-testid="ranker-registry">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col">Trained</th>
              <th scope="col">Activated</th>
              <th scope="col">AUC</th>
              <th scope="col">Precision@k</th>
              <th scope="col">Weeks</th>
              <th scope="col">Rows train / validation</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {list.map((m) => (
              <tr key={m.id} className={m.status === 'ACTIVE' ? 'current' : undefined}>
                <th scope="row">v{m.version}</th>
                <td>
                  <span className={`badge status-${m.status.toLowerCase()}`}>{m.status}</span>
                </td>
                <td className="nowrap">{clock.dateTime(m.createdAt)}</td>
                <td className="nowrap">{clock.dateTime(m.activatedAt)}</td>
                <td className="num nowrap">{againstRules(m.metrics.auc, m.metrics.baselineAuc)}</td>
                <td className="num nowrap">
                  {againstRules(m.metrics.precisionAtK, m.metrics.baselinePrecisionAtK)}
                </td>
                <td>
                  <WeeksCell train={m.metrics.trainWeeks} validation={m.metrics.validationWeeks} />
                </td>
                <td className="num nowrap">
                  {fmt.n(m.metrics.trainRows, 0)} / {fmt.n(m.metrics.validationRows, 0)}
                </td>
                <td>
                  {m.status !== 'ACTIVE' && (
                    <button type="button" className="secondary" onClick={() => void onActivate(m.id)}>
                      Activate v{m.version}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {models.data && list.length === 0 && <p>No ranker yet: train one on the published weeks below.</p>}
      <div className="toolbar">
        <form className="inline" aria-label="Train a ranker" onSubmit={(e) => void onTrain(e)}>
          <label>
            Weeks of published rosters{' '}
            <input
              type="number"
              min={LOOKBACK_WEEKS.min}
              max={LOOKBACK_WEEKS.max}
              step={1}
              required
              value={weeks}
              onChange={(e) => setWeeks(e.target.value === '' ? '' : Number(e.target.value))}
            />
          </label>
          <button type="submit" disabled={training.fetching} aria-busy={training.fetching}>
            {training.fetching ? 'Training…' : `Train on the last ${weeks === '' ? 'N' : weeks} weeks`}
          </button>
        </form>
        {rollbackPlan && (
          <>
            <button
              type="button"
              className="secondary"
              disabled={!back || rolling.fetching}
              aria-describedby={back ? undefined : 'rollback-refusal'}
              onClick={() => void onRollback()}
            >
              {back ? `Roll back to v${back.version}` : 'Roll back'}
            </button>
            {rollbackPlan.refusal && (
              <span className="small" id="rollback-refusal" data-testid="rollback-refusal">
                {rollbackPlan.refusal}
              </span>
            )}
          </>
        )}
      </div>
      <p className="small">
        Training uses the last {LOOKBACK_WEEKS.min}–{LOOKBACK_WEEKS.max} published weeks; the newest sixth
        validates. A new ranker is activated only when none is in use and it beats the rules&apos;
        precision@k; otherwise it stays a candidate.
      </p>
      <ErrorBox error={outcome?.error} withCode />
      {outcome?.text && (
        <p className="ok" role="status" data-testid="ranker-outcome">
          {outcome.text}
        </p>
      )}
    </Section>
  );
}
