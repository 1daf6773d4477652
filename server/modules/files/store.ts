/** Content-addressed storage on disk: `<filesDir>/ab/cd/<sha256>`. Identical uploads share one file. */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../../core/ids.js';

const HEAD_BYTES = 4096;

export interface TempFile {
  path: string;
  sha256: string;
  size: number;
  /** The first bytes, for type detection. */
  head: Buffer;
}

export function contentPath(filesDir: string, sha256: string): string {
  return join(filesDir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Streams an upload to a temporary name while hashing it; nothing is ever read whole into memory. */
export async function writeTemp(filesDir: string, source: Readable): Promise<TempFile> {
  const dir = join(filesDir, 'tmp');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${newId()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const headChunks: Buffer[] = [];
  let headLength = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, tap, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { path, sha256: hash.digest('hex'), size, head: Buffer.concat(headChunks) };
}

/** Renames the temporary file to its content address (atomic on one file system); a duplicate just drops the temp. */
export async function commitTemp(filesDir: string, temp: TempFile): Promise<string> {
  const target = contentPath(filesDir, temp.sha256);
  await mkdir(join(target, '..'), { recursive: true });
  const existing = await stat(target).catch(() => null);
  if (existing && existing.size === temp.size) {
    await rm(temp.path, { force: true });
    return target;
  }
  await rename(temp.path, target);
  return target;
}

export async function discardTemp(temp: TempFile | null): Promise<void> {
  if (temp) await rm(temp.path, { force: true });
}

export function openContent(filesDir: string, sha256: string): Readable {
  return createReadStream(contentPath(filesDir, sha256));
}
