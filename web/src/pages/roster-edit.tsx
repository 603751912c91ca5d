import { type FormEvent, useState } from 'react';
import { type CombinedError, useMutation } from 'urql';
import type { AssignmentAction, UpdateAssignmentInput } from '../gql/graphql';
import { addDays, DAY_NAMES, errorDetails, errorText, Section } from '../ui';
import { type RosterData, shiftsOf, type StaffAndTemplates, UpdateAssignment } from './roster.queries';

type Outcome = { refused: CombinedError } | { warnings: { kind: string; message: string }[] };
const SHOWN_WARNINGS = 15;

/**
 * Move, swap, remove or add shifts of a DRAFT (of the people on the timetable's page); shows a
 * refusal's violations or the warnings.
 */
export function RosterEdit(props: {
  roster: NonNullable<RosterData>;
  lookup: StaffAndTemplates | undefined;
  onSaved: () => void;
}) {
  const { roster, lookup } = props;
  const names = new Map(lookup?.staff.nodes.map((s) => [s.id, s.name]));
  const templates = lookup?.shiftTemplates.nodes ?? [];
  const tName = new Map(templates.map((t) => [t.id, t.name]));
  const days = DAY_NAMES.map((d, i) => ({ label: d, date: addDays(roster.week, i) }));
  const [action, setAction] = useState<AssignmentAction>('MOVE');
  const [shift, setShift] = useState(0);
  const [to, setTo] = useState({ date: '', template: '', staff: '' });
  const [add, setAdd] = useState({ staff: '', date: days[0]!.date, template: templates[0]?.id ?? '' });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, update] = useMutation(UpdateAssignment);
  // the shifts of the timetable's page of people
  const shifts = shiftsOf(roster);
  const a = shifts[shift];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let input: UpdateAssignmentInput;
    if (action === 'ADD')
      input = {
        action,
        staffId: add.staff,
        date: add.date,
        shiftTemplateId: add.template || templates[0]?.id,
      };
    else {
      if (!a) return;
      input = { action, staffId: a.staffId, date: a.date };
      if (action === 'MOVE') {
        if (to.date) input.toDate = to.date;
        if (to.template) input.toShiftTemplateId = to.template;
        if (to.staff) input.toStaffId = to.staff;
      }
      if (action === 'SWAP') {
        if (!to.staff) return;
        input.toStaffId = to.staff;
      }
    }
    const r = await update({ rosterId: roster.id, input });
    if (r.error) setOutcome({ refused: r.error });
    else if (r.data) {
      setOutcome({ warnings: r.data.updateAssignment.warnings });
      props.onSaved();
    }
  };

  return (
    <Section title="Manual edit">
      <form className="grid-form" onSubmit={submit} aria-label="Manual edit">
        <label>
          Action
          <select
            aria-label="Action"
            value={action}
            onChange={(e) => setAction(e.target.value as AssignmentAction)}
          >
            <option value="MOVE">Move</option>
            <option value="SWAP">Swap</option>
            <option value="REMOVE">Remove</option>
            <option value="ADD">Add</option>
          </select>
        </label>
        {action !== 'ADD' ? (
          <label>
            Shift
            <select
              aria-label="Shift"
              value={shift}
              onChange={(e) => setShift(Number(e.target.value))}
              data-testid="edit-shift"
            >
              {shifts.map((x, i) => (
                <option
                  key={`${x.staffId}-${x.date}`}
                  value={i}
                  data-staff={x.staffId}
                  data-date={x.date}
                  data-start={x.start}
                  data-end={x.end}
                >
                  {names.get(x.staffId) ?? x.staffId} · {x.date} ·{' '}
                  {tName.get(x.shiftTemplateId) ?? x.shiftTemplateId}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            Person
            <select
              aria-label="Person"
              value={add.staff}
              onChange={(e) => setAdd({ ...add, staff: e.target.value })}
              required
            >
              <option value="">—</option>
              {lookup?.staff.nodes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.employeeNo})
                </option>
              ))}
            </select>
          </label>
        )}
        {(action === 'MOVE' || action === 'ADD') && (
          <>
            <label>
              {action === 'ADD' ? 'Day' : 'To day'}
              <select
                aria-label={action === 'ADD' ? 'Day' : 'To day'}
                value={action === 'ADD' ? add.date : to.date}
                onChange={(e) =>
                  action === 'ADD'
                    ? setAdd({ ...add, date: e.target.value })
                    : setTo({ ...to, date: e.target.value })
                }
              >
                {action === 'MOVE' && <option value="">same day</option>}
                {days.map((d) => (
                  <option key={d.date} value={d.date}>
                    {d.label} {d.date}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {action === 'ADD' ? 'Shift template' : 'To shift template'}
              <select
                aria-label={action === 'ADD' ? 'Shift template' : 'To shift template'}
                value={action === 'ADD' ? add.template : to.template}
                onChange={(e) =>
                  action === 'ADD'
                    ? setAdd({ ...add, template: e.target.value })
                    : setTo({ ...to, template: e.target.value })
                }
              >
                {action === 'MOVE' && <option value="">same shift</option>}
                {templates.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.start})
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {(action === 'MOVE' || action === 'SWAP') && (
          <label>
            {action === 'SWAP' ? 'Swap with' : 'To person'}
            <select
              aria-label={action === 'SWAP' ? 'Swap with' : 'To person'}
              value={to.staff}
              onChange={(e) => setTo({ ...to, staff: e.target.value })}
              required={action === 'SWAP'}
            >
              <option value="">{action === 'SWAP' ? '—' : 'same person'}</option>
              {lookup?.staff.nodes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit" disabled={saving.fetching || roster.status !== 'DRAFT'}>
          Apply
        </button>
      </form>
      {roster.status !== 'DRAFT' && <p className="muted">Only a draft can be edited.</p>}
      {outcome && 'refused' in outcome && (
        <div className="error" role="alert" data-testid="edit-refused">
          <p>
            <strong>Refused; nothing was saved.</strong>{' '}
            {errorDetails(outcome.refused).length ? '' : errorText(outcome.refused)}
          </p>
          <ul>
            {errorDetails(outcome.refused).map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome && 'warnings' in outcome && (
        <div className="ok" role="status" data-testid="edit-saved">
          <p>
            <strong>Saved.</strong> {outcome.warnings.length} warning(s) on the roster.
          </p>
          <ul>
            {outcome.warnings.slice(0, SHOWN_WARNINGS).map((w, i) => (
              <li key={i}>
                {w.kind}: {w.message}
              </li>
            ))}
          </ul>
          {outcome.warnings.length > SHOWN_WARNINGS && (
            <p className="muted">…and {outcome.warnings.length - SHOWN_WARNINGS} more.</p>
          )}
        </div>
      )}
    </Section>
  );
}
