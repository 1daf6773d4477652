import { randomUUID } from 'node:crypto';

/** Record ids are random UUIDs, stored as text on both databases. */
export function newId(): string {
  return randomUUID();
}
