import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SeedStep } from '../common/seed-step';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { Role } from './roles';
import type { UserService } from './user.service';

export const DEMO_USERS: readonly { username: string; role: Role }[] = [
  { username: 'admin', role: Role.ADMIN },
  { username: 'manager', role: Role.MANAGER },
  { username: 'provider', role: Role.SERVICE_PROVIDER },
  { username: 'partner', role: Role.PARTNER },
  { username: 'agent', role: Role.AGENT },
];

export const CREDENTIALS_FILE = 'demo-credentials.txt';

export interface SeedAccountsResult {
  created: string[];
  /** Set when a random demo password was generated (printed once, written to the file). */
  generatedPassword: string | null;
  credentialsFile: string | null;
}

/**
 * Creates the accounts that must exist; never changes an existing one.
 * - ADMIN `admin` with ADMIN_PASSWORD, when set (the only account production creates);
 * - outside production, one user per role (admin, manager, provider, partner, agent),
 *   with SEED_PASSWORD or else a random password written to DATA_DIR/demo-credentials.txt (0600).
 */
export async function seedAccounts(
  users: UserService,
  config: Pick<Config, 'production' | 'dataDir'> & Partial<Pick<Config, 'ADMIN_PASSWORD' | 'SEED_PASSWORD'>>,
  logger: Logger,
  agentStaffId: string | null = null,
): Promise<SeedAccountsResult> {
  const created: string[] = [];
  if (config.ADMIN_PASSWORD && !(await users.findByUsername('admin'))) {
    await users.create({ username: 'admin', password: config.ADMIN_PASSWORD, roles: [Role.ADMIN] });
    created.push('admin');
  }
  if (config.production) {
    if (!(await users.findByUsername('admin')))
      logger.warn('No admin account: set ADMIN_PASSWORD and run `npm run seed` to create one');
    return { created, generatedPassword: null, credentialsFile: null };
  }

  const missing: (typeof DEMO_USERS)[number][] = [];
  for (const u of DEMO_USERS) if (!(await users.findByUsername(u.username))) missing.push(u);
  if (missing.length === 0) return { created, generatedPassword: null, credentialsFile: null };

  const { password, generated } = demoPassword(config.SEED_PASSWORD);
  for (const u of missing) {
    await users.create({
      username: u.username,
      password,
      roles: [u.role],
      staffId: u.role === Role.AGENT ? agentStaffId : null,
    });
    created.push(u.username);
  }
  let credentialsFile: string | null = null;
  if (generated) {
    credentialsFile = path.join(config.dataDir, CREDENTIALS_FILE);
    fs.mkdirSync(config.dataDir, { recursive: true });
    const lines = missing.map((u) => `${u.username.padEnd(10)} ${generated}   (${u.role})`);
    fs.writeFileSync(credentialsFile, `# Shiftcast demo accounts (development only)\n${lines.join('\n')}\n`, {
      mode: 0o600,
    });
    fs.chmodSync(credentialsFile, 0o600);
  }
  return { created, generatedPassword: generated, credentialsFile };
}

/** SEED_PASSWORD when set, else a random password, returned as `generated` too (to print and write down). */
function demoPassword(seedPassword: string | undefined): { password: string; generated: string | null } {
  if (seedPassword) return { password: seedPassword, generated: null };
  const generated = `demo-${randomBytes(9).toString('base64url')}`;
  return { password: generated, generated };
}

type AccountsConfig = Parameters<typeof seedAccounts>[1];

/**
 * The demo seed's accounts step: ensures the accounts and links `agent` to the staff member the
 * staff step recorded (only when it has none yet); `onResult` receives what was created.
 */
export const accountsSeedStep = (
  users: UserService,
  config: AccountsConfig,
  logger: Logger,
  onResult: (result: SeedAccountsResult) => void,
): SeedStep => ({
  name: 'accounts',
  async run(ctx) {
    const result = await seedAccounts(users, config, logger, ctx.agentStaffId);
    onResult(result);
    const agent = await users.findByUsername('agent');
    if (agent && agent.staffId === null && ctx.agentStaffId)
      await users.update(agent._id, { staffId: ctx.agentStaffId });
    return result.created.length;
  },
});
