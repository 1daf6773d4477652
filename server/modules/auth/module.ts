/** Passwords, sessions, API tokens: login, logout, me. */
import { defineModule } from '../../core/module.js';
import { authRoutes } from './routes.js';

export const authModule = defineModule({
  name: 'auth',
  routes: authRoutes,
});
