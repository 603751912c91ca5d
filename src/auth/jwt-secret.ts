/**
 * The key tokens are signed with. `JWT_SECRET` when set (production requires it);
 * otherwise tests sign with a random key per process, and development runs with a key
 * generated at first start into `<DATA_DIR>/jwt-secret` (mode 0600), so no key is ever
 * published in the source.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';

export const JWT_SECRET_FILE = 'jwt-secret';

const newSecret = (): string => randomBytes(48).toString('base64url');

/** Reads the key file, creating it (exclusively, mode 0600) when missing. */
export function readOrCreateSecret(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.writeFileSync(file, `${newSecret()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const secret = fs.readFileSync(file, 'utf8').trim();
  if (secret.length < 32)
    throw new Error(`${file} holds fewer than 32 characters; delete it to generate a new key`);
  return secret;
}

export function jwtSecret(config: Pick<Config, 'JWT_SECRET' | 'NODE_ENV' | 'dataDir'>): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.NODE_ENV === 'test') return newSecret();
  return readOrCreateSecret(path.join(config.dataDir, JWT_SECRET_FILE));
}
