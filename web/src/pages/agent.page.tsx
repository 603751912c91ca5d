import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import { addDays, DAY_NAMES, ErrorBox, fmt, mondayOf, Section } from '../ui';
import { useSiteClock } from '../site-clock';
import { AvailabilityEditor } from './agent-availability';

const MyTimetable = graphql(`
  query MyTimetable($week: String!) {
    myTimetable(week: $week) {
      version
      publishedAt
      shifts {
        date
        start
        end
        skill
        breaks {
          start
          end
          paid
        }
      }
    }
  }
`);

const Published = graphql(`
  subscription MyRosterPublished($week: String!) {
    rosterPublished(week: $week) {
      rosterId
    }
  }
`);

function WeekTimetable({ week, title }: { week: string; title: string }) {
  const clock = useSiteClock();
  const [t, refetch] = useQuery({ query: MyTimetable, variables: { week } });
  useSubscription({ query: Published, variables: { week } }, () =>
    refetch({ requestPolicy: 'network-only' }),
  );
  const tt = t.data?.myTimetable;
  return (
    <Section title={`${title} (week of ${week})`}>
      <ErrorBox error={t.error} />
      {t.data && !tt && <p>No roster is published for this week yet.</p>}
      {tt && (
        <>
          <p className="muted">
            Version {tt.version}, published {clock.dateTime(tt.publishedAt)}.
          </p>
          <table data-testid={`timetable-${week}`}>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Shift</th>
                <th scope="col">Skill</th>
                <th scope="col">Breaks</th>
              </tr>
            </thead>
            <tbody>
              {DAY_NAMES.map((d, i) => {
                const date = addDays(week, i);
                const s = tt.shifts.find((x) => x.date === date);
                return (
                  <tr key={date}>
                    <th scope="row">
                      {d} {date}
                    </th>
                    <td>{s ? `${fmt.time(s.start)}–${fmt.time(s.end)}` : 'off'}</td>
                    <td>{s?.skill ?? ''}</td>
                    <td data-testid="agent-breaks">{s ? fmt.breaks(s.breaks) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

export function AgentPage() {
  const clock = useSiteClock();
  const thisWeek = mondayOf(clock.today());
  return (
    <div className="page">
      <h1>My week</h1>
      <div className="two-col">
        <WeekTimetable week={thisWeek} title="This week" />
        <WeekTimetable week={addDays(thisWeek, 7)} title="Next week" />
      </div>
      <AvailabilityEditor />
    </div>
  );
}
