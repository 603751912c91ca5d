/**
 * Builds the seeded demo snapshot once per Jest run (integration and e2e projects): the full
 * demo seed, history, forecast models and ranking weeks, anchored on DEMO_ANCHOR. Both
 * projects name this file; the second call finds the snapshot made by the first. When
 * SHIFTCAST_TEST_SNAPSHOT names a directory already (scripts/test-tiers.js, for the two Jest
 * runs of `npm test`), the snapshot is built there unless it is there already, and left for
 * whoever made the directory to remove.
 */
import 'reflect-metadata';
import { seedDemo } from '../../src/seed/demo-seed';
import { EmbeddedStore } from '../../src/store/embedded-store';
import {
  DEMO_ANCHOR,
  newSnapshotRoot,
  SNAPSHOT_ENV,
  SNAPSHOT_OWNER_ENV,
  snapshotLayout,
  snapshotReady,
} from '../helpers/demo-snapshot';
import { closeServices, servicesFor } from '../integration/staff/services.fixture';

export default async function globalSetup(): Promise<void> {
  const given = process.env[SNAPSHOT_ENV];
  if (given && snapshotReady(given)) return;
  const dir = given ?? newSnapshotRoot();
  const layout = snapshotLayout(dir);
  const services = await servicesFor(await EmbeddedStore.open({ dataDir: layout.dataDir }), {
    WORKER_THREADS: '2',
  });
  try {
    layout.writeReport(await seedDemo(services, { anchorDate: DEMO_ANCHOR }));
  } finally {
    await closeServices(services);
  }
  process.env[SNAPSHOT_ENV] = dir;
  if (!given) process.env[SNAPSHOT_OWNER_ENV] = dir;
}
