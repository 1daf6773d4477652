import { actorOf, idParams, type App, type Deps } from '../../core/http.js';
import { appointmentBody, appointmentListQuery, reassignBody, statsQuery } from './schema.js';
import * as service from './service.js';
import { pageOf, responses } from '../../core/contract.js';
import { appointmentSchema, appointmentStatsSchema, createdAppointmentSchema, reassignCandidatesSchema, reassignedAppointmentSchema } from './presenter.js';

export async function appointmentRoutes(app: App, deps: Deps) {
  const tags = ['appointments'];

  app.post(
    '/api/appointments',
    {
      config: { ability: 'appointment.book' },
      schema: {
        tags,
        summary: 'Register a store appointment with phone + time (store and consultant = me); finds or creates the customer by normalised phone and queues the confirmation SMS',
        body: appointmentBody,
        response: responses({ 201: createdAppointmentSchema }, [400, 403]),
      },
    },
    async (req, reply) => {
      const created = await service.createAppointment(deps, actorOf(req), req.body);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/api/appointments',
    { schema: { tags, summary: 'Appointments in my scope (consultant: own and handed to me; manager: store/region), filters status, store, consultant, date', querystring: appointmentListQuery, response: responses({ 200: pageOf(appointmentSchema) }, [400]) } },
    async (req) => service.listAppointments(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/appointments/stats',
    { schema: { tags, summary: 'Store figures for local dates from..to: arrivals, deals won, no-shows, no-show second-touch rate', querystring: statsQuery, response: responses({ 200: appointmentStatsSchema }, [400]) } },
    async (req) => service.stats(deps, actorOf(req), req.query),
  );

  app.get(
    '/api/appointments/reassign-candidates',
    { schema: { tags, summary: 'Consultants I may hand a follow-up call to (my store and the neighbouring stores of my region)', response: responses({ 200: reassignCandidatesSchema }, [403]) } },
    async (req) => service.reassignCandidates(deps, actorOf(req)),
  );

  app.get('/api/appointments/:id', { schema: { tags, summary: 'One appointment', params: idParams, response: responses({ 200: appointmentSchema }, [400, 404]) } }, async (req) =>
    service.getAppointment(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/appointments/:id/check-in',
    { config: { idempotent: true }, schema: { tags, summary: 'Check the customer in (one tap by the store); after a no-show it records a late arrival', params: idParams, response: responses({ 200: appointmentSchema }, [400, 404, 422]) } },
    async (req) => service.checkIn(deps, actorOf(req), req.params.id),
  );

  app.post('/api/appointments/:id/cancel', { schema: { tags, summary: 'Cancel a booked appointment', params: idParams, response: responses({ 200: appointmentSchema }, [400, 404, 422]) } }, async (req) =>
    service.cancelAppointment(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/appointments/:id/reassign',
    { config: { ability: 'appointment.reassign' }, schema: { tags, summary: 'Hand a no-show’s follow-up call to another consultant: creates a task due in 2 hours (or dueAt), audited', params: idParams, body: reassignBody, response: responses({ 200: reassignedAppointmentSchema }, [400, 403, 404, 422]) } },
    async (req) => service.reassign(deps, actorOf(req), req.params.id, req.body),
  );
}
