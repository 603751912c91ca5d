import { RankerRegistry } from './ranker-registry';
import { SchedulingKpisPanel } from './scheduling-kpis';

/** The learned assignment ranker (MANAGER, ADMIN): its registry, training, and whether it helps. */
export function RankingPage() {
  return (
    <div className="page">
      <h1>Ranking</h1>
      <RankerRegistry />
      <SchedulingKpisPanel />
    </div>
  );
}
