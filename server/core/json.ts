/**
 * JSON columns are text on both databases; these keep parsing in one place. The fallback does not pick the type
 * (`parseJson(text, null)` is `unknown`, not `null`): callers name `T` or let the assignment give it.
 */
export function parseJson<T = unknown>(text: string | null | undefined, fallback: NoInfer<T>): T {
  if (text == null || text === '') return fallback;
  return JSON.parse(text) as T;
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}
