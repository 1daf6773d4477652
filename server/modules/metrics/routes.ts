import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { actorOf, langOf, type App, type Deps } from '../../core/http.js';
import { contentDisposition } from '../files/types.js';
import { CONTENT_TYPES } from '../exports/workbook.js';
import { drillPageSchema, metricAnswerSchema, metricListSchema } from './presenter.js';
import { dashboardExportQuery, exportQuery, metricFilters, metricParams, METRIC_NAMES, recordsQuery, type MetricName } from './schema.js';
import { exportDashboard, exportMetric, getMetric, getRecords, listMetrics } from './service.js';
import { invalid } from '../../core/errors.js';

export async function metricRoutes(app: App, deps: Deps) {
  const tags = ['metrics'];
  const binary = z.string().describe('the file (binary)');

  app.get('/api/metrics', { schema: { tags, summary: 'Metric names with their definitions', response: responses({ 200: metricListSchema }) } }, async () => listMetrics());

  app.get(
    '/api/metrics/:name',
    { schema: { tags, summary: 'The figures of one metric in your scope; every countable figure is { cell, value }', params: metricParams, querystring: metricFilters, response: responses({ 200: metricAnswerSchema }, [400, 404]) } },
    async (req) => getMetric(deps, actorOf(req), req.params.name, req.query),
  );

  app.get(
    '/api/metrics/:name/records',
    { schema: { tags, summary: 'The records behind one figure or chart cell (same query): total equals the cell value', params: metricParams, querystring: recordsQuery, response: responses({ 200: drillPageSchema }, [400, 404]) } },
    async (req) => getRecords(deps, actorOf(req), req.params.name, req.query),
  );

  app.get(
    '/api/metrics/:name/export',
    {
      schema: {
        tags,
        summary: 'The metric as .xlsx (About sheet, one sheet per chart, the records sheet) or its records as CSV with a BOM; streamed, same scope and hidden fields',
        params: metricParams,
        querystring: exportQuery,
        produces: [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv],
        response: responses({ 200: binary }, [400, 404]),
      },
    },
    async (req, reply) => {
      const out = await exportMetric(deps, actorOf(req), req.params.name, req.query, langOf(req), (err) => req.log.error({ err }, 'metric export failed'));
      return reply.type(CONTENT_TYPES[out.format]).header('content-disposition', contentDisposition(out.filename, 'attachment')).send(out.stream);
    },
  );

  app.get(
    '/api/dashboard/export',
    {
      schema: {
        tags,
        summary: 'The dashboard as one .xlsx: an About sheet (filters, as-of, time zone, user, scope) and one sheet per chart, data as displayed',
        querystring: dashboardExportQuery,
        produces: [CONTENT_TYPES.xlsx],
        response: responses({ 200: binary }, [400, 404]),
      },
    },
    async (req, reply) => {
      const { metrics, ...filters } = req.query;
      const names = metrics ? metrics.split(',').map((s) => s.trim()).filter(Boolean) : [...DASHBOARD_METRICS];
      for (const n of names) if (!(METRIC_NAMES as readonly string[]).includes(n)) throw invalid('metrics', 'invalid', undefined, `unknown metric ${n}`);
      const out = await exportDashboard(deps, actorOf(req), names as MetricName[], filters, langOf(req), (err) => req.log.error({ err }, 'dashboard export failed'));
      return reply.type(CONTENT_TYPES.xlsx).header('content-disposition', contentDisposition(out.filename, 'attachment')).send(out.stream);
    },
  );
}

export const DASHBOARD_METRICS: readonly MetricName[] = METRIC_NAMES;
