import type { App, Deps } from '../../core/http.js';

export async function customFieldRoutes(_app: App, _deps: Deps) {}
