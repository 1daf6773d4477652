import type { Command } from 'commander';
import { currentKeyId } from '../core/secrets.js';
import type { Db } from '../db/index.js';
import { CliError, withDatabase } from './context.js';

/**
 * Everything stored sealed (core/secrets.ts), per owner. A later module with credentials at rest (platform-app
 * secrets) adds its line: a function re-sealing its rows under the current key.
 */
type Resealer = (db: Db, options?: { plaintextOnly?: boolean }) => Promise<{ resealed: number; total: number; unreadable: string[] }>;
export const RESEALERS: Array<{ name: string; reseal: Resealer }> = [
  { name: 'channels', reseal: async (db, options) => (await import('../modules/channels/repo.js')).resealChannelSecrets(db, options) },
  { name: 'platforms', reseal: async (db, options) => (await import('../modules/platforms/repo.js')).resealPlatformSecrets(db, options) },
  { name: 'rule webhooks', reseal: async (db, options) => (await import('../modules/rules/repo.js')).resealRuleSecrets(db, options) },
];

export function registerSecrets(program: Command): void {
  const secrets = program.command('secrets').description('Secrets at rest (channel keys and passwords, rule webhook secrets) 密钥管理');
  secrets
    .command('rotate')
    .description(
      'Re-seal every stored secret under the current key (ACTIONFLOW_SECRET_KEY), opening old values with ACTIONFLOW_SECRET_KEYS_PREVIOUS; also seals plaintext rows. 用新密钥重新加密',
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const key = currentKeyId();
        let unreadable = 0;
        for (const owner of RESEALERS) {
          const result = await owner.reseal(database.db);
          console.log(`${owner.name}: re-sealed ${result.resealed} of ${result.total} under key ${key}`);
          for (const id of result.unreadable) console.error(`${owner.name} ${id}: sealed with a key that is not configured; re-enter its secrets or add the key to ACTIONFLOW_SECRET_KEYS_PREVIOUS`);
          unreadable += result.unreadable.length;
        }
        if (unreadable) throw new CliError(`${unreadable} value(s) could not be opened; keep the previous key until they are fixed.`);
        console.log('Done. The previous key may now be removed from ACTIONFLOW_SECRET_KEYS_PREVIOUS.');
      });
    });
}
