import { useCallback, useEffect, useState, type SetStateAction } from 'react';
import type { FormInstance } from 'antd';

interface DraftState<D> {
  draft: D | null;
  /** The last draft made from a server answer: while `draft` is still this object, the user has not edited. */
  pristine: D | null;
  /** What the draft is of (a record id, a team): another source starts a new draft. */
  source: unknown;
}

/**
 * A form's working copy of what the server holds. It is taken from the server's answer, and a later answer (the
 * refetch after a save, another tab's change) replaces it only while the user has not edited it since: what they
 * typed while a save was in flight is never overwritten by that save's answer or its refetch. `source` names the
 * record: picking another one starts over; `initial` is the draft before any answer (a new record's blank form).
 */
export function useServerDraft<S, D>(data: S | undefined, toDraft: (data: S) => D, options: { source?: unknown; initial?: D } = {}) {
  const { source, initial = null } = options;
  const [state, setState] = useState<DraftState<D>>(() => ({ draft: initial, pristine: initial, source }));
  const fresh = (d: D): DraftState<D> => ({ draft: d, pristine: d, source });
  useEffect(() => {
    setState((s) => {
      if (s.source !== source) return data === undefined ? { draft: null, pristine: null, source } : fresh(toDraft(data));
      if (data === undefined) return s;
      return s.draft === null || s.draft === s.pristine ? fresh(toDraft(data)) : s;
    });
    // toDraft is a pure mapping: only a new server answer or another source is a reason to look again.
  }, [data, source]);
  const setDraft = useCallback((next: SetStateAction<D | null>) => {
    setState((s) => ({ ...s, draft: typeof next === 'function' ? (next as (d: D | null) => D | null)(s.draft) : next }));
  }, []);
  /**
   * After a save of `sent`: unless the user edited since, the server's answer becomes the draft, or without an
   * answer in hand, the draft counts as untouched again so that the refetch replaces it.
   */
  const saved = (sent: D, answer?: S) =>
    setState((s) => (s.draft !== sent ? s : answer === undefined ? { ...s, pristine: s.draft } : fresh(toDraft(answer))));
  // Until the effect has run for a new source, the previous record's draft must not show.
  return { draft: state.source === source ? state.draft : null, setDraft, saved };
}

/** The same rule for an antd form: server answers fill the fields until the user has touched one. */
export function useServerFields<S, V>(form: FormInstance<V>, data: S | undefined, toValues: (data: S) => Parameters<FormInstance<V>['setFieldsValue']>[0]) {
  useEffect(() => {
    if (data !== undefined && !form.isFieldsTouched()) form.setFieldsValue(toValues(data));
  }, [data, form]);
}
