/**
 * The composition root: the one list of modules. The HTTP app (app.ts), the worker (jobs/worker.ts) and the CLI
 * (cli/context.ts) all build from it, so every process has the same routes, jobs, consumers and hooks.
 * Adding a module: write its `module.ts` and add it here (see docs/architecture.md).
 */
import { installHooks } from '../core/hooks.js';
import type { ModuleDefinition } from '../core/module.js';
import type { Job } from '../jobs/job.js';
import { activitiesModule } from './activities/module.js';
import { appointmentsModule } from './appointments/module.js';
import { approvalsModule } from './approvals/module.js';
import { auditModule } from './audit/module.js';
import { authModule } from './auth/module.js';
import { cadencesModule } from './cadences/module.js';
import { calendarModule } from './calendar/module.js';
import { channelsModule } from './channels/module.js';
import { customersModule } from './customers/module.js';
import { customfieldsModule } from './customfields/module.js';
import { dealsModule } from './deals/module.js';
import { dictionariesModule } from './dictionaries/module.js';
import { digestsModule } from './digests/module.js';
import { exportsModule } from './exports/module.js';
import { filesModule } from './files/module.js';
import { gatesModule } from './gates/module.js';
import { importsModule } from './imports/module.js';
import { healthModule } from './health/module.js';
import { leadsModule } from './leads/module.js';
import { metricsModule } from './metrics/module.js';
import { notificationsModule } from './notifications/module.js';
import { orgModule } from './org/module.js';
import { pipelinesModule } from './pipelines/module.js';
import { retentionModule } from './retention/module.js';
import { rulesModule } from './rules/module.js';
import { slaModule } from './sla/module.js';
import { tasksModule } from './tasks/module.js';
import { workordersModule } from './workorders/module.js';
import { quicklogModule } from './quicklog/module.js';
import { materialsModule } from './materials/module.js';
import { callbacksModule } from './callbacks/module.js';
import { contractsModule } from './contracts/module.js';
import { receivablesModule } from './receivables/module.js';
import { patternsModule } from './patterns/module.js';
import { platformsModule } from './platforms/module.js';

/** Foundation modules first, then the engines; routes register and hooks run in this order. */
export const MODULES: readonly ModuleDefinition[] = [
  authModule,
  orgModule,
  auditModule,
  customfieldsModule,
  dictionariesModule,
  customersModule,
  pipelinesModule,
  gatesModule,
  dealsModule,
  activitiesModule,
  tasksModule,
  filesModule,
  calendarModule,
  slaModule,
  notificationsModule,
  channelsModule,
  rulesModule,
  appointmentsModule,
  digestsModule,
  cadencesModule,
  leadsModule,
  retentionModule,
  approvalsModule,
  workordersModule,
  metricsModule,
  exportsModule,
  importsModule,
  healthModule,
  quicklogModule,
  materialsModule,
  callbacksModule,
  contractsModule,
  receivablesModule,
  patternsModule,
  platformsModule,
];

export interface Composition {
  modules: readonly ModuleDefinition[];
  routes: Array<NonNullable<ModuleDefinition['routes']>>;
  jobs: Job[];
}

/**
 * Checks the list (unique module, job and consumer names: two consumers under one name would each skip the events
 * the other processed) and installs every module's hooks for this process. Idempotent; every process calls it.
 */
export function composeModules(modules: readonly ModuleDefinition[] = MODULES): Composition {
  unique('module', modules.map((m) => m.name));
  const jobs = modules.flatMap((m) => m.jobs ?? []);
  unique('job', jobs.map((j) => j.name));
  unique('event consumer', modules.flatMap((m) => m.consumers ?? []));
  installHooks(modules.map((m) => m.hooks ?? {}));
  return { modules, routes: modules.flatMap((m) => (m.routes ? [m.routes] : [])), jobs };
}

function unique(what: string, names: string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`composition root: two modules declare the ${what} "${name}"`);
    seen.add(name);
  }
}
