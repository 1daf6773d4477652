/** The shipped industry templates under `templates/pipelines/`, found relative to this file so any cwd works. */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PipelineDefinition } from './definition.js';
import { validatePipelineYaml } from './yaml.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/pipelines/', import.meta.url));

export interface TemplateSummary {
  key: string;
  name: string;
  nameEn: string;
  description?: string;
  descriptionEn?: string;
  stages: number;
}

function templateFiles(): string[] {
  return readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith('.yaml')).sort();
}

/** A shipped template that does not validate is a packaging bug, not user input: fail loudly. */
function parseTemplate(file: string): PipelineDefinition {
  const result = validatePipelineYaml(readFileSync(TEMPLATES_DIR + file, 'utf8'));
  if (!result.ok) {
    const first = result.errors[0];
    throw new Error(`Template ${file} is invalid at line ${first.line}, column ${first.column}: ${first.path} ${first.message}`);
  }
  return result.definition;
}

export function listTemplates(): TemplateSummary[] {
  return templateFiles().map((file) => {
    const def = parseTemplate(file);
    return {
      key: def.key,
      name: def.name,
      nameEn: def.nameEn ?? def.name,
      ...(def.description ? { description: def.description } : {}),
      ...(def.descriptionEn ? { descriptionEn: def.descriptionEn } : {}),
      stages: def.stages.length,
    };
  });
}

export function loadTemplate(key: string): PipelineDefinition | null {
  const file = templateFiles().find((f) => f === `${key}.yaml`);
  return file ? parseTemplate(file) : null;
}
