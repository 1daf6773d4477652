import { Command } from 'commander';
import { reportError } from './context.js';
import { registerServe } from './serve.js';
import { registerMigrate } from './migrate.js';
import { registerDemo } from './demo.js';
import { registerUser } from './user.js';
import { registerPipeline } from './pipeline.js';
import { registerTick } from './tick.js';
import { registerSecrets } from './secrets.js';
import { registerImport } from './import.js';
import { registerPlatforms } from './platforms.js';
import { registerHealth } from './health.js';

export function buildProgram(): Command {
  const program = new Command('actionflow')
    .description('Sales action-flow system 销售动作流 — server and admin commands.\nDatabase: DATABASE_URL (postgres://…) or the SQLite file ./data/actionflow.db.')
    .showHelpAfterError()
    .version('0.1.0');
  registerServe(program);
  registerMigrate(program);
  registerDemo(program);
  registerUser(program);
  registerPipeline(program);
  registerTick(program);
  registerSecrets(program);
  registerImport(program);
  registerPlatforms(program);
  registerHealth(program);
  return program;
}

/** Entry point of `actionflow` (server/main.ts). Errors end in a message and exit code 1, never a stack trace for expected failures. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error);
  }
}
