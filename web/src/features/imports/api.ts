import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import type { components } from '../../api/schema';
import type { GetAnswer } from '../../api/types';

export type ImportItem = components['schemas']['Import'];
export type ImportUpload = components['schemas']['ImportUpload'];
export type ImportRowItem = components['schemas']['ImportRow'];
export type ImportOptions = { mode: 'create' | 'update' | 'upsert'; duplicates: 'skip' | 'update' | 'create' };

const RUNNING = new Set(['validating', 'committing']);

export function useImports() {
  return useQuery({ queryKey: queryKeys.imports('list'), queryFn: () => api.get<GetAnswer<'/api/imports'>>('/api/imports', { pageSize: 50 }) });
}

/** One import, polled every second while a phase runs (progress bar). */
export function useImport(id: string) {
  return useQuery({
    queryKey: queryKeys.imports(id),
    queryFn: () => api.get<ImportItem>(`/api/imports/${id}`),
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.status) ? 1000 : false),
  });
}

export function useImportRows(id: string, verdict: string, status: string | undefined) {
  return useQuery({
    queryKey: queryKeys.importRows(id, verdict, status),
    queryFn: () => api.get<GetAnswer<'/api/imports/{id}/rows'>>(`/api/imports/${id}/rows`, { verdict, pageSize: 200 }),
    enabled: !!status && !RUNNING.has(status) && status !== 'uploaded',
  });
}

/** What an import brings in; the server's `kind` (its field lists and checks differ per kind). */
export type ImportKind = ImportItem['kind'];
export const IMPORT_KINDS: readonly ImportKind[] = ['customers', 'deals', 'activities', 'contracts'];

export function uploadImport(file: File, kind: ImportKind, encoding?: string) {
  const form = new FormData();
  form.append('kind', kind);
  if (encoding) form.append('encoding', encoding);
  form.append('file', file);
  return api.upload<ImportUpload>('/api/imports', form);
}

export function useImportAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'dry-run' | 'commit' | 'cancel' | 'undo'; body?: unknown }) => api.post<unknown>(`/api/imports/${id}/${action}`, body ?? {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.imports() }),
  });
}

export const errorFileUrl = (id: string, format: 'xlsx' | 'csv') => `/api/imports/${id}/errors?format=${format}`;
