import { useEffect, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AvailabilityExceptionInput, WeeklyWindowInput } from '../gql/graphql';
import { DAY_NAMES, ErrorBox, Section } from '../ui';
import { useSiteClock } from '../site-clock';

const MyAvailability = graphql(`
  query MyAvailability {
    availabilityLockDate
    myAvailability {
      updatedAt
      weekly {
        dayOfWeek
        from
        to
      }
      exceptions {
        date
        available
        from
        to
        reason
      }
    }
  }
`);

const Save = graphql(`
  mutation SetMyAvailability($input: AvailabilityInput!) {
    setMyAvailability(input: $input) {
      updatedAt
    }
  }
`);

const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([k, v]) => k !== '__typename' && v != null)) as T;

/** Weekly windows and dated exceptions; nothing on or before the lock date can change. */
export function AvailabilityEditor() {
  const clock = useSiteClock();
  const [q, refetch] = useQuery({ query: MyAvailability });
  const [saved, save] = useMutation(Save);
  const [weekly, setWeeklyState] = useState<WeeklyWindowInput[]>([]);
  const [exceptions, setExceptionsState] = useState<AvailabilityExceptionInput[]>([]);
  // Unsaved edits: a later answer from the server (the background refetch of
  // cache-and-network, a refetch after another save) must not overwrite them.
  const [edited, setEdited] = useState(false);
  const setWeekly = (next: WeeklyWindowInput[]) => {
    setEdited(true);
    setWeeklyState(next);
  };
  const setExceptions = (next: AvailabilityExceptionInput[]) => {
    setEdited(true);
    setExceptionsState(next);
  };
  const [draft, setDraft] = useState<AvailabilityExceptionInput>({
    date: '',
    available: false,
    reason: 'annual leave',
  });
  const a = q.data?.myAvailability;
  const lock = q.data?.availabilityLockDate ?? null;
  const weeklyLocked = lock != null && lock >= clock.today();
  const locked = (date: string) => lock != null && date <= lock;
  useEffect(() => {
    if (!a || edited) return;
    setWeeklyState(a.weekly.map(strip));
    setExceptionsState(a.exceptions.map(strip));
  }, [a, edited]);

  const submit = async () => {
    const r = await save({ input: { weekly, exceptions } });
    if (r.error) return;
    setEdited(false);
    refetch({ requestPolicy: 'network-only' });
  };
  const setWin = (i: number, patch: Partial<WeeklyWindowInput>) =>
    setWeekly(weekly.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  // Nothing is editable before the stored availability is known: an edit made meanwhile
  // would be saved over the windows not yet loaded.
  if (!a)
    return (
      <Section title="My availability">
        <ErrorBox error={q.error} />
        {!q.error && <p className="muted">Loading availability…</p>}
      </Section>
    );

  return (
    <Section title="My availability">
      <ErrorBox error={q.error ?? saved.error} />
      <p className="muted">
        {lock ? `Locked up to and including ${lock}.` : 'No lock date is set.'}{' '}
        {weeklyLocked ? 'Weekly windows cannot change while the lock is current.' : ''}
      </p>
      <table aria-label="Weekly windows">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Remove</th>
          </tr>
        </thead>
        <tbody>
          {weekly.map((w, i) => (
            <tr key={i}>
              <td>
                <select
                  aria-label="Day"
                  value={w.dayOfWeek}
                  disabled={weeklyLocked}
                  onChange={(e) => setWin(i, { dayOfWeek: Number(e.target.value) })}
                >
                  {DAY_NAMES.map((d, k) => (
                    <option key={d} value={k + 1}>
                      {d}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  aria-label="From"
                  pattern="[0-2][0-9]:[0-5][0-9]"
                  size={5}
                  value={w.from}
                  disabled={weeklyLocked}
                  onChange={(e) => setWin(i, { from: e.target.value })}
                />
              </td>
              <td>
                <input
                  aria-label="To"
                  pattern="[0-2][0-9]:[0-5][0-9]"
                  value={w.to}
                  size={5}
                  disabled={weeklyLocked}
                  onChange={(e) => setWin(i, { to: e.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="secondary"
                  disabled={weeklyLocked}
                  onClick={() => setWeekly(weekly.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="secondary"
        disabled={weeklyLocked}
        onClick={() => setWeekly([...weekly, { dayOfWeek: 1, from: '09:00', to: '17:00' }])}
      >
        Add window
      </button>
      <h3>Exceptions</h3>
      <ul>
        {exceptions.map((x, i) => (
          <li key={`${x.date}-${i}`}>
            {x.date} ·{' '}
            {x.available ? `available ${x.from}–${x.to}` : x.from ? `away ${x.from}–${x.to}` : 'away all day'}{' '}
            · {x.reason}{' '}
            <button
              type="button"
              className="secondary"
              disabled={locked(x.date)}
              onClick={() => setExceptions(exceptions.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <div className="grid-form" role="group" aria-label="New exception">
        <label>
          Date{' '}
          <input
            type="date"
            value={draft.date}
            min={lock ?? undefined}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
          />
        </label>
        <label>
          Reason{' '}
          <input
            value={draft.reason}
            maxLength={100}
            onChange={(e) => setDraft({ ...draft, reason: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="secondary"
          disabled={!draft.date || locked(draft.date)}
          onClick={() => setExceptions([...exceptions, draft])}
        >
          Add day off
        </button>
      </div>
      <button type="button" onClick={submit} disabled={saved.fetching}>
        Save availability
      </button>
      {saved.data && !saved.error && <p role="status">Saved.</p>}
    </Section>
  );
}
