/** Passwords, sessions, API tokens: login, logout, me. */
import { defineModule } from '../../core/module.js';
import { endCredentials } from './repo.js';
import { authRoutes } from './routes.js';

export const authModule = defineModule({
  name: 'auth',
  routes: authRoutes,
  // A new password or a deactivation (org) locks out whoever holds the old sessions and tokens.
  hooks: { 'org.credentialsRevoked': (trx, clock, userId) => endCredentials(trx, clock, userId) },
});
