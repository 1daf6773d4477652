import type { App, Deps } from '../../core/http.js';

export async function taskRoutes(_app: App, _deps: Deps) {}
