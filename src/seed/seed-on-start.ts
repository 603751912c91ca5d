import { seedAccounts } from '../auth/seed-accounts';
import type { Services } from '../server/services';
import { seedDemo } from './demo-seed';

/**
 * On start: the accounts that must exist (always), and the demo site when the store
 * is empty (no staff) and SEED_ON_START is on (the default outside production).
 */
export async function seedOnStart(services: Services): Promise<void> {
  const { config, logger, users } = services;
  const result = await seedAccounts(users, config, logger);
  if (result.generatedPassword) {
    // Printed once, on purpose: this is how a developer learns the demo password.
    console.log(
      `\nDemo accounts ${result.created.join(', ')} created with password: ${result.generatedPassword}\n` +
        `(also written to ${result.credentialsFile}; set SEED_PASSWORD to choose it)\n`,
    );
  } else if (result.created.length > 0) logger.info({ users: result.created }, 'accounts created');
  if (config.SEED_ON_START && (await services.staff.count()) === 0) {
    logger.info('empty store: seeding the demo site (SEED_ON_START)');
    await seedDemo(services);
  }
}
