import { confusableSkeleton } from '../../lib/text/confusables';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { checkPasswordPolicy, hashPassword } from '../../lib/auth/password';
import { ConfigError, type Config } from '../../lib/config';
import type { PrismaClient } from '../../lib/db/database';
import { isUniqueViolation } from '../../lib/db/errors';
import type { Logger } from '../../lib/logger';

export const DEFAULT_ADMIN_EMAIL = 'admin@farmiq.local';
export const INITIAL_ADMIN_FILE = 'initial-admin-password.txt';

/**
 * On an empty system, creates the platform admin: from FARMIQ_ADMIN_EMAIL and
 * FARMIQ_ADMIN_PASSWORD (which must pass the policy), or with a random one-time password
 * (144 bits) printed once and written to an owner-only file in the data folder, to be changed
 * at first login. There is no default password.
 */
export async function ensureFirstAdmin(db: PrismaClient, config: Config, log: Logger): Promise<void> {
  if ((await db.userAccount.count()) > 0) return;
  const email = config.auth.initialAdmin?.email ?? DEFAULT_ADMIN_EMAIL;
  const fromEnvironment = config.auth.initialAdmin?.password;
  if (fromEnvironment !== undefined) {
    try {
      checkPasswordPolicy(fromEnvironment, email);
    } catch (error) {
      throw new ConfigError(`FARMIQ_ADMIN_PASSWORD: ${(error as Error).message.replace(/^password: /, '')}`);
    }
  }
  const password = fromEnvironment ?? randomBytes(18).toString('base64url');
  try {
    await db.userAccount.create({
      data: {
        email,
        emailSkeleton: confusableSkeleton(email),
        passwordHash: await hashPassword(password),
        platformAdmin: true,
        mustChangePassword: fromEnvironment === undefined,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) return; // another replica created it first
    throw error;
  }
  if (fromEnvironment !== undefined) {
    log.info({ email }, 'platform admin created from FARMIQ_ADMIN_EMAIL');
    return;
  }
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(config.dataDir, INITIAL_ADMIN_FILE);
  fs.writeFileSync(file, `${email}\n${password}\n`, { mode: 0o600 });
  log.warn({ email, file }, 'platform admin created with a one-time password (also in the file); it must be changed at first login');
  // Printed once to the terminal, not to the structured log that may be shipped elsewhere.
  process.stdout.write(`\nFirst platform admin: ${email}\nOne-time password:    ${password}\n(change it at first login; also in ${file})\n\n`);
}
