import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { api, ApiError, setUnauthenticatedHandler } from '../api/client';
import type { Me } from '../api/types';
import { abilityCheck, AbilitiesContext, type Abilities } from './abilities';
import { LoginPage } from './LoginPage';
import { queryKeys } from '../api/queryKeys';

interface AuthValue {
  me: Me;
  logout(): void;
}

const AuthContext = createContext<AuthValue | null>(null);

/** Loads `/api/me`; without a session it shows the login page instead of the app. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const meQuery = useQuery({
    queryKey: queryKeys.me(),
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

  const abilitiesQuery = useQuery({
    queryKey: queryKeys.me('abilities'),
    queryFn: () => api.get<Abilities>('/api/me/abilities'),
    enabled: !!meQuery.data,
    staleTime: Infinity,
  });

  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(queryKeys.me(), null));
    return () => setUnauthenticatedHandler(null);
  }, [client]);

  const logout = useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(queryKeys.me(), null);
    },
  });

  if (meQuery.isPending || (meQuery.data && !abilitiesQuery.data)) {
    return (
      <div style={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <Spin size="large" />
      </div>
    );
  }
  if (!meQuery.data) return <LoginPage />;
  return (
    <AuthContext.Provider value={{ me: meQuery.data, logout: () => logout.mutate() }}>
      <AbilitiesContext.Provider value={abilityCheck(abilitiesQuery.data!)}>{children}</AbilitiesContext.Provider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
