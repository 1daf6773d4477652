import type { App, Deps } from '../../core/http.js';

export async function dealRoutes(_app: App, _deps: Deps) {}
