import { resolve } from 'node:path';

export interface AppConfig {
  databaseUrl: string;
  dataDir: string;
  filesDir: string;
  port: number;
  host: string;
  timeZone: string;
  /** Absolute base URL of the web app, for links in robot messages and e-mails (ACTIONFLOW_PUBLIC_URL). */
  publicUrl: string;
  /** Largest accepted upload in bytes. */
  maxUploadBytes: number;
  sessionTtlHours: number;
  cookieSecure: boolean;
  loginRateLimit: { max: number; windowMs: number };
}

/** Reads configuration from the environment; defaults give the embedded SQLite setup under ./data. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.ACTIONFLOW_DATA_DIR ?? 'data');
  return {
    databaseUrl: env.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'actionflow.db')}`,
    dataDir,
    filesDir: resolve(env.ACTIONFLOW_FILES_DIR ?? resolve(dataDir, 'files')),
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    timeZone: env.ACTIONFLOW_TIME_ZONE ?? 'Asia/Shanghai',
    publicUrl: (env.ACTIONFLOW_PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${env.PORT ?? 3000}`).replace(/\/+$/, ''),
    maxUploadBytes: Number(env.ACTIONFLOW_MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    sessionTtlHours: Number(env.ACTIONFLOW_SESSION_TTL_HOURS ?? 12),
    cookieSecure: env.ACTIONFLOW_COOKIE_SECURE === 'true',
    loginRateLimit: { max: Number(env.ACTIONFLOW_LOGIN_MAX ?? 10), windowMs: 60_000 },
  };
}
