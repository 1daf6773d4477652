import { formatMessage } from '../../core/validation.js';
import { z } from 'zod';
import { RESULTS } from './presenter.js';

export const monthQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, formatMessage('month_format')).optional() });
export const resultBody = z.object({ result: z.enum(RESULTS), note: z.string().trim().max(500).optional() });
export const settingsBody = z.object({
  /** null: the org default for teams without their own. */
  teamId: z.string().min(1).max(64).nullable(),
  /** Share of customers with logged visits called back each month, in basis points (500 = 5 %). */
  shareBp: z.number().int().min(1).max(10_000),
  /** Who calls back (the team's quality checker); null: the team's closest manager. */
  checkerId: z.string().min(1).max(64).nullable(),
});
