import fs from 'node:fs';
import { SNAPSHOT_ENV, SNAPSHOT_OWNER_ENV } from '../helpers/demo-snapshot';

/** Removes the run's demo snapshot and every copy of it, when this run made its directory. */
export default function globalTeardown(): void {
  const dir = process.env[SNAPSHOT_ENV];
  if (dir && process.env[SNAPSHOT_OWNER_ENV] === dir) fs.rmSync(dir, { recursive: true, force: true });
}
