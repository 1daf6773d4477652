import { z } from 'zod';
import { invalid } from '../../core/errors.js';
import { identifier, pipelineDefinitionSchema } from './definition.js';

export { pipelineDefinitionSchema };

/** A YAML document as the raw body (text/yaml, application/yaml) or wrapped in JSON. */
export const yamlBody = z.union(
  [z.string().max(1_000_000), z.object({ yaml: z.string({ error: 'must be the YAML text' }).max(1_000_000).optional() })],
  { error: 'must be YAML text (text/yaml) or JSON { "yaml": "<text>" }' },
);

export const installBody = z.object({
  template: z.string().min(1).max(64),
  key: identifier.optional(),
  name: z.string().trim().min(1).max(100).optional(),
});

export const copyBody = z.object({
  key: identifier,
  name: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).optional(),
});

export const pipelineListQuery = z.object({
  includeArchived: z.enum(['true', 'false']).optional(),
});

/** The YAML text of a body accepted by `yamlBody`; a JSON object without `yaml` is a 400 naming `yaml`. */
export function yamlText(body: unknown): string {
  if (typeof body === 'string') return body;
  const text = (body as { yaml?: unknown } | null)?.yaml;
  if (typeof text !== 'string') throw invalid('yaml', 'required', undefined, 'must be the YAML text (or send the document itself as text/yaml)');
  return text;
}
