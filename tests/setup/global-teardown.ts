import fs from 'node:fs';
import { SNAPSHOT_ENV } from '../helpers/demo-snapshot';

/** Removes the run's demo snapshot and every copy of it. */
export default function globalTeardown(): void {
  const dir = process.env[SNAPSHOT_ENV];
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
