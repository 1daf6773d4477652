import { resolve } from 'node:path';

export interface AppConfig {
  databaseUrl: string;
  /** SQLite page cache in MB (ACTIONFLOW_SQLITE_CACHE_MB); unset: the database layer's default. */
  sqliteCacheMb?: number;
  dataDir: string;
  filesDir: string;
  port: number;
  host: string;
  timeZone: string;
  /** Consumed events, their consumption rows, delivered outbox rows and closed clocks' firings older than this go (ACTIONFLOW_RETENTION_DAYS). */
  retentionDays: number;
  /** Absolute base URL of the web app, for links in robot messages and e-mails (ACTIONFLOW_PUBLIC_URL). */
  publicUrl: string;
  /** Largest accepted upload in bytes. */
  maxUploadBytes: number;
  /** Import files stream to disk and are read in bounded batches, so they may be far larger than attachments. */
  maxImportBytes: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Failed logins allowed per account and per client address before each further failure doubles a lock-out. */
  loginThrottle: LoginThrottle;
  /**
   * Which proxies' `X-Forwarded-*` headers to believe (ACTIONFLOW_TRUST_PROXY): off by default, a hop count
   * (`1` behind one nginx), or a comma-separated list of proxy addresses / CIDRs.
   */
  trustProxy: false | number | string[];
  /** Extra origins (scheme://host:port) allowed to make cookie-authenticated changes (ACTIONFLOW_ALLOWED_ORIGINS). */
  allowedOrigins: string[];
  /**
   * Hosts, addresses or CIDRs that channel tests and rule webhooks may reach although they are loopback, private or
   * link-local (ACTIONFLOW_OUTBOUND_ALLOW); everything else private is refused.
   */
  outboundAllow: string[];
  /**
   * Key sealing channel secrets at rest (ACTIONFLOW_SECRET_KEY, 32 bytes base64/hex); null = `<dataDir>/secret.key`,
   * generated with mode 0600 (core/secrets.ts).
   */
  secretKey: string | null;
  /** Older keys still accepted for opening until `actionflow secrets rotate` ran (ACTIONFLOW_SECRET_KEYS_PREVIOUS). */
  previousSecretKeys: string[];
  metricSnapshots: MetricSnapshotSettings;
}

/**
 * When a dashboard view is materialised by the worker instead of computed per request (metrics/snapshots.ts): its
 * live query took at least `aboveMs` over at least `minRows` fact rows. The worker rebuilds a view `refreshMinutes`
 * after its last snapshot; a snapshot older than `maxAgeMinutes` is not served (the view is computed live again);
 * views nobody asked for in `keepDays` are dropped.
 */
export interface MetricSnapshotSettings {
  aboveMs: number;
  minRows: number;
  refreshMinutes: number;
  maxAgeMinutes: number;
  keepDays: number;
}

export interface LoginThrottle {
  accountFailures: number;
  addressFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A quiet period after which failures are forgotten. */
  windowMs: number;
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
}

export function parseTrustProxy(value: string | undefined): false | number | string[] {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return list(v);
}

/** Reads configuration from the environment; defaults give the embedded SQLite setup under ./data. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.ACTIONFLOW_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'actionflow.db')}`,
    sqliteCacheMb: env.ACTIONFLOW_SQLITE_CACHE_MB ? Number(env.ACTIONFLOW_SQLITE_CACHE_MB) : undefined,
    dataDir,
    filesDir: resolve(env.ACTIONFLOW_FILES_DIR ?? resolve(dataDir, 'files')),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    timeZone: env.ACTIONFLOW_TIME_ZONE ?? 'Asia/Shanghai',
    retentionDays: Number(env.ACTIONFLOW_RETENTION_DAYS ?? 90),
    publicUrl: (env.ACTIONFLOW_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    maxUploadBytes: Number(env.ACTIONFLOW_MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    maxImportBytes: Number(env.ACTIONFLOW_MAX_IMPORT_BYTES ?? 200 * 1024 * 1024),
    sessionTtlHours: Number(env.ACTIONFLOW_SESSION_TTL_HOURS ?? 12),
    cookieSecure: env.ACTIONFLOW_COOKIE_SECURE === 'true',
    loginThrottle: {
      accountFailures: Number(env.ACTIONFLOW_LOGIN_ACCOUNT_FAILURES ?? 5),
      addressFailures: Number(env.ACTIONFLOW_LOGIN_ADDRESS_FAILURES ?? 20),
      baseDelayMs: 1000,
      maxDelayMs: 15 * 60_000,
      windowMs: 15 * 60_000,
    },
    trustProxy: parseTrustProxy(env.ACTIONFLOW_TRUST_PROXY),
    allowedOrigins: list(env.ACTIONFLOW_ALLOWED_ORIGINS).map((o) => o.replace(/\/+$/, '')),
    outboundAllow: list(env.ACTIONFLOW_OUTBOUND_ALLOW),
    secretKey: env.ACTIONFLOW_SECRET_KEY?.trim() || null,
    previousSecretKeys: list(env.ACTIONFLOW_SECRET_KEYS_PREVIOUS),
    metricSnapshots: {
      aboveMs: Number(env.ACTIONFLOW_METRIC_SNAPSHOT_ABOVE_MS ?? 100),
      minRows: Number(env.ACTIONFLOW_METRIC_SNAPSHOT_MIN_ROWS ?? 2_000),
      refreshMinutes: Number(env.ACTIONFLOW_METRIC_SNAPSHOT_REFRESH_MINUTES ?? 10),
      maxAgeMinutes: Number(env.ACTIONFLOW_METRIC_SNAPSHOT_MAX_AGE_MINUTES ?? 30),
      keepDays: 7,
    },
  };
}
