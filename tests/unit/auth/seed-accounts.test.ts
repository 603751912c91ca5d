import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedAccounts } from '../../../src/auth/seed-accounts';
import { TokenIssuer } from '../../../src/auth/token';
import { UserService } from '../../../src/auth/user.service';
import { createLogger } from '../../../src/logger';
import { EmbeddedStore } from '../../../src/store/embedded-store';

const logger = createLogger({ LOG_LEVEL: 'silent', production: false, NODE_ENV: 'test' });
const settings = {
  MAX_LOGIN_ATTEMPTS: 5,
  LOCKOUT_MINUTES: 15,
  MIN_PASSWORD_LENGTH: 10,
  LOGIN_MAX_CONCURRENT: 2,
  LOGIN_MAX_QUEUED: 64,
  LOGIN_MAX_PER_CLIENT: 8,
};

async function users() {
  const store = await EmbeddedStore.open();
  await UserService.ensureIndexes(store);
  return new UserService(store, new TokenIssuer('x'.repeat(40), 60), settings);
}

describe('seedAccounts', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shiftcast-seed-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates one user per role with a random password written once to a 0600 file', async () => {
    const svc = await users();
    const first = await seedAccounts(svc, { production: false, dataDir }, logger, 'staff-0007');
    expect(first.created).toEqual(['admin', 'manager', 'provider', 'partner', 'agent']);
    expect(first.generatedPassword).toMatch(/^demo-/);
    const file = path.join(dataDir, 'demo-credentials.txt');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain(first.generatedPassword);
    expect((await svc.findByUsername('agent'))?.staffId).toBe('staff-0007');
    await expect(svc.login('manager', first.generatedPassword!)).resolves.toMatchObject({
      user: { username: 'manager' },
    });

    const again = await seedAccounts(svc, { production: false, dataDir }, logger);
    expect(again).toEqual({ created: [], generatedPassword: null, credentialsFile: null });
  });

  it('uses SEED_PASSWORD when given and writes no file', async () => {
    const svc = await users();
    const res = await seedAccounts(
      svc,
      { production: false, dataDir, SEED_PASSWORD: 'chosen-password-1' },
      logger,
    );
    expect(res.generatedPassword).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'demo-credentials.txt'))).toBe(false);
    await expect(svc.login('partner', 'chosen-password-1')).resolves.toBeDefined();
  });

  it('creates no known-password account in production: only ADMIN from ADMIN_PASSWORD', async () => {
    const svc = await users();
    const none = await seedAccounts(
      svc,
      { production: true, dataDir, SEED_PASSWORD: 'chosen-password-1' },
      logger,
    );
    expect(none.created).toEqual([]);
    const res = await seedAccounts(
      svc,
      { production: true, dataDir, ADMIN_PASSWORD: 'a-strong-root-pass' },
      logger,
    );
    expect(res.created).toEqual(['admin']);
    expect(await svc.findByUsername('manager')).toBeNull();
    expect((await svc.findByUsername('admin'))?.roles).toEqual(['ADMIN']);
  });
});
