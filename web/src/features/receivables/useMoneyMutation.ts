import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { api, errorMessage } from '../../api/client';
import { moneyKeys } from './api';

/** A money write (claim, decision, reversal, credit, invoice, amendment, settings); refreshes every money query after. */
export function useMoneyMutation(done?: { success?: string; after?: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ method = 'post', path, body }: { method?: 'post' | 'put'; path: string; body: unknown }) => (method === 'post' ? api.post<unknown>(path, body) : api.put<unknown>(path, body)),
    onSuccess: () => {
      if (done?.success) message.success(done.success);
      client.invalidateQueries({ queryKey: moneyKeys.all });
      done?.after?.();
    },
    onError: (e) => message.error(errorMessage(e)),
  });
}

/** Yuan typed in a form → integer fen (the API's unit); rounding removes float noise such as 0.1 + 0.2. */
export const toFen = (yuan: number) => Math.round(yuan * 100);
