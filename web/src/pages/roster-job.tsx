import { useEffect, useState } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import { ErrorBox, fmt } from '../ui';
import { CancelJob, JobProgress, PlanWeek, RosterJob } from './roster.queries';

const PHASES = ['queued', 'forecast', 'staffing', 'prepare', 'solve', 'store', 'done'];
const TERMINAL = ['SUCCEEDED', 'FAILED', 'CANCELLED'];
/** Catch-up reads while a job runs, in case a progress event was sent before the subscription. */
const CATCH_UP_MS = 2000;

interface JobView {
  state: string;
  phase: string;
  elapsedSeconds: number;
  gap?: number | null;
  rosterId?: string | null;
  message?: string | null;
}

/** Plan week: starts planWeek, shows rosterJobProgress as a progress bar, cancels. */
export function PlanWeekPanel(props: { week: string; onDone: (rosterId: string) => void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [started, planWeek] = useMutation(PlanWeek);
  const [cancelled, cancel] = useMutation(CancelJob);
  const [polled, poll] = useQuery({
    query: RosterJob,
    variables: { id: jobId ?? '' },
    pause: !jobId,
    requestPolicy: 'network-only',
  });
  const [live] = useSubscription({ query: JobProgress, variables: { jobId: jobId ?? '' }, pause: !jobId });

  const fromPoll = polled.data?.rosterJob;
  const fromLive = live.data?.rosterJobProgress;
  const pollView: JobView | undefined = fromPoll && {
    state: fromPoll.state,
    phase: fromPoll.phase,
    elapsedSeconds: fromPoll.progress.elapsedSeconds,
    gap: fromPoll.progress.gap,
    rosterId: fromPoll.rosterId,
    message: fromPoll.error,
  };
  const job: JobView | undefined =
    fromLive && (TERMINAL.includes(fromLive.state) || !pollView || !TERMINAL.includes(pollView.state))
      ? fromLive
      : pollView;
  const done = job ? TERMINAL.includes(job.state) : false;

  useEffect(() => {
    if (!jobId || done) return undefined;
    const timer = setInterval(() => poll({ requestPolicy: 'network-only' }), CATCH_UP_MS);
    return () => clearInterval(timer);
  }, [jobId, done, poll]);

  const { onDone } = props;
  useEffect(() => {
    if (job?.state === 'SUCCEEDED' && job.rosterId) onDone(job.rosterId);
  }, [job?.state, job?.rosterId, onDone]);

  const start = async () => {
    const r = await planWeek({ week: props.week, options: { timeLimitSeconds: 30, relativeGap: 0.02 } });
    if (r.data) setJobId(r.data.planWeek.id);
  };
  const step = job
    ? job.state === 'SUCCEEDED'
      ? PHASES.length - 1
      : Math.max(0, PHASES.indexOf(job.phase))
    : 0;

  return (
    <div className="plan-week">
      <div className="toolbar">
        <button type="button" onClick={start} disabled={started.fetching || (!!job && !done)}>
          Plan week {props.week}
        </button>
        {job && !done && (
          <button
            type="button"
            className="danger"
            onClick={() => cancel({ id: jobId! })}
            disabled={cancelled.fetching}
          >
            Cancel
          </button>
        )}
      </div>
      <ErrorBox error={started.error ?? cancelled.error} />
      {job && (
        <div className="progress" data-testid="plan-progress" data-state={job.state}>
          <progress max={PHASES.length - 1} value={step} aria-label="Plan week progress" />
          <span role="status">
            {job.state} · {job.phase}
            {job.gap != null ? ` · gap ${fmt.pct(job.gap, 2)}` : ''} · {fmt.n(job.elapsedSeconds, 1)} s
            {job.message && job.state !== 'SUCCEEDED' ? ` · ${job.message}` : ''}
          </span>
        </div>
      )}
    </div>
  );
}
