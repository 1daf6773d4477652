/** Receivables (应收): the countdown board, ageing with drill-down and export, finance partners, the escalation job. */
import { defineModule } from '../../core/module.js';
import { receivablesJob } from './escalation.js';
import { receivableRoutes } from './routes.js';

export const receivablesModule = defineModule({ name: 'receivables', routes: receivableRoutes, jobs: [receivablesJob] });
