import type { App, Deps } from '../../core/http.js';

export async function customerRoutes(_app: App, _deps: Deps) {}
