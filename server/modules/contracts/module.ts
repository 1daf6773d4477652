/** Contracts (合同) with versioned payment plans, payments and allocations as an append-only ledger, credit and claims. */
import { defineModule } from '../../core/module.js';
import { moveTeamPaths } from './repo.js';
import { checkGateContract } from './gate.js';
import { contractRoutes } from './routes.js';

export const contractsModule = defineModule({ name: 'contracts', routes: contractRoutes, hooks: { 'org.teamMoved': moveTeamPaths, 'gates.contractCheck': checkGateContract } });
