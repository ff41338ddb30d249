import { useCallback, useContext, useEffect, useState } from 'react';
import { DataContext } from './DataProvider';

/** Server state with React context and effects: the screens only see these hooks. A change bumps the key's version. */

function useLoad<T>(key: string, load: () => Promise<T>, enabled: boolean) {
  const { versions } = useContext(DataContext);
  const version = versions[key] ?? 0;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(enabled);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setLoading(true);
    load()
      .then((d) => live && (setData(d), setError(null)))
      .catch((e: unknown) => live && setError(e))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, tick, enabled]);
  return { data, error, loading, refresh: () => setTick((t) => t + 1) };
}

export function useList<T>(key: string, load: () => Promise<T[]>) {
  return useLoad(key, load, true);
}

export function useItem<T>(key: string, id: string, load: () => Promise<T>) {
  return useLoad(`${key}`, load, id !== '');
}

export function useChange<A>(key: string, change: (arg: A) => Promise<unknown>) {
  const { bump } = useContext(DataContext);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (arg: A) => {
      setBusy(true);
      try {
        const result = await change(arg);
        setError(null);
        bump(key);
        return result;
      } catch (e) {
        setError(e);
        throw e;
      } finally {
        setBusy(false);
      }
    },
    [change, bump, key],
  );
  return { run, busy, error };
}
