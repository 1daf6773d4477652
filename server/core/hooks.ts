/**
 * Named hooks: extension points a module offers (e.g. `tasks.completionCheck`) and other modules fill in their
 * module definition. The composition root installs them once per process — HTTP, worker and CLI alike — so no
 * caller of a service can skip them by not registering some routes first.
 *
 * The module that offers a hook declares its signature by augmenting `HookMap`:
 *   declare module '../../core/hooks.js' { interface HookMap { 'tasks.completionCheck': CompletionCheck } }
 */

// Filled by declaration merging in the modules that offer hooks; core knows none of them.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface HookMap {}

export type HookName = keyof HookMap;
/** What a module definition contributes: one implementation per hook it fills. */
export type HookSet = { [K in HookName]?: HookMap[K] };

let installed: Map<HookName, unknown[]> | null = null;

/** Installs the hooks of every module, replacing what was installed before (the root may be rebuilt in tests). */
export function installHooks(sets: readonly HookSet[]): void {
  const next = new Map<HookName, unknown[]>();
  for (const set of sets) {
    for (const [name, fn] of Object.entries(set) as Array<[HookName, unknown]>) {
      if (fn === undefined) continue;
      next.set(name, [...(next.get(name) ?? []), fn]);
    }
  }
  installed = next;
}

/**
 * The implementations of `name`, in module order. Throws when no composition root was built in this process: a
 * service that would silently skip another module's checks must not run at all.
 */
export function hooksOf<K extends HookName>(name: K): Array<HookMap[K]> {
  if (!installed) throw new Error(`hook ${name}: the modules are not composed in this process (call composeModules() first)`);
  return (installed.get(name) ?? []) as Array<HookMap[K]>;
}
