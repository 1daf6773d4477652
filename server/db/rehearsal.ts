/**
 * A "rehearsal" connection: everything runs inside one outer transaction that is rolled back when the handle closes,
 * and the code's own transactions become savepoints within it. `tick --dry-run` runs the real jobs on it, so it shows
 * exactly what would fire and writes nothing.
 */
import { CompiledQuery, type DatabaseConnection, type Dialect as KyselyDialect, type Driver, type TransactionSettings } from 'kysely';

class Mutex {
  private tail: Promise<void> = Promise.resolve();
  private release: (() => void) | null = null;
  async lock(): Promise<void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    await previous;
    this.release = release;
  }
  unlock(): void {
    const release = this.release;
    this.release = null;
    release?.();
  }
}

class RehearsalDriver implements Driver {
  private connection: DatabaseConnection | null = null;
  private readonly mutex = new Mutex();
  private depth = 0;

  constructor(
    private readonly inner: Driver,
    private readonly beginSql: string,
  ) {}

  async init(): Promise<void> {
    await this.inner.init();
    this.connection = await this.inner.acquireConnection();
    await this.connection.executeQuery(CompiledQuery.raw(this.beginSql));
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection holds the outer transaction: callers take turns (PostgreSQL lanes run one after the other).
    await this.mutex.lock();
    return this.connection!;
  }

  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint rehearsal_${++this.depth}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint rehearsal_${this.depth--}`));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint rehearsal_${this.depth}`));
    await connection.executeQuery(CompiledQuery.raw(`release savepoint rehearsal_${this.depth--}`));
  }

  /** Rolls everything back; the pool or SQLite handle belongs to the main handle, which closes it. */
  async destroy(): Promise<void> {
    if (this.connection) {
      await this.connection.executeQuery(CompiledQuery.raw('rollback'));
      await this.inner.releaseConnection(this.connection);
      this.connection = null;
    }
  }
}

/** Wraps a dialect so that nothing done through it is ever committed. */
export function rehearsalDialect(inner: KyselyDialect, beginSql: string): KyselyDialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new RehearsalDriver(inner.createDriver(), beginSql),
    createIntrospector: (db) => inner.createIntrospector(db),
    createQueryCompiler: () => inner.createQueryCompiler(),
  };
}
