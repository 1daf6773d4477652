import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is an ambient const enum (not importable under isolatedModules); 2 is its value.
const ARGON2ID = 2;

/** argon2id with the library's recommended cost; the encoded hash carries its own parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(encoded: string, password: string): Promise<boolean> {
  try {
    return await verify(encoded, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * A hash no password matches, with the same cost as real ones: an unknown username is verified against it so
 * that it takes as long as a wrong password (no username oracle through timing).
 */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(`no-user-${Math.random()}-${Date.now()}`));
}
