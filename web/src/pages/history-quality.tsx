import { useQuery } from 'urql';
import { graphql } from '../gql';
import { addDays, ErrorBox, fmt, Section } from '../ui';
import { useSiteClock } from '../site-clock';

/** Days of history checked: the 12 weeks a model trains on. */
const QUALITY_DAYS = 84;
/** Outliers shown, the strongest first. */
const SHOWN_OUTLIERS = 8;

const Quality = graphql(`
  query HistoryQuality($channel: String!, $from: LocalDate!, $to: LocalDate!) {
    validateVolumes(channel: $channel, from: $from, to: $to) {
      counts {
        missing
        negatives
        outsideOpeningHours
        outliers
      }
      outliers {
        timestamp
        value
        expected
        score
      }
    }
  }
`);

/** What a model of the channel will learn from: gaps, impossible values and outliers of the last 12 weeks. */
export function HistoryQualityPanel({ channel }: { channel: string }) {
  const clock = useSiteClock();
  const to = addDays(clock.today(), -1);
  const [quality] = useQuery({
    query: Quality,
    variables: { channel, from: addDays(to, -(QUALITY_DAYS - 1)), to },
  });
  const v = quality.data?.validateVolumes;
  const strongest = [...(v?.outliers ?? [])].sort((a, b) => b.score - a.score).slice(0, SHOWN_OUTLIERS);
  return (
    <Section title={`History quality (last ${QUALITY_DAYS} days)`}>
      <ErrorBox error={quality.error} />
      {v && (
        <>
          <dl className="kpis" aria-label="History issues">
            <div>
              <dt>Missing open intervals</dt>
              <dd>{fmt.n(v.counts.missing, 0)}</dd>
            </div>
            <div>
              <dt>Negative values</dt>
              <dd>{fmt.n(v.counts.negatives, 0)}</dd>
            </div>
            <div>
              <dt>Contacts outside opening hours</dt>
              <dd>{fmt.n(v.counts.outsideOpeningHours, 0)}</dd>
            </div>
            <div>
              <dt>Outliers</dt>
              <dd>{fmt.n(v.counts.outliers, 0)}</dd>
            </div>
          </dl>
          {strongest.length > 0 && (
            <div className="scroll" tabIndex={0}>
              <table>
                <caption className="muted">
                  Strongest outliers: robust z-score against the same interval of the week
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Interval</th>
                    <th scope="col">Value</th>
                    <th scope="col">Usual (median)</th>
                    <th scope="col">Score</th>
                  </tr>
                </thead>
                <tbody>
                  {strongest.map((o) => (
                    <tr key={o.timestamp}>
                      <td>{clock.dateTime(o.timestamp)}</td>
                      <td className="num">{fmt.n(o.value, 0)}</td>
                      <td className="num">{fmt.n(o.expected, 0)}</td>
                      <td className="num">{fmt.n(o.score, 1)}</td>
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
