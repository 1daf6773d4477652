import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../../server/db/index.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A fresh, migrated database for one test file: in-memory SQLite, or a private schema on the PostgreSQL test
 * server. PostgreSQL being unreachable is a failure with instructions, never a silent pass.
 */
export async function openTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  if (testDialect() === 'sqlite') {
    const handle = openDatabase('sqlite::memory:');
    await handle.migrate();
    return { ...handle, drop: () => handle.close() };
  }
  await assertPostgresReachable();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = openDatabase(TEST_DATABASE_URL, { schema, poolSize: 5 });
  await handle.migrate();
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await dropSchema(schema);
    },
  };
}

/**
 * A killed worker's backend may still be finishing its statement when the schema goes; PostgreSQL then picks one side
 * of the lock cycle as the deadlock victim, and when that is the drop it is simply tried again.
 */
async function dropSchema(schema: string, attempts = 5): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt >= attempts) throw error;
      }
    }
  } finally {
    await client.end();
  }
}

async function assertPostgresReachable() {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${(error as Error).message}). ` +
        'Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start — ' +
        'or set TEST_DATABASE_URL to a server you can use.',
    );
  }
}
