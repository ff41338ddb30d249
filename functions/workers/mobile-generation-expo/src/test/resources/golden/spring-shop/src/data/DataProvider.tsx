import { createContext, useCallback, useMemo, useState, type ReactNode } from 'react';

export const DataContext = createContext<{ versions: Record<string, number>; bump: (key: string) => void }>({
  versions: {},
  bump: () => undefined,
});

/** Holds a version per resource; a change bumps it and the screens reading that resource load again. */
export function DataProvider({ children }: { children: ReactNode }) {
  const [versions, setVersions] = useState<Record<string, number>>({});
  const bump = useCallback((key: string) => setVersions((v) => ({ ...v, [key]: (v[key] ?? 0) + 1 })), []);
  const value = useMemo(() => ({ versions, bump }), [versions, bump]);
  return <DataContext.Provider value={value}>{children}</DataContext.Provider>;
}
