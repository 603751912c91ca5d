import fs from 'node:fs';
import { startServer } from './server';

/** One server for the suite; its URL reaches the tests as SHIFTCAST_URL. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.SHIFTCAST_URL = server.url;
  return async () => {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  };
}
