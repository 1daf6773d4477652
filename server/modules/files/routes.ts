import type { App, Deps } from '../../core/http.js';

export async function attachmentRoutes(_app: App, _deps: Deps) {}
