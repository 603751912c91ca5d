/**
 * The seeded demo's ranker on the demo site: in a seeded data directory, with learned ranking
 * on (every week in the canary), plans the seeded week (this week's Monday, or the one given)
 * and prints the active ranker's validation metrics, the roster's ranking path and fallback
 * rate, and the week's scheduling KPIs, and the overall KPIs of the seeded history (the
 * DEMO_SITE_HISTORY_WEEKS weeks before it, read before the week is planned). Writes a draft
 * roster into that directory.
 *
 *   DATA_DIR=/tmp/x node dist/src/cli/seed.cli.js
 *   DATA_DIR=/tmp/x npm run bench:ranker:demo -- [YYYY-MM-DD]
 */
import 'reflect-metadata';
import { Role } from '../src/auth/roles';
import type { Viewer } from '../src/auth/request-context';
import { addDays, mondayOf, todayIn } from '../src/common/calendar';
import { DEMO_SITE_HISTORY_WEEKS } from '../src/ranking/ranking.seed';
import { withServices } from '../src/seed/cli-runtime';

Object.assign(process.env, {
  ML_ENABLED: 'true',
  ML_RANKING_ENABLED: 'true',
  ML_SHADOW_MODE: 'false',
  ML_CANARY_PERCENT: '100',
});

const manager: Viewer = { userId: 'bench', username: 'bench', roles: [Role.MANAGER], staffId: null };

async function main(): Promise<void> {
  await withServices(async (s) => {
    const week = mondayOf(process.argv[2] ?? todayIn(s.config.SITE_TIME_ZONE));
    const history = await s.ranking.schedulingKpis(
      addDays(week, -7 * DEMO_SITE_HISTORY_WEEKS),
      addDays(week, -7),
      manager,
    );
    console.log(`history KPIs (${DEMO_SITE_HISTORY_WEEKS} weeks):`, JSON.stringify(history.overall));
    const model = await s.rankers.active();
    console.log('active ranker:', model ? { version: model.version, ...model.metrics } : null);
    const started = Date.now();
    const job = await s.rosterJobs.generate(week, { timeLimitSeconds: 30 }, manager);
    const done = await s.rosterJobs.settled(job._id);
    if (!done.rosterId) throw new Error(`the roster job ${done.state}: ${done.error ?? ''}`);
    const roster = await s.rosters.require(done.rosterId);
    console.log(`week ${week}: job ${done.state} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log('ranking:', roster.ranking);
    const kpis = await s.ranking.schedulingKpis(week, week, manager);
    console.log('KPIs:', JSON.stringify(kpis.overall));
  });
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
