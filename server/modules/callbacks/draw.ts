/**
 * The random call-back draw (随机抽检): which customers of a team are called back to verify their logged visits.
 * Pure and reproducible: each customer's place is SHA-256(seed + ':' + customer id), the lowest places are drawn,
 * so the recorded seed repeats the draw exactly, whatever order the customers were listed in. The share is in
 * basis points (500 = 5 %), rounded up: a team with any visited customer has at least one drawn.
 */
import { createHash } from 'node:crypto';

export const DEFAULT_SHARE_BP = 500;

export function drawCount(population: number, shareBp: number): number {
  if (population <= 0 || shareBp <= 0) return 0;
  return Math.min(population, Math.ceil((population * shareBp) / 10_000));
}

export function drawSample(customerIds: readonly string[], shareBp: number, seed: string): string[] {
  const unique = [...new Set(customerIds)];
  const place = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return unique
    .map((id) => ({ id, place: place(id) }))
    .sort((a, b) => (a.place < b.place ? -1 : a.place > b.place ? 1 : 0))
    .slice(0, drawCount(unique.length, shareBp))
    .map((x) => x.id);
}
