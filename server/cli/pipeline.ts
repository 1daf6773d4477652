import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { systemClock } from '../core/clock.js';
import { AppError } from '../core/errors.js';
import { listTemplates } from '../modules/pipelines/templates.js';
import { formatYamlError, localizeYamlErrors, validatePipelineYaml } from '../modules/pipelines/yaml.js';

/** The CLI's language: Chinese when the shell's locale is (LC_ALL / LC_MESSAGES / LANG = zh_*), English otherwise. */
function shellLang(): 'zh' | 'en' {
  const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
import { CliError, table, withDatabase } from './context.js';
import { systemActor } from '../core/policy.js';

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** `file:line:column: message` per error, the format editors and CI logs link to. Returns whether the file is valid. */
function printValidation(file: string, text: string): boolean {
  const result = validatePipelineYaml(text);
  if (result.ok) return true;
  for (const e of localizeYamlErrors(result.errors, shellLang())) console.error(formatYamlError(file, e));
  console.error(`${result.errors.length} error(s) in ${file}`);
  return false;
}

export function registerPipeline(program: Command): void {
  const pipeline = program.command('pipeline').description('Pipeline definitions as YAML (config as code) 销售流程');

  pipeline
    .command('validate')
    .argument('<file>', 'pipeline YAML file')
    .description('Check a pipeline YAML file; prints file:line:column: message per error and exits 1 if any')
    .action((file: string) => {
      const text = readText(file);
      if (!printValidation(file, text)) {
        process.exitCode = 1;
        return;
      }
      const result = validatePipelineYaml(text);
      if (result.ok) console.log(`${file}: valid (${result.definition.stages.length} stages)`);
    });

  pipeline
    .command('import')
    .argument('<file>', 'pipeline YAML file')
    .description('Create the pipeline, or update the one with the same key')
    .action(async (file: string) => {
      const text = readText(file);
      if (!printValidation(file, text)) {
        process.exitCode = 1;
        return;
      }
      const { importPipelineYaml } = await import('../modules/pipelines/service.js');
      await withDatabase(async (database) => {
        const result = await importPipelineYaml(database.db, systemClock, systemActor('cli'), text);
        console.log(`${result.created ? 'Created' : 'Updated'} pipeline ${result.key} (id ${result.id})`);
      });
    });

  pipeline
    .command('export')
    .argument('<key>', 'pipeline key or id')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .description('Print a pipeline as YAML')
    .action(async (key: string, options: { output?: string }) => {
      const { exportPipelineYaml } = await import('../modules/pipelines/service.js');
      await withDatabase(async (database) => {
        let yaml: string;
        try {
          yaml = await exportPipelineYaml(database.db, key);
        } catch (error) {
          if (error instanceof AppError && error.code === 'NOT_FOUND') throw new CliError(`no pipeline with key or id "${key}"`);
          throw error;
        }
        if (options.output) {
          writeFileSync(options.output, yaml);
          console.log(`Wrote ${options.output}`);
        } else {
          process.stdout.write(yaml);
        }
      });
    });

  pipeline
    .command('templates')
    .description('List the shipped templates (templates/pipelines/*.yaml)')
    .action(async () => {
      const templates = await listTemplates();
      console.log(table(['key', 'name'], templates.map((t) => [t.key, t.name])));
    });
}
