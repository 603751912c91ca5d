/**
 * The seeded demo site, built once per Jest run (tests/setup/global-setup.ts) and copied by
 * every suite that needs it, instead of each suite generating the history, training the
 * models and simulating the ranking weeks again. The snapshot is an embedded-store data
 * directory: in-process suites open a copy, server processes get a copy as DATA_DIR.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SeedReport } from '../../src/seed/demo-seed';
import { EmbeddedStore } from '../../src/store/embedded-store';

/** The snapshot's seed anchor: a Monday; the history ends the Sunday before, leave lies in the 8 weeks from it. */
export const DEMO_ANCHOR = '2026-03-02';
/**
 * Where global-setup put the snapshot (inherited by the Jest workers). Set before Jest starts
 * (scripts/test-tiers.js), it names a directory to build the snapshot in, or to reuse it from.
 */
export const SNAPSHOT_ENV = 'SHIFTCAST_TEST_SNAPSHOT';
/** Set by global-setup when it made the snapshot's directory: the teardown then removes it. */
export const SNAPSHOT_OWNER_ENV = 'SHIFTCAST_TEST_SNAPSHOT_OWNER';

const DATA = 'data';
const REPORT = 'seed-report.json';
const COPIES = 'copies';

/** True when `dir` holds a finished snapshot (its report is written last). */
export const snapshotReady = (dir: string): boolean => fs.existsSync(path.join(dir, REPORT));

/** The run's snapshot root; fails clearly when the suite runs without the global setup. */
function root(): string {
  const dir = process.env[SNAPSHOT_ENV];
  if (!dir || !snapshotReady(dir))
    throw new Error(
      `no demo snapshot (${SNAPSHOT_ENV}): run the suite through jest.config.js (its globalSetup)`,
    );
  return dir;
}

/** Lays out a new snapshot root; `dataDir` is where the seeded store must be written. */
export function snapshotLayout(dir: string): { dataDir: string; writeReport(report: SeedReport): void } {
  return {
    dataDir: path.join(dir, DATA),
    writeReport: (report) => fs.writeFileSync(path.join(dir, REPORT), JSON.stringify(report)),
  };
}

/** What seedDemo reported when it built the snapshot. */
export function demoSeedReport(): SeedReport {
  return JSON.parse(fs.readFileSync(path.join(root(), REPORT), 'utf8')) as SeedReport;
}

/** A private copy of the seeded data directory (removed with the snapshot at the end of the run). */
export function copyDemoDataDir(): string {
  const base = root();
  fs.mkdirSync(path.join(base, COPIES), { recursive: true });
  const copy = fs.mkdtempSync(path.join(base, COPIES, 'store-'));
  fs.cpSync(path.join(base, DATA), copy, { recursive: true });
  return copy;
}

/** The demo site in an embedded store of the suite's own (a copy of the snapshot). */
export function openDemoStore(): Promise<EmbeddedStore> {
  return EmbeddedStore.open({ dataDir: copyDemoDataDir() });
}

/** A fresh root for global-setup. */
export const newSnapshotRoot = (): string =>
  fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-test-snapshot-'));
