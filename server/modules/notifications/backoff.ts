/** Delay before attempt `attempts + 1` after `attempts` failures: base, 2×base, 4×base, … capped. */
export function backoffMs(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
