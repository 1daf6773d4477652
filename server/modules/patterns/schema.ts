import { z } from 'zod';

const id = z.string().min(1).max(64);
export const pipelineQuery = z.object({ pipelineId: id });
export const patternDealsQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const mineBody = z.object({ pipelineId: id });
export const riskListQuery = z.object({
  pipelineId: id.optional(),
  ownerId: id.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
