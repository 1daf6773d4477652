import type { App, Deps } from '../../core/http.js';

export async function pipelineRoutes(_app: App, _deps: Deps) {}
