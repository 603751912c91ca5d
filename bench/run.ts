/**
 * `npm run bench`: every benchmark in one run. Each prints its figures as ratios to a
 * baseline measured in the same run. Roster sizes default to 20–300 staff here
 * (`npm run bench:roster -- 500` runs the largest on its own).
 */
import { runDatasetsBench } from './forecast-datasets.bench';
import { runForecastBench } from './forecast.bench';
import { runRepairBench } from './roster-repair.bench';
import { runRosterBench } from './roster.bench';
import { runStaffingBench } from './staffing.bench';
import { runStoreBench } from './store.bench';

async function main(): Promise<void> {
  console.log(`# Shiftcast benchmarks (${new Date().toISOString()}, node ${process.version})`);
  await runStoreBench();
  await runStaffingBench();
  await runForecastBench();
  await runDatasetsBench(['--auto-only']);
  await runRosterBench([20, 60, 150, 300]);
  await runRepairBench(300, 5);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
