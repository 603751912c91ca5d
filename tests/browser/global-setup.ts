import fs from 'node:fs';
import { copyDataDir, SEEDED_DATA_DIR_ENV, startServer } from './server';

/**
 * One server for the suite; its URL reaches the tests as SHIFTCAST_URL. Its first start, on an
 * empty DATA_DIR, seeds the demo site (as `npm start` does); it is then stopped once so the
 * closed store can be copied for the suites that start a server of their own
 * (SHIFTCAST_SEEDED_DATA_DIR), and started again on the same data.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const first = await startServer();
  await first.stop();
  const seeded = copyDataDir(first.dataDir);
  const server = await startServer({ dataDir: first.dataDir });
  process.env.SHIFTCAST_URL = server.url;
  process.env[SEEDED_DATA_DIR_ENV] = seeded;
  return async () => {
    await server.stop();
    for (const dir of [server.dataDir, seeded]) fs.rmSync(dir, { recursive: true, force: true });
  };
}
