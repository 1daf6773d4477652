/**
 * The one definition each module exports (`server/modules/<name>/module.ts`). The composition root
 * (`server/modules/index.ts`) lists them; the HTTP app, the worker and the CLI are all built from that list.
 */
import type { Job } from '../jobs/job.js';
import type { HookSet } from './hooks.js';
import type { App, Deps } from './http.js';

export interface ModuleDefinition {
  /** The folder name under server/modules/. */
  name: string;
  /** Registers the module's HTTP routes; no side effect beyond the Fastify instance (hooks go in `hooks`). */
  routes?: (app: App, deps: Deps) => Promise<void>;
  /** Background work the worker loop runs. */
  jobs?: readonly Job[];
  /** Names under which the module consumes the `events` table (`consumeEvents`); unique across modules. */
  consumers?: readonly string[];
  /** Implementations of hooks other modules offer (see core/hooks.ts). */
  hooks?: HookSet;
}

export function defineModule<const D extends ModuleDefinition>(definition: D): D {
  return definition;
}
