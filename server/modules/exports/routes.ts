import { z } from 'zod';
import { responses } from '../../core/contract.js';
import { actorOf, langOf, type App, type Deps } from '../../core/http.js';
import { contentDisposition } from '../files/types.js';
import { listExportParams, listExportQuery } from './schema.js';
import { exportList } from './service.js';
import { CONTENT_TYPES } from './workbook.js';

export async function exportRoutes(app: App, deps: Deps) {
  app.get(
    '/api/exports/:list',
    {
      schema: {
        tags: ['exports'],
        summary: 'A whole list (deals, customers, activities, tasks) in your scope as .xlsx (with an About sheet) or CSV with a BOM; streamed, hidden fields dropped',
        params: listExportParams,
        querystring: listExportQuery,
        produces: [CONTENT_TYPES.xlsx, CONTENT_TYPES.csv],
        response: responses({ 200: z.string().describe('the file (binary)') }, [400]),
      },
    },
    async (req, reply) => {
      const out = await exportList(deps.bulkDb ?? deps.db, deps.clock, actorOf(req), req.params.list, req.query, deps.config.timeZone, langOf(req), (err) => req.log.error({ err }, 'list export failed'));
      return reply.type(CONTENT_TYPES[out.format]).header('content-disposition', contentDisposition(out.filename, 'attachment')).send(out.stream);
    },
  );
}
