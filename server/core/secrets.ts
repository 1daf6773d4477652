/**
 * Secrets at rest (issue 14 defect 10): channel secrets — robot webhook URLs with their keys, signing secrets, SMTP
 * passwords, SMS access keys — and any later credential (platform-app secrets) are stored sealed with AES-256-GCM
 * (node:crypto), so a database dump or backup alone reveals none of them.
 *
 * Stored form: `enc:v1:<keyId>:<base64(iv 12 bytes | tag 16 bytes | ciphertext)>`. The key id is the first 8 hex
 * digits of SHA-256 of the key, so several keys can coexist: the current key seals, every known key opens. The
 * `context` (e.g. `channel:<id>`) is authenticated data: a sealed value copied into another row does not open.
 *
 * Keys: ACTIONFLOW_SECRET_KEY (32 bytes as base64 or hex) is the current key; ACTIONFLOW_SECRET_KEYS_PREVIOUS
 * (comma-separated) lists older keys still accepted for opening until `actionflow secrets rotate` re-sealed every
 * value. Without ACTIONFLOW_SECRET_KEY the key is `<data dir>/secret.key`, generated on first use with mode 0600 —
 * kept apart from the database, so it must be backed up separately (docs/operations.md). Plaintext values (rows
 * written before sealing existed) still open, and `sealPlaintext` / `secrets rotate` seal them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJson, toJson } from './json.js';

const PREFIX = 'enc:v1:';
export const SECRET_KEY_FILE = 'secret.key';

export interface SecretKeyConfig {
  dataDir: string;
  /** ACTIONFLOW_SECRET_KEY. */
  secretKey?: string | null;
  /** ACTIONFLOW_SECRET_KEYS_PREVIOUS. */
  previousSecretKeys?: readonly string[];
}

export class SecretKeyError extends Error {}

interface Keyring {
  current: { id: string; key: Buffer };
  all: Map<string, Buffer>;
}

export function parseSecretKey(text: string): { id: string; key: Buffer } {
  const value = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new SecretKeyError('a secret key must be 32 bytes, given as 64 hex digits or base64 (openssl rand -base64 32)');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/** The key file of the embedded default: read, or created (0600) when missing. */
function keyFromFile(dataDir: string): string {
  const file = join(dataDir, SECRET_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  return readFileSync(file, 'utf8');
}

let ring: Keyring | null = null;
let ringSource = '';
let pending: SecretKeyConfig | null = null;

/**
 * Sets the key configuration of this process (app, worker and CLI call it). The key is loaded on first use, so a
 * process that never touches a secret creates no key file. Keys of an earlier configuration stay known for
 * opening, so a process that saw several configurations (tests) can still read what it sealed.
 */
export function configureSecrets(config: SecretKeyConfig): void {
  pending = { dataDir: config.dataDir, secretKey: config.secretKey ?? null, previousSecretKeys: [...(config.previousSecretKeys ?? [])] };
}

function load(config: SecretKeyConfig): Keyring {
  const current = parseSecretKey(config.secretKey || keyFromFile(config.dataDir));
  const all = new Map(ring?.all ?? []);
  for (const previous of config.previousSecretKeys ?? []) {
    const parsed = parseSecretKey(previous);
    all.set(parsed.id, parsed.key);
  }
  all.set(current.id, current.key);
  ringSource = config.secretKey ? 'ACTIONFLOW_SECRET_KEY' : join(config.dataDir, SECRET_KEY_FILE);
  return { current, all };
}

function keyring(): Keyring {
  if (pending) {
    ring = load(pending);
    pending = null;
  }
  if (!ring) throw new SecretKeyError('secrets used before configureSecrets() (no key configured in this process)');
  return ring;
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX);

/** Key id a stored value was sealed with; null for plaintext. */
export function sealedKeyId(stored: string): string | null {
  return isSealed(stored) ? stored.slice(PREFIX.length).split(':')[0] : null;
}

export function currentKeyId(): string {
  return keyring().current.id;
}

export function seal(plain: string, context: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Opens a sealed value; plaintext (written before sealing existed) is returned as it is. */
export function open(stored: string, context: string): string {
  if (!isSealed(stored)) return stored;
  const [id, data] = stored.slice(PREFIX.length).split(':');
  const key = keyring().all.get(id);
  if (!key) throw new SecretKeyError(`sealed with key ${id}, which is not configured (current key ${keyring().current.id} from ${ringSource}; add the old key to ACTIONFLOW_SECRET_KEYS_PREVIOUS)`);
  const raw = Buffer.from(data ?? '', 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretKeyError(`sealed value of ${context} does not open with key ${id} (tampered or moved from another row)`);
  }
}

/** Re-seals under the current key when sealed with another key or still plaintext; null when already current. */
export function reseal(stored: string, context: string): string | null {
  if (sealedKeyId(stored) === currentKeyId()) return null;
  return seal(open(stored, context), context);
}

/**
 * Sealed JSON settings of a row (channel secrets, platform-app secrets): one shape for every module that keeps them.
 * `context` names the row (`channel:<id>`), so a value copied into another row does not open.
 */
export function sealJson(value: unknown, context: string): string {
  return seal(toJson(value), context);
}

/**
 * Opens sealed JSON settings. A missing or wrong key must not take a settings page down: the row then shows no
 * secrets and says why (`error`), and whatever uses them fails its own calls.
 */
export function openJson<T extends object>(stored: string, context: string): { value: T; error: string | null } {
  try {
    return { value: parseJson<T>(open(stored, context), {} as T), error: null };
  } catch (error) {
    if (error instanceof SecretKeyError) return { value: {} as T, error: error.message };
    throw error;
  }
}

/**
 * `actionflow secrets rotate` for one table: re-seals every row's value under the current key (plaintext rows and
 * rows sealed with an older key). A row that opens with no configured key is left as it is and reported by id.
 * `write` stores the new value only if the row still holds the value read (returns rows changed), so a concurrent
 * admin edit is never overwritten with older secrets.
 */
export async function resealRows(
  rows: ReadonlyArray<{ id: string; value: string }>,
  contextOf: (id: string) => string,
  write: (row: { id: string; value: string }, next: string) => Promise<number>,
  options: { plaintextOnly?: boolean } = {},
): Promise<{ resealed: number; total: number; unreadable: string[] }> {
  let resealed = 0;
  const unreadable: string[] = [];
  for (const row of rows) {
    if (options.plaintextOnly && isSealed(row.value)) continue;
    let next: string | null;
    try {
      next = reseal(row.value, contextOf(row.id));
    } catch (error) {
      if (!(error instanceof SecretKeyError)) throw error;
      unreadable.push(row.id);
      continue;
    }
    if (next !== null) resealed += await write(row, next);
  }
  return { resealed, total: rows.length, unreadable };
}
