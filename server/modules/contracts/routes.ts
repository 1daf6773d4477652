import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import * as payments from './payments.js';
import { contractSchema, contractSummarySchema, creditSchema, moneySettingsOut } from './presenter.js';
import {
  amendmentBody,
  asOfQuery,
  claimBody,
  claimDecisionBody,
  claimParams,
  contractBody,
  creditApplicationBody,
  dealContractsQuery,
  instalmentParams,
  invoiceBody,
  paymentBody,
  paymentParams,
  reversalBody,
} from './schema.js';
import * as service from './service.js';
import { moneySettingsSchema } from './settings.js';

export async function contractRoutes(app: App, deps: Deps) {
  const tags = ['contracts'];
  const one = responses({ 200: contractSchema }, [400, 403, 404, 409, 422]);

  app.post(
    '/api/contracts',
    { schema: { tags, summary: '登记合同 Register a contract of a deal with its payment plan (plan or split into N equal parts; must sum exactly: 422 PLAN_MISMATCH names the difference)', body: contractBody, response: responses({ 201: contractSchema }, [400, 403, 404, 409, 422]) } },
    async (req, reply) => {
      const created = await service.createContract(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );
  app.get('/api/contracts', { schema: { tags, summary: 'Contracts of a deal (the deal page)', querystring: dealContractsQuery, response: responses({ 200: z.object({ items: z.array(contractSummarySchema) }) }, [400, 404]) } }, async (req) =>
    service.contractsOfDeal(deps, actorOf(req), req.query.dealId),
  );
  app.get('/api/contracts/settings', { schema: { tags, summary: 'Receivable policy: tolerance, band day basis, due-date shift, number sequence, claim pause, escalation delay', response: responses({ 200: moneySettingsOut }, [403]) } }, async (req) =>
    service.getSettings(deps, actorOf(req)),
  );
  app.put(
    '/api/contracts/settings',
    { config: { ability: 'contract.configure' }, schema: { tags, summary: 'Change the receivable policy (admin); timers of unpaid instalments are recomputed', body: moneySettingsSchema, response: responses({ 200: moneySettingsOut }, [400, 403]) } },
    async (req) => service.updateSettings(deps, actorOf(req), req.body),
  );
  app.get('/api/contracts/:id', { schema: { tags, summary: 'A contract: instalments derived from the allocation ledger (as of a date), payments, claims, evidence, recent activities', params: idParams, querystring: asOfQuery, response: responses({ 200: contractSchema }, [400, 404]) } }, async (req) =>
    service.getContract(deps, actorOf(req), req.params.id, req.query.asOf),
  );
  app.post(
    '/api/contracts/:id/amendments',
    { config: { ability: 'contract.amend' }, schema: { tags, summary: '补充协议 A new plan version; no instalment below what is allocated to it', params: idParams, body: amendmentBody, response: one } },
    async (req) => service.amendPlan(deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/contracts/:id/payments',
    { config: { ability: 'payment.record' }, schema: { tags, summary: '登记回款 Record a payment (finance): FIFO by effective due date unless allocated by hand; the rest becomes customer credit', params: idParams, body: paymentBody, response: responses({ 201: contractSchema }, [400, 403, 404, 409, 422]) } },
    async (req, reply) => {
      const out = await payments.recordPayment(deps, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return out;
    },
  );
  app.post(
    '/api/contracts/:id/payments/:paymentId/reversal',
    { config: { ability: 'payment.record' }, schema: { tags, summary: 'Reverse a payment: a reversing entry and negative allocations (never an edit)', params: paymentParams, body: reversalBody, response: one } },
    async (req) => payments.reversePayment(deps, actorOf(req), req.params.id, req.params.paymentId, req.body),
  );
  app.get('/api/contracts/:id/credit', { schema: { tags, summary: "The customer's unapplied credit (预收款) and where it came from", params: idParams, response: responses({ 200: creditSchema }, [400, 403, 404]) } }, async (req) =>
    payments.getCredit(deps, actorOf(req), req.params.id),
  );
  app.post(
    '/api/contracts/:id/credit-applications',
    { config: { ability: 'payment.record' }, schema: { tags, summary: "Apply the customer's credit to an instalment of this contract (explicit, audited)", params: idParams, body: creditApplicationBody, response: one } },
    async (req) => payments.applyCredit(deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/contracts/:id/claims',
    { config: { ability: 'payment.claim' }, schema: { tags, summary: '回款申明 A seller says the customer paid (bank slip): escalation waits N working days for finance', params: idParams, body: claimBody, response: responses({ 201: contractSchema }, [400, 403, 404]) } },
    async (req, reply) => {
      const out = await payments.fileClaim(deps, actorOf(req), req.params.id, req.body);
      reply.code(201);
      return out;
    },
  );
  app.post(
    '/api/contracts/:id/claims/:claimId/decision',
    { config: { ability: 'payment.record' }, schema: { tags, summary: 'Reject a claim (confirming = recording the payment with claimId): escalation fires at once with the note', params: claimParams, body: claimDecisionBody, response: one } },
    async (req) => payments.rejectClaim(deps, actorOf(req), req.params.id, req.params.claimId, req.body.note),
  );
  app.put(
    '/api/contracts/:id/instalments/:instalmentId/invoice',
    { config: { ability: 'payment.record' }, schema: { tags, summary: 'Invoice status of an instalment (finance)', params: instalmentParams, body: invoiceBody, response: one } },
    async (req) => service.setInvoiceStatus(deps, actorOf(req), req.params.id, req.params.instalmentId, req.body),
  );
}
