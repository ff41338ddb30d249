import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

/** Server state through TanStack Query: the screens only see these four hooks. */

export function useList<T>(key: string, load: () => Promise<T[]>) {
  const q = useQuery({ queryKey: [key, 'list'], queryFn: load });
  return { data: q.data, error: q.error, loading: q.isPending, refresh: () => void q.refetch() };
}

export function useItem<T>(key: string, id: string, load: () => Promise<T>) {
  const q = useQuery({ queryKey: [key, 'item', id], queryFn: load, enabled: id !== '' });
  return { data: q.data, error: q.error, loading: q.isPending, refresh: () => void q.refetch() };
}

export function useChange<A>(key: string, change: (arg: A) => Promise<unknown>) {
  const client = useQueryClient();
  const m = useMutation({ mutationFn: change, onSuccess: () => client.invalidateQueries({ queryKey: [key] }) });
  return { run: (arg: A) => m.mutateAsync(arg), busy: m.isPending, error: m.error };
}
