import type { App, Deps } from '../../core/http.js';

export async function activityRoutes(_app: App, _deps: Deps) {}
