import AsyncStorage from '@react-native-async-storage/async-storage';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import { QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useState, type ReactNode } from 'react';

const DAY = 24 * 60 * 60 * 1000;

/**
 * TanStack Query with its cache persisted to AsyncStorage: lists and details open offline with what was last loaded,
 * and changes made offline wait until the network is back (networkMode offlineFirst).
 */
export function DataProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { gcTime: DAY, staleTime: 30_000, retry: 1, networkMode: 'offlineFirst' },
          mutations: { networkMode: 'offlineFirst' },
        },
      }),
  );
  const [persister] = useState(() => createAsyncStoragePersister({ storage: AsyncStorage }));
  return (
    <PersistQueryClientProvider client={client} persistOptions={{ persister, maxAge: DAY }}>
      {children}
    </PersistQueryClientProvider>
  );
}
